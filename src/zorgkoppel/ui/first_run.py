"""The first start of a new installation: the first-run guide, then encrypt the data folder?

Shown for an empty database with no accounts, nothing encrypted yet and the data writable
here. Without an account the guide is followed by the offer to encrypt with a passphrase;
"Not now" leaves the data plain, and `zorgkoppel encrypt` can still do it later.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from zorgkoppel.i18n import _, current_language
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
    """An empty new data folder gets the first-run guide; closed halfway it made nothing,
    and comes again at the next start. Without accounts, encryption is offered after it."""
    if not is_first_run(window):
        window.offer_demo()
        return
    from zorgkoppel.core.changes import AREAS, Changes
    from zorgkoppel.settings import load_settings
    from zorgkoppel.ui.first_run_guide import run_guide
    from zorgkoppel.ui.language import apply_language

    made = run_guide(window.ctx, window.data_dir, window)
    if made is None:
        apply_language(window.settings.language or current_language())
        window.retranslate()
        return
    window.settings = load_settings(window.data_dir)
    window.retranslate()  # the guide may have switched the language
    window.apply_changes(Changes.of(*AREAS), None)
    if made.demo_loaded:
        window.show_status(_("The demo data was loaded."))
    if made.admin_name is None:
        offer_encryption(window)
