"""How long the window may stay unused before it locks (Settings › Privacy and security…)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from zorgkoppel.i18n import _
from zorgkoppel.settings import (
    LOCK_MINUTES_MAX,
    LOCK_MINUTES_MIN,
    Settings,
    SettingsError,
    load_settings,
    set_lock_after_minutes,
)


class LockMinutesField(QWidget):
    """A spin box saved as soon as it changes; `settings` (the window's copy) follows, so the
    running lock uses the new time at once."""

    def __init__(self, data_dir: Path, settings: Settings | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.settings = settings if settings is not None else load_settings(data_dir)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("lock_after_minutes")
        self.minutes.setRange(LOCK_MINUTES_MIN, LOCK_MINUTES_MAX)
        self.minutes.setKeyboardTracking(False)  # typing 15 saves 15, not 1 first
        self.minutes.setValue(load_settings(data_dir).lock_after_minutes)
        self.minutes.valueChanged.connect(self.save)
        unit = QLabel(_("minutes without use, and when the computer wakes up"))
        unit.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("lock_after_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.minutes)
        row.addWidget(unit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def save(self, minutes: int) -> bool:
        try:
            set_lock_after_minutes(self.data_dir, self.settings, minutes)
        except SettingsError as error:
            self.error.setText(error.text())
            self.error.show()
            return False
        self.error.hide()
        return True
