"""Putting a backup back: check it, keep a safety copy of the current data, swap atomically.

The caller must have closed every connection to the live database (the GUI disposes its
engine; the command line holds the folder's lock). The live file is first brought to
journal mode DELETE so no -wal file of the old data can be replayed onto the restored one.
Then the checked backup is copied beside the live file and renamed over it in one step:
after a crash at any moment the folder holds either the old or the restored database.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.i18n import N_
from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.storage.backup import (
    backup_folder,
    backup_name,
    fsync_folder,
    summarize,
    write_checked_copy,
)
from zorgkoppel.storage.integrity import integrity_check


class RestoreError(ZorgkoppelError):
    """The backup was not restored; the current data is unchanged."""


@dataclass(frozen=True)
class RestoreResult:
    restored: Path
    safety_copy: Path | None  # None when there was no current database


def check_backup(backup: Path) -> None:
    """Raise RestoreError when `backup` is missing, damaged, not ours or too new."""
    from zorgkoppel.storage.schema import KNOWN_REVISIONS

    if not backup.is_file():
        raise RestoreError(N_("The backup {path} does not exist."), path=str(backup))
    result = integrity_check(backup)
    if not result.ok:
        raise RestoreError(
            N_("The backup {path} is damaged and was not restored; the current data is "
               "unchanged. Choose an older backup."),
            path=str(backup),
        )
    summary = summarize(backup)
    if summary is None or summary.revision is None:
        raise RestoreError(
            N_("{path} is not a zorgkoppel database and was not restored; the current data "
               "is unchanged."),
            path=str(backup),
        )
    if summary.revision not in KNOWN_REVISIONS:
        raise RestoreError(
            N_("The backup {path} was written by a newer version of zorgkoppel (schema "
               "{revision}); install that version to restore it. The current data is "
               "unchanged."),
            path=str(backup), revision=summary.revision,
        )


def _settle_live_file(live: Path) -> None:
    """Fold the -wal into the main file and drop it, so the file alone is the data."""
    with closing(sqlite3.connect(live, isolation_level=None)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")


def restore_backup(data_dir: Path, backup: Path, now: dt.datetime | None = None) -> RestoreResult:
    """Replace the database of `data_dir` by `backup`, keeping a safety copy of the current one."""
    check_backup(backup)
    live = data_dir / DATABASE_FILE
    when = now or dt.datetime.now()
    safety: Path | None = None
    if live.exists():
        safety = backup_folder(data_dir) / backup_name(when, "before-restore")
        if integrity_check(live).ok:
            _settle_live_file(live)
            write_checked_copy(live, safety)
        else:
            # A damaged database cannot go through the backup API; keep its bytes as they are.
            safety = _copy_raw(data_dir, safety)
    incoming = live.with_name(live.name + ".restoring")
    try:
        write_checked_copy(backup, incoming)
        for extra in ("-wal", "-shm"):
            live.with_name(live.name + extra).unlink(missing_ok=True)
        os.replace(incoming, live)
        fsync_folder(data_dir)
    finally:
        incoming.unlink(missing_ok=True)
    return RestoreResult(live, safety)


def _copy_raw(data_dir: Path, safety: Path) -> Path:
    """The damaged file's bytes (and its -wal), under a name no backup list shows."""
    import shutil

    live = data_dir / DATABASE_FILE
    safety.parent.mkdir(parents=True, exist_ok=True)
    copy = safety.with_name(safety.name + ".damaged")
    shutil.copyfile(live, copy)
    wal = live.with_name(live.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    return copy
