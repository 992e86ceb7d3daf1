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
from zorgkoppel.core.errors import PermissionDenied
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
    return decrypt_data_folder(data_dir, key)
