"""Accounts in a data folder, and the real credential dialogs answered by typing into them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.rules.organisation import OrganisationData
from zorgkoppel.core.services import accounts
from zorgkoppel.core.services.organisations import save_organisation
from zorgkoppel.storage.opening import open_database

ELS = "els-password-1"  # the administrator
BERT = "bert-password-1"  # a coordinator of De Linde


def make_accounts(data_dir: Path) -> str:
    """An administrator els and a coordinator bert of a care facility; its id."""
    db = open_database(data_dir)
    try:
        local = ServiceContext(db)
        linde = save_organisation(local, OrganisationData(
            name="Dagcentrum De Linde vzw", kind="care_facility")).value.id
        accounts.add_user(local, accounts.UserData("els", "admin", display_name="Els Peeters"),
                          ELS)
        admin = accounts.authenticate(local, "els", ELS)
        accounts.add_user(ServiceContext(db, admin), accounts.UserData(
            "bert", "coordinator", linde, "Bert Claes"), BERT)
    finally:
        db.dispose()
    return linde


def user(data_dir: Path, name: str) -> Any:
    db = open_database(data_dir)
    try:
        with db.session() as session:
            from sqlmodel import select

            from zorgkoppel.core.models import User

            return session.exec(select(User).where(User.user_name == name)).one()
    finally:
        db.dispose()


def type_and_accept(qtbot: Any, dialog: QDialog, **fields: str) -> None:
    """Type each field's text into the dialog's line edit of that name, then press its button."""
    dialog.show()
    for name, text in fields.items():
        edit = dialog.findChild(QLineEdit, name)
        assert edit is not None, name
        edit.clear()
        qtbot.keyClicks(edit, text)
    button = dialog.findChild(QPushButton, "accept")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def cancel(qtbot: Any, dialog: QDialog) -> None:
    dialog.show()
    qtbot.mouseClick(dialog.findChild(QPushButton, "cancel"), Qt.MouseButton.LeftButton)


Answer = Callable[[QDialog], None]


def answering(qtbot: Any, answers: dict[str, list[Answer]],
              seen: list[str] | None = None) -> Callable[[QDialog], int]:
    """An exec_dialog that runs, per dialog name, the next of its answers in order.

    An answer may try several times (typing, reading the message): the dialog's result
    once it is done is what exec would have returned.
    """

    def exec_dialog(dialog: QDialog) -> int:
        name = dialog.objectName()
        if seen is not None:
            seen.append(name)
        queue = answers.get(name)
        assert queue, f"no answer for the dialog {name}"
        queue.pop(0)(dialog)
        assert not dialog.isVisible(), f"the dialog {name} is still open"
        return dialog.result()

    return exec_dialog


def message_of(dialog: QDialog) -> str:
    from PySide6.QtWidgets import QLabel

    label = dialog.findChild(QLabel, "message")
    return label.text() if label is not None and not label.isHidden() else ""


def audit_actions(data_dir: Path) -> list[tuple[str, str]]:
    """(user name, action) of every audit entry, oldest first."""
    db = open_database(data_dir)
    try:
        with db.session() as session:
            from sqlmodel import select

            from zorgkoppel.core.models import AuditEntry

            entries = session.exec(select(AuditEntry).order_by(AuditEntry.seq)).all()
            return [(entry.user_name, entry.action) for entry in entries]
    finally:
        db.dispose()


def stored_rows(data_dir: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of a plain database but the audit trail and the failed-login bookkeeping."""
    import sqlite3
    from contextlib import closing

    from zorgkoppel.paths import DATABASE_FILE

    with closing(sqlite3.connect(data_dir / DATABASE_FILE)) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'audit%' "
            "ORDER BY name")]
        rows: dict[str, list[tuple[Any, ...]]] = {}
        for table in tables:
            cursor = connection.execute(f'SELECT * FROM "{table}" ORDER BY 1')
            names = [column[0] for column in cursor.description]
            # Storing a failure also raises the account row's version (optimistic locking).
            bookkeeping = ("failed_logins", "last_failed_at") + (
                ("version",) if table == "user" else ())
            kept = [i for i, column in enumerate(names) if column not in bookkeeping]
            rows[table] = [tuple(row[i] for i in kept) for row in cursor.fetchall()]
        return rows


def logged_in_window(qtbot: Any, data_dir: Path, user_name: str, password: str) -> Any:
    """A main window as after a login of `user_name` (its own database connection)."""
    from zorgkoppel.settings import Settings
    from zorgkoppel.ui.main_window import MainWindow

    db = open_database(data_dir)
    actor = accounts.authenticate(ServiceContext(db), user_name, password)
    window = MainWindow(ServiceContext(db, actor), data_dir,
                        Settings(language="en", demo_offered=True))
    window.accounts.watch(actor)
    qtbot.addWidget(window, before_close_func=lambda w: w.ctx.db.dispose())
    window.show()
    qtbot.waitExposed(window)
    return window
