"""A4 page layout shared by every printed document: margins, footer, watermark, metadata.

API (kept small on purpose; the contract and the progress report both build on it)::

    from zorgkoppel.documents.pages import DocumentInfo, build_pdf, styles

    info = DocumentInfo(
        title="…", language="nl", translate=gettext_for("nl"),
        author="…", subject="…", keywords=("…",),
        footer="reference or other left-footer text",   # optional
        watermark="CONCEPT",                              # optional, already translated
    )
    pdf_bytes = build_pdf(story, info)   # story: a list of reportlab flowables
    st = styles()                        # ParagraphStyles in DejaVu Sans: title, subtitle,
                                         # meta, heading, subheading, body, small, cell

Every page gets "Page X of Y" in the document's language (msgid ``Page {page} of {pages}``
through ``info.translate``) at the bottom right, ``info.footer`` at the bottom left, and the
optional diagonal ``watermark``. Output is built with ``invariant=1``: the same story and
info give byte-identical bytes. Fonts are embedded (see :mod:`zorgkoppel.documents.fonts`).
Importing this module switches reportlab's ASCII85 stream encoding off for the process.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, TableStyle

from zorgkoppel.documents.fonts import register_fonts
from zorgkoppel.i18n import N_

# Binary (zlib-only) streams instead of ASCII85 text: smaller files, and without reportlab's
# C accelerator the ASCII85 step costs more than the layout of a page.
rl_config.useA85 = 0

PAGE_SIZE = A4
MARGIN_LEFT = 22 * mm
MARGIN_RIGHT = 22 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm
CREATOR = "zorgkoppel"

PAGE_LABEL = N_("Page {page} of {pages}")


@dataclass(frozen=True)
class DocumentInfo:
    """What a document says about itself: metadata, language, footer and watermark."""

    title: str
    language: str
    translate: Callable[[str], str]
    author: str = ""
    subject: str = ""
    keywords: Sequence[str] = ()
    footer: str = ""
    watermark: str | None = None


class _NumberedCanvas(Canvas):
    """Holds every page back until the end, so each footer can say how many pages there are."""

    def __init__(
        self, *args: Any, page_label: Callable[[int, int], str], footer: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._page_label = page_label
        self._footer = footer
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for state in self._held_pages:
            self.__dict__.update(state)
            self._draw_footer(self._pageNumber, total)
            super().showPage()
        super().save()

    def _draw_footer(self, page: int, total: int) -> None:
        fonts = register_fonts()
        width, _height = self._pagesize
        self.saveState()
        self.setFont(fonts.regular, 8)
        self.setFillColor(colors.HexColor("#555555"))
        self.setStrokeColor(colors.HexColor("#999999"))
        self.setLineWidth(0.4)
        line_y = MARGIN_BOTTOM - 6 * mm
        self.line(MARGIN_LEFT, line_y, width - MARGIN_RIGHT, line_y)
        text_y = line_y - 4 * mm
        if self._footer:
            self.drawString(MARGIN_LEFT, text_y, self._footer)
        self.drawRightString(width - MARGIN_RIGHT, text_y, self._page_label(page, total))
        self.restoreState()


def _draw_watermark(text: str, canvas: Canvas, _doc: Any) -> None:
    fonts = register_fonts()
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFont(fonts.bold, 96)
    canvas.setFillColor(colors.Color(0.85, 0.15, 0.15, alpha=0.13))
    canvas.translate(width / 2, height / 2)
    canvas.rotate(52)
    canvas.drawCentredString(0, -32, text)
    canvas.restoreState()


def _no_decoration(_canvas: Canvas, _doc: Any) -> None:
    return None


def build_pdf(
    story: list[Flowable],
    info: DocumentInfo,
    pagesize: tuple[float, float] = PAGE_SIZE,
    margin: float | None = None,
) -> bytes:
    """Lay the story out on pages (A4 portrait unless `pagesize` says otherwise) and return
    the PDF's bytes. `margin` replaces the left, right and top margins (a notice-board
    sheet wants more room than a letter).

    Flowables keep layout state, so build a fresh story for every document.
    """
    fonts = register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN_LEFT if margin is None else margin,
        rightMargin=MARGIN_RIGHT if margin is None else margin,
        topMargin=MARGIN_TOP if margin is None else margin,
        bottomMargin=MARGIN_BOTTOM,
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=list(info.keywords),
        creator=CREATOR,
        producer=CREATOR,
        lang=_pdf_language(info.language),
        invariant=1,
        initialFontName=fonts.regular,
    )
    label_text = info.translate(PAGE_LABEL)

    def page_label(page: int, pages: int) -> str:
        return label_text.format(page=page, pages=pages)

    decorate = partial(_draw_watermark, info.watermark) if info.watermark else _no_decoration
    doc.build(
        list(story),  # reportlab consumes the list it is given
        onFirstPage=decorate,
        onLaterPages=decorate,
        canvasmaker=partial(_NumberedCanvas, page_label=page_label, footer=info.footer),
    )
    return buffer.getvalue()


def _pdf_language(language: str) -> str:
    return {"nl": "nl-BE", "fr": "fr-BE", "en": "en"}.get(language, language)


@cache
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles in the embedded font.

    Names: title, subtitle, meta (centred small line), heading, subheading, body, small,
    cell (table cells), centered.
    """
    fonts = register_fonts()
    body = ParagraphStyle(
        "body", fontName=fonts.regular, fontSize=9.5, leading=13.2, spaceAfter=4,
        textColor=colors.black,
    )
    return {
        "title": ParagraphStyle(
            "title", parent=body, fontName=fonts.bold, fontSize=17, leading=21,
            alignment=TA_CENTER, spaceAfter=4,
        ),
        "heading": ParagraphStyle(
            "heading", parent=body, fontName=fonts.bold, fontSize=11.5, leading=15,
            spaceBefore=9, spaceAfter=4, keepWithNext=1,
        ),
        "subheading": ParagraphStyle(
            "subheading", parent=body, fontName=fonts.bold, fontSize=9.5, leading=13,
            spaceBefore=4, spaceAfter=2, keepWithNext=1,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontSize=11, leading=14, alignment=TA_CENTER,
            textColor=colors.HexColor("#333333"), spaceAfter=6,
        ),
        "meta": ParagraphStyle(
            "meta", parent=body, fontSize=8.5, leading=11, alignment=TA_CENTER,
            textColor=colors.HexColor("#444444"),
        ),
        "body": body,
        "small": ParagraphStyle(
            "small", parent=body, fontSize=8, leading=10.5, textColor=colors.HexColor("#333333"),
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=12, spaceAfter=0),
        "centered": ParagraphStyle("centered", parent=body, alignment=TA_CENTER),
    }


def table_style(commands: list[tuple[Any, ...]]) -> TableStyle:
    """A table style whose cells default to the embedded font.

    reportlab's tables fall back to Helvetica, a font it does not embed, for every cell
    that no FONTNAME command covers; commands given here still override it.
    """
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts().regular), *commands])
