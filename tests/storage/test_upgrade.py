"""Upgrades run after an automatic backup, all migrations in one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect

from zorgkoppel.storage.backup import backup_folder, list_backups, summarize
from zorgkoppel.storage.database import Database
from zorgkoppel.storage.schema import (
    SCHEMA_REVISION,
    SchemaTooNewError,
    ensure_schema,
    run_migrations,
    stored_revision,
)


def old_database(folder: Path) -> Database:
    db = Database.in_folder(folder)
    run_migrations(db, "0001")
    return db


def tables(db: Database) -> set[str]:
    with db.engine.connect() as connection:
        return set(inspect(connection).get_table_names())


def test_an_upgrade_is_preceded_by_a_backup_of_the_old_data(tmp_path: Path) -> None:
    db = old_database(tmp_path)
    try:
        assert ensure_schema(db) is True
        assert stored_revision(db) == SCHEMA_REVISION
    finally:
        db.dispose()
    [backup] = list_backups([backup_folder(tmp_path)])
    assert backup.reason == "before-upgrade-0001"
    summary = summarize(backup.path)
    assert summary is not None and summary.revision == "0001"


def test_a_new_database_needs_no_backup(tmp_path: Path) -> None:
    db = Database.in_folder(tmp_path)
    ensure_schema(db)
    db.dispose()
    assert list_backups([backup_folder(tmp_path)]) == []


def test_a_failing_migration_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic import command

    real_upgrade = command.upgrade

    def upgrade_then_fail(config: Any, target: str) -> None:
        real_upgrade(config, target)
        raise RuntimeError("power cut in the last migration")

    db = old_database(tmp_path)
    before = tables(db)
    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    try:
        with pytest.raises(RuntimeError):
            ensure_schema(db)
        assert stored_revision(db) == "0001"
        assert tables(db) == before
    finally:
        db.dispose()


def test_a_newer_database_is_refused_byte_for_byte(tmp_path: Path) -> None:
    db = Database.in_folder(tmp_path)
    ensure_schema(db)
    with db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    db.dispose()
    path = tmp_path / "zorgkoppel.sqlite"
    before = path.read_bytes()
    db = Database.in_folder(tmp_path)
    try:
        with pytest.raises(SchemaTooNewError):
            ensure_schema(db)
    finally:
        db.dispose()
    assert path.read_bytes() == before
    assert list_backups([backup_folder(tmp_path)]) == []
