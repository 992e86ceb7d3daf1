"""Health index values (gezondheidsindex) per month, which index the trajectory fees."""

from __future__ import annotations

from sqlmodel import col, select

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, ValidationError
from zorgkoppel.core.models import IndexValue
from zorgkoppel.core.models.types import utcnow
from zorgkoppel.core.rules.trajectory import IndexValueData, validate_index_value
from zorgkoppel.core.services.access import require_admin
from zorgkoppel.core.services.outcome import Outcome
from zorgkoppel.core.services.sync import forget_agreed
from zorgkoppel.i18n import N_

MSG_NO_INDEX_VALUE = N_("No index value for {month}.")
SYNC_SECTION = "index_values"


def list_index_values(ctx: ServiceContext) -> list[IndexValue]:
    """All known months, oldest first."""
    with ctx.db.session() as session:
        return list(session.exec(select(IndexValue).order_by(IndexValue.month)).all())


def get_index_value(ctx: ServiceContext, month: str) -> IndexValue:
    with ctx.db.session() as session:
        found = session.get(IndexValue, month)
    if found is None:
        raise NotFoundError(MSG_NO_INDEX_VALUE, month=month)
    return found


def latest_index_value(ctx: ServiceContext, month: str) -> IndexValue | None:
    """The latest value known at or before `month` (YYYY-MM), as the fee indexing uses it."""
    with ctx.db.session() as session:
        return session.exec(
            select(IndexValue)
            .where(col(IndexValue.month) <= month)
            .order_by(col(IndexValue.month).desc())
            .limit(1)
        ).first()


def save_index_value(ctx: ServiceContext, data: IndexValueData) -> Outcome[IndexValue]:
    """Set the value of a month, adding the month when it is new."""
    require_admin(ctx)
    problems = validate_index_value(data)
    if problems:
        raise ValidationError(problems)
    with ctx.db.transaction() as session:
        row = session.get(IndexValue, data.month)
        if row is None:
            row = IndexValue(month=data.month, value=data.value)
        else:
            row.value = data.value  # type: ignore[assignment]
            row.updated_at = utcnow()
        session.add(row)
    return Outcome(row, Changes.of("index_values"))


def delete_index_value(ctx: ServiceContext, month: str) -> Changes:
    require_admin(ctx)
    with ctx.db.transaction() as session:
        row = session.get(IndexValue, month)
        if row is None:
            raise NotFoundError(MSG_NO_INDEX_VALUE, month=month)
        session.delete(row)
        forget_agreed(session, SYNC_SECTION, [month])
    return Changes.of("index_values")
