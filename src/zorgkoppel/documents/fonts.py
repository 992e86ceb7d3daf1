"""The fonts every printed document uses: DejaVu Sans shipped in ``resources/fonts``.

reportlab's built-in Helvetica is not embedded and lacks many characters (€, ë, œ, …), so
documents embed DejaVu Sans instead. API::

    from zorgkoppel.documents.fonts import register_fonts
    fonts = register_fonts()      # idempotent; cheap after the first call
    fonts.regular, fonts.bold, fonts.oblique   # reportlab font names
    # a font *family* named fonts.family is registered too, so <b>/<i> in Paragraphs work.

Raises ``FileNotFoundError`` when a font file is missing, so a broken install fails loudly
instead of printing boxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from zorgkoppel.paths import font_path

FAMILY = "DejaVuSans"


@dataclass(frozen=True)
class DocumentFonts:
    """reportlab names of the registered fonts."""

    family: str
    regular: str
    bold: str
    oblique: str


_FILES = {
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
}


@cache
def register_fonts() -> DocumentFonts:
    """Register DejaVu Sans regular, bold and oblique with reportlab (once) and name them."""
    for name, file_name in _FILES.items():
        path = font_path(file_name)
        if not path.is_file():
            raise FileNotFoundError(path)
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # No bold-oblique file is shipped; bold stands in so <b><i> still renders.
    addMapping(FAMILY, 0, 0, "DejaVuSans")
    addMapping(FAMILY, 1, 0, "DejaVuSans-Bold")
    addMapping(FAMILY, 0, 1, "DejaVuSans-Oblique")
    addMapping(FAMILY, 1, 1, "DejaVuSans-Bold")
    return DocumentFonts(
        family=FAMILY, regular="DejaVuSans", bold="DejaVuSans-Bold", oblique="DejaVuSans-Oblique"
    )
