"""A restore checks the backup, keeps a safety copy, and swaps the file in one step."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.storage.support import add_organisations, organisation_names
from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.storage import restore as restore_module
from zorgkoppel.storage.backup import backup_folder, list_backups, make_backup
from zorgkoppel.storage.integrity import integrity_check
from zorgkoppel.storage.opening import open_database
from zorgkoppel.storage.restore import RestoreError, restore_backup

NOW = dt.datetime(2026, 11, 23, 16, 0, 0)


@pytest.fixture
def backed_up(data_dir: Path) -> Path:
    """A backup holding A; the live data has B too, with changes still in the -wal."""
    add_organisations(data_dir, "A")
    backup = make_backup(data_dir, now=NOW - dt.timedelta(days=1)).path
    add_organisations(data_dir, "B")
    return backup


def test_restore_puts_the_backup_back_and_keeps_the_current_data(
    data_dir: Path, backed_up: Path
) -> None:
    result = restore_backup(data_dir, backed_up, now=NOW)
    live = data_dir / DATABASE_FILE
    assert organisation_names(live) == ["A"]
    assert result.safety_copy is not None
    assert result.safety_copy.name == "zorgkoppel-20261123-160000-before-restore.sqlite"
    assert organisation_names(result.safety_copy) == ["A", "B"]
    assert [b.reason for b in list_backups([backup_folder(data_dir)])] == ["before-restore", ""]
    db = open_database(data_dir)  # the restored data opens and works
    db.dispose()
    add_organisations(data_dir, "C")
    assert organisation_names(live) == ["A", "C"]


def test_a_damaged_backup_is_refused_and_nothing_changes(
    data_dir: Path, backed_up: Path
) -> None:
    backed_up.write_bytes(backed_up.read_bytes()[:5000])
    with pytest.raises(RestoreError, match="damaged"):
        restore_backup(data_dir, backed_up, now=NOW)
    assert organisation_names(data_dir / DATABASE_FILE) == ["A", "B"]
    assert [b.reason for b in list_backups([backup_folder(data_dir)])] == [""]


def test_a_backup_from_a_newer_version_is_refused(data_dir: Path, backed_up: Path) -> None:
    with closing(sqlite3.connect(backed_up)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
    with pytest.raises(RestoreError, match="newer version"):
        restore_backup(data_dir, backed_up, now=NOW)
    assert organisation_names(data_dir / DATABASE_FILE) == ["A", "B"]


def test_not_a_zorgkoppel_database(data_dir: Path, backed_up: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE t (x)")
    with pytest.raises(RestoreError, match="not a zorgkoppel database"):
        restore_backup(data_dir, other, now=NOW)
    with pytest.raises(RestoreError, match="does not exist"):
        restore_backup(data_dir, tmp_path / "missing.sqlite", now=NOW)


def test_a_failing_swap_leaves_the_old_data_whole(
    data_dir: Path, backed_up: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.replace

    def power_cut(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        if Path(target).name == DATABASE_FILE:
            raise OSError(5, "Input/output error")
        real(source, target)

    monkeypatch.setattr(restore_module.os, "replace", power_cut)
    with pytest.raises(OSError):
        restore_backup(data_dir, backed_up, now=NOW)
    live = data_dir / DATABASE_FILE
    assert integrity_check(live).ok
    assert organisation_names(live) == ["A", "B"]
    assert not (data_dir / (DATABASE_FILE + ".restoring")).exists()


def test_the_swap_is_one_rename(data_dir: Path, backed_up: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    renames: list[tuple[str, str]] = []
    real = os.replace
    backup_renames_before = len(list(backup_folder(data_dir).iterdir()))

    def recording(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        renames.append((Path(source).name, Path(target).name))
        real(source, target)

    monkeypatch.setattr(restore_module.os, "replace", recording)
    restore_backup(data_dir, backed_up, now=NOW)
    # The safety copy and the incoming copy each take their name by rename; the live
    # file is replaced by exactly one rename.
    assert [r for r in renames if r[1] == DATABASE_FILE] == [
        (DATABASE_FILE + ".restoring", DATABASE_FILE)
    ]
    assert backup_renames_before == 1


def test_a_damaged_current_database_is_kept_byte_for_byte(
    data_dir: Path, backed_up: Path
) -> None:
    live = data_dir / DATABASE_FILE
    db = open_database(data_dir)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    live.write_bytes(b"broken" * 2000)
    result = restore_backup(data_dir, backed_up, now=NOW)
    assert result.safety_copy is not None
    assert result.safety_copy.read_bytes() == b"broken" * 2000
    assert organisation_names(live) == ["A"]
