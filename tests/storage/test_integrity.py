"""A damaged database is found at start and by `check`, and the newest good backup is named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.storage.support import add_organisations
from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.storage.backup import make_backup
from zorgkoppel.storage.integrity import DatabaseDamagedError, integrity_check, quick_check
from zorgkoppel.storage.opening import open_database


def damage(database: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk would."""
    size = database.stat().st_size
    with database.open("r+b") as handle:
        for offset in range(4096 * 2, size, 4096 * 3):
            handle.seek(offset)
            handle.write(b"\x55" * 600)


def settle(data_dir: Path) -> Path:
    """Fold the -wal into the main file, so damage to the file is damage to the data."""
    db = open_database(data_dir)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return data_dir / DATABASE_FILE


def test_a_whole_database_passes(data_dir: Path) -> None:
    add_organisations(data_dir, "A", "B")
    live = settle(data_dir)
    assert quick_check(live).ok and integrity_check(live).ok


def test_damage_is_found_and_the_start_refused_naming_the_newest_good_backup(
    data_dir: Path,
) -> None:
    add_organisations(data_dir, *(f"Organisation {n}" for n in range(300)))
    good = make_backup(data_dir, now=dt.datetime(2026, 11, 20, 9, 0)).path
    bad = make_backup(data_dir, now=dt.datetime(2026, 11, 21, 9, 0)).path
    damage(bad)
    live = settle(data_dir)
    damage(live)
    before = live.read_bytes()
    result = integrity_check(live)
    assert not result.ok and result.findings
    with pytest.raises(DatabaseDamagedError) as caught:
        open_database(data_dir)
    assert caught.value.newest_good_backup == good
    assert str(good) in caught.value.text()
    assert live.read_bytes() == before


def test_a_file_that_is_no_database(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    path.write_bytes(b"this is no database" * 300)
    result = integrity_check(path)
    assert not result.ok
    assert "not a database" in result.findings[0]


def test_damage_without_any_backup(data_dir: Path) -> None:
    (data_dir / DATABASE_FILE).write_bytes(b"garbage" * 1000)
    with pytest.raises(DatabaseDamagedError) as caught:
        open_database(data_dir)
    assert caught.value.newest_good_backup is None
    assert "no good backup" in caught.value.text()
