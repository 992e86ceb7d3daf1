"""A full disk gives a plain message and leaves no half-written change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from tests.storage.support import add_organisations, organisation_names
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.exchange.importer import import_exchange
from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.storage.database import Database
from zorgkoppel.storage.disk_errors import DiskFullError
from zorgkoppel.storage.opening import open_database


def big_document(count: int) -> dict[str, Any]:
    return {
        "format": "zorgkoppel-exchange",
        "version": 1,
        "organisations": [
            {
                "id": f"org-{n:05d}",
                "name": f"Organisation {n} " + "x" * 150,
                "kind": "other",
                "updated_at": "2026-11-01T08:00:00Z",
            }
            for n in range(count)
        ],
    }


def test_disk_full_during_an_import(data_dir: Path) -> None:
    add_organisations(data_dir, "Existing")
    open_database(data_dir).dispose()
    db = Database.in_folder(data_dir)
    pages = db.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()
    db.dispose()

    db = Database.in_folder(data_dir)

    @event.listens_for(db.engine, "connect")
    def small_disk(connection: Any, _record: Any) -> None:
        # A "disk" a few pages larger than the data: the import cannot fit.
        connection.execute(f"PRAGMA max_page_count={int(pages) + 5}")

    ctx = ServiceContext(db)
    try:
        with pytest.raises(DiskFullError) as caught:
            import_exchange(ctx, big_document(2000))
    finally:
        db.dispose()
    assert "disk is full" in caught.value.text()
    assert str(data_dir) in caught.value.text()
    assert organisation_names(data_dir / DATABASE_FILE) == ["Existing"]


def test_disk_full_during_a_backup_leaves_no_half_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from zorgkoppel.storage import backup

    add_organisations(data_dir, "A")

    def full_disk(_source: Path, temporary: Path, _key: bytes | None) -> None:
        temporary.write_bytes(b"half a copy")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "_copy_database", full_disk)
    with pytest.raises(DiskFullError):
        backup.make_backup(data_dir)
    assert list(backup.backup_folder(data_dir).iterdir()) == []
