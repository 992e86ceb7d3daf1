"""When each placed worker is due an evaluation.

A worker placed under an agreement in force that sets `evaluation_every_weeks` is due an
evaluation that many weeks after the agreement's start, or after the worker's last
evaluation or performance meeting when that is later. Due on the day itself; overdue from
the day after.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, or_
from sqlmodel import col, select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import Agreement, AgreementWorker, Note, Worker
from zorgkoppel.core.services.agreements import agreement_conditions
from zorgkoppel.core.services.listings import IN_FORCE_STATUSES

MEETING_KINDS = ("evaluation_meeting", "performance_meeting")
# "Due" in the schedule: within this many days, so a meeting can still be planned.
DUE_SOON_DAYS = 14


@dataclass(frozen=True)
class EvaluationDue:
    worker_id: str
    worker: str
    agreement_id: str
    reference: str
    every_weeks: int
    last_meeting: dt.date | None
    due: dt.date
    today: dt.date

    @property
    def overdue(self) -> bool:
        return self.due < self.today

    @property
    def days_left(self) -> int:
        return (self.due - self.today).days


def evaluation_schedule(
    ctx: ServiceContext,
    today: dt.date | None = None,
    worker_id: str | None = None,
    within_days: int | None = None,
) -> list[EvaluationDue]:
    """Evaluations of placed workers, soonest due first.

    `within_days` keeps those due within that many days (and all overdue ones).
    """
    today = today or dt.date.today()
    last_meetings = (
        select(Note.worker_id, func.max(Note.day).label("last_day"))
        .where(col(Note.kind).in_(MEETING_KINDS), Note.day <= today)
        .group_by(Note.worker_id)
        .subquery()
    )
    query = (
        select(
            Worker.id, Worker.first_name, Worker.last_name, Agreement.id, Agreement.reference,
            Agreement.evaluation_every_weeks, Agreement.start_date, last_meetings.c.last_day,
        )
        .join(AgreementWorker, col(AgreementWorker.agreement_id) == col(Agreement.id))
        .join(Worker, col(Worker.id) == col(AgreementWorker.worker_id))
        .outerjoin(last_meetings, last_meetings.c.worker_id == col(Worker.id))
        .where(
            *agreement_conditions(ctx),
            col(Agreement.status).in_(IN_FORCE_STATUSES),
            col(Agreement.evaluation_every_weeks).is_not(None),
            col(Agreement.evaluation_every_weeks) > 0,
            col(Agreement.start_date).is_not(None),
            Agreement.start_date <= today,
            or_(col(Agreement.end_date).is_(None), and_(Agreement.end_date >= today)),
        )
    )
    if worker_id:
        query = query.where(Worker.id == worker_id)
    rows = []
    with ctx.db.session() as session:
        for wid, first, last, aid, reference, weeks, start, last_day in session.exec(query):
            counted_from = max(start, last_day) if last_day else start
            due = counted_from + dt.timedelta(weeks=weeks)
            if within_days is not None and (due - today).days > within_days:
                continue
            rows.append(
                EvaluationDue(
                    worker_id=wid,
                    worker=f"{first} {last}".strip(),
                    agreement_id=aid,
                    reference=reference,
                    every_weeks=weeks,
                    last_meeting=last_day,
                    due=due,
                    today=today,
                )
            )
    return sorted(rows, key=lambda r: (r.due, r.worker.casefold(), r.reference))
