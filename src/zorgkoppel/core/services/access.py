"""Write permission, checked inside the services for whoever asks (reading: visibility.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, PermissionDenied
from zorgkoppel.core.services.visibility import organisation_clause
from zorgkoppel.i18n import N_

MSG_READ_ONLY = N_("You may only read this data.")
MSG_ADMIN_ONLY = N_("Only an administrator may do this.")


def require_write(ctx: ServiceContext) -> None:
    if not ctx.actor.may_write:
        raise PermissionDenied(MSG_READ_ONLY)


def require_role(ctx: ServiceContext, *roles: str) -> None:
    """A write that only these roles (and an administrator or the local owner) may do."""
    require_write(ctx)
    if not ctx.actor.unrestricted and ctx.actor.role not in roles:
        raise PermissionDenied(MSG_READ_ONLY)


def require_admin(ctx: ServiceContext) -> None:
    """Administration (organisations, catalogs, imports): an administrator or the local owner."""
    require_write(ctx)
    if not ctx.actor.unrestricted:
        raise PermissionDenied(MSG_ADMIN_ONLY)


def organisation_filter(ctx: ServiceContext, column: Any) -> ColumnElement[bool]:
    """A WHERE clause limiting `column` (an organisation id) to the organisations visible."""
    return organisation_clause(ctx, column)


def require_visible(
    ctx: ServiceContext, organisation_id: str | None, not_found: str, key: str
) -> None:
    """Refuse a record of an organisation other than the actor's own.

    `not_found` is the record's own "No … with id {key}." message: the same answer as for
    a missing record, so the refusal does not reveal that it exists.
    """
    if not ctx.actor.works_for(organisation_id):
        raise NotFoundError(not_found, key=key)
