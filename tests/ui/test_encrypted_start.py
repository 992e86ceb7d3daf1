"""Opening an encrypted data folder in the window: the login's password or the passphrase."""

from __future__ import annotations

import pytest

from tests.storage.encryption_support import (
    PASSPHRASE,
    all_rows,
    database_of,
    encrypted_folder,
    found_secrets,
    raw_bytes,
)
from tests.ui.login_support import (
    ELS,
    answering,
    cancel,
    make_accounts,
    message_of,
    type_and_accept,
)
from zorgkoppel.storage import key_slots
from zorgkoppel.storage.encryption import Secret, encrypt_data_folder, new_data_key
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.app import _open, run_gui


@pytest.fixture
def with_accounts(data_dir):
    """Accounts, then encrypted by the administrator's password (as `encrypt` does)."""
    make_accounts(data_dir)
    key = new_data_key()
    encrypt_data_folder(data_dir, key, [Secret(ELS, "els")])
    return key


def _files(data_dir):
    database = database_of(data_dir)
    return raw_bytes(database), raw_bytes(key_slots.slots_path(database))


def test_the_login_password_unlocks_the_data(data_dir, with_accounts, qtbot, monkeypatch):
    before = _files(data_dir)
    messages = []

    def wrong_then_right(dialog):
        type_and_accept(qtbot, dialog, user_name="els", password="not-her-password")
        messages.append(message_of(dialog))
        assert _files(data_dir) == before  # a wrong secret changes nothing
        type_and_accept(qtbot, dialog, password=ELS)

    seen = []
    monkeypatch.setattr(dialogs, "exec_dialog", answering(
        qtbot, {"login": [wrong_then_right]}, seen))
    opened = _open(data_dir, quiet=False)
    assert not isinstance(opened, int)
    try:
        assert seen == ["login"]  # typed once: it unlocked the data and logged in
        assert messages == [key_slots.UnlockFailed().text()]
        assert opened.ctx.db.data_key == with_accounts
        assert opened.ctx.actor.name == "els"
    finally:
        opened.close()


def test_a_user_without_a_key_slot_gives_the_passphrase(data_dir, qtbot, monkeypatch):
    make_accounts(data_dir)
    key = new_data_key()
    encrypt_data_folder(data_dir, key, [Secret(ELS, "els"), Secret(PASSPHRASE)])
    from tests.ui.login_support import BERT

    messages = []

    def phrase(dialog):
        type_and_accept(qtbot, dialog, passphrase="not the passphrase")
        messages.append(message_of(dialog))
        type_and_accept(qtbot, dialog, passphrase=PASSPHRASE)

    seen = []
    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {
        "login": [lambda d: type_and_accept(qtbot, d, user_name="bert", password=BERT)],
        "passphrase": [phrase]}, seen))
    opened = _open(data_dir, quiet=False)
    assert not isinstance(opened, int)
    try:
        assert seen == ["login", "passphrase"]
        assert messages == [key_slots.UnlockFailed().text()]
        assert opened.ctx.actor.name == "bert"
    finally:
        opened.close()


def test_without_accounts_the_passphrase_opens_it(data_dir, qtbot, monkeypatch):
    key = encrypted_folder(data_dir)
    before = all_rows(database_of(data_dir), key)

    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {"passphrase": [
        lambda d: type_and_accept(qtbot, d, passphrase=PASSPHRASE)]}))
    opened = _open(data_dir, quiet=False)
    assert not isinstance(opened, int)
    try:
        assert opened.ctx.db.data_key == key
        assert opened.ctx.actor.name == "local"
    finally:
        opened.close()
    assert not found_secrets(raw_bytes(database_of(data_dir)))
    after = all_rows(database_of(data_dir), key)
    assert {t: r for t, r in after.items() if not t.startswith("audit")} == {
        t: r for t, r in before.items() if not t.startswith("audit")}


def test_cancelling_the_passphrase_quits(data_dir, qtbot, monkeypatch):
    encrypted_folder(data_dir)
    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {"passphrase": [
        lambda d: cancel(qtbot, d)]}))
    assert _open(data_dir, quiet=False) == 0


def test_exit_after_start_takes_the_secrets_from_the_environment(
        data_dir, with_accounts, qapp, capsys, monkeypatch):
    monkeypatch.delenv("ZORGKOPPEL_PASSWORD", raising=False)
    monkeypatch.delenv("ZORGKOPPEL_PASSPHRASE", raising=False)
    assert run_gui(data_dir, language="en", exit_after_start=True) == 3
    assert "--user" in capsys.readouterr().err
    monkeypatch.setenv("ZORGKOPPEL_PASSWORD", "wrong-password")
    assert run_gui(data_dir, language="en", exit_after_start=True, user="els") == 3
    assert "Cannot unlock" in capsys.readouterr().err
    monkeypatch.setenv("ZORGKOPPEL_PASSWORD", ELS)
    assert run_gui(data_dir, language="en", exit_after_start=True, user="els") == 0


def test_exit_after_start_with_a_passphrase_only(data_dir, qapp, capsys, monkeypatch):
    encrypted_folder(data_dir)
    monkeypatch.delenv("ZORGKOPPEL_PASSPHRASE", raising=False)
    assert run_gui(data_dir, language="en", exit_after_start=True) == 3
    assert "is encrypted" in capsys.readouterr().err
    monkeypatch.setenv("ZORGKOPPEL_PASSPHRASE", PASSPHRASE)
    assert run_gui(data_dir, language="en", exit_after_start=True) == 0


def test_a_new_password_chosen_at_login_unlocks_the_data_next_time(
        data_dir, with_accounts, qtbot, monkeypatch):
    from zorgkoppel.core.context import ServiceContext
    from zorgkoppel.core.services import accounts
    from zorgkoppel.storage.encryption import unlock_with_password
    from zorgkoppel.storage.opening import open_database

    db = open_database(data_dir, key=with_accounts)
    admin = accounts.authenticate(ServiceContext(db), "els", ELS)
    accounts.reset_password(ServiceContext(db, admin), "bert", "temporary-1")  # gives a slot
    db.dispose()
    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {
        "login": [lambda d: type_and_accept(qtbot, d, user_name="bert", password="temporary-1")],
        "new_password": [lambda d: type_and_accept(
            qtbot, d, new_password="bert-own-1", new_password_again="bert-own-1")]}))
    opened = _open(data_dir, quiet=False)
    assert not isinstance(opened, int)
    opened.close()
    assert unlock_with_password(data_dir, "bert", "bert-own-1") == with_accounts
    with pytest.raises(key_slots.UnlockFailed):
        unlock_with_password(data_dir, "bert", "temporary-1")
