"""Every modal question and message of the interface, as plain functions.

Screens call these instead of QMessageBox or QFileDialog directly, so tests replace one
function (monkeypatch) and never block on a modal dialog.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from zorgkoppel.i18n import _


class UnsavedChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def exec_dialog(dialog: QDialog) -> int:
    """Run a dialog modally; returns QDialog.DialogCode."""
    return dialog.exec()


def ask_unsaved_changes(parent: QWidget | None) -> UnsavedChoice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Unsaved changes"))
    box.setText(_("This record has changes that are not saved yet."))
    box.setInformativeText(_("Do you want to save them?"))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return UnsavedChoice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return UnsavedChoice.DISCARD
    return UnsavedChoice.CANCEL


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_load_demo(parent: QWidget | None) -> bool:
    answer = QMessageBox.question(
        parent,
        _("Welcome to zorgkoppel"),
        _(
            "There is no data yet. Do you want to load demonstration data (fictitious "
            "organisations, workers, agreements, a roster and notes) to try the program?\n\n"
            "You can also start empty and import an exchange file later (File menu)."
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def ask_open_path(parent: QWidget | None, title: str) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent, title, str(Path.home()), _("Exchange files (*.json);;All files (*)")
    )
    return Path(name) if name else None


def ask_save_path(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / suggested), _("Exchange files (*.json)")
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".json")
