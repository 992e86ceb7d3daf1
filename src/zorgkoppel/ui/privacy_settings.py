"""Settings › Privacy and security…: when the window locks, and (administrators) how long
notes are kept. Backups have their own dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from zorgkoppel.i18n import _
from zorgkoppel.settings import Settings
from zorgkoppel.ui.lock_settings import LockMinutesField
from zorgkoppel.ui.retention_settings import retention_section


class PrivacySettingsDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacy_settings")
        self.setWindowTitle(_("Privacy and security"))
        self.setMinimumWidth(520)
        explanation = QLabel(_(
            "The window locks itself when nobody used it for a while and when the computer "
            "wakes from sleep; the password opens it again, with everything you typed."))
        explanation.setWordWrap(True)
        form = QFormLayout()
        window_settings = getattr(parent, "settings", None)
        self.lock_field = LockMinutesField(
            data_dir, window_settings if isinstance(window_settings, Settings) else None)
        form.addRow(_("Lock the window after:"), self.lock_field)
        self.retention = retention_section(parent, data_dir) if parent is not None else None
        if self.retention is not None:  # administrators only
            form.addRow(_("Note retention:"), self.retention)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)
