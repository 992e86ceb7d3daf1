"""Opening the data folder: the database file in it, checked and brought to the current schema."""

from __future__ import annotations

from pathlib import Path

from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.storage.database import Database
from zorgkoppel.storage.schema import ensure_schema


def open_database(
    data_dir: Path,
    check: bool = True,
    migrate: bool = True,
    allow_network_folder: bool = False,
    read_only: bool = False,
) -> Database:
    """Open (creating if needed) the database in `data_dir`, migrated to this version.

    With `check`, an existing file must pass SQLite's quick_check first; a damaged one
    raises DatabaseDamagedError naming the newest good backup, and nothing is written.
    Without `migrate` an older schema is left as it is. `read_only` (the data is open
    in another window) never migrates and has SQLite refuse every write. A data folder on a
    network share or in a sync folder raises NetworkFolderError unless allowed.
    """
    if not allow_network_folder:
        from zorgkoppel.paths import default_data_dir
        from zorgkoppel.storage.network_folder import refuse_network_folder

        refuse_network_folder(data_dir, default_data_dir())
    existing = data_dir / DATABASE_FILE
    if check and existing.exists():
        from zorgkoppel.storage.integrity import DatabaseDamagedError, quick_check

        result = quick_check(existing)
        if not result.ok:
            from zorgkoppel.storage.backup import backup_folder, newest_good_backup

            raise DatabaseDamagedError(result, newest_good_backup([backup_folder(data_dir)]))
    db = Database.in_folder(data_dir, read_only=read_only)
    if migrate and not read_only:
        ensure_schema(db)
    return db
