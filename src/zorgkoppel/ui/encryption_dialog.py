"""Settings ▸ Encrypt the data…: the secrets that will unlock it, asked once, checked twice.

The dialog only gathers the administrator's password and an optional passphrase (typed
twice) and hands them to `submit`, which runs the service and answers with an error text or
None; on an error the dialog stays open with the message and empty secret fields.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.services.folder_encryption import MIN_PASSPHRASE_LENGTH, EncryptionPlan
from zorgkoppel.i18n import _

PARAGRAPH_WIDTH = 540
Submit = Callable[[str | None, str | None], str | None]


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class EncryptionDialog(QDialog):
    def __init__(self, plan: EncryptionPlan, submit: Submit,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("encryption_dialog")
        self.setWindowTitle(_("Encrypt the data"))
        self.plan = plan
        self._submit = submit

        lines = [_(
            "The database and its backups will be encrypted (SQLCipher, AES-256). A checked "
            "backup is taken first. Without a password or the passphrase nobody can read the "
            "data, not even with the file in hand."
        )]
        if plan.with_accounts:
            lines.append(_("Your password unlocks the data, so you need no extra passphrase."))
            if plan.waiting:
                lines.append(_(
                    "These accounts get their key when you reset their password; until then "
                    "they can only open the data with the passphrase: {names}"
                ).format(names=", ".join(plan.waiting)))
        else:
            lines.append(_(
                "There are no accounts, so the passphrase is the only way in: keep it "
                "somewhere safe."
            ))
        lines.append(_("Exchange files and sharing packages are not encrypted: anyone who has "
                       "such a file can read it."))
        paragraphs = [QLabel(line) for line in lines]
        for paragraph in paragraphs:
            paragraph.setWordWrap(True)
            # A fixed width lets the layout know each wrapped paragraph's height.
            paragraph.setFixedWidth(PARAGRAPH_WIDTH)

        self.password = _secret_field("encryption_password")
        self.passphrase = _secret_field("encryption_passphrase")
        self.passphrase_again = _secret_field("encryption_passphrase_again")
        form = QFormLayout()
        if plan.with_accounts:
            form.addRow(_("Your &password:"), self.password)
            self.passphrase.setPlaceholderText(_("optional, at least {count} characters")
                                               .format(count=MIN_PASSPHRASE_LENGTH))
        else:
            self.password.hide()
            self.passphrase.setPlaceholderText(_("at least {count} characters")
                                               .format(count=MIN_PASSPHRASE_LENGTH))
        form.addRow(_("Pass&phrase:"), self.passphrase)
        form.addRow(_("Passphrase &again:"), self.passphrase_again)

        self.error = QLabel()
        self.error.setObjectName("encryption_error")
        self.error.setWordWrap(True)
        self.error.setFixedWidth(PARAGRAPH_WIDTH)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.encrypt_button = buttons.addButton(_("&Encrypt"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.encrypt_button.setObjectName("encrypt")
        buttons.accepted.connect(self.encrypt)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        # Wrapped labels: without this the dialog keeps its first height when the error
        # appears, and clips the text.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        for paragraph in paragraphs:
            layout.addWidget(paragraph)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def encrypt(self) -> None:
        phrase = self.passphrase.text()
        if phrase != self.passphrase_again.text():
            problem: str | None = _("The two passphrases differ; nothing was changed.")
        else:
            password = self.password.text() if self.plan.with_accounts else None
            problem = self._submit(password, phrase or None)
        # Secrets never stay in a widget longer than needed.
        for field in (self.password, self.passphrase, self.passphrase_again):
            field.clear()
        if problem is None:
            self.accept()
            return
        self.error.setText(problem)
        self.error.show()
        self.adjustSize()
        (self.password if self.plan.with_accounts else self.passphrase).setFocus()
