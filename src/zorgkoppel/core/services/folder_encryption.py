"""Encrypting a new installation's data folder with a passphrase, as its first run offers.

The same conversion as `zorgkoppel encrypt` without accounts: the passphrase is then the
only way in, so it must be typed twice and be long enough. Only the local owner of an
installation without accounts does this here; with accounts an administrator uses the
command line, which gives their password its key slot.
"""

from __future__ import annotations

from pathlib import Path

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import PermissionDenied, Problems
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.accounts import has_accounts
from zorgkoppel.i18n import N_

MIN_PASSPHRASE_LENGTH = 12


def check_new_passphrase(passphrase: str, again: str) -> None:
    """ValidationError when the passphrase is too short or the two differ."""
    problems = Problems()
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        problems.add("passphrase", N_("a passphrase needs at least {count} characters"),
                     count=MIN_PASSPHRASE_LENGTH)
    elif passphrase != again:
        problems.add("passphrase_again", N_("the two passphrases differ"))
    problems.raise_if_any()


def encrypt_with_passphrase(ctx: ServiceContext, data_dir: Path, passphrase: str,
                            again: str) -> bytes:
    """Encrypt the data folder the context has open (its lock held by the caller).

    The context's database is closed for the conversion and opened again with the new key,
    so everything sharing the context goes on with the encrypted data. Returns the key.
    Nothing changes when the passphrase is refused or the conversion fails (the database is
    then opened again as it was).
    """
    from zorgkoppel.storage.encryption import (
        EncryptionError,
        Secret,
        encrypt_data_folder,
        new_data_key,
    )
    from zorgkoppel.storage.opening import open_database

    if not ctx.actor.may_write or ctx.actor.user_id is not None or has_accounts(ctx):
        raise PermissionDenied(N_(
            "With accounts, an administrator encrypts the data with 'zorgkoppel encrypt'."))
    if ctx.db.data_key is not None:
        raise EncryptionError(N_("The data in {folder} is already encrypted; nothing was "
                                 "changed."), folder=str(data_dir))
    check_new_passphrase(passphrase, again)
    key = new_data_key()
    ctx.db.dispose()
    try:
        encrypt_data_folder(data_dir, key, [Secret(passphrase)])
    except BaseException:
        ctx.db = open_database(data_dir)
        raise
    ctx.db = open_database(data_dir, key=key)
    audit.record(ctx, audit.ENCRYPT)
    return key
