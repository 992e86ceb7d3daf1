"""Backups: checked copies made while the database is in use, thinned by age."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.storage.support import add_organisations, organisation_names
from zorgkoppel.settings import Settings, save_settings
from zorgkoppel.storage.backup import (
    BackupError,
    BackupInfo,
    back_up_data_folder,
    backup_folder,
    backup_name,
    backups_to_remove,
    is_due,
    last_backup,
    list_backups,
    make_backup,
    newest_good_backup,
    summarize,
)
from zorgkoppel.storage.integrity import integrity_check
from zorgkoppel.storage.opening import open_database

NOW = dt.datetime(2026, 11, 23, 16, 0, 0)


def test_backup_is_a_whole_self_contained_copy(data_dir: Path) -> None:
    add_organisations(data_dir, "Zonnebloem vzw", "De Werkplaats")
    db = open_database(data_dir)  # held open, as the window does while backing up
    try:
        result = make_backup(data_dir, now=NOW)
    finally:
        db.dispose()
    assert result.path == backup_folder(data_dir) / "zorgkoppel-20261123-160000.sqlite"
    assert integrity_check(result.path).ok
    assert organisation_names(result.path) == ["De Werkplaats", "Zonnebloem vzw"]
    with closing(sqlite3.connect(result.path)) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not list(backup_folder(data_dir).glob("*-wal"))
    assert not list(backup_folder(data_dir).glob("*.partial"))


def test_summary_counts_what_the_backup_holds(data_dir: Path) -> None:
    add_organisations(data_dir, "A", "B", "C")
    summary = summarize(make_backup(data_dir, now=NOW).path)
    assert summary is not None
    assert (summary.organisations, summary.workers, summary.agreements, summary.notes) == (
        3, 0, 0, 0)
    assert summary.revision is not None


def test_backup_to_a_chosen_file(data_dir: Path, tmp_path: Path) -> None:
    add_organisations(data_dir, "A")
    target = tmp_path / "stick" / "copy.sqlite"
    assert make_backup(data_dir, target=target).path == target
    assert organisation_names(target) == ["A"]
    assert list_backups([backup_folder(data_dir)]) == []


def test_second_folder_gets_a_copy(data_dir: Path, tmp_path: Path) -> None:
    add_organisations(data_dir, "A")
    stick = tmp_path / "stick"
    save_settings(data_dir, Settings(second_backup_folder=str(stick)))
    result = back_up_data_folder(data_dir, now=NOW)
    assert [c.name for c in result.copies] == [result.path.name]
    assert organisation_names(stick / result.path.name) == ["A"]
    assert result.failed_copies == ()


def test_unusable_second_folder_is_reported_and_the_first_backup_kept(
    data_dir: Path, tmp_path: Path
) -> None:
    add_organisations(data_dir, "A")
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    result = make_backup(data_dir, second_folder=not_a_folder, now=NOW)
    assert result.path.exists()
    assert [folder for folder, _reason in result.failed_copies] == [not_a_folder]


def test_no_database_no_backup(data_dir: Path) -> None:
    with pytest.raises(BackupError, match="no database"):
        make_backup(data_dir)


def test_two_backups_in_one_second_both_kept(data_dir: Path) -> None:
    add_organisations(data_dir, "A")
    first = make_backup(data_dir, now=NOW).path
    second = make_backup(data_dir, now=NOW).path
    assert first != second and first.exists() and second.exists()


def test_last_and_newest_good_backup(data_dir: Path) -> None:
    add_organisations(data_dir, "A")
    older = make_backup(data_dir, now=NOW - dt.timedelta(days=1)).path
    newer = make_backup(data_dir, now=NOW).path
    last = last_backup([backup_folder(data_dir)])
    assert last is not None and last.path == newer and last.taken_at == NOW
    newer.write_bytes(b"\0" * 4096)
    assert newest_good_backup([backup_folder(data_dir)]) == older


def _info(when: dt.datetime, reason: str = "") -> BackupInfo:
    return BackupInfo(Path(backup_name(when, reason)), when, reason, 1)


def test_thinning_keeps_12_days_10_weeks_9_months() -> None:
    # Four backups a day, every day, for two years.
    backups = [
        _info(NOW - dt.timedelta(hours=6 * n)) for n in range(4 * 730)
    ]
    removed = {b.path for b in backups_to_remove(backups, NOW)}
    kept = [b for b in backups if b.path not in removed]
    # The last hour's backup plus one per day: 12 days, then 10 weeks, then 9 months.
    assert len(kept) == 12 + 10 + 9
    days = {b.taken_at.date() for b in kept}
    assert len(days) == len(kept)
    assert {b.taken_at.date() for b in kept[:12]} == {
        (NOW - dt.timedelta(days=n)).date() for n in range(12)
    }
    weeks = {tuple(b.taken_at.isocalendar())[:2] for b in kept[12:22]}
    assert len(weeks) == 10
    months = {(b.taken_at.year, b.taken_at.month) for b in kept[22:]}
    assert len(months) == 9
    oldest = min(b.taken_at for b in kept)
    assert NOW - oldest < dt.timedelta(days=400)


def test_thinning_never_drops_recent_or_safety_copies() -> None:
    recent = [_info(NOW - dt.timedelta(minutes=m)) for m in (1, 20, 40)]
    safety = [_info(NOW - dt.timedelta(days=900), "before-restore")]
    assert backups_to_remove([*recent, *safety], NOW) == []


def test_thinning_in_the_folder(data_dir: Path) -> None:
    add_organisations(data_dir, "A")
    for hours in (50, 49, 48):
        make_backup(data_dir, now=NOW - dt.timedelta(hours=hours), thin=False)
    result = make_backup(data_dir, now=NOW)
    left = [b.taken_at for b in list_backups([backup_folder(data_dir)])]
    # Of the three backups two days ago, only the newest of that day is left.
    assert left == [NOW, NOW - dt.timedelta(hours=48)]
    assert len(result.removed) == 2


def test_an_automatic_backup_is_due_every_30_minutes() -> None:
    assert is_due(None, NOW)
    assert not is_due(NOW - dt.timedelta(minutes=29), NOW)
    assert is_due(NOW - dt.timedelta(minutes=30), NOW)
