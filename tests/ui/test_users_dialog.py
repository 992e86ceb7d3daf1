"""Settings › Users…: the table of accounts, and each change made through the services."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.ui.login_support import (
    BERT,
    ELS,
    answering,
    cancel,
    logged_in_window,
    make_accounts,
    message_of,
    stored_rows,
    type_and_accept,
    user,
)
from zorgkoppel.core.services.passwords import password_matches
from zorgkoppel.ui import dialogs


@pytest.fixture
def linde(data_dir):
    return make_accounts(data_dir)


def _click(qtbot, dialog, name):
    qtbot.mouseClick(dialog.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def _select(dialog, user_name):
    row = [u.user_name for u in dialog.users].index(user_name)
    dialog.table.selectRow(row)


def _cells(dialog, user_name):
    row = [u.user_name for u in dialog.users].index(user_name)
    return [dialog.table.item(row, column).text() for column in range(dialog.table.columnCount())]


def test_an_administrator_adds_disables_resets_and_changes_role(
        data_dir, linde, qtbot, monkeypatch):
    window = logged_in_window(qtbot, data_dir, "els", ELS)
    assert window.accounts.users_action.isVisible()
    messages = {}

    def add_form(form):
        # A taken name: the form stays open with the service's message, nothing stored.
        before = stored_rows(data_dir)
        type_and_accept(qtbot, form, user_name="bert", display_name="Another Bert",
                        password="carla-password-1", password_again="carla-password-1")
        messages["taken"] = message_of(form)
        assert stored_rows(data_dir) == before
        form.role.set_code("coordinator")
        form.organisation.set_code(linde)
        type_and_accept(qtbot, form, user_name="Carla", display_name="Carla Maes")

    def reset(dialog):
        type_and_accept(qtbot, dialog, new_password="carla-reset-1",
                        new_password_again="carla-reset-2")
        messages["differ"] = message_of(dialog)
        type_and_accept(qtbot, dialog, new_password="carla-reset-1",
                        new_password_again="carla-reset-1")

    def to_viewer(form):
        form.role.set_code("viewer")
        type_and_accept(qtbot, form)

    def last_admin(form):
        form.role.set_code("viewer")
        form.organisation.set_code(linde)
        type_and_accept(qtbot, form)
        messages["last_admin"] = message_of(form)
        cancel(qtbot, form)

    def manage(dialog):
        dialog.show()
        assert _cells(dialog, "bert")[:5] == ["bert", "Bert Claes", "coordinator",
                                             "Dagcentrum De Linde vzw", "no"]
        assert _cells(dialog, "els")[5]  # she logged in: the time is shown
        _click(qtbot, dialog, "add_user")
        assert _cells(dialog, "carla")[:3] == ["carla", "Carla Maes", "coordinator"]
        assert dialog.selected().user_name == "carla"
        _click(qtbot, dialog, "toggle_disabled")
        assert user(data_dir, "carla").disabled
        assert _cells(dialog, "carla")[4] == "yes"
        assert dialog.disable_button.text() == "&Enable"
        _click(qtbot, dialog, "toggle_disabled")
        assert not user(data_dir, "carla").disabled
        _click(qtbot, dialog, "reset_password")
        _click(qtbot, dialog, "change_role")
        _select(dialog, "els")
        _click(qtbot, dialog, "change_role")
        dialog.reject()

    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {
        "users_dialog": [manage], "user_form": [add_form, to_viewer, last_admin],
        "reset_password": [reset]}))
    window.accounts.users_action.trigger()

    assert messages == {
        "taken": "the user name bert is taken",
        "differ": "The two passwords differ; nothing was changed.",
        "last_admin": "the last enabled administrator must stay an administrator",
    }
    carla = user(data_dir, "carla")
    assert carla.role == "viewer" and carla.organisation_id == linde
    assert carla.must_change_password and password_matches(carla.password_hash, "carla-reset-1")
    assert user(data_dir, "els").role == "admin"


def test_disabling_the_last_administrator_is_refused_in_the_dialog(
        data_dir, linde, qtbot, monkeypatch):
    window = logged_in_window(qtbot, data_dir, "els", ELS)
    shown = []

    def manage(dialog):
        _select(dialog, "els")
        before = stored_rows(data_dir)
        _click(qtbot, dialog, "toggle_disabled")
        shown.append(dialog.message.text())
        assert stored_rows(data_dir) == before
        dialog.reject()

    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {"users_dialog": [manage]}))
    window.accounts.users_action.trigger()
    assert shown == ["the last enabled administrator cannot be disabled"]
    assert not user(data_dir, "els").disabled


@pytest.mark.parametrize(("name", "password"), [("bert", BERT), ("vera", "vera-password-1")])
def test_others_do_not_get_settings_users(data_dir, linde, qtbot, name, password):
    if name == "vera":
        from zorgkoppel.core.context import ServiceContext
        from zorgkoppel.core.services import accounts
        from zorgkoppel.storage.opening import open_database

        db = open_database(data_dir)
        admin = accounts.authenticate(ServiceContext(db), "els", ELS)
        accounts.add_user(ServiceContext(db, admin), accounts.UserData(
            "vera", "viewer", linde), password)
        db.dispose()
    window = logged_in_window(qtbot, data_dir, name, password)
    assert not window.accounts.users_action.isVisible()
    window.accounts.show_users()  # even called directly: nothing opens (the patch would raise)
    assert window.accounts.change_password_action.isVisible()


def test_the_status_bar_names_the_user_and_role(data_dir, linde, qtbot):
    window = logged_in_window(qtbot, data_dir, "bert", BERT)
    assert window.accounts.user_label.text() == "Bert Claes (coordinator)"
    assert window.accounts.user_label.isVisible()


def test_the_local_owner_makes_the_first_account(window, data_dir, qtbot, monkeypatch):
    assert window.accounts.user_label.text() == ""
    assert not window.accounts.change_password_action.isVisible()
    assert window.accounts.users_action.isVisible()
    messages = []

    def first_form(form):
        form.role.set_code("coordinator")
        type_and_accept(qtbot, form, user_name="els", display_name="Els Peeters",
                        password=ELS, password_again=ELS)
        messages.append(message_of(form))
        form.role.set_code("admin")
        type_and_accept(qtbot, form)

    def manage(dialog):
        assert dialog.users == [] and "no accounts yet" in dialog.explanation.text()
        _click(qtbot, dialog, "add_user")
        assert not dialog.add_button.isEnabled()  # the local owner manages no further
        dialog.reject()

    informed = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: informed.append(text))
    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {
        "users_dialog": [manage], "user_form": [first_form]}))
    window.accounts.users_action.trigger()
    assert messages == ["the first account must be an administrator (admin)"]
    assert user(data_dir, "els").role == "admin"
    assert len(informed) == 1 and "next start" in informed[0]
    assert not window.accounts.users_action.isVisible()
