"""Whether an open window's session may go on: asked before each write and once a minute.

A session ends when an administrator disables the account, changes its role or
organisation, or resets its password (the user must then log in with the new one). The
window that asks closes without saving anything further.
"""

from __future__ import annotations

from zorgkoppel.core.context import Actor, ServiceContext
from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.core.services.accounts import current_user, session_still_valid
from zorgkoppel.i18n import N_

MSG_SESSION_ENDED = N_(
    "Your session has ended: an administrator disabled your account, changed your role or "
    "reset your password. Nothing more is saved; the window closes. Log in again to go on.")


class SessionEnded(ZorgkoppelError):
    def __init__(self) -> None:
        super().__init__(MSG_SESSION_ENDED)


def session_continues(ctx: ServiceContext, logged_in: Actor | None = None) -> bool:
    """True while the account of `logged_in` (default: the context's actor) may go on.

    `logged_in` is the actor as the login made it: a read-only window acts as a viewer
    whatever the account's role, so its own actor cannot be compared with the account.
    """
    account_ctx = ServiceContext(ctx.db, logged_in or ctx.actor)
    if account_ctx.actor.user_id is None:
        return True
    if not session_still_valid(account_ctx):
        return False
    user = current_user(account_ctx)
    return user is not None and not user.must_change_password


def require_session(ctx: ServiceContext, logged_in: Actor | None = None) -> None:
    if not session_continues(ctx, logged_in):
        raise SessionEnded()
