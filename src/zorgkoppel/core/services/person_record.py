"""Everything stored about one worker, gathered for the readable GDPR export (no Qt).

The same visibility as the rest of the export: the notes and trajectories the actor may
read. Codes stay codes here; the document translates them in the person's language.
Only the person's own rows: colleagues on the same roster day are left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import (
    Agreement,
    AgreementWorker,
    Note,
    NoteAction,
    NoteAddendum,
    NoteParticipant,
    NoteScore,
    Organisation,
    Person,
    RosterAssignment,
    RosterDay,
    RosterPost,
    RosterPresence,
    SkillLevelChange,
    Trajectory,
    TrajectoryPhase,
    Worker,
    WorkerPreference,
    WorkerSkill,
)
from zorgkoppel.core.services.gdpr import require_visible_worker
from zorgkoppel.core.services.visibility import note_clause, trajectory_clause


@dataclass(frozen=True)
class PlacementLine:
    reference: str
    facility: str
    status: str
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class SkillLine:
    task_code: str
    level: str
    since: dt.date | None


@dataclass(frozen=True)
class ActionLine:
    description: str
    owner: str
    due: dt.date | None
    done: bool


@dataclass(frozen=True)
class NoteLine:
    day: dt.date
    kind: str
    visibility: str
    author: str
    duration_minutes: int | None
    summary: str
    participants: tuple[str, ...]
    scores: tuple[tuple[str, int | None], ...]
    actions: tuple[ActionLine, ...]
    addenda: tuple[str, ...]


@dataclass(frozen=True)
class PhaseLine:
    phase: str
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True)
class TrajectoryLine:
    provider: str
    target_employer: str
    outcome: str | None
    phases: tuple[PhaseLine, ...]


@dataclass(frozen=True)
class RosterLine:
    day: dt.date
    site: str
    presence: str | None  # a PRESENCE_STATUSES code
    posts: tuple[tuple[str, str, dt.time, dt.time], ...]  # task code, label, start, end


@dataclass(frozen=True)
class PersonRecord:
    worker: Worker
    employer: str
    placements: tuple[PlacementLine, ...]
    skills: tuple[SkillLine, ...]
    skill_history: tuple[SkillLine, ...]
    preferences: tuple[tuple[str, int], ...]
    notes: tuple[NoteLine, ...]
    trajectories: tuple[TrajectoryLine, ...]
    roster: tuple[RosterLine, ...]
    languages: tuple[str, ...]  # of the agreements the person is placed under, newest first


def _names(session: Session, model: type[Organisation] | type[Person],
           ids: set[str | None]) -> dict[str, str]:
    wanted = sorted(i for i in ids if i)
    if not wanted:
        return {}
    rows = session.exec(select(model).where(col(model.id).in_(wanted))).all()
    return {row.id: row.name for row in rows}


def _notes(ctx: ServiceContext, session: Session, worker_id: str) -> tuple[NoteLine, ...]:
    notes = session.exec(select(Note).where(Note.worker_id == worker_id, note_clause(ctx))
                         .order_by(col(Note.day), col(Note.start_time))).all()
    ids = [n.id for n in notes]
    participants = session.exec(select(NoteParticipant).where(
        col(NoteParticipant.note_id).in_(ids)).order_by(col(NoteParticipant.position))).all()
    scores = session.exec(select(NoteScore).where(col(NoteScore.note_id).in_(ids))
                          .order_by(col(NoteScore.item))).all()
    actions = session.exec(select(NoteAction).where(col(NoteAction.note_id).in_(ids))
                           .order_by(col(NoteAction.position))).all()
    addenda = session.exec(select(NoteAddendum).where(col(NoteAddendum.note_id).in_(ids))
                           .order_by(col(NoteAddendum.created_at))).all()
    people = _names(session, Person, {n.author_id for n in notes}
                    | {p.person_id for p in participants} | {a.owner_id for a in actions})
    return tuple(
        NoteLine(
            note.day, note.kind, note.visibility, people.get(note.author_id or "", ""),
            note.duration_minutes, note.summary,
            tuple(people.get(p.person_id, "") for p in participants if p.note_id == note.id),
            tuple((s.item, s.score) for s in scores if s.note_id == note.id),
            tuple(ActionLine(a.description, people.get(a.owner_id or "", ""), a.due, a.done)
                  for a in actions if a.note_id == note.id),
            tuple(a.text for a in addenda if a.note_id == note.id),
        )
        for note in notes
    )


def _trajectories(ctx: ServiceContext, session: Session,
                  worker_id: str) -> tuple[TrajectoryLine, ...]:
    trajectories = session.exec(select(Trajectory).where(
        Trajectory.worker_id == worker_id, trajectory_clause(ctx))
        .order_by(col(Trajectory.created_at))).all()
    phases = session.exec(select(TrajectoryPhase).where(col(TrajectoryPhase.trajectory_id).in_(
        [t.id for t in trajectories])).order_by(col(TrajectoryPhase.start_date))).all()
    names = _names(session, Organisation, {t.provider_id for t in trajectories}
                   | {t.target_employer_id for t in trajectories})
    return tuple(
        TrajectoryLine(
            names.get(t.provider_id or "", ""), names.get(t.target_employer_id or "", ""),
            t.outcome,
            tuple(PhaseLine(p.phase, p.start_date, p.end_date)
                  for p in phases if p.trajectory_id == t.id),
        )
        for t in trajectories
    )


def _roster(session: Session, worker_id: str) -> tuple[RosterLine, ...]:
    presence = {p.roster_day_id: p.status for p in session.exec(
        select(RosterPresence).where(RosterPresence.worker_id == worker_id)).all()}
    posts: dict[str, list[tuple[str, str, dt.time, dt.time]]] = {}
    for _assignment, post in session.exec(
            select(RosterAssignment, RosterPost)
            .where(RosterAssignment.worker_id == worker_id,
                   RosterAssignment.post_id == RosterPost.id)
            .order_by(col(RosterPost.start_time))).all():
        posts.setdefault(post.roster_day_id, []).append(
            (post.task_code, post.label or "", post.start_time, post.end_time))
    day_ids = set(presence) | set(posts)
    days = session.exec(select(RosterDay).where(col(RosterDay.id).in_(sorted(day_ids)))
                        .order_by(col(RosterDay.day))).all()
    sites = _names(session, Organisation, {d.site_id for d in days})
    return tuple(RosterLine(d.day, sites.get(d.site_id, ""), presence.get(d.id),
                            tuple(posts.get(d.id, ()))) for d in days)


def person_record(ctx: ServiceContext, worker_id: str) -> PersonRecord:
    """What is stored about the worker (NotFoundError when the actor may not see them)."""
    with ctx.db.session() as session:
        worker = require_visible_worker(ctx, session, worker_id)
        employer = session.get(Organisation, worker.employer_id)
        agreements = session.exec(
            select(Agreement).join(AgreementWorker,
                                   col(AgreementWorker.agreement_id) == col(Agreement.id))
            .where(AgreementWorker.worker_id == worker_id)
            .order_by(col(Agreement.start_date))).all()
        facilities = _names(session, Organisation, {a.care_partner_id for a in agreements})
        skills = session.exec(select(WorkerSkill).where(WorkerSkill.worker_id == worker_id)
                              .order_by(col(WorkerSkill.task_code))).all()
        history = session.exec(select(SkillLevelChange).where(
            SkillLevelChange.worker_id == worker_id)
            .order_by(col(SkillLevelChange.since), col(SkillLevelChange.task_code))).all()
        preferences = session.exec(select(WorkerPreference).where(
            WorkerPreference.worker_id == worker_id)
            .order_by(col(WorkerPreference.task_code))).all()
        return PersonRecord(
            worker=worker,
            employer=employer.name if employer else worker.employer_id,
            placements=tuple(PlacementLine(a.reference, facilities.get(a.care_partner_id, ""),
                                           a.status, a.start_date, a.end_date)
                             for a in agreements),
            skills=tuple(SkillLine(s.task_code, s.level, s.since) for s in skills),
            skill_history=tuple(SkillLine(h.task_code, h.level, h.since) for h in history),
            preferences=tuple((p.task_code, p.weight) for p in preferences),
            notes=_notes(ctx, session, worker_id),
            trajectories=_trajectories(ctx, session, worker_id),
            roster=_roster(session, worker_id),
            languages=tuple(a.language for a in reversed(agreements)),
        )
