"""Encrypting a data folder in place, or storing it plain again: who may, and with what.

The conversion itself is storage's (`storage/encryption.py`); this decides which secrets get
a key slot, checks them before anything is touched, and is shared by `zorgkoppel encrypt`
and the window. The rule: with accounts only an administrator converts, and their password
(checked again here, since a slot wrapped with a mistyped password would lock them out)
gets a slot; the other accounts get theirs when an administrator resets their password. A
passphrase is optional with accounts and the only way in without them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import PermissionDenied, Problems
from zorgkoppel.core.services import audit
from zorgkoppel.i18n import N_
from zorgkoppel.storage.encryption import (
    ConversionResult,
    EncryptionError,
    Secret,
    decrypt_data_folder,
    encrypt_data_folder,
    new_data_key,
)

MIN_PASSPHRASE_LENGTH = 12
MSG_ADMIN_ONLY = N_("Only an administrator may encrypt or decrypt the data.")
MSG_ALREADY = N_("The data in {folder} is already encrypted; nothing was changed.")
MSG_NOT_ENCRYPTED = N_("The data in {folder} is not encrypted; nothing was changed.")
MSG_SHORT_PASSPHRASE = N_("A passphrase needs at least {count} characters; nothing was "
                          "changed.")
MSG_PASSPHRASE_NEEDED = N_("Without accounts the passphrase is the only way to open "
                           "encrypted data: choose one. Nothing was changed.")
MSG_WRONG_PASSWORD = N_("The current password is not right; nothing was changed.")


@dataclass(frozen=True)
class EncryptionPlan:
    """What `encrypt_folder` will do for this actor, to show before asking for secrets."""

    with_accounts: bool
    own_slot: str | None  # the administrator whose password unlocks it
    waiting: tuple[str, ...]  # enabled accounts that get their slot at a password reset


@dataclass(frozen=True)
class Encrypted:
    result: ConversionResult
    key: bytes  # the new data key: open the folder with it from now on
    plan: EncryptionPlan
    with_passphrase: bool


def _folder(ctx: ServiceContext) -> Path:
    path = ctx.db.path
    if path is None:
        raise EncryptionError(N_("Only a data folder on this computer can be encrypted."))
    return path.parent


def encryption_plan(ctx: ServiceContext) -> EncryptionPlan:
    """Raises PermissionDenied for anyone but an administrator (or the local owner)."""
    from zorgkoppel.core.services.accounts import has_accounts, list_users

    if ctx.db.data_key is not None:
        raise EncryptionError(MSG_ALREADY, folder=str(_folder(ctx)))
    if not has_accounts(ctx):
        return EncryptionPlan(False, None, ())
    if not ctx.actor.is_admin or ctx.actor.user_id is None:
        raise PermissionDenied(MSG_ADMIN_ONLY)
    waiting = tuple(u.user_name for u in list_users(ctx)
                    if u.user_name != ctx.actor.name and not u.disabled)
    return EncryptionPlan(True, ctx.actor.name, waiting)


def check_passphrase(passphrase: str | None, plan: EncryptionPlan) -> None:
    if not passphrase:
        if not plan.with_accounts:
            raise EncryptionError(MSG_PASSPHRASE_NEEDED)
        return
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise EncryptionError(MSG_SHORT_PASSPHRASE, count=MIN_PASSPHRASE_LENGTH)


def encrypt_folder(
    ctx: ServiceContext, password: str | None, passphrase: str | None,
    password_checked: bool = False,
) -> Encrypted:
    """Encrypt the open folder in place (a checked backup first), then leave `ctx.db` closed.

    `password` is the administrator's own (checked unless `password_checked`, as after a
    command-line login that just used it). Every check happens before anything is written;
    the caller reopens the folder with `Encrypted.key`.
    """
    from zorgkoppel.core.services.accounts import verify_password

    plan = encryption_plan(ctx)
    check_passphrase(passphrase, plan)
    secrets: list[Secret] = []
    if plan.with_accounts:
        if not password or not (password_checked or verify_password(ctx, password)):
            raise EncryptionError(MSG_WRONG_PASSWORD)
        secrets.append(Secret(password, plan.own_slot))
    if passphrase:
        secrets.append(Secret(passphrase))
    data_dir = _folder(ctx)
    key = new_data_key()
    ctx.db.dispose()  # the conversion needs the file to itself; the caller's lock stays held
    result = encrypt_data_folder(data_dir, key, secrets)
    _record(data_dir, key, ctx.actor.name, audit.ENCRYPT)
    return Encrypted(result, key, plan, bool(passphrase))


def decrypt_folder(ctx: ServiceContext) -> ConversionResult:
    """Store the open folder plain again (an encrypted backup first); `ctx.db` is left closed."""
    from zorgkoppel.core.services.accounts import has_accounts

    key = ctx.db.data_key
    if key is None:
        raise EncryptionError(MSG_NOT_ENCRYPTED, folder=str(_folder(ctx)))
    if has_accounts(ctx) and (not ctx.actor.is_admin or ctx.actor.user_id is None):
        raise PermissionDenied(MSG_ADMIN_ONLY)
    data_dir = _folder(ctx)
    ctx.db.dispose()
    result = decrypt_data_folder(data_dir, key)
    _record(data_dir, None, ctx.actor.name, audit.DECRYPT)
    return result


def _record(data_dir: Path, key: bytes | None, who: str, action: str) -> None:
    """The audit entry, written into the converted file (the caller's Database is closed)."""
    from zorgkoppel.storage.database import Database

    converted = Database.in_folder(data_dir, key=key)
    try:
        audit.record_as(converted, who, action)
    finally:
        converted.dispose()


# The first run of a new installation (ui/first_run.py): the local owner, a passphrase.

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
    from zorgkoppel.core.services.accounts import has_accounts
    from zorgkoppel.storage.opening import open_database

    if not ctx.actor.may_write or ctx.actor.user_id is not None or has_accounts(ctx):
        raise PermissionDenied(N_(
            "With accounts, an administrator encrypts the data with 'zorgkoppel encrypt'."))
    if ctx.db.data_key is not None:
        raise EncryptionError(MSG_ALREADY, folder=str(data_dir))
    check_new_passphrase(passphrase, again)
    try:
        done = encrypt_folder(ctx, None, passphrase)
    except BaseException:
        ctx.db = open_database(data_dir)
        raise
    ctx.db = open_database(data_dir, key=done.key)
    return done.key
