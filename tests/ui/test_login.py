"""Logging in before the window opens: typed into the real dialog, refused, waited, changed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QPushButton

from tests.ui.login_support import (
    BERT,
    ELS,
    answering,
    audit_actions,
    cancel,
    make_accounts,
    message_of,
    stored_rows,
    type_and_accept,
    user,
)
from zorgkoppel.cli.main import main
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services import accounts
from zorgkoppel.core.services.passwords import password_matches
from zorgkoppel.storage.opening import open_database
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.app import _open, run_gui

FAILED = "Cannot log in: unknown user, wrong password, or a disabled account."


@pytest.fixture
def linde(data_dir):
    return make_accounts(data_dir)


def _opened(data_dir):
    opened = _open(data_dir, quiet=False)
    assert not isinstance(opened, int), opened
    return opened


def test_a_wrong_password_shows_the_message_and_stores_only_the_failure(
        data_dir, linde, qtbot, monkeypatch):
    before = stored_rows(data_dir)
    audit_before = audit_actions(data_dir)
    seen_messages = []

    def wrong_then_right(dialog):
        type_and_accept(qtbot, dialog, user_name="els", password="not-her-password")
        assert dialog.isVisible()
        seen_messages.append(message_of(dialog))
        assert dialog.findChild(type(dialog.edits["password"]), "password").text() == ""
        # What was stored so far: the failure, nothing else.
        assert stored_rows(data_dir) == before
        assert audit_actions(data_dir) == [*audit_before, ("els", "login_failed")]
        assert user(data_dir, "els").failed_logins == 1
        type_and_accept(qtbot, dialog, password=ELS)

    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {"login": [wrong_then_right]}))
    opened = _opened(data_dir)
    try:
        assert seen_messages == [FAILED]
        assert opened.ctx.actor.name == "els" and opened.ctx.actor.is_admin
        assert opened.account == opened.ctx.actor
        assert audit_actions(data_dir)[-1] == ("els", "login")
        assert user(data_dir, "els").failed_logins == 0
    finally:
        opened.close()


def test_an_unknown_user_and_a_disabled_one_get_the_same_message(
        data_dir, linde, qtbot, monkeypatch):
    db = open_database(data_dir)
    admin = accounts.authenticate(ServiceContext(db), "els", ELS)
    accounts.set_disabled(ServiceContext(db, admin), "bert")
    db.dispose()
    messages = []

    def three_tries(dialog):
        for name, password in (("nobody", "whatever-1"), ("bert", BERT), ("els", "wrong-one")):
            type_and_accept(qtbot, dialog, user_name=name, password=password)
            messages.append(message_of(dialog))
        cancel(qtbot, dialog)

    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {"login": [three_tries]}))
    assert _open(data_dir, quiet=False) == 0  # Cancel quits
    assert messages == [FAILED, FAILED, FAILED]


def test_after_five_failures_the_wait_is_counted_down(data_dir, linde, qtbot, monkeypatch):
    db = open_database(data_dir)
    with db.transaction() as session:
        from sqlmodel import select

        from zorgkoppel.core.models import User

        bert = session.exec(select(User).where(User.user_name == "bert")).one()
        bert.failed_logins = 8  # the wait doubles after five: 8 seconds now
        bert.last_failed_at = dt.datetime.now(dt.UTC)
        session.add(bert)
    db.dispose()

    def throttled(dialog):
        type_and_accept(qtbot, dialog, user_name="bert", password=BERT)
        button = dialog.findChild(QPushButton, "accept")
        assert not button.isEnabled()
        first = message_of(dialog)
        assert "wait" in first and "seconds" in first
        assert dialog.waiting >= 7
        # The window keeps running: the count goes down while the dialog stays usable.
        qtbot.waitUntil(lambda: message_of(dialog) != first, timeout=3000)
        assert dialog.waiting < 8 and not button.isEnabled()
        cancel(qtbot, dialog)

    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {"login": [throttled]}))
    assert _open(data_dir, quiet=False) == 0
    assert user(data_dir, "bert").failed_logins == 8  # a throttled try counts nothing


def test_a_reset_password_is_changed_before_the_window_opens(
        data_dir, linde, qtbot, monkeypatch):
    db = open_database(data_dir)
    admin = accounts.authenticate(ServiceContext(db), "els", ELS)
    accounts.reset_password(ServiceContext(db, admin), "bert", "temporary-1")
    db.dispose()
    messages = []

    def log_in(dialog):
        type_and_accept(qtbot, dialog, user_name="bert", password="temporary-1")

    def choose(dialog):
        type_and_accept(qtbot, dialog, new_password="bert-own-1", new_password_again="other-1")
        messages.append(message_of(dialog))
        type_and_accept(qtbot, dialog, new_password="temporary-1",
                        new_password_again="temporary-1")
        messages.append(message_of(dialog))
        type_and_accept(qtbot, dialog, new_password="bert-own-1",
                        new_password_again="bert-own-1")

    seen = []
    monkeypatch.setattr(dialogs, "exec_dialog", answering(
        qtbot, {"login": [log_in], "new_password": [choose]}, seen))
    opened = _opened(data_dir)
    try:
        assert seen == ["login", "new_password"]
        assert messages == ["The two passwords differ; nothing was changed.",
                            "choose a password different from the current one"]
        assert opened.ctx.actor.name == "bert" and opened.ctx.actor.role == "coordinator"
    finally:
        opened.close()
    stored = user(data_dir, "bert")
    assert not stored.must_change_password
    assert password_matches(stored.password_hash, "bert-own-1")


def test_cancelling_the_new_password_quits(data_dir, linde, qtbot, monkeypatch):
    db = open_database(data_dir)
    admin = accounts.authenticate(ServiceContext(db), "els", ELS)
    accounts.reset_password(ServiceContext(db, admin), "bert", "temporary-1")
    db.dispose()
    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {
        "login": [lambda d: type_and_accept(qtbot, d, user_name="bert", password="temporary-1")],
        "new_password": [lambda d: cancel(qtbot, d)]}))
    assert _open(data_dir, quiet=False) == 0
    assert user(data_dir, "bert").must_change_password


def test_without_accounts_no_login_is_asked(data_dir, qtbot):
    opened = _opened(data_dir)  # the autouse patch refuses any dialog
    try:
        assert opened.ctx.actor.name == "local" and opened.account is None
    finally:
        opened.close()


def test_exit_after_start_never_asks_and_needs_credentials(data_dir, linde, qapp, capsys,
                                                           monkeypatch):
    monkeypatch.delenv("ZORGKOPPEL_PASSWORD", raising=False)
    assert run_gui(data_dir, language="en", exit_after_start=True) == 3
    assert "--user" in capsys.readouterr().err
    monkeypatch.setenv("ZORGKOPPEL_PASSWORD", "wrong-password")
    assert run_gui(data_dir, language="en", exit_after_start=True, user="els") == 3
    assert FAILED in capsys.readouterr().err
    monkeypatch.setenv("ZORGKOPPEL_PASSWORD", ELS)
    assert main(["--data-dir", str(data_dir), "--lang", "en", "--user", "els",
                 "gui", "--exit-after-start"]) == 0
    assert audit_actions(data_dir)[-1] == ("els", "login")


def test_exit_after_start_refuses_a_user_who_must_change_the_password(
        data_dir, linde, qapp, capsys, monkeypatch):
    db = open_database(data_dir)
    admin = accounts.authenticate(ServiceContext(db), "els", ELS)
    accounts.reset_password(ServiceContext(db, admin), "bert", "temporary-1")
    db.dispose()
    monkeypatch.setenv("ZORGKOPPEL_PASSWORD", "temporary-1")
    assert run_gui(data_dir, language="en", exit_after_start=True, user="bert") == 3
    assert "user passwd" in capsys.readouterr().err


def test_a_read_only_window_logs_in_and_acts_as_a_viewer(data_dir, linde, qtbot, monkeypatch):
    from zorgkoppel.storage.instance_lock import InstanceLock

    other_window = InstanceLock(data_dir)
    other_window.acquire()
    try:
        monkeypatch.setattr(dialogs, "ask_data_in_use",
                            lambda parent, text: dialogs.InUseChoice.READ_ONLY)
        monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {"login": [
            lambda d: type_and_accept(qtbot, d, user_name="bert", password=BERT)]}))
        opened = _opened(data_dir)
        try:
            assert opened.read_only
            assert opened.ctx.actor.role == "viewer" and opened.ctx.actor.name == "bert"
            assert opened.account is not None and opened.account.role == "coordinator"
        finally:
            opened.close()
        # The login's bookkeeping was written beside the other window's lock.
        assert audit_actions(data_dir)[-1] == ("bert", "login")
    finally:
        other_window.release()


def test_the_start_uses_the_command_line_s_names_and_exit_code():
    from zorgkoppel.cli import login, unlocking
    from zorgkoppel.ui import start_login

    assert start_login.EXIT_LOGIN == login.EXIT_LOGIN
    assert start_login.PASSWORD_VARIABLE == login.PASSWORD_VARIABLE
    assert start_login.PASSPHRASE_VARIABLE == unlocking.PASSPHRASE_VARIABLE
