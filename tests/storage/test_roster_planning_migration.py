"""Migration 0003 adds the weekly templates and the skill history, and takes them away again."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from zorgkoppel.storage.database import Database
from zorgkoppel.storage.schema import MIGRATIONS_DIR, run_migrations

NEW_TABLES = {"rostertemplatepost", "skilllevelchange"}


def tables(db: Database) -> set[str]:
    return set(inspect(db.engine).get_table_names())


def test_upgrade_and_downgrade(tmp_path: Path) -> None:
    db = Database.in_folder(tmp_path)
    try:
        run_migrations(db, "0002")
        assert not NEW_TABLES & tables(db)
        run_migrations(db, "0003")
        assert tables(db) >= NEW_TABLES
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0002")
        assert not NEW_TABLES & tables(db)
        assert "rosterday" in tables(db)
    finally:
        db.dispose()
