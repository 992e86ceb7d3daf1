"""The window's backups and restores of an encrypted data folder stay encrypted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.storage.encryption_support import (
    LAST_NAME,
    encrypted_folder,
    found_secrets,
    raw_bytes,
)
from zorgkoppel.core.changes import Changes
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.rules.organisation import OrganisationData
from zorgkoppel.core.services.organisations import list_organisations, save_organisation
from zorgkoppel.core.services.workers import list_workers
from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.storage.backup import backup_folder, list_backups
from zorgkoppel.storage.opening import open_database
from zorgkoppel.storage.sqlite_driver import file_is_encrypted
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.main_window import MainWindow
from zorgkoppel.ui.restore_dialog import RestoreDialog


@pytest.fixture
def encrypted(tmp_path: Path) -> Iterator[tuple[Path, ServiceContext]]:
    data_dir = tmp_path / "data"
    key = encrypted_folder(data_dir)
    ctx = ServiceContext(open_database(data_dir, key=key))
    yield data_dir, ctx
    ctx.db.dispose()


def test_the_window_backs_up_an_encrypted_folder_encrypted(
    encrypted: tuple[Path, ServiceContext], qtbot: Any
) -> None:
    data_dir, ctx = encrypted
    window = MainWindow(ctx, data_dir)
    qtbot.addWidget(window)
    result = window.backups.back_up()
    assert result is not None and window.backups.last_error is None
    assert file_is_encrypted(result.path)
    assert found_secrets(raw_bytes(result.path)) == []


def test_restore_dialog_reads_encrypted_backups_and_the_window_restores_one(
    encrypted: tuple[Path, ServiceContext], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir, ctx = encrypted
    window = MainWindow(ctx, data_dir)
    qtbot.addWidget(window)
    backup = window.backups.back_up()
    assert backup is not None
    save_organisation(ctx, OrganisationData(name="Na de back-up", kind="other"))
    window.apply_changes(Changes.of("organisations"))

    dialog = RestoreDialog(list_backups([backup_folder(data_dir)]), window,
                           key=ctx.db.data_key)
    qtbot.addWidget(dialog)
    newest = next(row for row in range(dialog.table.rowCount())
                  if dialog.backups[row].path == backup.path)
    # Readable with the key: the counts show and the backup may be chosen.
    assert dialog.table.item(newest, 3).text() == "1"  # one worker
    dialog.table.selectRow(newest)
    assert dialog.restore_button.isEnabled()

    told: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _p, _t, text: told.append(text))
    window.restore_from(backup.path)
    assert "kept in" in told[0]
    assert "Na de back-up" not in [o.name for o in list_organisations(window.ctx)]
    assert [w.last_name for w in list_workers(window.ctx)] == [LAST_NAME]
    live = data_dir / DATABASE_FILE
    assert file_is_encrypted(live) and found_secrets(raw_bytes(live)) == []


def test_without_the_key_the_restore_dialog_cannot_offer_an_encrypted_backup(
    encrypted: tuple[Path, ServiceContext], qtbot: Any
) -> None:
    data_dir, ctx = encrypted
    window = MainWindow(ctx, data_dir)
    qtbot.addWidget(window)
    assert window.backups.back_up() is not None
    dialog = RestoreDialog(list_backups([backup_folder(data_dir)]), window)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    assert dialog.table.item(0, 2).text() == "unreadable"
    assert not dialog.restore_button.isEnabled()
