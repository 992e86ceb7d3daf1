"""The warnings of the Overview dashboard: what is due or overdue, each about one record.

Five kinds, each naming the record it concerns (`subject`):
- `agreement_expiring` (agreement): an agreement in force ends within 90 days, or the last
  day to give notice (end − notice_days) is within 30 days;
- `evaluation_overdue` (worker): a placed worker's evaluation was due before today;
- `integration_deadline` (worker): an LDE worker's five-year deadline is twelve months
  away or less and no transition trajectory is under way or led to a job;
- `action_overdue` (note): an agreed action is not done and its due date has passed;
- `trajectory_phase_overrun` (trajectory): a phase of an open trajectory runs past its
  longest duration.
A few aggregate queries, so the first screen stays fast on a large data set.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_
from sqlmodel import col, select

from zorgkoppel.core.codes import TRAJECTORY_PHASES, label
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import (
    Agreement,
    Note,
    NoteAction,
    Trajectory,
    TrajectoryPhase,
    Worker,
)
from zorgkoppel.core.rules.trajectory import PHASE_MAX_MONTHS
from zorgkoppel.core.services.agreements import agreement_conditions
from zorgkoppel.core.services.evaluation_schedule import evaluation_schedule
from zorgkoppel.core.services.listings import IN_FORCE_STATUSES
from zorgkoppel.core.services.notes import note_visibility
from zorgkoppel.core.services.trajectory_fees import add_months, latest_phase_end
from zorgkoppel.core.services.visibility import employer_clause, trajectory_clause
from zorgkoppel.i18n import N_, _
from zorgkoppel.i18n.formatting import format_date

ENDING_WITHIN_DAYS = 90
NOTICE_WITHIN_DAYS = 30
INTEGRATION_YEARS = 5
INTEGRATION_WARNING_MONTHS = 12
# A trajectory that led to a job, or is still running, answers the five-year rule.
SETTLED_OUTCOMES = ("hired",)

WARNING_KINDS: dict[str, str] = {
    "agreement_expiring": N_("Agreement expiring"),
    "evaluation_overdue": N_("Evaluation overdue"),
    "integration_deadline": N_("Integration deadline"),
    "action_overdue": N_("Action overdue"),
    "trajectory_phase_overrun": N_("Trajectory phase overrun"),
}
MSG_AGREEMENT_ENDS = N_("Agreement {reference} ends on {due}.")
MSG_NOTICE_DEADLINE = N_("Agreement {reference}: the last day to give notice is {due}.")
MSG_EVALUATION_OVERDUE = N_("{worker} was due an evaluation on {due} ({reference}).")
MSG_INTEGRATION_DEADLINE = N_(
    "{worker} must move on or start a transition trajectory by {due}."
)
MSG_ACTION_OVERDUE = N_("Action for {worker} was due on {due}: {description}")
MSG_PHASE_OVERRUN = N_("Trajectory of {worker}: phase {phase} runs past {due}.")


@dataclass(frozen=True)
class DashboardWarning:
    kind: str
    subject: str  # id of the worker, agreement, note or trajectory concerned
    due: dt.date
    message: str  # an English msgid; `text()` renders it in the current language
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, language: str | None = None) -> str:
        values = dict(self.params)
        if "phase" in values:
            values["phase"] = label(TRAJECTORY_PHASES, values["phase"])
        return _(self.message).format(due=format_date(self.due, language, "medium"), **values)


@dataclass(frozen=True)
class Dashboard:
    today: dt.date
    warnings: tuple[DashboardWarning, ...]

    def of_kind(self, kind: str) -> list[DashboardWarning]:
        return [w for w in self.warnings if w.kind == kind]


def integration_deadline(start: dt.date) -> dt.date:
    """Five years after `start`; 29 February becomes 28 February."""
    return add_months(start, 12 * INTEGRATION_YEARS)


def integration_warning_from(start: dt.date) -> dt.date:
    return add_months(integration_deadline(start), -INTEGRATION_WARNING_MONTHS)


def _agreement_warnings(ctx: ServiceContext, today: dt.date) -> list[DashboardWarning]:
    query = select(
        Agreement.id, Agreement.reference, Agreement.end_date, Agreement.notice_days
    ).where(
        *agreement_conditions(ctx),
        col(Agreement.status).in_(IN_FORCE_STATUSES),
        col(Agreement.end_date).is_not(None),
        Agreement.end_date >= today,
        or_(col(Agreement.start_date).is_(None), Agreement.start_date <= today),
    )
    warnings = []
    with ctx.db.session() as session:
        for key, reference, end, notice_days in session.exec(query):
            params = {"reference": reference}
            if notice_days:
                deadline = end - dt.timedelta(days=notice_days)
                if 0 <= (deadline - today).days <= NOTICE_WITHIN_DAYS:
                    warnings.append(DashboardWarning("agreement_expiring", key, deadline,
                                            MSG_NOTICE_DEADLINE, params))
                    continue
            if (end - today).days <= ENDING_WITHIN_DAYS:
                warnings.append(DashboardWarning("agreement_expiring", key, end, MSG_AGREEMENT_ENDS,
                                        params))
    return warnings


def _evaluation_warnings(ctx: ServiceContext, today: dt.date) -> list[DashboardWarning]:
    warnings: dict[str, DashboardWarning] = {}
    for due in evaluation_schedule(ctx, today, within_days=-1):
        # One warning per worker: the earliest overdue of the agreements placing them.
        if due.worker_id not in warnings:
            warnings[due.worker_id] = DashboardWarning(
                "evaluation_overdue", due.worker_id, due.due, MSG_EVALUATION_OVERDUE,
                {"worker": due.worker, "reference": due.reference},
            )
    return list(warnings.values())


def _integration_warnings(ctx: ServiceContext, today: dt.date) -> list[DashboardWarning]:
    # Five years less twelve months are at least 4 × 365 days: a bound on the start dates.
    latest_start = today - dt.timedelta(days=365 * (INTEGRATION_YEARS - 1))
    answered = select(Trajectory.worker_id).where(
        or_(col(Trajectory.outcome).is_(None), col(Trajectory.outcome).in_(SETTLED_OUTCOMES))
    )
    query = select(Worker.id, Worker.first_name, Worker.last_name, Worker.integration_start).where(
        Worker.programme == "local_services",
        col(Worker.integration_start).is_not(None),
        col(Worker.integration_start) <= latest_start,
        col(Worker.id).not_in(answered),
        employer_clause(ctx, Worker.employer_id),
    )
    warnings = []
    with ctx.db.session() as session:
        for key, first, last, start in session.exec(query):
            if today < integration_warning_from(start):
                continue
            warnings.append(
                DashboardWarning("integration_deadline", key, integration_deadline(start),
                        MSG_INTEGRATION_DEADLINE, {"worker": f"{first} {last}".strip()})
            )
    return warnings


def _action_warnings(ctx: ServiceContext, today: dt.date) -> list[DashboardWarning]:
    query = (
        select(NoteAction.note_id, NoteAction.due, NoteAction.description,
               Worker.first_name, Worker.last_name)
        .join(Note, col(Note.id) == NoteAction.note_id)
        .join(Worker, col(Worker.id) == Note.worker_id)
        .where(
            col(NoteAction.done).is_(False),
            col(NoteAction.due).is_not(None),
            col(NoteAction.due) < today,
            note_visibility(ctx),
        )
    )
    with ctx.db.session() as session:
        return [
            DashboardWarning("action_overdue", note_id, due, MSG_ACTION_OVERDUE,
                    {"worker": f"{first} {last}".strip(), "description": description})
            for note_id, due, description, first, last in session.exec(query)
        ]


def _overrun_warnings(ctx: ServiceContext, today: dt.date) -> list[DashboardWarning]:
    query = (
        select(Trajectory.id, TrajectoryPhase.phase, TrajectoryPhase.start_date,
               TrajectoryPhase.end_date, Worker.id, Worker.first_name, Worker.last_name)
        .join(TrajectoryPhase, col(TrajectoryPhase.trajectory_id) == col(Trajectory.id))
        .join(Worker, col(Worker.id) == col(Trajectory.worker_id))
        .where(col(Trajectory.outcome).is_(None), trajectory_clause(ctx))
        .order_by(TrajectoryPhase.start_date)
    )
    warnings: dict[str, DashboardWarning] = {}
    with ctx.db.session() as session:
        for key, phase, start, end, worker_id, first, last in session.exec(query):
            if phase not in PHASE_MAX_MONTHS or key in warnings:
                continue
            latest = latest_phase_end(phase, start)
            if (end or today) > latest:
                warnings[key] = DashboardWarning(
                    "trajectory_phase_overrun", key, latest, MSG_PHASE_OVERRUN,
                    {"worker": f"{first} {last}".strip(), "phase": phase,
                     "worker_id": worker_id},
                )
    return list(warnings.values())


def dashboard(ctx: ServiceContext, today: dt.date | None = None) -> Dashboard:
    """Every warning for `today` (default: the real today), soonest due first."""
    today = today or dt.date.today()
    warnings = [
        *_agreement_warnings(ctx, today),
        *_evaluation_warnings(ctx, today),
        *_integration_warnings(ctx, today),
        *_action_warnings(ctx, today),
        *_overrun_warnings(ctx, today),
    ]
    kinds = list(WARNING_KINDS)
    warnings.sort(key=lambda w: (w.due, kinds.index(w.kind), w.subject))
    return Dashboard(today, tuple(warnings))


def dashboard_document(board: Dashboard, language: str | None = None) -> dict[str, Any]:
    """The JSON of `zorgkoppel dashboard --json`."""
    return {
        "today": board.today.isoformat(),
        "warnings": [
            {"kind": w.kind, "subject": w.subject, "due": w.due.isoformat(),
             "message": w.text(language)}
            for w in board.warnings
        ],
    }
