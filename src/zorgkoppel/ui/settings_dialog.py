"""Settings › Backups: the last backup and its folder, the second backup folder, back up now."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.i18n import _
from zorgkoppel.i18n.formatting import format_datetime
from zorgkoppel.settings import Settings, load_settings, save_settings
from zorgkoppel.storage.backup import backup_folder, last_backup
from zorgkoppel.storage.network_folder import find_network_folder
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.backup_schedule import BackupSchedule


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class BackupSettingsDialog(QDialog):
    def __init__(
        self, data_dir: Path, schedule: BackupSchedule, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backup_settings")
        self.data_dir = data_dir
        self.schedule = schedule
        self.setWindowTitle(_("Backups"))
        self.setMinimumWidth(560)

        self.last_label = _selectable(QLabel())
        self.last_label.setObjectName("last_backup")
        self.folder_label = _selectable(QLabel(str(backup_folder(data_dir))))
        self.folder_label.setObjectName("backup_folder")
        self.second_label = _selectable(QLabel())
        self.second_label.setObjectName("second_folder")
        self.choose_button = QPushButton(_("Choose…"))
        self.choose_button.setObjectName("choose_second_folder")
        self.choose_button.clicked.connect(self.choose_second_folder)
        self.clear_button = QPushButton(_("Do not copy"))
        self.clear_button.setObjectName("clear_second_folder")
        self.clear_button.clicked.connect(self.clear_second_folder)
        second_row = QHBoxLayout()
        second_row.addWidget(self.second_label, 1)
        second_row.addWidget(self.choose_button)
        second_row.addWidget(self.clear_button)

        explanation = QLabel(_(
            "A checked backup is made when you close the program and every 30 minutes while "
            "you work. Older backups are thinned: one per day for 12 days, one per week for "
            "10 weeks, one per month for 9 months. A second folder (a USB stick, a network "
            "share) gets a copy of every backup."
        ))
        explanation.setWordWrap(True)

        form = QFormLayout()
        form.addRow(_("Last backup:"), self.last_label)
        form.addRow(_("Backup folder:"), self.folder_label)
        form.addRow(_("Second backup folder:"), second_row)

        self.backup_button = QPushButton(_("Back up now"))
        self.backup_button.setObjectName("back_up_now")
        self.backup_button.clicked.connect(self.back_up_now)
        self.backup_button.setEnabled(schedule.enabled)
        self.result_label = _selectable(QLabel())
        self.result_label.setObjectName("backup_result")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.backup_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        self.refresh()

    def settings(self) -> Settings:
        return load_settings(self.data_dir)

    def refresh(self) -> None:
        last = last_backup([backup_folder(self.data_dir)])
        if last is None:
            self.last_label.setText(_("none yet"))
        else:
            self.last_label.setText(_("{when} ({name})").format(
                when=format_datetime(last.taken_at), name=last.path.name))
        second = self.settings().second_backup_folder
        self.second_label.setText(second or _("none"))
        self.clear_button.setEnabled(second is not None)
        self.adjustSize()  # wrapped texts change height

    def choose_second_folder(self) -> None:
        folder = dialogs.ask_folder(self, _("Second backup folder"))
        if folder is None:
            return
        if folder.resolve() == self.data_dir.resolve() or self.data_dir.resolve() in (
            folder.resolve().parents
        ):
            dialogs.show_error(self, _("Backups"), _(
                "Choose a folder outside the data folder: the second folder is there for when "
                "this disk fails."))
            return
        self._save_second(str(folder))
        finding = find_network_folder(folder)
        note = _("Backups are also copied to {folder}.").format(folder=folder)
        if finding is not None:
            note += " " + _("It is a network or sync folder; that is fine for backups.")
        self.result_label.setText(note)

    def clear_second_folder(self) -> None:
        self._save_second(None)
        self.result_label.setText(_("Backups are no longer copied to a second folder."))

    def _save_second(self, folder: str | None) -> None:
        settings = self.settings()
        settings.second_backup_folder = folder
        save_settings(self.data_dir, settings)
        # The window keeps its own Settings object for the language; keep it in step.
        parent = self.parent()
        if parent is not None and isinstance(getattr(parent, "settings", None), Settings):
            parent.settings.second_backup_folder = folder  # type: ignore[attr-defined]
        self.refresh()

    def back_up_now(self) -> None:
        result = self.schedule.back_up()
        if result is None:
            self.result_label.setText(self.schedule.last_error or _("The backup failed."))
        else:
            text = _("Backup written and checked: {path}").format(path=result.path)
            for copy in result.copies:
                text += "\n" + _("Copy in the second backup folder: {path}").format(path=copy)
            for folder, reason in result.failed_copies:
                text += "\n" + _(
                    "The copy to the second backup folder {folder} failed: {reason}"
                ).format(folder=folder, reason=reason)
            self.result_label.setText(text)
        self.refresh()
