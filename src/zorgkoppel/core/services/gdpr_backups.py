"""Backups that still hold an erased person, and purging the person from them.

A backup's only metadata is its file name (the time it was taken) and its integrity: a
purged backup is rewritten under the same name. The purge works on a copy beside the
backup (erase, VACUUM in journal mode DELETE, integrity check, re-check the person is
gone) and renames it over the original, so a kill leaves the old backup or the new one.
A backup that cannot be purged (damaged, unknown schema) is removed instead: keeping a
copy of the person's data after an erasure is the one outcome that must not happen.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text

from zorgkoppel.core.services.erasure_plan import delete_person, purge_full_text
from zorgkoppel.storage.backup import BackupInfo, fsync_file, fsync_folder, list_backups
from zorgkoppel.storage.integrity import integrity_check


@dataclass(frozen=True)
class PurgeOutcome:
    path: Path
    purged: bool  # False: the backup was removed because it could not be rewritten


def holds_worker(path: Path, worker_id: str) -> bool:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            return db.execute("SELECT 1 FROM worker WHERE id = ?", (worker_id,)).fetchone() \
                is not None
    except sqlite3.Error:
        return True  # unreadable: assume it may hold the person


def backups_holding(folders: Iterable[Path], worker_id: str) -> list[BackupInfo]:
    """The backups that still hold the worker, newest first."""
    return [b for b in list_backups(folders) if holds_worker(b.path, worker_id)]


def _erase_in_file(path: Path, worker_id: str, now: dt.datetime) -> None:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA secure_delete=ON")
            delete_person(connection, worker_id, now)
            purge_full_text(connection)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("PRAGMA journal_mode=DELETE")
            connection.execute(text("VACUUM"))
    finally:
        engine.dispose()


def purge_backup(path: Path, worker_id: str, now: dt.datetime) -> PurgeOutcome:
    temporary = path.with_name(path.name + ".purging")
    try:
        shutil.copyfile(path, temporary)
        _erase_in_file(temporary, worker_id, now)
        if not integrity_check(temporary).ok or holds_worker(temporary, worker_id):
            raise sqlite3.DatabaseError("purged copy failed its check")
        fsync_file(temporary)
        os.replace(temporary, path)
        fsync_folder(path.parent)
        return PurgeOutcome(path, True)
    except Exception:
        temporary.unlink(missing_ok=True)
        path.unlink(missing_ok=True)
        fsync_folder(path.parent)
        return PurgeOutcome(path, False)


def purge_person_from_backups(
    folders: Iterable[Path], worker_id: str, now: dt.datetime
) -> list[PurgeOutcome]:
    """Rewrite every backup holding the worker without them (or remove it)."""
    return [purge_backup(b.path, worker_id, now) for b in backups_holding(folders, worker_id)]
