"""Settings ▸ Encrypt the data… and Store the data unencrypted…, driven as a user would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.storage.encryption_support import LAST_NAME, add_people, found_secrets, raw_bytes
from tests.ui.conftest import type_text
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.accounts import UserData, add_user, authenticate
from zorgkoppel.core.services.organisations import list_organisations
from zorgkoppel.core.services.workers import list_workers
from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.settings import Settings
from zorgkoppel.storage.encryption import unlock_with_passphrase, unlock_with_password
from zorgkoppel.storage.sqlite_driver import file_is_encrypted
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.encryption_dialog import EncryptionDialog
from zorgkoppel.ui.main_window import MainWindow

PASSPHRASE = "lange zin van de coördinator"
PASSWORD = "wachtwoord-van-anna"


def live(data_dir: Path) -> Path:
    return data_dir / DATABASE_FILE


def open_window(ctx: ServiceContext, data_dir: Path, qtbot: Any) -> MainWindow:
    window = MainWindow(ctx, data_dir, Settings(language="en", demo_offered=True))
    qtbot.addWidget(window)
    return window


def fill_dialog(monkeypatch: pytest.MonkeyPatch, attempts: list[tuple[str, str, str]],
                seen: list[str]) -> None:
    """Each attempt types (password, passphrase, again) and clicks Encrypt; then Cancel."""

    def run(dialog: Any) -> int:
        assert isinstance(dialog, EncryptionDialog)
        for password, phrase, again in attempts:
            if dialog.password.isVisibleTo(dialog):
                type_text(dialog.password, password)
            type_text(dialog.passphrase, phrase)
            type_text(dialog.passphrase_again, again)
            dialog.encrypt_button.click()
            if dialog.result() == dialog.DialogCode.Accepted:
                return 1
            seen.append(dialog.error.text())
            assert dialog.passphrase.text() == "" and dialog.password.text() == ""
        dialog.reject()
        return 0

    monkeypatch.setattr(dialogs, "exec_dialog", run)


def test_the_local_owner_encrypts_with_a_passphrase_after_two_mistakes(
    ctx: ServiceContext, data_dir: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_people(ctx.db)
    window = open_window(ctx, data_dir, qtbot)
    assert window.encrypt_action.isVisible() and not window.decrypt_action.isVisible()
    seen: list[str] = []
    fill_dialog(monkeypatch, [("", PASSPHRASE, PASSPHRASE + "x"), ("", "te kort", "te kort"),
                              ("", PASSPHRASE, PASSPHRASE)], seen)
    window.encrypt_action.trigger()
    assert seen == ["The two passphrases differ; nothing was changed.",
                    "A passphrase needs at least 12 characters; nothing was changed."]
    assert file_is_encrypted(live(data_dir))
    assert found_secrets(raw_bytes(live(data_dir))) == []
    # The window goes on with the encrypted file: the same data, and the other action.
    assert window.ctx.db.data_key == unlock_with_passphrase(data_dir, PASSPHRASE)
    assert [w.last_name for w in list_workers(window.ctx)] == [LAST_NAME]
    assert window.decrypt_action.isVisible() and not window.encrypt_action.isVisible()


def test_cancel_changes_nothing(
    ctx: ServiceContext, data_dir: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_people(ctx.db)
    window = open_window(ctx, data_dir, qtbot)
    fill_dialog(monkeypatch, [("", "", "")], [])
    window.encrypt_action.trigger()
    assert not file_is_encrypted(live(data_dir)) and window.ctx.db.data_key is None


def test_an_administrator_encrypts_with_their_own_password_checked_first(
    ctx: ServiceContext, data_dir: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_people(ctx.db)
    add_user(ctx, UserData("anna", "admin", display_name="Anna"), PASSWORD)
    admin = ServiceContext(ctx.db, authenticate(ctx, "anna", PASSWORD))
    window = open_window(admin, data_dir, qtbot)
    seen: list[str] = []
    fill_dialog(monkeypatch, [("niet-juist", "", ""), (PASSWORD, "", "")], seen)
    window.encrypt_action.trigger()
    assert seen == ["The current password is not right; nothing was changed."]
    assert window.ctx.db.data_key == unlock_with_password(data_dir, "anna", PASSWORD)
    assert [w.last_name for w in list_workers(window.ctx)] == [LAST_NAME]


def test_store_unencrypted_again_after_confirming(
    ctx: ServiceContext, data_dir: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_people(ctx.db)
    window = open_window(ctx, data_dir, qtbot)
    fill_dialog(monkeypatch, [("", PASSPHRASE, PASSPHRASE)], [])
    window.encrypt_action.trigger()
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: False)
    window.decrypt_action.trigger()
    assert file_is_encrypted(live(data_dir))
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    window.decrypt_action.trigger()
    assert not file_is_encrypted(live(data_dir)) and window.ctx.db.data_key is None
    assert [w.last_name for w in list_workers(window.ctx)] == [LAST_NAME]
    assert window.encrypt_action.isVisible()


def test_only_an_administrator_may_encrypt(
    ctx: ServiceContext, data_dir: Path, qtbot: Any
) -> None:
    add_people(ctx.db)
    add_user(ctx, UserData("anna", "admin"), PASSWORD)
    admin = ServiceContext(ctx.db, authenticate(ctx, "anna", PASSWORD))
    [enterprise] = list_organisations(admin)
    add_user(admin, UserData("jan", "job_coach", enterprise.id), PASSWORD)
    coach = ServiceContext(ctx.db, authenticate(ctx, "jan", PASSWORD))
    window = open_window(coach, data_dir, qtbot)
    assert not window.encrypt_action.isEnabled()
    window.encrypt_data()  # as if triggered anyway: refused, nothing asked or changed
    assert not file_is_encrypted(live(data_dir))
