"""The figures and short lists of the Overview: what a coordinator or job coach should see first.

A handful of aggregate queries, so the first screen of the program appears quickly even on a
large data set.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import col, select

from zorgkoppel.core.codes import SOCIAL_ECONOMY_KINDS
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import Note, NoteAction, Organisation, Trajectory, Worker
from zorgkoppel.core.services.access import organisation_filter
from zorgkoppel.core.services.dashboard import DashboardWarning, dashboard
from zorgkoppel.core.services.listings import (
    AgreementRow,
    NoteRow,
    RosterDayRow,
    list_agreement_rows,
    list_note_rows,
    list_roster_day_rows,
    note_visibility,
    sort_value,
)
from zorgkoppel.core.services.visibility import employer_clause, worker_clause

ENDING_WITHIN_DAYS = 90
# LDE workers must move on at the latest five years after their integration trajectory
# started (DOMAIN.md); a year's warning leaves time for a transition trajectory of ~6 months.
INTEGRATION_YEARS = 5
DEADLINE_WARNING_DAYS = 365
RECENT_NOTES = 8


def integration_deadline(start: dt.date) -> dt.date:
    """Five years after `start`; 29 February becomes 28 February."""
    try:
        return start.replace(year=start.year + INTEGRATION_YEARS)
    except ValueError:
        return start.replace(year=start.year + INTEGRATION_YEARS, day=28)


@dataclass(frozen=True)
class DeadlineRow:
    worker_id: str
    worker: str
    employer: str
    integration_start: dt.date
    deadline: dt.date
    days_left: int  # negative when the deadline has passed
    in_trajectory: bool

    def sort_key(self, field: str) -> tuple[int, object]:
        return sort_value(getattr(self, field))


@dataclass(frozen=True)
class Overview:
    today: dt.date
    organisations: int
    care_facilities: int
    enterprises: int
    workers: int
    agreements_in_force: int
    ending_soon: tuple[AgreementRow, ...]
    roster_today: tuple[RosterDayRow, ...]
    unfilled_today: int
    recent_notes: tuple[NoteRow, ...]
    overdue_actions: int
    deadlines: tuple[DeadlineRow, ...]
    # The dashboard's warnings (issue 5), soonest due first.
    warnings: tuple[DashboardWarning, ...] = ()


def _deadlines(ctx: ServiceContext, today: dt.date) -> tuple[DeadlineRow, ...]:
    # Five years are at least 365 × 5 days, so this bound keeps every start whose deadline
    # falls within the warning; the exact deadline (leap days) is computed in Python.
    latest_start = today + dt.timedelta(days=DEADLINE_WARNING_DAYS - 365 * INTEGRATION_YEARS)
    in_trajectory = select(Trajectory.worker_id).where(col(Trajectory.outcome).is_(None))
    query = (
        select(
            Worker,
            Organisation.name,
            col(Worker.id).in_(in_trajectory),
        )
        .join(Organisation, col(Organisation.id) == Worker.employer_id)
        .where(
            Worker.programme == "local_services",
            col(Worker.integration_start).is_not(None),
            col(Worker.integration_start) <= latest_start,
            employer_clause(ctx, Worker.employer_id),
        )
    )
    rows = []
    with ctx.db.session() as session:
        for worker, employer, busy in session.exec(query).all():
            assert worker.integration_start is not None
            deadline = integration_deadline(worker.integration_start)
            days_left = (deadline - today).days
            if days_left > DEADLINE_WARNING_DAYS:
                continue
            rows.append(
                DeadlineRow(
                    worker_id=worker.id,
                    worker=worker.full_name,
                    employer=employer,
                    integration_start=worker.integration_start,
                    deadline=deadline,
                    days_left=days_left,
                    in_trajectory=bool(busy),
                )
            )
    return tuple(sorted(rows, key=lambda r: (r.deadline, r.worker.casefold())))


def overview(ctx: ServiceContext, today: dt.date | None = None) -> Overview:
    """What needs attention today: counts, agreements ending within 90 days, today's roster
    days with unfilled places, recent notes, overdue actions, LDE workers whose five-year
    deadline is within a year (or passed), and the dashboard's warnings."""
    today = today or dt.date.today()
    with ctx.db.session() as session:
        kinds = dict(
            session.exec(
                select(Organisation.kind, func.count())
                .where(organisation_filter(ctx, Organisation.id))
                .group_by(Organisation.kind)
            ).all()
        )
        workers = session.exec(
            select(func.count())
            .select_from(Worker)
            .where(worker_clause(ctx, employer_id=Worker.employer_id))
        ).one()
        overdue = session.exec(
            select(func.count())
            .select_from(NoteAction)
            .join(Note, col(Note.id) == NoteAction.note_id)
            .join(Worker, col(Worker.id) == Note.worker_id)
            .where(
                col(NoteAction.done).is_(False),
                col(NoteAction.due).is_not(None),
                col(NoteAction.due) < today,
                note_visibility(ctx),
            )
        ).one()
    in_force = list_agreement_rows(ctx, in_force_on=today)
    horizon = today + dt.timedelta(days=ENDING_WITHIN_DAYS)
    ending = sorted(
        (a for a in in_force if a.end is not None and a.end <= horizon),
        key=lambda a: (a.end, a.reference.casefold()),
    )
    roster_today = list_roster_day_rows(ctx, date_from=today, date_to=today)
    return Overview(
        today=today,
        organisations=sum(kinds.values()),
        care_facilities=kinds.get("care_facility", 0),
        enterprises=sum(kinds.get(k, 0) for k in SOCIAL_ECONOMY_KINDS),
        workers=int(workers),
        agreements_in_force=len(in_force),
        ending_soon=tuple(ending),
        roster_today=tuple(roster_today),
        unfilled_today=sum(r.unfilled for r in roster_today),
        recent_notes=tuple(list_note_rows(ctx, limit=RECENT_NOTES)),
        overdue_actions=int(overdue),
        deadlines=_deadlines(ctx, today),
        warnings=dashboard(ctx, today).warnings,
    )
