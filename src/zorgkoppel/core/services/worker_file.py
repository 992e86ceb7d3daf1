"""A worker's file: one timeline of notes, skill changes, placements and trajectory phases,
plus the roster history as tasks done per month. The worker file screen and the progress
report both read it.

Only what the actor may read: a care facility gets the shared notes only.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError
from zorgkoppel.core.models import (
    Agreement,
    AgreementWorker,
    Note,
    NoteAction,
    NoteScore,
    Organisation,
    RosterAssignment,
    RosterDay,
    RosterPost,
    SkillLevelChange,
    Trajectory,
    TrajectoryPhase,
    Worker,
    WorkerSkill,
)
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.evaluation_schedule import EvaluationDue, evaluation_schedule
from zorgkoppel.core.services.notes import note_visibility
from zorgkoppel.core.services.visibility import (
    may_see_agreement,
    may_see_worker,
    roster_site_clause,
    trajectory_clause,
)
from zorgkoppel.core.services.workers import MSG_NO_WORKER

# Timeline entry kinds.
NOTE = "note"
SKILL = "skill"
PLACEMENT_START = "placement_start"
PLACEMENT_END = "placement_end"
TRAJECTORY_PHASE = "trajectory_phase"


@dataclass(frozen=True)
class TimelineEntry:
    day: dt.date
    kind: str  # one of the kinds above
    subject: str  # id of the note, agreement or trajectory; task code for a skill
    code: str  # note kind, skill level, agreement reference or trajectory phase
    text: str = ""  # a note's summary, a facility's name
    minutes: int | None = None
    shared: bool | None = None  # notes: visibility
    locked: bool = False  # notes: signed off by the worker


@dataclass(frozen=True)
class MonthTasks:
    month: str  # YYYY-MM
    counts: dict[str, int]  # task code -> posts worked

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class OpenAction:
    note_id: str
    description: str
    due: dt.date | None


@dataclass(frozen=True)
class WorkerFile:
    worker: Worker
    employer: str
    today: dt.date
    entries: tuple[TimelineEntry, ...]  # newest first
    roster_months: tuple[MonthTasks, ...]  # newest first
    latest_scores: dict[str, int | None]  # from the newest note that scored anything
    latest_scores_day: dt.date | None
    open_actions: tuple[OpenAction, ...]
    evaluations: tuple[EvaluationDue, ...]
    skills: dict[str, str] = field(default_factory=dict)  # task code -> level now
    guidance_minutes: int = 0


def _notes(session: Session, ctx: ServiceContext, worker_id: str) -> list[Note]:
    return list(
        session.exec(
            select(Note)
            .join(Worker, col(Worker.id) == col(Note.worker_id))
            .where(Note.worker_id == worker_id, note_visibility(ctx))
        ).all()
    )


def _roster_months(
    session: Session, ctx: ServiceContext, worker_id: str
) -> tuple[MonthTasks, ...]:
    rows = session.exec(
        select(RosterDay.day, RosterPost.task_code)
        .select_from(RosterAssignment)
        .join(RosterPost, col(RosterPost.id) == col(RosterAssignment.post_id))
        .join(RosterDay, col(RosterDay.id) == col(RosterAssignment.roster_day_id))
        .where(RosterAssignment.worker_id == worker_id,
               roster_site_clause(ctx, RosterDay.site_id))
    ).all()
    months: dict[str, Counter[str]] = {}
    for day, task in rows:
        months.setdefault(f"{day.year:04d}-{day.month:02d}", Counter())[task] += 1
    return tuple(
        MonthTasks(month, dict(sorted(counts.items())))
        for month, counts in sorted(months.items(), reverse=True)
    )


def worker_file(
    ctx: ServiceContext, worker_id: str, today: dt.date | None = None
) -> WorkerFile:
    """The file of a worker the actor may see (employer or placing facility)."""
    today = today or dt.date.today()
    with ctx.db.session() as session:
        worker = session.get(Worker, worker_id)
        if worker is None or not may_see_worker(session, ctx, worker_id):
            raise NotFoundError(MSG_NO_WORKER, key=worker_id)
        employer = session.get(Organisation, worker.employer_id)
        notes = _notes(session, ctx, worker_id)
        entries = [
            TimelineEntry(n.day, NOTE, n.id, n.kind, n.summary, n.duration_minutes,
                          n.visibility == "shared", n.signed_off_at is not None)
            for n in notes
        ]
        changes = session.exec(
            select(SkillLevelChange).where(SkillLevelChange.worker_id == worker_id)
        ).all()
        seen_changes = {(c.task_code, c.since) for c in changes}
        entries += [TimelineEntry(c.since, SKILL, c.task_code, c.level) for c in changes]
        skills = session.exec(select(WorkerSkill).where(WorkerSkill.worker_id == worker_id)).all()
        entries += [
            TimelineEntry(s.since, SKILL, s.task_code, s.level)
            for s in skills
            if s.since is not None and (s.task_code, s.since) not in seen_changes
        ]
        placements = session.exec(
            select(Agreement, Organisation.name)
            .join(AgreementWorker, col(AgreementWorker.agreement_id) == col(Agreement.id))
            .join(Organisation, col(Organisation.id) == col(Agreement.care_partner_id))
            .where(AgreementWorker.worker_id == worker_id)
        ).all()
        for agreement, facility in placements:
            if not may_see_agreement(ctx, agreement):
                continue  # another facility's agreement stays out of a facility's view
            if agreement.start_date:
                entries.append(TimelineEntry(agreement.start_date, PLACEMENT_START,
                                             agreement.id, agreement.reference, facility))
            if agreement.end_date and agreement.end_date <= today:
                entries.append(TimelineEntry(agreement.end_date, PLACEMENT_END,
                                             agreement.id, agreement.reference, facility))
        phases = session.exec(
            select(TrajectoryPhase)
            .join(Trajectory, col(Trajectory.id) == col(TrajectoryPhase.trajectory_id))
            .where(Trajectory.worker_id == worker_id, trajectory_clause(ctx))
        ).all()
        entries += [
            TimelineEntry(p.start_date, TRAJECTORY_PHASE, p.trajectory_id, p.phase)
            for p in phases
        ]
        scored = sorted(notes, key=lambda n: (n.day, n.created_at), reverse=True)
        latest_scores: dict[str, int | None] = {}
        latest_day = None
        note_ids = [n.id for n in scored]
        if note_ids:
            score_rows = session.exec(
                select(NoteScore.note_id, NoteScore.item, NoteScore.score).where(
                    col(NoteScore.note_id).in_(note_ids)
                )
            ).all()
            by_note: dict[str, dict[str, int | None]] = {}
            for note_id, item, score in score_rows:
                by_note.setdefault(note_id, {})[item] = score
            for n in scored:
                if n.id in by_note:
                    latest_scores, latest_day = by_note[n.id], n.day
                    break
        actions = session.exec(
            select(NoteAction)
            .where(col(NoteAction.note_id).in_(note_ids), col(NoteAction.done).is_(False))
            .order_by(col(NoteAction.due).is_(None), NoteAction.due)
        ).all() if note_ids else []
        minutes = sum(n.duration_minutes or 0 for n in notes)
        roster_months = _roster_months(session, ctx, worker_id)
    audit.record(ctx, audit.OPEN_WORKER_FILE, [worker_id], worker_id)
    entries.sort(key=lambda e: (e.day, e.kind, e.subject), reverse=True)
    return WorkerFile(
        worker=worker,
        employer=employer.name if employer else "",
        today=today,
        entries=tuple(entries),
        roster_months=roster_months,
        latest_scores=latest_scores,
        latest_scores_day=latest_day,
        open_actions=tuple(OpenAction(a.note_id, a.description, a.due) for a in actions),
        evaluations=tuple(evaluation_schedule(ctx, today, worker_id=worker_id)),
        skills={s.task_code: s.level for s in skills},
        guidance_minutes=minutes,
    )
