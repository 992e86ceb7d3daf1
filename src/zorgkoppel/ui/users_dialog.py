"""Settings › Users…: the accounts in a table, made and managed through the account services.

Every button calls one service (add_user, set_disabled, reset_password, change_role); an
error is shown in the dialog and nothing changes. While the installation has no account,
the local owner makes the first one here (an administrator, as the service requires).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.codes import ROLE_LABELS, label
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import PermissionDenied, ZorgkoppelError
from zorgkoppel.core.models import User
from zorgkoppel.core.services import accounts
from zorgkoppel.i18n import N_, _
from zorgkoppel.i18n.formatting import format_datetime
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.code_combo import CodeCombo, code_choices
from zorgkoppel.ui.credentials_dialog import CredentialsDialog, Entry, error_text
from zorgkoppel.ui.start_login import MSG_PASSWORDS_DIFFER

COLUMNS = (N_("User name"), N_("Display name"), N_("Role"), N_("Organisation"),
           N_("Disabled"), N_("Last login"))


class UserFormDialog(QDialog):
    """A new account (name, password twice) or another role for an existing one."""

    def __init__(self, ctx: ServiceContext, attempt: Callable[..., object], user: User | None,
                 parent: QWidget | None = None) -> None:
        from zorgkoppel.core.services.organisations import list_organisations

        super().__init__(parent)
        self.setObjectName("user_form")
        self.attempt = attempt
        self.setWindowTitle(_("Add a user") if user is None else _("Change role"))
        self.setMinimumWidth(460)
        self.user_name = QLineEdit(user.user_name if user else "")
        self.user_name.setObjectName("user_name")
        self.user_name.setMaxLength(40)
        self.user_name.setReadOnly(user is not None)
        self.display_name = QLineEdit(user.display_name if user else "")
        self.display_name.setObjectName("display_name")
        self.display_name.setMaxLength(200)
        self.role = CodeCombo(code_choices(ROLE_LABELS))
        self.role.setObjectName("role")
        self.role.set_code(user.role if user else "admin")
        organisations = [(o.id, o.name) for o in list_organisations(ctx)]
        self.organisation = CodeCombo(lambda: organisations, N_("(none)"))
        self.organisation.setObjectName("organisation")
        self.organisation.set_code(user.organisation_id if user else None)
        form = QFormLayout()
        form.addRow(_("&User name:"), self.user_name)
        form.addRow(_("&Display name:"), self.display_name)
        form.addRow(_("&Role:"), self.role)
        form.addRow(_("&Organisation:"), self.organisation)
        self.password = QLineEdit()
        self.password_again = QLineEdit()
        if user is None:
            for name, edit, text in (("password", self.password, _("&Password:")),
                                     ("password_again", self.password_again,
                                      _("Password &again:"))):
                edit.setObjectName(name)
                edit.setEchoMode(QLineEdit.EchoMode.Password)
                form.addRow(text, edit)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a61b1b;")
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("accept")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancel")
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def try_accept(self) -> None:
        try:
            self.attempt(self)
        except ZorgkoppelError as error:
            self.message.setText(error_text(error))
            self.message.show()
            return
        self.accept()


class UsersDialog(QDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("users_dialog")
        self.ctx = ctx
        self.first_account_made = False
        self.users: list[User] = []
        self.setWindowTitle(_("Users"))
        self.resize(820, 420)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("users_table")
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the organisation
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = self._button(_("&Add…"), "add_user", self.add_user)
        self.disable_button = self._button(_("&Disable"), "toggle_disabled",
                                           self.toggle_disabled)
        self.reset_button = self._button(_("&Reset password…"), "reset_password",
                                         self.reset_password)
        self.role_button = self._button(_("Change &role…"), "change_role", self.change_role)
        row = QHBoxLayout()
        for button in (self.add_button, self.disable_button, self.reset_button,
                       self.role_button):
            row.addWidget(button)
        row.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.refresh()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- the table

    def refresh(self, select: str | None = None) -> None:
        from zorgkoppel.core.services.organisations import list_organisations

        first = not accounts.has_accounts(self.ctx)
        try:
            self.users = accounts.list_users(self.ctx) if not first else []
            names = {o.id: o.name for o in list_organisations(self.ctx)}
            managing = True
        except PermissionDenied:  # the local owner after making the first account
            self.users, names, managing = [], {}, False
        self.explanation.setText(
            _("There are no accounts yet: everyone who starts zorgkoppel works as its local "
              "owner. Add the first account, an administrator, to make every start ask for "
              "a login.") if first else
            _("Who may log in, with which role. A disabled user can no longer log in; a "
              "reset password must be changed at the next login."))
        self.table.setRowCount(len(self.users))
        for number, user in enumerate(self.users):
            cells = (user.user_name, user.display_name, label(ROLE_LABELS, user.role),
                     names.get(user.organisation_id or "", ""),
                     _("yes") if user.disabled else _("no"),
                     format_datetime(user.last_login.astimezone()) if user.last_login else "")
            for column, text in enumerate(cells):
                self.table.setItem(number, column, QTableWidgetItem(text))
        if select is not None:
            for number, user in enumerate(self.users):
                if user.user_name == select:
                    self.table.selectRow(number)
        self.add_button.setEnabled(managing)
        self._update_buttons()

    def selected(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.users):
            return None
        return self.users[rows[0].row()]

    def _update_buttons(self) -> None:
        user = self.selected()
        for button in (self.disable_button, self.reset_button, self.role_button):
            button.setEnabled(user is not None)
        self.disable_button.setText(_("&Enable") if user is not None and user.disabled
                                    else _("&Disable"))

    def _done(self, text: str, select: str | None = None) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.refresh(select)

    def _failed(self, error: ZorgkoppelError) -> None:
        self.message.setStyleSheet("color: #a61b1b;")
        self.message.setText(error_text(error))

    # -- the actions

    def add_user(self) -> None:
        first = not accounts.has_accounts(self.ctx)

        def add(form: UserFormDialog) -> None:
            if form.password.text() != form.password_again.text():
                raise ZorgkoppelError(MSG_PASSWORDS_DIFFER)
            accounts.add_user(self.ctx, accounts.UserData(
                user_name=form.user_name.text(), role=form.role.code() or "",
                organisation_id=form.organisation.code(),
                display_name=form.display_name.text()), form.password.text())

        form = UserFormDialog(self.ctx, add, None, self)
        accepted = dialogs.exec_dialog(form) == QDialog.DialogCode.Accepted
        name = accounts.normalised_name(form.user_name.text())
        form.deleteLater()
        if accepted:
            self.first_account_made = first
            self._done(_("The account {name} was made.").format(name=name), name)

    def toggle_disabled(self) -> None:
        user = self.selected()
        if user is None:
            return
        try:
            accounts.set_disabled(self.ctx, user.user_name, not user.disabled)
        except ZorgkoppelError as error:
            self._failed(error)
            return
        self._done((_("{name} can log in again.") if user.disabled else
                    _("{name} was disabled and can no longer log in.")).format(
            name=user.user_name), user.user_name)

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return

        def reset(new: str, again: str) -> None:
            if new != again:
                raise ZorgkoppelError(MSG_PASSWORDS_DIFFER)
            accounts.reset_password(self.ctx, user.user_name, new)

        dialog = CredentialsDialog(
            _("Reset password"),
            _("Give {name} a new password. They must choose their own at their next login.")
            .format(name=user.user_name),
            [Entry("new_password", N_("&New password:")),
             Entry("new_password_again", N_("New password &again:"))],
            reset, _("Reset password"), self)
        dialog.setObjectName("reset_password")
        if dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted:
            self._done(_("The password of {name} was reset.").format(name=user.user_name),
                       user.user_name)
        dialog.deleteLater()

    def change_role(self) -> None:
        user = self.selected()
        if user is None:
            return

        def change(form: UserFormDialog) -> None:
            accounts.change_role(self.ctx, user.user_name, form.role.code() or "",
                                 form.organisation.code(), form.display_name.text())

        form = UserFormDialog(self.ctx, change, user, self)
        if dialogs.exec_dialog(form) == QDialog.DialogCode.Accepted:
            self._done(_("The role of {name} was changed.").format(name=user.user_name),
                       user.user_name)
        form.deleteLater()
