"""Opening the data folder: the database file in it, checked and brought to the current schema."""

from __future__ import annotations

from pathlib import Path

from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.i18n import N_
from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.storage.database import Database
from zorgkoppel.storage.schema import ensure_schema


def open_database(
    data_dir: Path,
    check: bool = True,
    migrate: bool = True,
    allow_network_folder: bool = False,
    read_only: bool = False,
    key: bytes | None = None,
) -> Database:
    """Open (creating if needed) the database in `data_dir`, migrated to this version.

    With `check`, an existing file must pass SQLite's quick_check first; a damaged one
    raises DatabaseDamagedError naming the newest good backup, and nothing is written.
    Without `migrate` an older schema is left as it is. `read_only` (the data is open
    in another window) never migrates and has SQLite refuse every write. A data folder on a
    network share or in a sync folder raises NetworkFolderError unless allowed.

    An encrypted database needs its data `key` (storage/encryption.py unlocks it); without
    it, or with a key that is not its own, a translated error says so and nothing changes.
    """
    if not allow_network_folder:
        from zorgkoppel.paths import default_data_dir
        from zorgkoppel.storage.network_folder import refuse_network_folder

        refuse_network_folder(data_dir, default_data_dir())
    existing = data_dir / DATABASE_FILE
    key = _key_for(existing, key)
    if not read_only:
        from zorgkoppel.storage.encryption import discard_leftovers

        discard_leftovers(data_dir)
    if check and existing.exists():
        from zorgkoppel.storage.integrity import DatabaseDamagedError, quick_check

        result = quick_check(existing, key)
        if not result.ok:
            from zorgkoppel.storage.backup import backup_folder, newest_good_backup

            raise DatabaseDamagedError(
                result, newest_good_backup([backup_folder(data_dir)], key))
    db = Database.in_folder(data_dir, read_only=read_only, key=key)
    if key is not None and not read_only:
        from zorgkoppel.storage.encryption import finish_conversion

        finish_conversion(data_dir, key)
    if migrate and not read_only:
        ensure_schema(db)
    return db


class KeyRequiredError(ZorgkoppelError):
    """An encrypted database opened without its key (or with another one)."""


def _key_for(database: Path, key: bytes | None) -> bytes | None:
    """The key to open `database` with: None for a plain file; checked for an encrypted one."""
    from zorgkoppel.storage import key_slots
    from zorgkoppel.storage.sqlite_driver import file_is_encrypted

    if not file_is_encrypted(database):
        return None
    if key is None:
        raise KeyRequiredError(N_(
            "The data in {folder} is encrypted: log in with your account (--user) or give "
            "the passphrase to open it. Nothing was changed."), folder=str(database.parent))
    if key_slots.for_database(database).key_check != key_slots.key_check(key):
        raise KeyRequiredError(N_(
            "This key does not open the encrypted data in {folder}; nothing was changed."),
            folder=str(database.parent))
    return key


def is_sqlite_url(url: str) -> bool:
    return url.startswith("sqlite")


def open_database_url(url: str, migrate: bool = True,
                      backup_folder: Path | None = None) -> Database:
    """Open a database server's database (PostgreSQL) by its SQLAlchemy URL, migrated to
    this version (after an exchange-file backup into `backup_folder`, when given and an
    older schema is found). Connection problems raise DatabaseUnreachableError, with the
    password masked; a newer schema raises SchemaTooNewError and nothing is changed."""
    from zorgkoppel.storage.server import check_reachable, server_database

    db = server_database(url)
    check_reachable(db)
    if migrate:
        try:
            ensure_schema(db, backup_folder)
        except BaseException:
            db.dispose()
            raise
    return db
