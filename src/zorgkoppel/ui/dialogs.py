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


def ask_report_path(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    """Where to save a report; `suggested`'s suffix (csv, xlsx, pdf) sets the file type."""
    suffix = Path(suggested).suffix
    kinds = {".csv": _("CSV for Excel (*.csv)"), ".xlsx": _("Excel workbooks (*.xlsx)"),
             ".pdf": _("PDF documents (*.pdf)")}
    name, _filter = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / suggested), kinds.get(suffix, _("All files (*)")))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(suffix)


def ask_save_path(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / suggested), _("Exchange files (*.json)")
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".json")


def ask_pdf_path(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    """Where to write a PDF (a printout); None when the user cancels."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / suggested), _("PDF documents (*.pdf)")
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".pdf")


def ask_calendar_path(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    """Where to write an .ics calendar file; None when the user cancels."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / suggested), _("Calendar files (*.ics)")
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".ics")


def ask_meeting_time(parent: QWidget | None, title: str, suggested: object) -> object | None:
    """A date and time for a meeting (a QDateTime), or None when the user cancels."""
    from PySide6.QtWidgets import QDateTimeEdit, QDialogButtonBox, QVBoxLayout

    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    editor = QDateTimeEdit(suggested)  # type: ignore[call-overload]
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("dd/MM/yyyy HH:mm")
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(editor)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return editor.dateTime()


def ask_folder(parent: QWidget | None, title: str, start: Path | None = None) -> Path | None:
    """A folder (a USB stick, a share); None when the user cancels."""
    name = QFileDialog.getExistingDirectory(parent, title, str(start or Path.home()))
    return Path(name) if name else None


def ask_restore_path(parent: QWidget | None, title: str, start: Path) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent, title, str(start), _("zorgkoppel backups (*.sqlite);;All files (*)")
    )
    return Path(name) if name else None


class InUseChoice(Enum):
    BRING_FORWARD = "bring_forward"
    READ_ONLY = "read_only"
    QUIT = "quit"


def ask_data_in_use(parent: QWidget | None, text: str) -> InUseChoice:
    """The data is open in another window: bring that one forward, read only, or stop."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("The data is already open"))
    box.setText(text)
    box.setInformativeText(_(
        "Only one window at a time may change the data. You can go to the open window, "
        "or look at the data here without changing it."
    ))
    forward = box.addButton(_("Go to the open window"), QMessageBox.ButtonRole.AcceptRole)
    read_only = box.addButton(_("Open read-only"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(forward)
    box.exec()
    clicked = box.clickedButton()
    if clicked is forward:
        return InUseChoice.BRING_FORWARD
    if clicked is read_only:
        return InUseChoice.READ_ONLY
    return InUseChoice.QUIT


def ask_move_to_local(parent: QWidget | None, text: str) -> bool:
    """The data folder is on a share or in a sync folder: move the data to the local folder?"""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("The data folder is not safe"))
    box.setText(text)
    move = box.addButton(_("Move the data to the local folder"),
                         QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(move)
    box.exec()
    return box.clickedButton() is move


def ask_choice(
    parent: QWidget | None, title: str, text: str, choices: list[tuple[str, str]]
) -> str | None:
    """One of `choices` (key, label) picked from a list; None when the user cancels."""
    from PySide6.QtWidgets import QInputDialog

    labels = [label for _key, label in choices]
    picked, accepted = QInputDialog.getItem(parent, title, text, labels, 0, False)
    if not accepted or picked not in labels:
        return None
    return choices[labels.index(picked)][0]
