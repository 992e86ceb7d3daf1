"""The window's Encrypt / Store unencrypted actions: close the database, convert, reopen.

Every screen shares the window's ServiceContext, so putting the reopened Database on it is
enough for all of them to read the converted file. A conversion that fails leaves the old
file (storage/encryption.py guarantees it); the old Database, only disposed, connects to it
again on its next use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.i18n import _
from zorgkoppel.ui import dialogs

if TYPE_CHECKING:
    from zorgkoppel.ui.main_window import MainWindow


def _may_convert(window: MainWindow) -> bool:
    if not window.ctx.actor.may_write:
        window.show_status(_("The data is open read-only here; restore it in the window "
                             "that has it open."))
        return False
    if not window.ctx.actor.unrestricted:
        window.show_status(_("Only an administrator may do this."))
        return False
    return window._settle_all()


def _reopen(window: MainWindow, key: bytes | None) -> None:
    from zorgkoppel.core.changes import ALL_CHANGED
    from zorgkoppel.storage.opening import open_database

    window.ctx.db.dispose()
    window.ctx.db = open_database(window.data_dir, key=key)
    window.apply_changes(ALL_CHANGED)
    window.update_encryption_actions()


def encrypt_data(window: MainWindow) -> None:
    from zorgkoppel.core.services.folder_encryption import encrypt_folder, encryption_plan
    from zorgkoppel.ui.encryption_dialog import EncryptionDialog

    if not _may_convert(window):
        return
    try:
        plan = encryption_plan(window.ctx)
    except ZorgkoppelError as error:
        dialogs.show_error(window, _("Encrypt the data"), error.text())
        return
    done: list[str] = []

    def submit(password: str | None, passphrase: str | None) -> str | None:
        try:
            encrypted = encrypt_folder(window.ctx, password, passphrase)
        except ZorgkoppelError as error:
            return error.text()
        except OSError as error:
            return str(error)
        _reopen(window, encrypted.key)
        done.append(str(encrypted.result.backup))
        return None

    dialog = EncryptionDialog(plan, submit, window)
    dialogs.exec_dialog(dialog)
    dialog.deleteLater()
    if done:
        window.show_status(_("The data is encrypted. A checked backup was taken first: "
                             "{backup}").format(backup=done[0]))


def decrypt_data(window: MainWindow) -> None:
    from zorgkoppel.core.services.folder_encryption import decrypt_folder

    if not _may_convert(window):
        return
    if not dialogs.confirm(window, _("Store the data unencrypted"), _(
        "Store the database unencrypted again? Anyone who copies the file can then read it. "
        "An encrypted backup is taken first; older backups stay encrypted."
    )):
        return
    try:
        result = decrypt_folder(window.ctx)
    except (ZorgkoppelError, OSError) as error:
        text = error.text() if isinstance(error, ZorgkoppelError) else str(error)
        dialogs.show_error(window, _("Store the data unencrypted"), text)
        return
    _reopen(window, None)
    window.show_status(_("The data is stored unencrypted again. The encrypted backup taken "
                         "first is {backup}.").format(backup=result.backup))
