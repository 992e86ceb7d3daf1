"""Accounts: making users, logging in (with a growing wait after failures) and managing them.

An installation without any account runs as its local owner, as before; the first account
made must be an administrator, and from then on every window and command logs in.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.codes import SOCIAL_ECONOMY_KINDS
from zorgkoppel.core.context import (
    CARE_SIDE,
    ENTERPRISE_SIDE,
    ROLES,
    Actor,
    ServiceContext,
)
from zorgkoppel.core.errors import (
    NotFoundError,
    PermissionDenied,
    Problem,
    Problems,
    ZorgkoppelError,
)
from zorgkoppel.core.models import Organisation, User
from zorgkoppel.core.models.types import utcnow
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.outcome import Outcome
from zorgkoppel.core.services.passwords import hash_password, needs_rehash, password_matches
from zorgkoppel.i18n import N_

# One message for an unknown user, a wrong password and a disabled account, so a failed
# login never tells which of the three it was.
MSG_LOGIN_FAILED = N_("Cannot log in: unknown user, wrong password, or a disabled account.")
MSG_THROTTLED = N_("Too many failed logins: wait {seconds} seconds before the next try.")
MSG_ADMIN_ONLY = N_("Only an administrator may manage the accounts.")
MSG_NO_USER = N_("No user with the name {key}.")
MSG_WRONG_OLD_PASSWORD = N_("The current password is not right; nothing was changed.")

FREE_TRIES = 5
MAX_WAIT_SECONDS = 300
MIN_PASSWORD_LENGTH = 8
_USER_NAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,39}$")


class LoginFailed(ZorgkoppelError):
    def __init__(self) -> None:
        super().__init__(MSG_LOGIN_FAILED)


class LoginThrottled(ZorgkoppelError):
    def __init__(self, seconds: int) -> None:
        super().__init__(MSG_THROTTLED, seconds=seconds)
        self.seconds = seconds


@dataclass(frozen=True)
class UserData:
    user_name: str
    role: str
    organisation_id: str | None = None
    display_name: str = ""


def normalised_name(user_name: str) -> str:
    return user_name.strip().lower()


def has_accounts(ctx_or_session: ServiceContext | Session) -> bool:
    if isinstance(ctx_or_session, Session):
        return ctx_or_session.exec(select(User.id).limit(1)).first() is not None
    with ctx_or_session.db.session() as session:
        return has_accounts(session)


def side_of(organisation: Organisation | None) -> str | None:
    if organisation is None:
        return None
    return ENTERPRISE_SIDE if organisation.kind in SOCIAL_ECONOMY_KINDS else CARE_SIDE


def actor_for(session: Session, user: User) -> Actor:
    """The actor a logged-in user acts as: an admin sees all, others their organisation."""
    common = {"name": user.user_name, "role": user.role, "user_id": user.id,
              "display_name": user.display_name or user.user_name}
    if user.role == "admin":
        return Actor(**common)
    organisation = session.get(Organisation, user.organisation_id) if user.organisation_id else None
    if organisation is None:  # an organisation-bound role whose organisation is gone sees nothing
        return Actor(**common, organisation_ids=frozenset(), side=CARE_SIDE)
    return Actor(**common, organisation_ids=frozenset({organisation.id}),
                 side=side_of(organisation))


def wait_seconds(user: User, now: dt.datetime) -> int:
    """How long the next try must wait: nothing for the first five failures, then doubling."""
    if user.failed_logins < FREE_TRIES or user.last_failed_at is None:
        return 0
    delay = min(2 ** (user.failed_logins - FREE_TRIES), MAX_WAIT_SECONDS)
    remaining = user.last_failed_at + dt.timedelta(seconds=delay) - now
    return max(0, int(remaining.total_seconds() + 0.999))


def _find(session: Session, user_name: str) -> User | None:
    return session.exec(select(User).where(User.user_name == normalised_name(user_name))).first()


def authenticate(
    ctx: ServiceContext, user_name: str, password: str, now: dt.datetime | None = None,
    action: str = audit.LOGIN,
) -> Actor:
    """The actor of a user whose password matches; LoginFailed or LoginThrottled otherwise.

    Failures are counted and audited even though the call fails: they commit first.
    """
    now = now or utcnow()
    name = normalised_name(user_name)[:40]
    failure: ZorgkoppelError | None = None
    with ctx.db.transaction() as session:
        user = _find(session, name)
        wait = wait_seconds(user, now) if user is not None else 0
        if user is not None and wait:
            failure = LoginThrottled(wait)
        elif not password_matches(user.password_hash if user else None, password) or (
            user is not None and user.disabled
        ):
            failure = LoginFailed()
            if user is not None:
                user.failed_logins += 1
                user.last_failed_at = now
        if failure is not None:
            audit.append_entry(session, name, audit.LOGIN_FAILED,
                               [user.id] if user is not None else [])
        else:
            assert user is not None
            user.failed_logins = 0
            user.last_failed_at = None
            user.last_login = now
            if needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            audit.append_entry(session, user.user_name, action, [user.id])
            actor = actor_for(session, user)
        if user is not None:
            session.add(user)
    if failure is not None:
        raise failure
    return actor


def current_user(ctx: ServiceContext) -> User | None:
    """The stored account of the context's actor (None for the local owner)."""
    if ctx.actor.user_id is None:
        return None
    with ctx.db.session() as session:
        return session.get(User, ctx.actor.user_id)


def session_still_valid(ctx: ServiceContext) -> bool:
    """An open session stays usable while its account exists, is enabled and keeps its role."""
    if ctx.actor.user_id is None:
        return True
    user = current_user(ctx)
    return (user is not None and not user.disabled and user.role == ctx.actor.role
            and (user.role == "admin" or ctx.actor.works_for(user.organisation_id)))


def require_account_admin(ctx: ServiceContext) -> None:
    """Changing accounts needs an administrator, except the first one on a fresh install."""
    if ctx.actor.user_id is None and not has_accounts(ctx) and ctx.actor.may_write:
        return
    if not ctx.actor.is_admin or ctx.actor.user_id is None:
        raise PermissionDenied(MSG_ADMIN_ONLY)


def _check_user_name(problems: Problems, name: str) -> bool:
    if _USER_NAME.match(name):
        return True
    problems.add("user_name", N_(
        "a user name has 2 to 40 letters, digits or . _ @ - and starts with a letter or digit"))
    return False


def _check_password(problems: Problems, password: str, user_name: str, name: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.add(name, N_("a password needs at least {count} characters"),
                     count=MIN_PASSWORD_LENGTH)
    elif password.strip().lower() == user_name:
        problems.add(name, N_("the password may not be the user name"))


def _check_role(session: Session, problems: Problems, role: str,
                organisation_id: str | None) -> None:
    if role not in ROLES:
        problems.add("role", N_("unknown role {role}; use one of {roles}"),
                     role=role, roles=", ".join(ROLES))
        return
    if role == "admin" and not organisation_id:
        return
    if not organisation_id:
        problems.add("organisation", N_("a {role} must work for an organisation"), role=role)
        return
    organisation = session.get(Organisation, organisation_id)
    if organisation is None:
        problems.add("organisation", N_("no organisation with id {key}"), key=organisation_id)
    elif role == "coordinator" and side_of(organisation) != CARE_SIDE:
        problems.add("organisation", N_("a coordinator works for a care facility"))
    elif role == "job_coach" and side_of(organisation) != ENTERPRISE_SIDE:
        problems.add("organisation", N_("a job coach works for a social-economy enterprise"))


def add_user(ctx: ServiceContext, data: UserData, password: str) -> Outcome[User]:
    """Make an account; the first one must be an administrator."""
    require_account_admin(ctx)
    with ctx.db.transaction() as session:
        user = add_user_in(session, ctx, data, password)
    return Outcome(user, Changes.of("users"))


def check_new_account(data: UserData, password: str, again: str) -> list[Problem]:
    """What is wrong with a new account's name and password (typed twice), before any
    database is asked (the first-run guide checks its page with it)."""
    problems = Problems()
    name = normalised_name(data.user_name)
    _check_user_name(problems, name)
    _check_password(problems, password, name, "password")
    if password != again:
        problems.add("password_again", N_("the two passwords differ"))
    return problems.items


def add_user_in(session: Session, ctx: ServiceContext, data: UserData, password: str) -> User:
    """`add_user` inside the caller's transaction (the first-run guide makes the
    organisation and its administrator together)."""
    name = normalised_name(data.user_name)
    problems = Problems()
    if _check_user_name(problems, name) and _find(session, name) is not None:
        problems.add("user_name", N_("the user name {name} is taken"), name=name)
    first = not has_accounts(session)
    if first and data.role != "admin":
        problems.add("role", N_("the first account must be an administrator (admin)"))
    else:
        _check_role(session, problems, data.role, data.organisation_id)
    _check_password(problems, password, name, "password")
    problems.raise_if_any()
    user = User(
        user_name=name, display_name=data.display_name.strip(), role=data.role,
        organisation_id=data.organisation_id or None,
        password_hash=hash_password(password),
    )
    session.add(user)
    session.flush()
    audit.append_entry(session, ctx.actor.name if not first else name,
                       audit.USER_CHANGE, [user.id])
    _key_slot(ctx, name, password)
    return user


def list_users(ctx: ServiceContext) -> list[User]:
    require_account_admin(ctx)
    with ctx.db.session() as session:
        return list(session.exec(select(User).order_by(func.lower(User.user_name))).all())


def _require_user(session: Session, user_name: str) -> User:
    user = _find(session, user_name)
    if user is None:
        raise NotFoundError(MSG_NO_USER, key=normalised_name(user_name))
    return user


def _active_admins(session: Session) -> int:
    return len(session.exec(
        select(User.id).where(User.role == "admin", col(User.disabled).is_(False))
    ).all())


def set_disabled(ctx: ServiceContext, user_name: str, disabled: bool = True) -> Outcome[User]:
    """Disable (or enable again) an account; the last enabled administrator stays."""
    require_account_admin(ctx)
    with ctx.db.transaction() as session:
        user = _require_user(session, user_name)
        if disabled and user.role == "admin" and not user.disabled and _active_admins(session) <= 1:
            problems = Problems()
            problems.add("user_name", N_("the last enabled administrator cannot be disabled"))
            problems.raise_if_any()
        user.disabled = disabled
        user.updated_at = utcnow()
        session.add(user)
        audit.append_entry(session, ctx.actor.name, audit.USER_CHANGE, [user.id])
        if disabled:
            _key_slot(ctx, user.user_name, None)
    return Outcome(user, Changes.of("users"))


def change_role(
    ctx: ServiceContext, user_name: str, role: str, organisation_id: str | None,
    display_name: str | None = None,
) -> Outcome[User]:
    require_account_admin(ctx)
    with ctx.db.transaction() as session:
        user = _require_user(session, user_name)
        problems = Problems()
        _check_role(session, problems, role, organisation_id)
        if user.role == "admin" and role != "admin" and _active_admins(session) <= 1:
            problems.add("role", N_("the last enabled administrator must stay an administrator"))
        problems.raise_if_any()
        user.role = role
        user.organisation_id = organisation_id or None
        if display_name is not None:
            user.display_name = display_name.strip()
        user.updated_at = utcnow()
        session.add(user)
        audit.append_entry(session, ctx.actor.name, audit.USER_CHANGE, [user.id])
    return Outcome(user, Changes.of("users"))


def reset_password(ctx: ServiceContext, user_name: str, new_password: str) -> Outcome[User]:
    """An administrator sets a new password; the user must choose their own at next login."""
    require_account_admin(ctx)
    with ctx.db.transaction() as session:
        user = _require_user(session, user_name)
        problems = Problems()
        _check_password(problems, new_password, user.user_name, "password")
        problems.raise_if_any()
        user.password_hash = hash_password(new_password)
        user.must_change_password = True
        user.failed_logins = 0
        user.last_failed_at = None
        user.updated_at = utcnow()
        session.add(user)
        audit.append_entry(session, ctx.actor.name, audit.USER_CHANGE, [user.id])
        _key_slot(ctx, user.user_name, new_password)
    return Outcome(user, Changes.of("users"))


def change_own_password(ctx: ServiceContext, old_password: str, new_password: str) -> None:
    """The logged-in user replaces their password, proving the current one first."""
    if ctx.actor.user_id is None:
        raise PermissionDenied(N_("Log in first: the local owner has no password."))
    with ctx.db.transaction() as session:
        user = session.get(User, ctx.actor.user_id)
        if user is None or user.disabled:
            raise LoginFailed()
        if not password_matches(user.password_hash, old_password):
            raise PermissionDenied(MSG_WRONG_OLD_PASSWORD)
        problems = Problems()
        _check_password(problems, new_password, user.user_name, "new_password")
        if new_password == old_password:
            problems.add("new_password", N_("choose a password different from the current one"))
        problems.raise_if_any()
        user.password_hash = hash_password(new_password)
        user.must_change_password = False
        user.updated_at = utcnow()
        session.add(user)
        audit.append_entry(session, user.user_name, audit.PASSWORD_CHANGE, [user.id])
        _key_slot(ctx, user.user_name, new_password)


def _key_slot(ctx: ServiceContext, user_name: str, password: str | None) -> None:
    """An encrypted folder: the password unlocks the data key, or (None) no longer does.

    Written just before the account's transaction commits, so a failing slot write changes
    nothing. A disabled user loses the slot; enabling them again needs a password reset.
    """
    from zorgkoppel.storage.encryption import drop_user_slot, set_user_slot

    if password is None:
        drop_user_slot(ctx.db, user_name)
    else:
        set_user_slot(ctx.db, user_name, password)


def must_change_password(ctx: ServiceContext) -> bool:
    user = current_user(ctx)
    return user is not None and user.must_change_password


def verify_password(ctx: ServiceContext, password: str) -> bool:
    """Unlocking a locked window: the same account's password, audited when it fails."""
    try:
        authenticate(ctx, ctx.actor.name, password, action=audit.UNLOCK)
    except (LoginFailed, LoginThrottled):
        return False
    return True
