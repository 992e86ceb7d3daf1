"""The modal questions of the agreement screen and the contract preview, as plain functions.

Like `zorgkoppel.ui.dialogs`: tests replace these (monkeypatch) and never block.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.i18n import _
from zorgkoppel.ui.date_edit import DISPLAY_FORMAT


def ask_date(parent: QWidget | None, title: str, text: str,
             default: dt.date | None = None) -> dt.date | None:
    """A date (signing, termination), or None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    caption = QLabel(text)
    caption.setWordWrap(True)
    editor = QDateEdit()
    editor.setDisplayFormat(DISPLAY_FORMAT)
    editor.setCalendarPopup(True)
    day = default or dt.date.today()
    editor.setDate(QDate(day.year, day.month, day.day))
    caption.setBuddy(editor)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(caption)
    layout.addWidget(editor)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return editor.date().toPython()  # type: ignore[return-value]


def ask_printer(parent: QWidget | None, document_name: str) -> QPrinter | None:
    """The system print dialog; the chosen printer, or None when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def ask_pdf_path(parent: QWidget | None, suggested: str) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent, _("Save as PDF"), str(Path.home() / suggested), _("PDF files (*.pdf)")
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
