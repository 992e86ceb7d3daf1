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


def require_visible(ctx: ServiceContext, organisation_id: str | None, what: str, key: str) -> None:
    if not ctx.actor.may_see_organisation(organisation_id):
        # Same message as a missing record: do not reveal that it exists.
        raise NotFoundError(N_("No {what} with id {key}."), what=what, key=key)
