"""A read-only view of one record: a heading and sections of label/value lines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget


@dataclass(frozen=True)
class Section:
    title: str
    rows: Sequence[tuple[str, str]] = ()
    lines: Sequence[str] = field(default_factory=tuple)  # shown as a bulleted list
    text: str = ""  # a free text (a summary, a review) shown as it was written
    empty: str = ""  # said when the section has nothing to show


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>") if value else "—"


def render_html(heading: str, sections: Sequence[Section]) -> str:
    """One table for the whole record, so the labels of every section line up."""
    parts = [
        f"<h2 style='margin-bottom:6px'>{escape(heading)}</h2>",
        "<table width='100%' cellspacing='0' cellpadding='3'>",
    ]
    for section in sections:
        parts.append(
            "<tr><td colspan='2' style='padding-top:12px; border-bottom:1px solid #ccc'>"
            f"<b>{escape(section.title)}</b></td></tr>"
        )
        for name, value in section.rows:
            parts.append(
                "<tr><td width='38%' valign='top' style='color:#555'>"
                f"{escape(name)}</td><td valign='top'>{_text(value)}</td></tr>"
            )
        for line in section.lines:
            parts.append(f"<tr><td colspan='2' valign='top'>• {_text(line)}</td></tr>")
        if section.text:
            parts.append(f"<tr><td colspan='2' valign='top'>{_text(section.text)}</td></tr>")
        if not (section.rows or section.lines or section.text) and section.empty:
            parts.append(
                f"<tr><td colspan='2' style='color:#555'>{escape(section.empty)}</td></tr>"
            )
    parts.append("</table>")
    return "".join(parts)


class DetailView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setMinimumWidth(320)

    def show_record(self, heading: str, sections: Sequence[Section]) -> None:
        self.setHtml(render_html(heading, sections))

    def show_message(self, text: str) -> None:
        self.setHtml(f"<p style='color:#555'>{escape(text)}</p>")
