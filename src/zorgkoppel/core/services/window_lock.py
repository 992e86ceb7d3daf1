"""Locking an idle window: what the person at the screen must give to unlock it, and checking it.

A logged-in user gives their password (accounts.verify_password counts and audits the
tries). Without accounts there is nobody to ask, unless the data folder is encrypted with a
passphrase: then the passphrase is checked against the folder's key slots.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.core.models.types import utcnow
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.accounts import (
    current_user,
    has_accounts,
    verify_password,
    wait_seconds,
)

PASSWORD = "password"
PASSPHRASE = "passphrase"


@dataclass(frozen=True)
class UnlockAttempt:
    unlocked: bool
    # After repeated failures the next try is refused until this many seconds have passed.
    wait_seconds: int = 0


def lock_secret(ctx: ServiceContext) -> str | None:
    """PASSWORD, PASSPHRASE, or None when the window cannot be locked (nothing to ask)."""
    if ctx.actor.user_id is not None:
        return PASSWORD
    database = ctx.db.path
    if ctx.db.data_key is None or database is None or has_accounts(ctx):
        return None
    from zorgkoppel.storage import key_slots

    try:
        slots = key_slots.for_database(database)
    except (ZorgkoppelError, OSError):
        return None
    return PASSPHRASE if slots.find(key_slots.PASSPHRASE) is not None else None


def try_unlock(ctx: ServiceContext, secret: str) -> UnlockAttempt:
    """Check the password (or passphrase) of the locked window; audited either way."""
    kind = lock_secret(ctx)
    if kind == PASSWORD:
        if verify_password(ctx, secret):
            return UnlockAttempt(True)
        user = current_user(ctx)
        return UnlockAttempt(False, wait_seconds(user, utcnow()) if user else 0)
    if kind == PASSPHRASE:
        unlocked = _passphrase_matches(ctx, secret)
        audit.record(ctx, audit.UNLOCK if unlocked else audit.LOGIN_FAILED)
        return UnlockAttempt(unlocked)
    return UnlockAttempt(True)  # nothing to ask any more (the folder was decrypted, say)


def _passphrase_matches(ctx: ServiceContext, passphrase: str) -> bool:
    from zorgkoppel.storage import key_slots
    from zorgkoppel.storage.encryption import Secret, unlock_file

    assert ctx.db.path is not None and ctx.db.data_key is not None
    try:
        data_key = unlock_file(ctx.db.path, Secret(passphrase))
    except (key_slots.UnlockFailed, ZorgkoppelError, OSError):
        return False
    # The slot must open the key this window works with, not just any key.
    return hmac.compare_digest(data_key, ctx.db.data_key)
