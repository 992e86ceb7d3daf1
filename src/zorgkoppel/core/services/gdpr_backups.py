"""Backups that still hold an erased person, and purging the person from them.

A backup's only metadata is its file name (the time it was taken) and its integrity: a
purged backup is rewritten under the same name. The purge works on a copy beside the
backup (erase, VACUUM in journal mode DELETE, integrity check, re-check the person is
gone) and renames it over the original, so a kill leaves the old backup or the new one.
A backup that cannot be purged (damaged, unknown schema, a key that does not open it) is
removed instead: keeping a copy of the person's data after an erasure is the one outcome
that must not happen.

An encrypted backup is opened with the data key (the one of the live database: backups
are encrypted with it) and stays encrypted with it; its key slots name the copy's salt.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.erasure_plan import delete_person, purge_full_text
from zorgkoppel.storage import key_slots
from zorgkoppel.storage.audit_head import sidecar_of
from zorgkoppel.storage.backup import (
    BackupInfo,
    backup_folders,
    fsync_file,
    fsync_folder,
    list_backups,
)
from zorgkoppel.storage.integrity import integrity_check
from zorgkoppel.storage.sqlite_driver import (
    DRIVER_ERRORS,
    ENCRYPTED_MODULE,
    connect,
    file_is_encrypted,
)


@dataclass(frozen=True)
class PurgeOutcome:
    path: Path
    purged: bool  # False: the backup was removed because it could not be rewritten


class PurgeCheckFailed(Exception):
    """The purged copy is damaged or still holds the person."""


def _key_for(path: Path, key: bytes | None) -> bytes | None:
    return key if file_is_encrypted(path) else None


def holds_worker(path: Path, worker_id: str, key: bytes | None = None) -> bool:
    """Does the backup hold the worker? An unreadable one (or no key for it) may: True."""
    file_key = _key_for(path, key)
    if file_is_encrypted(path) and file_key is None:
        return True
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        with closing(connect(uri, file_key, uri=True)) as db:
            return db.execute("SELECT 1 FROM worker WHERE id = ?", (worker_id,)).fetchone() \
                is not None
    except DRIVER_ERRORS:
        return True


def backups_holding(
    folders: Iterable[Path], worker_id: str, key: bytes | None = None
) -> list[BackupInfo]:
    """The backups that still hold the worker, newest first."""
    return [b for b in list_backups(folders) if holds_worker(b.path, worker_id, key)]


def folders_of(ctx: ServiceContext) -> list[Path]:
    """Where the backups of the context's data folder live (none for a server database)."""
    from zorgkoppel.settings import load_settings

    database = ctx.db.path
    if database is None:
        return []
    return backup_folders(database.parent, load_settings(database.parent))


def _engine(path: Path, key: bytes | None) -> Engine:
    options: dict[str, Any] = {}
    if key is not None:
        options = {"module": ENCRYPTED_MODULE,
                   "creator": lambda: connect(path, key, check_same_thread=False)}
    return create_engine(f"sqlite:///{path}", **options)


def _erase_in_file(path: Path, worker_id: str, now: dt.datetime, key: bytes | None) -> None:
    engine = _engine(path, key)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA secure_delete=ON")
            delete_person(connection, worker_id, now)
            purge_full_text(connection)
        raw = engine.raw_connection()
        try:
            # Outside any transaction, on the driver's connection: VACUUM needs that.
            raw.driver_connection.isolation_level = None  # type: ignore[union-attr]
            raw.driver_connection.execute("PRAGMA secure_delete=ON")  # type: ignore[union-attr]
            raw.driver_connection.execute("PRAGMA journal_mode=DELETE")  # type: ignore[union-attr]
            raw.driver_connection.execute("VACUUM")  # type: ignore[union-attr]
        finally:
            raw.close()
    finally:
        engine.dispose()


def _remove_backup(path: Path) -> None:
    path.unlink(missing_ok=True)
    sidecar_of(path).unlink(missing_ok=True)
    key_slots.discard(path)


def purge_backup(
    path: Path, worker_id: str, now: dt.datetime, key: bytes | None = None
) -> PurgeOutcome:
    temporary = path.with_name(path.name + ".purging")
    file_key = _key_for(path, key)
    try:
        if file_is_encrypted(path) and file_key is None:
            raise PurgeCheckFailed("no key for an encrypted backup")
        shutil.copyfile(path, temporary)
        _erase_in_file(temporary, worker_id, now, file_key)
        if (not integrity_check(temporary, file_key).ok
                or holds_worker(temporary, worker_id, file_key)):
            raise PurgeCheckFailed(str(path))
        fsync_file(temporary)
        new_salt: key_slots.KeySlotFile | None = None
        if file_key is not None:
            # The slots must name the file they open; should the copy have a new salt, its
            # slots wait as the pending file, which for_database takes after the swap.
            slots = key_slots.for_database(path)
            if slots.database_salt != key_slots.file_salt(temporary):
                new_salt = key_slots.KeySlotFile(key_slots.file_salt(temporary),
                                                 slots.key_check, slots.slots)
                key_slots.write(key_slots.pending_path(path), new_salt)
        os.replace(temporary, path)
        if new_salt is not None:
            os.replace(key_slots.pending_path(path), key_slots.slots_path(path))
        fsync_folder(path.parent)
        return PurgeOutcome(path, True)
    except Exception:
        temporary.unlink(missing_ok=True)
        _remove_backup(path)
        fsync_folder(path.parent)
        return PurgeOutcome(path, False)


def purge_person_from_backups(
    folders: Iterable[Path], worker_id: str, now: dt.datetime, key: bytes | None = None
) -> list[PurgeOutcome]:
    """Rewrite every backup holding the worker without them (or remove it).

    `key` is the data key of an encrypted data folder (its backups share it)."""
    return [purge_backup(b.path, worker_id, now, key)
            for b in backups_holding(folders, worker_id, key)]
