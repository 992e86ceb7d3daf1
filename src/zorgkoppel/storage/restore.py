"""Putting a backup back: check it, keep a safety copy of the current data, swap atomically.

The caller must have closed every connection to the live database (the GUI disposes its
engine; the command line holds the folder's lock). The live file is first brought to
journal mode DELETE so no -wal file of the old data can be replayed onto the restored one.
Then the checked backup is copied beside the live file and renamed over it in one step:
after a crash at any moment the folder holds either the old or the restored database.

An encrypted backup brings its key slots: they wait as the pending slot file until the
database is swapped (key_slots.for_database finishes that step if a crash came between).
"""

from __future__ import annotations

import datetime as dt
import os
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.i18n import N_
from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.storage import key_slots
from zorgkoppel.storage.backup import (
    backup_folder,
    backup_name,
    fsync_folder,
    summarize,
    write_checked_copy,
)
from zorgkoppel.storage.integrity import integrity_check
from zorgkoppel.storage.sqlite_driver import connect, file_is_encrypted


class RestoreError(ZorgkoppelError):
    """The backup was not restored; the current data is unchanged."""


@dataclass(frozen=True)
class RestoreResult:
    restored: Path
    safety_copy: Path | None  # None when there was no current database


def check_backup(backup: Path, key: bytes | None = None) -> None:
    """Raise RestoreError when `backup` is missing, damaged, not ours or too new.

    An encrypted backup is read with `key` (its data key)."""
    from zorgkoppel.storage.schema import KNOWN_REVISIONS

    if not backup.is_file():
        raise RestoreError(N_("The backup {path} does not exist."), path=str(backup))
    if file_is_encrypted(backup) and key is None:
        raise RestoreError(
            N_("The backup {path} is encrypted: log in (or give the passphrase) to restore "
               "it. The current data is unchanged."),
            path=str(backup),
        )
    result = integrity_check(backup, key)
    if not result.ok:
        raise RestoreError(
            N_("The backup {path} is damaged and was not restored; the current data is "
               "unchanged. Choose an older backup."),
            path=str(backup),
        )
    summary = summarize(backup, key)
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


def settle_live_file(live: Path, key: bytes | None = None) -> None:
    """Fold the -wal into the main file and drop it, so the file alone is the data."""
    with closing(connect(live, key if file_is_encrypted(live) else None,
                         isolation_level=None)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")


def restore_backup(
    data_dir: Path, backup: Path, now: dt.datetime | None = None,
    key: bytes | None = None, backup_key: bytes | None = None,
) -> RestoreResult:
    """Replace the database of `data_dir` by `backup`, keeping a safety copy of the current one.

    `key` is the data key of the current (encrypted) database, `backup_key` that of an
    encrypted backup (the same one unless the folder was encrypted again since).
    """
    backup_key = backup_key or key
    check_backup(backup, backup_key)
    live = data_dir / DATABASE_FILE
    when = now or dt.datetime.now()
    safety: Path | None = None
    if live.exists():
        safety = backup_folder(data_dir) / backup_name(when, "before-restore")
        if integrity_check(live, key).ok:
            settle_live_file(live, key)
            write_checked_copy(live, safety, key)
        else:
            # A damaged database cannot go through the backup API; keep its bytes as they are.
            safety = _copy_raw(data_dir, safety)
    incoming = live.with_name(live.name + ".restoring")
    try:
        write_checked_copy(backup, incoming, backup_key)
        swap_in(incoming, live)
    finally:
        incoming.unlink(missing_ok=True)
        key_slots.discard(incoming)
    return RestoreResult(live, safety)


def swap_in(incoming: Path, live: Path) -> None:
    """Put the checked file `incoming` in place of `live` in one step, with its key slots.

    The slots of an encrypted `incoming` wait as the pending slot file first; those of a
    plain one are removed after the swap. A crash anywhere leaves the old database with
    its slots, or the new one with its slots (the pending file names its database).
    """
    encrypted = file_is_encrypted(incoming)
    if encrypted:
        os.replace(key_slots.slots_path(incoming), key_slots.pending_path(live))
        fsync_folder(live.parent)
    for extra in ("-wal", "-shm"):
        live.with_name(live.name + extra).unlink(missing_ok=True)
    os.replace(incoming, live)
    fsync_folder(live.parent)
    if encrypted:
        os.replace(key_slots.pending_path(live), key_slots.slots_path(live))
    else:
        key_slots.discard(live)
    fsync_folder(live.parent)


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
