"""When the window backs up: on close, and every 30 minutes while something changed.

The backup itself is the storage service `back_up_data_folder` (SQLite's online backup
API, checked, thinned, copied to the second folder); this only decides when.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.i18n import _
from zorgkoppel.i18n.formatting import format_datetime
from zorgkoppel.settings import load_settings

if TYPE_CHECKING:
    from zorgkoppel.storage.backup import BackupResult

# The backup code (with the copy's encryption) is loaded at the first backup, not while
# the window starts.

CHECK_INTERVAL_MS = 60_000  # how often the timer looks whether a backup is due


class BackupSchedule(QObject):
    backed_up = Signal(object)  # BackupResult

    def __init__(
        self, parent: QObject, data_dir: Path, report: Callable[[str], None],
        enabled: bool = True, data_key: Callable[[], bytes | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        # Asked at each backup: a restore or an encryption may change the open database.
        self._data_key = data_key
        self.enabled = enabled
        self._report = report
        self.changed = False  # since the last backup
        self.last_error: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.back_up_if_due)

    def last_backup_time(self) -> dt.datetime | None:
        from zorgkoppel.storage.backup import backup_folders, last_backup

        found = last_backup(backup_folders(self.data_dir, load_settings(self.data_dir))[:1])
        return found.taken_at if found else None

    def note_change(self) -> None:
        if not self.enabled:
            return
        self.changed = True
        if not self.timer.isActive():
            self.timer.start()

    def is_due(self, now: dt.datetime | None = None) -> bool:
        if not (self.enabled and self.changed):
            return False
        from zorgkoppel.storage.backup import AUTOMATIC_INTERVAL

        last = self.last_backup_time()
        return last is None or (now or dt.datetime.now()) - last >= AUTOMATIC_INTERVAL

    def back_up_if_due(self) -> BackupResult | None:
        return self.back_up() if self.is_due() else None

    def back_up_on_close(self) -> BackupResult | None:
        """At the end of a session that changed something since the last backup."""
        if not (self.enabled and self.changed):
            return None
        return self.back_up()

    def back_up(self) -> BackupResult | None:
        """Back up now; a failure is reported, never raised (the data itself is safe)."""
        from zorgkoppel.storage.backup import back_up_data_folder

        try:
            result = back_up_data_folder(self.data_dir, key=self._data_key())
        except (ZorgkoppelError, OSError) as error:
            self.last_error = _("The backup failed: {reason}").format(reason=str(error))
            self._report(self.last_error)
            return None
        self.last_error = None
        self.changed = False
        self.timer.stop()
        taken = result.path
        self._report(_("Backup made at {time}: {path}").format(
            time=format_datetime(dt.datetime.now()), path=taken))
        for folder, reason in result.failed_copies:
            self._report(_("The copy to the second backup folder {folder} failed: {reason}")
                         .format(folder=folder, reason=reason))
        self.backed_up.emit(result)
        return result
