"""Retention: notes go N years after the person's last placement ended.

A person with a placement that is still running (no end date) or with no placement at all
keeps their notes: without an end there is no moment to count from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.core.models import Agreement, AgreementWorker, Note, Worker
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.erasure_plan import (
    ScrubResult,
    delete_notes,
    purge_full_text,
    scrub,
    secure_delete_on,
)
from zorgkoppel.core.services.gdpr import require_erasure_right
from zorgkoppel.i18n import N_


@dataclass(frozen=True)
class RetainedNote:
    """A note retention would remove; no text, so a preview may be logged."""

    note_id: str
    worker_id: str
    worker_name: str
    day: dt.date
    kind: str
    placement_ended: dt.date


class RetentionPeriodInvalid(ZorgkoppelError):
    """The retention period is not a whole number of years of at least one."""


def _check_years(years: int) -> None:
    if years < 1:
        raise RetentionPeriodInvalid(N_("The retention period must be at least one year."))


def _years_before(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _ended_placements(session: Session, cutoff: dt.date) -> dict[str, dt.date]:
    """Workers whose every placement has ended, with the last end, when before `cutoff`."""
    rows = session.exec(
        select(
            AgreementWorker.worker_id,
            func.max(Agreement.end_date),
            func.count(),
            func.count(Agreement.end_date),
        )
        .join(Agreement, col(Agreement.id) == AgreementWorker.agreement_id)
        .group_by(col(AgreementWorker.worker_id))
    ).all()
    return {
        worker: last
        for worker, last, placements, ended in rows
        if placements == ended and last is not None and last < cutoff
    }


def retention_preview(ctx: ServiceContext, years: int, today: dt.date) -> list[RetainedNote]:
    """The notes `apply_retention(years, today)` would remove, by worker and date."""
    _check_years(years)
    require_erasure_right(ctx)
    with ctx.db.session() as session:
        ended = _ended_placements(session, _years_before(today, years))
        if not ended:
            return []
        rows = session.exec(
            select(Note.id, Note.worker_id, Worker.first_name, Worker.last_name, Note.day,
                   Note.kind)
            .join(Worker, col(Worker.id) == Note.worker_id)
            .where(col(Note.worker_id).in_(list(ended)))
            .order_by(col(Worker.last_name), col(Worker.first_name), col(Note.day))
        ).all()
    return [
        RetainedNote(note_id, worker_id, f"{first} {last}".strip(), day, kind, ended[worker_id])
        for note_id, worker_id, first, last, day, kind in rows
    ]


@dataclass(frozen=True)
class RetentionResult:
    removed: list[RetainedNote]
    scrubbed: ScrubResult | None


def apply_retention(
    ctx: ServiceContext, years: int, today: dt.date,
    previewed: list[RetainedNote] | None = None,
) -> RetentionResult:
    """Remove the previewed notes (recomputed when `previewed` is None).

    Only notes that are both previewed and still due go: a note whose person got a new
    placement since the preview stays.
    """
    due = retention_preview(ctx, years, today)
    if previewed is not None:
        wanted = {n.note_id for n in previewed}
        due = [n for n in due if n.note_id in wanted]
    if not due:
        return RetentionResult([], None)
    with ctx.db.transaction() as session:
        connection = session.connection()
        secure_delete_on(connection)
        delete_notes(connection, [n.note_id for n in due])
        purge_full_text(connection)
        # In the same transaction: the notes are gone with their entries, or neither.
        audit.append_entries(session, ctx.actor.name, audit.ERASURE, [
            ([n.note_id for n in due if n.worker_id == worker_id], worker_id)
            for worker_id in sorted({n.worker_id for n in due})
        ])
    return RetentionResult(due, scrub(ctx.db.engine))
