from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlmodel import SQLModel

from zorgkoppel.storage.database import Database
from zorgkoppel.storage.schema import (
    MIGRATIONS_DIR,
    SCHEMA_REVISION,
    SchemaTooNewError,
    ensure_schema,
    stored_revision,
)


def test_revision_constant_is_the_newest_migration() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_REVISION


def _is_model_table(name: str | None, type_: str, *_rest: object) -> bool:
    # The SQLite full-text index of notes (FTS5 and its shadow tables) is no model.
    return not (type_ == "table" and name is not None and name.startswith("note_fts"))


def test_migrations_build_exactly_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": _is_model_table}
        )
        assert compare_metadata(context, SQLModel.metadata) == []


def test_second_start_does_not_migrate(db: Database) -> None:
    assert stored_revision(db) == SCHEMA_REVISION
    assert ensure_schema(db) is False


def test_sqlite_runs_with_foreign_keys_and_wal(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db = Database.in_folder(tmp_path)
    ensure_schema(db)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaTooNewError) as caught:
        ensure_schema(db)
    assert "newer version" in str(caught.value)
    assert stored_revision(db) == "9999"


def test_builtin_tasks_are_seeded(db: Database) -> None:
    with db.engine.connect() as connection:
        codes = {row[0] for row in connection.execute(text("SELECT code FROM task"))}
    assert {"driver", "bus_companion", "kitchen", "reception"} <= codes
