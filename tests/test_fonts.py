"""A real font is found: without one every glyph is a box and nothing else would notice."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from zorgkoppel.paths import font_path


def test_shipped_font_is_a_real_truetype_font() -> None:
    font = TTFont("ZorgkoppelTest", str(font_path()))
    pdfmetrics.registerFont(font)
    # DejaVu Sans covers the Dutch and French letters and the euro sign.
    for char in "éëèçàô€":
        assert ord(char) in font.face.charToGlyph, char


def test_qt_finds_a_font(qapp: object) -> None:
    from PySide6.QtGui import QFontDatabase, QFontInfo
    from PySide6.QtWidgets import QApplication

    assert QFontDatabase.families(), "Qt found no font at all"
    info = QFontInfo(QApplication.font())
    assert info.family()
