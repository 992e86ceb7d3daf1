"""File › Change password…, and the end of a session whose account was disabled or reset."""

from __future__ import annotations

import pytest

from tests.ui.login_support import (
    BERT,
    ELS,
    answering,
    logged_in_window,
    make_accounts,
    message_of,
    stored_rows,
    type_and_accept,
    user,
)
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services import accounts
from zorgkoppel.core.services.passwords import password_matches
from zorgkoppel.core.services.sessions import MSG_SESSION_ENDED
from zorgkoppel.storage.opening import open_database
from zorgkoppel.ui import dialogs


@pytest.fixture
def linde(data_dir):
    return make_accounts(data_dir)


def test_the_own_password_is_changed_after_proving_the_current_one(
        data_dir, linde, qtbot, monkeypatch):
    window = logged_in_window(qtbot, data_dir, "bert", BERT)
    messages = []

    def change(dialog):
        type_and_accept(qtbot, dialog, current_password="not-my-password",
                        new_password="bert-new-1", new_password_again="bert-new-1")
        messages.append(message_of(dialog))
        type_and_accept(qtbot, dialog, current_password=BERT, new_password="bert-new-1",
                        new_password_again="bert-new-2")
        messages.append(message_of(dialog))
        type_and_accept(qtbot, dialog, current_password=BERT, new_password="short",
                        new_password_again="short")
        messages.append(message_of(dialog))
        assert password_matches(user(data_dir, "bert").password_hash, BERT)
        type_and_accept(qtbot, dialog, current_password=BERT, new_password="bert-new-1",
                        new_password_again="bert-new-1")

    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {"change_password": [change]}))
    window.accounts.change_password_action.trigger()
    assert messages == [
        "The current password is not right; nothing was changed.",
        "The two passwords differ; nothing was changed.",
        "a password needs at least 8 characters",
    ]
    assert password_matches(user(data_dir, "bert").password_hash, "bert-new-1")
    assert window.statusBar().currentMessage() == "Your password was changed."
    assert window.isVisible()  # the own change does not end the session


def _as_admin(data_dir, change):
    db = open_database(data_dir)
    try:
        admin = accounts.authenticate(ServiceContext(db), "els", ELS)
        change(ServiceContext(db, admin))
    finally:
        db.dispose()


@pytest.mark.parametrize("change", [
    lambda ctx: accounts.set_disabled(ctx, "bert"),
    lambda ctx: accounts.reset_password(ctx, "bert", "temporary-1"),
    lambda ctx: accounts.change_role(ctx, "bert", "viewer", _linde(ctx)),
], ids=["disabled", "reset", "role"])
def test_the_periodic_check_ends_a_changed_session(data_dir, linde, qtbot, monkeypatch, change):
    window = logged_in_window(qtbot, data_dir, "bert", BERT)
    window.accounts.check_session()
    assert window.isVisible()  # nothing changed yet
    assert window.accounts.timer.isActive()
    _as_admin(data_dir, change)
    informed = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: informed.append(text))
    window.accounts.check_session()
    assert informed == [MSG_SESSION_ENDED]
    assert not window.isVisible() and window.accounts.session_ended
    assert not window.accounts.timer.isActive()


def _linde(ctx):
    from zorgkoppel.core.services.organisations import list_organisations

    return list_organisations(ctx)[0].id


def test_a_write_after_the_account_was_disabled_changes_nothing(
        data_dir, linde, qtbot, monkeypatch):
    window = logged_in_window(qtbot, data_dir, "bert", BERT)
    screen = window.show_screen("organisations")
    screen.select_record(linde)
    screen.form.city.setText("Aalst")
    window.save_action.trigger()  # while the account is enabled, bert may change his own
    assert any("Aalst" in row for row in stored_rows(data_dir)["organisation"])
    _as_admin(data_dir, lambda ctx: accounts.set_disabled(ctx, "bert"))
    before = stored_rows(data_dir)
    informed = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: informed.append(text))
    screen.form.city.setText("Gent")
    window.save_action.trigger()
    assert stored_rows(data_dir) == before
    qtbot.waitUntil(lambda: informed == [MSG_SESSION_ENDED], timeout=2000)
    assert not window.isVisible()
    screen.revert_record()
