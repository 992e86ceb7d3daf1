"""One small dialog for every secret typed in the window: log in, passphrase, new password.

The dialog calls its `attempt` with what was typed when the user presses its button. An
error keeps the dialog open with the service's message (the password fields emptied); a
wait after too many failed logins is counted down with the button disabled, so the window
never freezes. Cancel closes it without anything tried.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.errors import ValidationError, ZorgkoppelError
from zorgkoppel.core.services.accounts import MSG_THROTTLED
from zorgkoppel.core.services.folder_encryption import MIN_PASSPHRASE_LENGTH
from zorgkoppel.i18n import N_, _


@dataclass(frozen=True)
class Entry:
    name: str  # the object name of its line edit (tests find it by this)
    label: str  # msgid
    secret: bool = True


def error_text(error: ZorgkoppelError) -> str:
    """The message of an error, each problem of a ValidationError on its own line."""
    if isinstance(error, ValidationError):
        return "\n".join(problem.text() for problem in error.problems)
    return error.text()


TEXT_WIDTH = 440


class CredentialsDialog(QDialog):
    def __init__(
        self,
        title: str,
        explanation: str,
        entries: list[Entry],
        attempt: Callable[..., object],
        accept_label: str,
        parent: QWidget | None = None,
        values: dict[str, str] | None = None,
        message: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("credentials")
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.attempt = attempt
        self.outcome: object = None
        self.typed: dict[str, str] = {}
        self._wait = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)

        layout = QVBoxLayout(self)
        # Without this the dialog keeps its first height when a message appears, and
        # squeezes the fields.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        if explanation:
            text = QLabel(explanation)
            text.setObjectName("explanation")
            text.setWordWrap(True)
            # A fixed width lets the layout know the wrapped text's height.
            text.setFixedWidth(TEXT_WIDTH)
            layout.addWidget(text)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for entry in entries:
            edit = QLineEdit((values or {}).get(entry.name, ""))
            edit.setObjectName(entry.name)
            if entry.secret:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(200)
            form.addRow(_(entry.label), edit)
            self.edits[entry.name] = edit
        layout.addLayout(form)
        self.message = QLabel(message)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setFixedWidth(TEXT_WIDTH)
        self.message.setStyleSheet("color: #a61b1b;")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(bool(message))
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.accept_button = QPushButton(accept_label)
        self.accept_button.setObjectName("accept")
        self.accept_button.setDefault(True)
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        first_empty = next((e for e in self.edits.values() if not e.text()), None)
        (first_empty or next(iter(self.edits.values()))).setFocus()

    def value(self, name: str) -> str:
        edit = self.edits[name]
        return edit.text() if edit.echoMode() == QLineEdit.EchoMode.Password else (
            edit.text().strip())

    def try_accept(self) -> None:
        if self._wait > 0:
            return
        typed = {name: self.value(name) for name in self.edits}
        try:
            self.outcome = self.attempt(*typed.values())
        except ZorgkoppelError as error:
            seconds = getattr(error, "seconds", 0)
            if isinstance(seconds, int) and seconds > 0:
                self._start_wait(seconds)
            else:
                self.show_message(error_text(error))
            self._clear_secrets()
            return
        self.typed = typed
        self.accept()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.adjustSize()  # room for the message without squeezing the fields

    def _clear_secrets(self) -> None:
        focus: QLineEdit | None = None
        for edit in self.edits.values():
            if edit.echoMode() == QLineEdit.EchoMode.Password:
                edit.clear()
                focus = focus or edit
        if focus is not None:
            focus.setFocus()

    def _start_wait(self, seconds: int) -> None:
        self._wait = seconds
        self.accept_button.setEnabled(False)
        self._show_wait()
        self._timer.start()

    def _show_wait(self) -> None:
        self.show_message(_(MSG_THROTTLED).format(seconds=self._wait))

    def _tick(self) -> None:
        self._wait -= 1
        if self._wait > 0:
            self._show_wait()
            return
        self._timer.stop()
        self.accept_button.setEnabled(True)
        self.show_message("")

    @property
    def waiting(self) -> int:
        """Seconds left before the next try is allowed (0: the button works)."""
        return self._wait


def login_dialog(attempt: Callable[[str, str], object], user_name: str = "",
                 message: str = "", parent: QWidget | None = None) -> CredentialsDialog:
    dialog = CredentialsDialog(
        _("Log in to zorgkoppel"),
        _("This installation has accounts: log in with your user name and password."),
        [Entry("user_name", N_("&User name:"), secret=False), Entry("password", N_("&Password:"))],
        attempt, _("Log in"), parent, {"user_name": user_name}, message)
    dialog.setObjectName("login")
    return dialog


def passphrase_dialog(attempt: Callable[[str], object],
                      parent: QWidget | None = None) -> CredentialsDialog:
    dialog = CredentialsDialog(
        _("Encrypted data"),
        _("The data in this folder is encrypted. Type its passphrase to open it."),
        [Entry("passphrase", N_("&Passphrase:"))], attempt, _("Open"), parent)
    dialog.setObjectName("passphrase")
    return dialog


def new_password_dialog(attempt: Callable[[str, str], object],
                        parent: QWidget | None = None) -> CredentialsDialog:
    """After a reset: the user chooses a new password (twice) before the window opens."""
    dialog = CredentialsDialog(
        _("Choose a new password"),
        _("Your password was reset by an administrator. Choose your own password before "
          "you go on."),
        [Entry("new_password", N_("&New password:")),
         Entry("new_password_again", N_("New password &again:"))],
        attempt, _("Change password"), parent)
    dialog.setObjectName("new_password")
    return dialog


def change_password_dialog(attempt: Callable[[str, str, str], object],
                           parent: QWidget | None = None) -> CredentialsDialog:
    dialog = CredentialsDialog(
        _("Change password"), "",
        [Entry("current_password", N_("&Current password:")),
         Entry("new_password", N_("&New password:")),
         Entry("new_password_again", N_("New password &again:"))],
        attempt, _("Change password"), parent)
    dialog.setObjectName("change_password")
    return dialog


def encrypt_dialog(attempt: Callable[[str, str], object],
                   parent: QWidget | None = None) -> CredentialsDialog:
    """The first run's offer to encrypt the new data folder with a passphrase."""
    dialog = CredentialsDialog(
        _("Encrypt the data?"),
        _("zorgkoppel can store its data encrypted on this computer (AES-256), so a lost "
          "laptop or a copied folder does not reveal anyone's personal data. Choose a "
          "passphrase of at least {count} characters: it is asked at every start, and "
          "without it nobody can read the data, so keep it somewhere safe. Exchange files "
          "and sharing packages stay unencrypted.").format(count=MIN_PASSPHRASE_LENGTH),
        [Entry("passphrase", N_("&Passphrase:")),
         Entry("passphrase_again", N_("Passphrase &again:"))],
        attempt, _("Encrypt"), parent)
    dialog.setObjectName("encrypt")
    dialog.findChild(QPushButton, "cancel").setText(_("Not now"))
    return dialog
