"""Opening the data folder: the database file in it, brought to the current schema."""

from __future__ import annotations

from pathlib import Path

from zorgkoppel.storage.database import Database
from zorgkoppel.storage.schema import ensure_schema


def open_database(data_dir: Path) -> Database:
    """Open (creating if needed) the database in `data_dir`, migrated to this version."""
    db = Database.in_folder(data_dir)
    ensure_schema(db)
    return db
