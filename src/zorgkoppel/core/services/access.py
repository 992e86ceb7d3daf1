"""Visibility and write permission, checked inside the services for whoever asks."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, true

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, PermissionDenied
from zorgkoppel.i18n import N_


def require_write(ctx: ServiceContext) -> None:
    if not ctx.actor.may_write:
        raise PermissionDenied(N_("You may only read this data."))


def organisation_filter(ctx: ServiceContext, column: Any) -> ColumnElement[bool]:
    """A WHERE clause limiting `column` (an organisation id) to what the actor may see."""
    allowed = ctx.actor.organisation_ids
    if allowed is None:
        return true()
    return column.in_(sorted(allowed))


def require_visible(
    ctx: ServiceContext, organisation_id: str | None, not_found: str, key: str
) -> None:
    """Refuse a record of an organisation the actor may not see.

    `not_found` is the record's own "No … with id {key}." message: the same answer as for
    a missing record, so the refusal does not reveal that it exists.
    """
    if not ctx.actor.may_see_organisation(organisation_id):
        raise NotFoundError(not_found, key=key)
