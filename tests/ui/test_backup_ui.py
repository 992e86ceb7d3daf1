"""Backups, restore and the one-writer guard in the window."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tests.storage.support import organisation_names
from zorgkoppel.core.changes import Changes
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import PermissionDenied
from zorgkoppel.core.rules.organisation import OrganisationData
from zorgkoppel.core.services.organisations import list_organisations, save_organisation
from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.settings import load_settings
from zorgkoppel.storage.backup import backup_folder, list_backups, make_backup
from zorgkoppel.ui import dialogs, instance_guard
from zorgkoppel.ui.backup_schedule import BackupSchedule
from zorgkoppel.ui.main_window import MainWindow
from zorgkoppel.ui.restore_dialog import RestoreDialog
from zorgkoppel.ui.settings_dialog import BackupSettingsDialog


def add(ctx: ServiceContext, name: str) -> None:
    save_organisation(ctx, OrganisationData(name=name, kind="other"))


def backups(data_dir: Path) -> list[Path]:
    return [b.path for b in list_backups([backup_folder(data_dir)])]


def test_schedule_backs_up_only_after_a_change_and_at_most_every_30_minutes(
    ctx: ServiceContext, data_dir: Path, qapp: Any
) -> None:
    told: list[str] = []
    schedule = BackupSchedule(qapp, data_dir, told.append)
    assert not schedule.is_due() and schedule.back_up_on_close() is None
    schedule.note_change()
    assert schedule.timer.isActive() and schedule.is_due()
    assert schedule.back_up_if_due() is not None
    assert len(backups(data_dir)) == 1 and told[-1].startswith("Backup made at")
    schedule.note_change()
    assert not schedule.is_due()  # the last backup is not 30 minutes old
    assert schedule.is_due(now=dt.datetime.now() + dt.timedelta(minutes=31))
    schedule.deleteLater()


def test_closing_the_window_after_a_change_makes_a_backup(
    window: MainWindow, ctx: ServiceContext, data_dir: Path
) -> None:
    add(ctx, "Zonnebloem")
    window.apply_changes(Changes.of("organisations"))
    window.close()
    [backup] = backups(data_dir)
    assert organisation_names(backup) == ["Zonnebloem"]


def test_read_only_window_makes_no_backups(ctx: ServiceContext, data_dir: Path,
                                           qtbot: Any) -> None:
    viewer = ServiceContext(ctx.db, instance_guard.READ_ONLY_ACTOR)
    window = MainWindow(viewer, data_dir)
    qtbot.addWidget(window)
    assert window.windowTitle() == "zorgkoppel (read-only)"
    window.apply_changes(Changes.of("organisations"))
    window.close()
    assert backups(data_dir) == []


def test_settings_show_the_last_backup_and_set_a_second_folder(
    window: MainWindow, ctx: ServiceContext, data_dir: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, qtbot: Any,
) -> None:
    add(ctx, "A")
    dialog = BackupSettingsDialog(data_dir, window.backups, window)
    qtbot.addWidget(dialog)
    assert dialog.last_label.text() == "none yet"
    assert dialog.folder_label.text() == str(backup_folder(data_dir))
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(dialogs, "ask_folder", lambda *_args: stick)
    dialog.choose_second_folder()
    assert load_settings(data_dir).second_backup_folder == str(stick)
    assert window.settings.second_backup_folder == str(stick)
    assert dialog.second_label.text() == str(stick)
    dialog.back_up_now()
    [backup] = backups(data_dir)
    assert backup.name in dialog.last_label.text()
    assert f"Copy in the second backup folder: {stick / backup.name}" in (
        dialog.result_label.text())
    assert organisation_names(stick / backup.name) == ["A"]
    dialog.clear_second_folder()
    assert load_settings(data_dir).second_backup_folder is None


def test_the_second_folder_may_not_be_inside_the_data_folder(
    window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "ask_folder", lambda *_args: data_dir / "backups")
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: errors.append(text))
    dialog = BackupSettingsDialog(data_dir, window.backups, window)
    qtbot.addWidget(dialog)
    dialog.choose_second_folder()
    assert errors and load_settings(data_dir).second_backup_folder is None


def test_restore_dialog_lists_backups_with_their_content(
    ctx: ServiceContext, data_dir: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(ctx, "A")
    older = make_backup(data_dir, now=dt.datetime(2026, 11, 20, 9, 30)).path
    add(ctx, "B")
    make_backup(data_dir, now=dt.datetime(2026, 11, 21, 9, 30))
    dialog = RestoreDialog(list_backups([backup_folder(data_dir)]))
    qtbot.addWidget(dialog)
    cells = [[dialog.table.item(r, c).text() for c in range(6)] for r in range(2)]
    assert cells == [["21 Nov 2026, 09:30:00", "backup", "2", "0", "0", "0"],
                     ["20 Nov 2026, 09:30:00", "backup", "1", "0", "0", "0"]]
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    dialog.table.selectRow(1)
    dialog.restore_selected()
    assert dialog.chosen == older


def test_restore_from_the_window_shows_the_restored_data(
    window: MainWindow, ctx: ServiceContext, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(ctx, "A")
    backup = make_backup(data_dir).path
    add(ctx, "B")
    told: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _p, _t, text: told.append(text))
    window.restore_from(backup)
    assert [o.name for o in list_organisations(window.ctx)] == ["A"]
    assert "kept in" in told[0]
    assert organisation_names(data_dir / DATABASE_FILE) == ["A"]


def test_a_second_window_may_read_only_or_bring_the_first_forward(
    data_dir: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = instance_guard.open_data(data_dir, quiet=False)
    assert isinstance(first, instance_guard.Opened) and first.server is not None
    try:
        asked: list[str] = []

        def read_only(_parent: object, text: str) -> dialogs.InUseChoice:
            asked.append(text)
            return dialogs.InUseChoice.READ_ONLY

        monkeypatch.setattr(dialogs, "ask_data_in_use", read_only)
        second = instance_guard.open_data(data_dir, quiet=False)
        assert isinstance(second, instance_guard.Opened) and second.read_only
        assert "is open in zorgkoppel on" in asked[0]
        with pytest.raises(PermissionDenied):
            add(second.ctx, "not allowed")
        second.close()

        monkeypatch.setattr(dialogs, "ask_data_in_use",
                            lambda *_args: dialogs.InUseChoice.BRING_FORWARD)
        with qtbot.waitSignal(first.server.activate_requested, timeout=3000):
            assert instance_guard.open_data(data_dir, quiet=False) == 0
    finally:
        first.close()
    again = instance_guard.open_data(data_dir, quiet=False)  # the lock was released
    assert isinstance(again, instance_guard.Opened) and not again.read_only
    again.close()


def test_quiet_start_on_locked_data_fails_with_a_message(
    data_dir: Path, qapp: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    first = instance_guard.open_data(data_dir, quiet=True)
    assert isinstance(first, instance_guard.Opened)
    try:
        assert instance_guard.open_data(data_dir, quiet=True) == 1
        assert "is open in zorgkoppel on" in capsys.readouterr().err
    finally:
        first.close()


def test_a_sync_folder_is_moved_to_the_local_folder_in_one_click(
    tmp_path: Path, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zorgkoppel import paths
    from zorgkoppel.storage.opening import open_database

    shared = tmp_path / "OneDrive" / "zorgkoppel"
    db = open_database(shared, allow_network_folder=True)
    add(ServiceContext(db), "A")
    db.dispose()
    (shared / "settings.json").write_text(json.dumps({"language": "en"}), encoding="utf-8")
    local = tmp_path / "local"
    monkeypatch.setattr(paths, "default_data_dir", lambda: local)
    texts: list[str] = []
    monkeypatch.setattr(dialogs, "ask_move_to_local",
                        lambda _p, text: texts.append(text) or True)
    opened = instance_guard.open_data(shared, quiet=False)
    assert isinstance(opened, instance_guard.Opened)
    try:
        assert "sync folder" in texts[0]
        assert opened.data_dir == local
        assert [o.name for o in list_organisations(opened.ctx)] == ["A"]
        assert "copied to" in opened.notes[0]
    finally:
        opened.close()


def test_a_damaged_database_at_start_offers_the_newest_good_backup(
    data_dir: Path, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zorgkoppel.storage.opening import open_database

    db = open_database(data_dir)
    add(ServiceContext(db), "A")
    db.dispose()
    backup = make_backup(data_dir).path
    for suffix in ("", "-wal", "-shm"):
        (data_dir / (DATABASE_FILE + suffix)).unlink(missing_ok=True)
    (data_dir / DATABASE_FILE).write_bytes(b"damaged" * 3000)
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text: questions.append(text) or True)
    opened = instance_guard.open_data(data_dir, quiet=False)
    assert isinstance(opened, instance_guard.Opened)
    try:
        assert str(backup) in questions[0]
        assert [o.name for o in list_organisations(opened.ctx)] == ["A"]
        assert "was restored" in opened.notes[0]
    finally:
        opened.close()
