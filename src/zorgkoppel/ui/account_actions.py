"""The window's part of accounts: File › Change password…, Settings › Users…, who is logged
in (status bar), and ending the session of an account disabled meanwhile.

Kept apart from main_window.py, which only makes one AccountActions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMenu

from zorgkoppel.core.codes import ROLE_LABELS, label
from zorgkoppel.core.context import Actor
from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.i18n import N_, _
from zorgkoppel.ui import dialogs

if TYPE_CHECKING:
    from zorgkoppel.ui.main_window import MainWindow

# A disabled account's open window notices within this time even when it writes nothing.
SESSION_CHECK_MS = 60_000
EXIT_SESSION_ENDED = 3  # like a failed login on the command line


def _menu_of(action: QAction) -> QMenu:
    return next(o for o in action.associatedObjects() if isinstance(o, QMenu))


class AccountActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.account: Actor = window.ctx.actor  # the login's actor (a read-only window: viewer)
        self.ended_with: Callable[[int], object] | None = None
        self.session_ended = False

        file_menu = _menu_of(window.quit_action)
        self.change_password_action = QAction(window)
        self.change_password_action.setObjectName("change_password")
        window.texts.bind(self.change_password_action.setText, N_("Change pass&word…"))
        self.change_password_action.triggered.connect(lambda _c=False: self.change_password())
        separator = file_menu.insertSeparator(window.quit_action)
        file_menu.insertAction(separator, self.change_password_action)

        self.users_action = QAction(window)
        self.users_action.setObjectName("users")
        window.texts.bind(self.users_action.setText, N_("&Users…"))
        self.users_action.triggered.connect(lambda _c=False: self.show_users())
        settings_menu = _menu_of(window.restore_action)
        settings_menu.addSeparator()
        settings_menu.addAction(self.users_action)

        self.user_label = QLabel()
        self.user_label.setObjectName("logged_in_user")
        window.statusBar().addPermanentWidget(self.user_label)
        window.texts.on_retranslate(self.refresh)

        self.timer = QTimer(self)
        self.timer.setInterval(SESSION_CHECK_MS)
        self.timer.timeout.connect(self.check_session)
        self.refresh()

    # -- who is logged in

    def watch(self, account: Actor | None,
              ended: Callable[[int], object] | None = None) -> None:
        """Start watching the session of `account` (None: the window's actor)."""
        if account is not None:
            self.account = account
        self.ended_with = ended
        self.refresh()
        if self.account.user_id is not None:
            self._guard_writes()
            self.timer.start()

    def refresh(self) -> None:
        actor = self.window.ctx.actor
        logged_in = self.account.user_id is not None
        self.change_password_action.setVisible(logged_in)
        self.users_action.setVisible(self._may_manage_users())
        if logged_in:
            self.user_label.setText(_("{name} ({role})").format(
                name=self.account.display_name or self.account.name,
                role=label(ROLE_LABELS, actor.role)))
        else:
            self.user_label.setText("")

    def _may_manage_users(self) -> bool:
        from zorgkoppel.core.services.accounts import has_accounts

        actor = self.window.ctx.actor
        if self.account.user_id is not None:
            return actor.is_admin and actor.may_write
        return actor.may_write and not has_accounts(self.window.ctx)

    # -- the session

    def _guard_writes(self) -> None:
        # Set again at every check: a restore opens a new database object.
        self.window.ctx.db.before_write = self._before_write

    def _before_write(self) -> None:
        from zorgkoppel.core.services.sessions import SessionEnded, session_continues

        if self.session_ended or not session_continues(self.window.ctx, self.account):
            QTimer.singleShot(0, self.end_session)
            raise SessionEnded()

    def check_session(self) -> None:
        from zorgkoppel.core.services.sessions import session_continues

        if self.session_ended or self.account.user_id is None:
            return
        self._guard_writes()
        try:
            still = session_continues(self.window.ctx, self.account)
        except Exception:  # a database that cannot answer is not a reason to log out
            return
        if not still:
            self.end_session()

    def end_session(self) -> None:
        """Tell the user, then close the window without saving anything further."""
        from zorgkoppel.core.services.sessions import MSG_SESSION_ENDED

        if self.session_ended:
            return
        self.session_ended = True
        self.timer.stop()
        dialogs.inform(self.window, _("Session ended"), _(MSG_SESSION_ENDED))
        # Hidden, not closed: closing would offer to save edits and make a backup.
        self.window.hide()
        if self.ended_with is not None:
            self.ended_with(EXIT_SESSION_ENDED)

    # -- the dialogs

    def change_password(self) -> None:
        from zorgkoppel.core.context import ServiceContext
        from zorgkoppel.core.services.accounts import change_own_password
        from zorgkoppel.ui.credentials_dialog import change_password_dialog
        from zorgkoppel.ui.start_login import MSG_PASSWORDS_DIFFER

        account_ctx = ServiceContext(self.window.ctx.db, self.account)

        def change(current: str, new: str, again: str) -> None:
            if new != again:
                raise ZorgkoppelError(MSG_PASSWORDS_DIFFER)
            change_own_password(account_ctx, current, new)

        dialog = change_password_dialog(change, self.window)
        if dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted:
            self.window.show_status(_("Your password was changed."))
        dialog.deleteLater()

    def show_users(self) -> None:
        from zorgkoppel.ui.users_dialog import UsersDialog

        if not self._may_manage_users():
            return
        dialog = UsersDialog(self.window.ctx, self.window)
        dialogs.exec_dialog(dialog)
        first_made = dialog.first_account_made
        dialog.deleteLater()
        self.refresh()
        if first_made:
            dialogs.inform(self.window, _("Users"), _(
                "The first account was made. From the next start on, zorgkoppel asks for a "
                "user name and password; this window goes on as the local owner until it "
                "is closed."))
