"""A full disk, told in plain words.

SQLite reports a full disk (or a database that reached its size limit) as SQLITE_FULL,
"database or disk is full"; file writes fail with ENOSPC. Either way the transaction has
been rolled back, so the message can promise that nothing was half written.
"""

from __future__ import annotations

import errno
import sqlite3

from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.i18n import N_
from zorgkoppel.storage.sqlite_driver import DRIVER_ERRORS

MSG_DISK_FULL = N_(
    "The disk is full, so the change was not saved; nothing was half written. "
    "Make room on the disk that holds {folder} (empty the recycle bin, remove large files) "
    "and try again."
)


class DiskFullError(ZorgkoppelError):
    def __init__(self, folder: str) -> None:
        super().__init__(MSG_DISK_FULL, folder=folder)


def is_disk_full(error: BaseException) -> bool:
    """True for SQLite's SQLITE_FULL and the system's ENOSPC/EDQUOT, also when wrapped."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if isinstance(current, DRIVER_ERRORS):
            code = getattr(current, "sqlite_errorcode", None)
            if code is not None and code & 0xFF == sqlite3.SQLITE_FULL:
                return True
            if "database or disk is full" in str(current):
                return True
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return False
