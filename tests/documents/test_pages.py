"""The shared page layout: fonts, page numbers, watermark, metadata, identical output."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from tests.documents.pdf_text import pdf_fonts, pdf_info, pdf_text
from zorgkoppel.documents.fonts import register_fonts
from zorgkoppel.documents.pages import PAGE_LABEL, DocumentInfo, build_pdf, styles
from zorgkoppel.paths import font_path


def story(paragraphs: int) -> list[Paragraph]:
    return [Paragraph("Één € œ " + "woord " * 60, styles()["body"]) for _ in range(paragraphs)]


def info(**changes: object) -> DocumentInfo:
    values: dict[str, object] = {
        "title": "Titel", "language": "nl", "translate": {PAGE_LABEL: "Pagina {page} van {pages}"}
        .get, "author": "WZC", "subject": "Onderwerp", "keywords": ("a", "b"), "footer": "SO-1",
    }
    values.update(changes)
    translate = values.pop("translate")
    return DocumentInfo(translate=lambda m: translate(m) or m, **values)  # type: ignore[arg-type,operator]


def test_fonts_are_shipped_and_registered_once() -> None:
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"):
        assert font_path(name).stat().st_size > 100_000
    fonts = register_fonts()
    assert register_fonts() is fonts
    assert (fonts.regular, fonts.bold, fonts.oblique) == (
        "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique")


def test_every_page_says_page_x_of_y_in_the_documents_language() -> None:
    pdf = build_pdf(story(40), info())
    pages = int(pdf_info(pdf)["Pages"])
    text = pdf_text(pdf)
    assert pages > 2
    for page in range(1, pages + 1):
        assert f"Pagina {page} van {pages}" in text
    assert f"Pagina {pages + 1}" not in text
    assert "Één € œ" in text


def test_fonts_are_embedded_and_metadata_set() -> None:
    pdf = build_pdf(story(2), info())
    fonts = pdf_fonts(pdf)
    assert "DejaVuSans" in fonts and " no " not in fonts.split("\n", 2)[2]
    meta = pdf_info(pdf)
    assert (meta["Title"], meta["Author"], meta["Subject"], meta["Keywords"]) == (
        "Titel", "WZC", "Onderwerp", "a, b")
    assert meta["Creator"] == "zorgkoppel"


def test_watermark_only_when_asked() -> None:
    # The rotated letters come out one by one.
    assert "C O N C E P T" in pdf_text(build_pdf(story(2), info(watermark="CONCEPT")))
    assert "C O N C E P T" not in pdf_text(build_pdf(story(2), info()))


def test_same_story_gives_the_same_bytes() -> None:
    assert build_pdf(story(10), info()) == build_pdf(story(10), info())
    assert build_pdf(story(10), info()) != build_pdf(story(10), info(footer="SO-2"))


def test_every_font_of_a_table_document_is_embedded() -> None:
    """Table cells default to the shipped font, never reportlab's unembedded Helvetica."""
    from reportlab.platypus import Table

    from zorgkoppel.documents.pages import DocumentInfo, build_pdf, table_style

    table = Table([["Route Noord", "Samir"], ["Keuken", "Fatma"]])
    table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    pdf = build_pdf([table], DocumentInfo(title="t", language="nl", translate=str))
    assert b"/Helvetica" not in pdf
    assert b"DejaVuSans" in pdf
