"""Is a database file whole? `quick_check` at every start, `integrity_check` on every backup.

The checks open the file with the plain sqlite3 module (SQLCipher with the data key for an
encrypted file), so they also work on a file the program cannot open otherwise (a damaged
one, a backup, one written by a newer version).
"""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.i18n import N_, _
from zorgkoppel.storage.sqlite_driver import DRIVER_ERRORS, connect, file_is_encrypted

# A damaged file can hold thousands of findings; the user needs the first few.
MAX_FINDINGS = 20


@dataclass(frozen=True)
class CheckResult:
    path: Path
    ok: bool
    findings: tuple[str, ...] = ()  # SQLite's own words, for the log and the expert

    def text(self) -> str:
        if self.ok:
            return _("{path}: the database is whole.").format(path=self.path)
        return _("{path}: the database is damaged.").format(path=self.path)


class DatabaseDamagedError(ZorgkoppelError):
    """The database failed its check at start; nothing was written to it."""

    def __init__(self, result: CheckResult, newest_good_backup: Path | None) -> None:
        if newest_good_backup is None:
            super().__init__(
                N_("The database {path} is damaged and there is no good backup to restore. "
                   "Nothing was changed. Keep a copy of the data folder and ask for help."),
                path=str(result.path),
            )
        else:
            super().__init__(
                N_("The database {path} is damaged. Nothing was changed. The newest good "
                   "backup is {backup}; restore it with 'zorgkoppel restore {backup}'."),
                path=str(result.path), backup=str(newest_good_backup),
            )
        self.result = result
        self.newest_good_backup = newest_good_backup


def _run_check(path: Path, pragma: str, key: bytes | None) -> CheckResult:
    if not path.is_file():
        return CheckResult(path, False, ("file not found",))
    if file_is_encrypted(path) and key is None:
        return CheckResult(path, False, ("encrypted, and no key was given",))
    try:
        # Not read-only: a WAL database needs its -shm file, which a read-only open cannot
        # create. The checks themselves write nothing.
        with closing(connect(path, key if file_is_encrypted(path) else None,
                             isolation_level=None)) as connection:
            rows = connection.execute(f"PRAGMA {pragma}({MAX_FINDINGS})").fetchall()
    except DRIVER_ERRORS as error:  # "file is not a database", "malformed", a wrong key …
        return CheckResult(path, False, (str(error),))
    findings = tuple(str(row[0]) for row in rows)
    return CheckResult(path, findings == ("ok",), () if findings == ("ok",) else findings)


def quick_check(path: Path, key: bytes | None = None) -> CheckResult:
    """A fast check of the structure (seconds even for a large file), run at every start.

    `key` is used when the file is encrypted; a plain file is checked as it is."""
    return _run_check(path, "quick_check", key)


def integrity_check(path: Path, key: bytes | None = None) -> CheckResult:
    """The full check (also indexes against their tables), run on every backup."""
    return _run_check(path, "integrity_check", key)
