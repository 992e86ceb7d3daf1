"""Who runs a command: `--user NAME` with the password from the terminal or ZORGKOPPEL_PASSWORD.

Until the first account exists a command runs as the local owner, as before. The password
is read once per run and never printed, logged or kept after the process ends.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, replace

from zorgkoppel.core.context import Actor, ServiceContext
from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.i18n import N_, _

PASSWORD_VARIABLE = "ZORGKOPPEL_PASSWORD"
EXIT_LOGIN = 3


class LoginRequired(ZorgkoppelError):
    """A command on an installation with accounts, but without --user."""


@dataclass
class Credentials:
    user_name: str | None = None
    password: str | None = None


def _login_errors() -> tuple[type[ZorgkoppelError], ...]:
    from zorgkoppel.core.services.accounts import LoginFailed, LoginThrottled
    from zorgkoppel.storage.key_slots import UnlockFailed

    return (LoginFailed, LoginThrottled, LoginRequired, UnlockFailed)


# A failed login, a wait after failures, a missing --user or a wrong password for the
# encrypted data: exit code 3.
LOGIN_ERRORS = _login_errors()

# Set by main from the global --user option; one command per process.
REQUESTED = Credentials()


def request_user(user_name: str | None) -> None:
    from zorgkoppel.cli.unlocking import forget_passphrase

    REQUESTED.user_name = user_name
    REQUESTED.password = None
    forget_passphrase()


def password() -> str:
    """The password of the requested user, asked at most once."""
    if REQUESTED.password is None:
        from_environment = os.environ.get(PASSWORD_VARIABLE)
        if from_environment is not None:
            REQUESTED.password = from_environment
        else:
            try:
                REQUESTED.password = getpass.getpass(
                    _("Password for {user}: ").format(user=REQUESTED.user_name))
            except EOFError:
                REQUESTED.password = ""
    return REQUESTED.password


def ask_new_password(from_stdin: bool) -> str:
    """A new password: one line of standard input, or typed twice on the terminal."""
    import sys

    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(_("New password: "))
    second = getpass.getpass(_("New password again: "))
    if first != second:
        raise ZorgkoppelError(N_("The two passwords differ; nothing was changed."))
    return first


def logged_in_actor(ctx: ServiceContext, login_ctx: ServiceContext | None = None) -> Actor:
    """The actor for this command: the local owner without accounts, else the logged-in user.

    `login_ctx` is a writable context used for the login's own bookkeeping (failure count,
    audit) when the command itself only reads.
    """
    from zorgkoppel.core.services.accounts import authenticate, has_accounts

    if not has_accounts(ctx):
        return ctx.actor
    if not REQUESTED.user_name:
        raise LoginRequired(N_(
            "This installation has accounts: log in with --user NAME (the password is asked, "
            "or taken from ZORGKOPPEL_PASSWORD)."))
    actor = authenticate(login_ctx or ctx, REQUESTED.user_name, password())
    if ctx.actor.may_write:
        return actor
    # The data is open in a window: this command only reads, whatever the role.
    return replace(actor, role="viewer")
