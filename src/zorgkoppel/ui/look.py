"""Colours of secondary and warning text, set through the palette.

A palette is cheaper than a style sheet: a style sheet puts every widget under it through
Qt's style-sheet engine, which shows in the start-up time.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

MUTED = QColor("#555555")
WARNING = QColor("#b3261e")


def set_text_colour(widget: QWidget, colour: QColor | None) -> None:
    """`colour` for the widget's text; None gives back the normal colour."""
    if colour is None:
        widget.setPalette(QPalette())  # nothing set: inherit from the parent again
        return
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    palette.setColor(QPalette.ColorRole.Text, colour)
    widget.setPalette(palette)


def muted(widget: QWidget) -> QWidget:
    set_text_colour(widget, MUTED)
    return widget
