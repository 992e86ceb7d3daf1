"""The first start of a new installation: encrypt its data folder?, then the demo offer.

Asked once, at the same moment as the demo data (an empty database, no accounts, nothing
encrypted yet, the data writable here); "Not now" leaves the data plain, and
`zorgkoppel encrypt` can still do it later.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from zorgkoppel.i18n import _
from zorgkoppel.ui import dialogs

if TYPE_CHECKING:
    from zorgkoppel.ui.main_window import MainWindow


def is_first_run(window: MainWindow) -> bool:
    from zorgkoppel.core.services.accounts import has_accounts
    from zorgkoppel.core.services.dataset import is_empty

    ctx = window.ctx
    return (not window.settings.demo_offered and ctx.actor.may_write
            and ctx.actor.user_id is None and ctx.db.data_key is None
            and not has_accounts(ctx) and is_empty(ctx))


def offer_encryption(window: MainWindow) -> bool:
    """Ask for a passphrase (twice) and encrypt; True when the data is now encrypted."""
    from zorgkoppel.core.services.folder_encryption import encrypt_with_passphrase
    from zorgkoppel.ui.credentials_dialog import encrypt_dialog

    dialog = encrypt_dialog(lambda phrase, again: encrypt_with_passphrase(
        window.ctx, window.data_dir, phrase, again), window)
    accepted = dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    if accepted:
        window.update_encryption_actions()
        window.show_status(_("The data is encrypted; the passphrase is asked at every start."))
    return accepted


def first_start(window: MainWindow) -> None:
    if is_first_run(window):
        offer_encryption(window)
    window.offer_demo()
