"""Migration 0004 keeps existing notes and indexes them for full-text search."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.note_search import search_notes
from zorgkoppel.storage.database import Database
from zorgkoppel.storage.schema import run_migrations


def test_notes_survive_and_are_searchable_after_the_upgrade(tmp_path: Path) -> None:
    db = Database.in_folder(tmp_path)
    run_migrations(db, "0003")
    stamp = "2025-01-01 00:00:00.000000"
    with db.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO organisation (id, name, kind, created_at, updated_at) "
            f"VALUES ('o', 'Buurtwerk', 'local_services', '{stamp}', '{stamp}')"))
        connection.execute(text(
            "INSERT INTO worker (id, first_name, last_name, employer_id, programme, "
            "driving_licence, created_at, updated_at) "
            f"VALUES ('w', 'Samir', 'El Amrani', 'o', 'local_services', 0, '{stamp}', '{stamp}')"))
        connection.execute(text(
            "INSERT INTO note (id, worker_id, day, kind, visibility, summary, created_at, "
            f"updated_at) VALUES ('n', 'w', '2025-01-02', 'contact', 'shared', "
            f"'Rijdt zelfstandig route Noord.', '{stamp}', '{stamp}')"))
    run_migrations(db)
    ctx = ServiceContext(db)
    assert [n.id for n in search_notes(ctx, "noord")] == ["n"]
    (note,) = search_notes(ctx, "route")
    assert note.summary == "Rijdt zelfstandig route Noord." and note.signed_off_at is None

    run_migrations_down(db, "0003")
    with db.engine.connect() as connection:
        tables = {row[0] for row in connection.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'table'"))}
        assert "note_fts" not in tables and "noteaddendum" not in tables
        assert connection.execute(text("SELECT summary FROM note")).scalar() == (
            "Rijdt zelfstandig route Noord.")
    db.dispose()


def run_migrations_down(db: Database, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    from zorgkoppel.storage.schema import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, target)
