"""Before the window opens: the encrypted data unlocked, the user logged in.

An encrypted folder whose key file has user slots is unlocked by the login itself (the
password typed once opens the user's slot, as the command line's --user does); a folder
with only a passphrase asks it first. Once the database is open, an installation with
accounts logs the user in (the failure count and audit are the service's) and a user whose
password was reset chooses a new one before going on. Without accounts the window runs as
the local owner, as before.

`--exit-after-start` never shows a dialog: it takes --user with ZORGKOPPEL_PASSWORD (and
ZORGKOPPEL_PASSPHRASE) like the command line, and otherwise ends with exit code 3.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from zorgkoppel.core.context import Actor, ServiceContext
from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.core.services.accounts import (
    LoginFailed,
    LoginThrottled,
    authenticate,
    change_own_password,
    has_accounts,
    must_change_password,
    normalised_name,
)
from zorgkoppel.i18n import N_, _
from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.storage.sqlite_driver import file_is_encrypted
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.instance_guard import Opened

if TYPE_CHECKING:
    from zorgkoppel.storage import key_slots

# The command line's own texts, so a script sees the same words from both.
MSG_LOGIN_REQUIRED = N_(
    "This installation has accounts: log in with --user NAME (the password is asked, or "
    "taken from ZORGKOPPEL_PASSWORD).")
MSG_KEY_REQUIRED = N_(
    "The data in {folder} is encrypted: log in with your account (--user) or give the "
    "passphrase to open it. Nothing was changed.")
MSG_RESET = N_("Your password was reset: choose a new one first with "
               "'zorgkoppel --user {name} user passwd'.")
MSG_PASSWORDS_DIFFER = N_("The two passwords differ; nothing was changed.")
EXIT_QUIT = 0
# As cli/login.py and cli/unlocking.py (not imported: they load the key-slot code).
EXIT_LOGIN = 3
PASSWORD_VARIABLE = "ZORGKOPPEL_PASSWORD"
PASSPHRASE_VARIABLE = "ZORGKOPPEL_PASSPHRASE"


class StartLogin:
    def __init__(self, data_dir: Path, quiet: bool, user_name: str | None = None) -> None:
        self.data_dir = data_dir
        self.quiet = quiet
        self.user_name = user_name or ""
        # Only a smoke test reads the password from the environment; a person types it.
        self.password: str | None = (
            os.environ.get(PASSWORD_VARIABLE) if quiet and user_name else None)
        self.account: Actor | None = None  # the login's actor (a read-only window: viewer)

    # -- the data key

    def unlock(self) -> bytes | int | None:
        """The data key of an encrypted folder (None: plain), or the exit code."""
        database = self.data_dir / DATABASE_FILE
        if not file_is_encrypted(database):
            return None
        # Only an encrypted folder needs the key-slot code (a plain start stays lighter).
        from zorgkoppel.storage import key_slots

        try:
            slots = key_slots.for_database(database)
        except ZorgkoppelError as error:
            return self._failed(error.text(), 1)
        if slots.user_names():
            return self._unlock_as_user(database, slots)
        return self._unlock_with_passphrase(database, slots)

    def _key_as(self, database: Path, slots: key_slots.KeySlotFile, user_name: str,
                password: str) -> bytes | None:
        """The user's slot opens the data; None: no slot, but the passphrase may."""
        from zorgkoppel.storage import key_slots
        from zorgkoppel.storage.encryption import Secret, unlock_file

        if (slots.find(key_slots.USER, normalised_name(user_name)) is None
                and slots.find(key_slots.PASSPHRASE) is not None):
            return None
        return unlock_file(database, Secret(password, user_name))

    def _unlock_as_user(self, database: Path,
                        slots: key_slots.KeySlotFile) -> bytes | int | None:
        from zorgkoppel.storage import key_slots
        from zorgkoppel.ui.credentials_dialog import login_dialog

        if self.quiet:
            if not self.user_name or self.password is None:
                if os.environ.get(PASSPHRASE_VARIABLE) is not None:
                    return self._unlock_with_passphrase(database, slots)
                return self._failed(_(MSG_LOGIN_REQUIRED), EXIT_LOGIN)
            try:
                key = self._key_as(database, slots, self.user_name, self.password)
            except key_slots.UnlockFailed as error:
                return self._failed(error.text(), EXIT_LOGIN)
            return key if key is not None else self._unlock_with_passphrase(database, slots)
        dialog = login_dialog(lambda user, password: self._key_as(
            database, slots, user, password), self.user_name)
        accepted = dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        key, typed = dialog.outcome, dialog.typed
        dialog.deleteLater()
        if not accepted:
            return EXIT_QUIT
        self.user_name, self.password = typed["user_name"], typed["password"]
        if key is None:
            return self._unlock_with_passphrase(database, slots)
        assert isinstance(key, bytes)
        return key

    def _unlock_with_passphrase(self, database: Path,
                                slots: key_slots.KeySlotFile) -> bytes | int:
        from zorgkoppel.storage import key_slots
        from zorgkoppel.storage.encryption import Secret, unlock_file
        from zorgkoppel.ui.credentials_dialog import passphrase_dialog

        if slots.find(key_slots.PASSPHRASE) is None:
            return self._failed(key_slots.UnlockFailed().text(), EXIT_LOGIN)
        if self.quiet:
            phrase = os.environ.get(PASSPHRASE_VARIABLE)
            if phrase is None:
                return self._failed(_(MSG_KEY_REQUIRED).format(folder=self.data_dir),
                                    EXIT_LOGIN)
            try:
                return unlock_file(database, Secret(phrase))
            except key_slots.UnlockFailed as error:
                return self._failed(error.text(), EXIT_LOGIN)
        dialog = passphrase_dialog(lambda phrase: unlock_file(database, Secret(phrase)))
        accepted = dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        key = dialog.outcome
        dialog.deleteLater()
        if not accepted:
            return EXIT_QUIT
        assert isinstance(key, bytes)
        return key

    # -- the login

    def log_in(self, opened: Opened) -> int | None:
        """Log the user in on the opened data (its actor set); an exit code when not."""
        ctx = opened.ctx
        if not has_accounts(ctx):
            return None
        bookkeeping = ctx.db
        if opened.read_only:
            from zorgkoppel.storage.database import Database

            # The failure count, the audit and a new password are written even while
            # another window holds the folder, as the command line does.
            bookkeeping = Database.in_folder(opened.data_dir, key=ctx.db.data_key)
        try:
            actor = self._authenticate(ServiceContext(bookkeeping))
            if isinstance(actor, int):
                return actor
            code = self._change_if_required(ServiceContext(bookkeeping, actor))
            if code is not None:
                return code
        finally:
            self.password = None  # not kept once the window runs
            if bookkeeping is not ctx.db:
                bookkeeping.dispose()
        self.account = actor
        ctx.actor = replace(actor, role="viewer") if opened.read_only else actor
        return None

    def _authenticate(self, book: ServiceContext) -> Actor | int:
        from zorgkoppel.ui.credentials_dialog import login_dialog

        message = ""
        if self.user_name and self.password is not None:
            try:
                return authenticate(book, self.user_name, self.password)
            except (LoginFailed, LoginThrottled) as error:
                if self.quiet:
                    return self._failed(error.text(), EXIT_LOGIN)
                message = error.text()
        elif self.quiet:
            return self._failed(_(MSG_LOGIN_REQUIRED), EXIT_LOGIN)
        dialog = login_dialog(lambda user, password: authenticate(book, user, password),
                              self.user_name, message)
        accepted = dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        actor, typed = dialog.outcome, dialog.typed
        dialog.deleteLater()
        if not accepted:
            return EXIT_QUIT
        self.user_name, self.password = typed["user_name"], typed["password"]
        assert isinstance(actor, Actor)
        return actor

    def _change_if_required(self, account_ctx: ServiceContext) -> int | None:
        if not must_change_password(account_ctx):
            return None
        if self.quiet:
            return self._failed(_(MSG_RESET).format(name=account_ctx.actor.name), EXIT_LOGIN)
        from zorgkoppel.ui.credentials_dialog import new_password_dialog

        current = self.password or ""

        def change(new: str, again: str) -> None:
            if new != again:
                raise ZorgkoppelError(MSG_PASSWORDS_DIFFER)
            change_own_password(account_ctx, current, new)

        dialog = new_password_dialog(change)
        accepted = dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return None if accepted else EXIT_QUIT

    def _failed(self, text: str, code: int) -> int:
        if self.quiet:
            print(text, file=sys.stderr)
        else:
            dialogs.show_error(None, _("zorgkoppel cannot start"), text)
        return code
