"""Read-only rows for the lists of agreements, roster days and guidance notes, and the details
of one of them.

Rows are small frozen dataclasses with names already resolved, built with a few aggregate
queries (never one query per row), so a screen or a report can show thousands of them. Each
row gives `sort_key(field)` so a list sorts on the value, not on its formatted text.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, exists, func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError
from zorgkoppel.core.models import (
    Agreement,
    AgreementTask,
    AgreementWorker,
    Note,
    NoteAction,
    NoteParticipant,
    NoteScore,
    Organisation,
    Person,
    RosterAssignment,
    RosterDay,
    RosterPost,
    RosterPresence,
    Worker,
    WorkerSkill,
)
from zorgkoppel.core.services.agreements import agreement_conditions
from zorgkoppel.core.services.note_search import search_notes
from zorgkoppel.core.services.notes import note_visibility
from zorgkoppel.core.services.visibility import roster_site_clause
from zorgkoppel.i18n import N_

IN_FORCE_STATUSES = ("signed", "active")


def sort_value(value: Any) -> tuple[int, Any]:
    """A key that sorts None last and text without regard to case."""
    if value is None or value == "":
        return (1, "")
    if isinstance(value, str):
        return (0, value.casefold())
    return (0, value)


class _Sortable:
    def sort_key(self, field: str) -> tuple[int, Any]:
        return sort_value(getattr(self, field))


# ---------------------------------------------------------------- agreements


# Text matches a search box looks at: more than a screen of notes, few enough to stay quick.
TEXT_SEARCH_LIMIT = 1000

@dataclass(frozen=True)
class AgreementRow(_Sortable):
    id: str
    reference: str
    phase: str
    legal_form: str
    status: str
    care_partner_id: str
    care_partner: str
    se_partner_id: str
    se_partner: str
    start: dt.date | None
    end: dt.date | None
    workers: int
    rate_type: str | None
    rate: Decimal | None

    def in_force_on(self, day: dt.date) -> bool:
        """Signed or active, and `day` within its period (an open end runs on)."""
        return (
            self.status in IN_FORCE_STATUSES
            and (self.start is None or self.start <= day)
            and (self.end is None or day <= self.end)
        )


def list_agreement_rows(
    ctx: ServiceContext,
    search: str = "",
    status: str | None = None,
    phase: str | None = None,
    organisation_id: str | None = None,
    in_force_on: dt.date | None = None,
) -> list[AgreementRow]:
    """Agreements the actor may see, newest start first.

    `search` looks in the reference and both partners' names; `organisation_id` keeps the
    agreements naming that organisation as a partner or as the commissioning authority.
    """
    care = aliased(Organisation)
    se = aliased(Organisation)
    worker_count = (
        select(AgreementWorker.agreement_id, func.count().label("n"))
        .group_by(AgreementWorker.agreement_id)
        .subquery()
    )
    query = (
        select(Agreement, care.name, se.name, func.coalesce(worker_count.c.n, 0))
        .join(care, care.id == Agreement.care_partner_id)
        .join(se, se.id == Agreement.se_partner_id)
        .outerjoin(worker_count, worker_count.c.agreement_id == Agreement.id)
        .where(*agreement_conditions(ctx, status, phase, organisation_id))
    )
    if in_force_on is not None:
        query = query.where(
            col(Agreement.status).in_(IN_FORCE_STATUSES),
            or_(col(Agreement.start_date).is_(None), Agreement.start_date <= in_force_on),
            or_(col(Agreement.end_date).is_(None), Agreement.end_date >= in_force_on),
        )
    if search:
        pattern = f"%{search.strip().lower()}%"
        query = query.where(
            or_(
                func.lower(Agreement.reference).like(pattern),
                func.lower(care.name).like(pattern),
                func.lower(se.name).like(pattern),
            )
        )
    query = query.order_by(
        col(Agreement.start_date).is_(None), col(Agreement.start_date).desc(), Agreement.reference
    )
    with ctx.db.session() as session:
        return [
            AgreementRow(
                id=a.id,
                reference=a.reference,
                phase=a.phase,
                legal_form=a.legal_form,
                status=a.status,
                care_partner_id=a.care_partner_id,
                care_partner=care_name,
                se_partner_id=a.se_partner_id,
                se_partner=se_name,
                start=a.start_date,
                end=a.end_date,
                workers=int(count),
                rate_type=a.rate_type,
                rate=a.rate,
            )
            for a, care_name, se_name, count in session.exec(query).all()
        ]


@dataclass(frozen=True)
class AgreementTaskLine:
    task_code: str
    description: str | None


@dataclass(frozen=True)
class AgreementDetail:
    """An agreement with every reference resolved to a name, for a read-only view."""

    agreement: Agreement
    care_partner: str
    se_partner: str
    commissioned_by: str | None
    job_coach: str | None
    supervisor: str | None
    tasks: tuple[AgreementTaskLine, ...]
    workers: tuple[str, ...]


def _names(session: Session, model: Any, ids: Iterable[str | None]) -> dict[str, str]:
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    return dict(session.exec(select(model.id, model.name).where(model.id.in_(wanted))).all())


def _worker_names(session: Session, ids: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = session.exec(
        select(Worker.id, Worker.first_name, Worker.last_name).where(col(Worker.id).in_(wanted))
    ).all()
    return {key: f"{first} {last}".strip() for key, first, last in rows}


def agreement_detail(ctx: ServiceContext, agreement_id: str) -> AgreementDetail:
    with ctx.db.session() as session:
        agreement = session.exec(
            select(Agreement).where(Agreement.id == agreement_id, *agreement_conditions(ctx))
        ).first()
        if agreement is None:
            raise NotFoundError(N_("No agreement with id {key}."), key=agreement_id)
        organisations = _names(
            session,
            Organisation,
            (agreement.care_partner_id, agreement.se_partner_id, agreement.commissioned_by_id),
        )
        people = _names(session, Person, (agreement.job_coach_id, agreement.supervisor_id))
        tasks = session.exec(
            select(AgreementTask)
            .where(AgreementTask.agreement_id == agreement_id)
            .order_by(AgreementTask.position, AgreementTask.task_code)
        ).all()
        placed = session.exec(
            select(AgreementWorker.worker_id)
            .where(AgreementWorker.agreement_id == agreement_id)
            .order_by(AgreementWorker.position)
        ).all()
        workers = _worker_names(session, placed)
    return AgreementDetail(
        agreement=agreement,
        care_partner=organisations.get(agreement.care_partner_id, agreement.care_partner_id),
        se_partner=organisations.get(agreement.se_partner_id, agreement.se_partner_id),
        commissioned_by=organisations.get(agreement.commissioned_by_id or ""),
        job_coach=people.get(agreement.job_coach_id or ""),
        supervisor=people.get(agreement.supervisor_id or ""),
        tasks=tuple(AgreementTaskLine(t.task_code, t.description) for t in tasks),
        workers=tuple(workers.get(w, w) for w in placed),
    )


# ---------------------------------------------------------------- roster days


@dataclass(frozen=True)
class RosterDayRow(_Sortable):
    id: str
    site_id: str
    site: str
    day: dt.date
    posts: int
    needed: int
    unfilled: int
    assigned: int
    present: int
    reviewed: bool


def _counted_per_post() -> Any:
    """Assignments that count toward a post's `needed`: only workers independent on its task
    (EXCHANGE.md: a worker next to a companion does not count)."""
    return (
        select(RosterAssignment.post_id, func.count().label("n"))
        .join(RosterPost, col(RosterPost.id) == RosterAssignment.post_id)
        .join(
            WorkerSkill,
            and_(
                col(WorkerSkill.worker_id) == RosterAssignment.worker_id,
                col(WorkerSkill.task_code) == RosterPost.task_code,
                col(WorkerSkill.level) == "independent",
            ),
        )
        .group_by(RosterAssignment.post_id)
        .subquery()
    )


def list_roster_day_rows(
    ctx: ServiceContext,
    search: str = "",
    site_id: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    only_unfilled: bool = False,
) -> list[RosterDayRow]:
    """Roster days at sites the actor may see, newest first, with how full they are."""
    counted = _counted_per_post()
    gap = case(
        (RosterPost.needed > func.coalesce(counted.c.n, 0),
         RosterPost.needed - func.coalesce(counted.c.n, 0)),
        else_=0,
    )
    per_day = (
        select(
            RosterPost.roster_day_id.label("day_id"),
            func.count().label("posts"),
            func.sum(RosterPost.needed).label("needed"),
            func.sum(gap).label("unfilled"),
        )
        .outerjoin(counted, counted.c.post_id == RosterPost.id)
        .group_by(RosterPost.roster_day_id)
        .subquery()
    )
    assigned = (
        select(RosterAssignment.roster_day_id.label("day_id"), func.count().label("n"))
        .group_by(RosterAssignment.roster_day_id)
        .subquery()
    )
    present = (
        select(RosterPresence.roster_day_id.label("day_id"), func.count().label("n"))
        .where(RosterPresence.status == "present")
        .group_by(RosterPresence.roster_day_id)
        .subquery()
    )
    query = (
        select(
            RosterDay,
            Organisation.name,
            func.coalesce(per_day.c.posts, 0),
            func.coalesce(per_day.c.needed, 0),
            func.coalesce(per_day.c.unfilled, 0),
            func.coalesce(assigned.c.n, 0),
            func.coalesce(present.c.n, 0),
        )
        .join(Organisation, col(Organisation.id) == RosterDay.site_id)
        .outerjoin(per_day, per_day.c.day_id == RosterDay.id)
        .outerjoin(assigned, assigned.c.day_id == RosterDay.id)
        .outerjoin(present, present.c.day_id == RosterDay.id)
        .where(roster_site_clause(ctx, RosterDay.site_id))
    )
    if site_id:
        query = query.where(RosterDay.site_id == site_id)
    if date_from is not None:
        query = query.where(RosterDay.day >= date_from)
    if date_to is not None:
        query = query.where(RosterDay.day <= date_to)
    if only_unfilled:
        query = query.where(func.coalesce(per_day.c.unfilled, 0) > 0)
    if search:
        pattern = f"%{search.strip().lower()}%"
        query = query.where(
            or_(
                func.lower(Organisation.name).like(pattern),
                func.lower(func.coalesce(RosterDay.review, "")).like(pattern),
            )
        )
    query = query.order_by(col(RosterDay.day).desc(), func.lower(Organisation.name))
    with ctx.db.session() as session:
        return [
            RosterDayRow(
                id=day.id,
                site_id=day.site_id,
                site=site,
                day=day.day,
                posts=int(posts),
                needed=int(needed),
                unfilled=int(unfilled),
                assigned=int(n_assigned),
                present=int(n_present),
                reviewed=bool(day.review and day.review.strip()),
            )
            for day, site, posts, needed, unfilled, n_assigned, n_present in session.exec(
                query
            ).all()
        ]


@dataclass(frozen=True)
class PlacedWorker:
    name: str
    pinned: bool
    level: str | None  # the worker's skill level on the post's task


@dataclass(frozen=True)
class PostLine:
    key: str
    task_code: str
    start: dt.time
    end: dt.time
    needed: int
    label: str | None
    workers: tuple[PlacedWorker, ...]

    @property
    def counted(self) -> int:
        return sum(1 for w in self.workers if w.level == "independent")


@dataclass(frozen=True)
class PresenceLine:
    worker: str
    status: str
    start: dt.time | None
    end: dt.time | None


@dataclass(frozen=True)
class RosterDayDetail:
    roster_day: RosterDay
    site: str
    posts: tuple[PostLine, ...]
    presence: tuple[PresenceLine, ...]


def roster_day_detail(ctx: ServiceContext, roster_day_id: str) -> RosterDayDetail:
    with ctx.db.session() as session:
        day = session.exec(
            select(RosterDay).where(
                RosterDay.id == roster_day_id, roster_site_clause(ctx, RosterDay.site_id)
            )
        ).first()
        if day is None:
            raise NotFoundError(N_("No roster day with id {key}."), key=roster_day_id)
        site = session.get(Organisation, day.site_id)
        posts = session.exec(
            select(RosterPost)
            .where(RosterPost.roster_day_id == roster_day_id)
            .order_by(RosterPost.position, RosterPost.start_time, RosterPost.key)
        ).all()
        assignments = session.exec(
            select(RosterAssignment).where(RosterAssignment.roster_day_id == roster_day_id)
        ).all()
        presence = session.exec(
            select(RosterPresence).where(RosterPresence.roster_day_id == roster_day_id)
        ).all()
        worker_ids = {a.worker_id for a in assignments} | {p.worker_id for p in presence}
        names = _worker_names(session, worker_ids)
        levels: dict[tuple[str, str], str] = {}
        if worker_ids:
            for skill in session.exec(
                select(WorkerSkill).where(col(WorkerSkill.worker_id).in_(sorted(worker_ids)))
            ).all():
                levels[(skill.worker_id, skill.task_code)] = skill.level
    task_of = {p.id: p.task_code for p in posts}
    placed: dict[str, list[PlacedWorker]] = defaultdict(list)
    for a in assignments:
        placed[a.post_id].append(
            PlacedWorker(
                names.get(a.worker_id, a.worker_id),
                a.pinned,
                levels.get((a.worker_id, task_of.get(a.post_id, ""))),
            )
        )
    return RosterDayDetail(
        roster_day=day,
        site=site.name if site else day.site_id,
        posts=tuple(
            PostLine(
                key=p.key,
                task_code=p.task_code,
                start=p.start_time,
                end=p.end_time,
                needed=p.needed,
                label=p.label,
                workers=tuple(sorted(placed[p.id], key=lambda w: w.name.casefold())),
            )
            for p in posts
        ),
        presence=tuple(
            sorted(
                (
                    PresenceLine(names.get(p.worker_id, p.worker_id), p.status, p.start_time,
                                 p.end_time)
                    for p in presence
                ),
                key=lambda line: line.worker.casefold(),
            )
        ),
    )


# ---------------------------------------------------------------- notes


@dataclass(frozen=True)
class NoteRow(_Sortable):
    id: str
    day: dt.date
    worker_id: str
    worker: str
    employer_id: str
    kind: str
    author: str | None
    duration_minutes: int | None
    visibility: str
    summary: str
    open_actions: int

    @property
    def headline(self) -> str:
        """The summary's first line, for a list cell."""
        return self.summary.strip().splitlines()[0] if self.summary.strip() else ""


def list_note_rows(
    ctx: ServiceContext,
    search: str = "",
    kind: str | None = None,
    visibility: str | None = None,
    worker_id: str | None = None,
    limit: int | None = None,
) -> list[NoteRow]:
    """Notes the actor may read, newest first. `search` finds notes by their text (the
    full-text index: every word, accents ignored, word starts) and by the worker's and
    author's names."""
    open_actions = (
        select(NoteAction.note_id, func.count().label("n"))
        .where(col(NoteAction.done).is_(False))
        .group_by(NoteAction.note_id)
        .subquery()
    )
    query = (
        select(
            Note,
            Worker.first_name,
            Worker.last_name,
            Worker.employer_id,
            Person.name,
            func.coalesce(open_actions.c.n, 0),
        )
        .join(Worker, col(Worker.id) == Note.worker_id)
        .outerjoin(Person, col(Person.id) == Note.author_id)
        .outerjoin(open_actions, open_actions.c.note_id == Note.id)
        .where(note_visibility(ctx))
    )
    if kind:
        query = query.where(Note.kind == kind)
    if visibility:
        query = query.where(Note.visibility == visibility)
    if worker_id:
        query = query.where(Note.worker_id == worker_id)
    if search:
        pattern = f"%{search.strip().lower()}%"
        query = query.where(
            or_(
                col(Note.id).in_(
                    [n.id for n in search_notes(ctx, search, limit=TEXT_SEARCH_LIMIT)]
                ),
                func.lower(Worker.first_name + " " + Worker.last_name).like(pattern),
                func.lower(func.coalesce(Person.name, "")).like(pattern),
            )
        )
    query = query.order_by(col(Note.day).desc(), col(Note.created_at).desc())
    if limit is not None:
        query = query.limit(limit)
    with ctx.db.session() as session:
        return [
            NoteRow(
                id=note.id,
                day=note.day,
                worker_id=note.worker_id,
                worker=f"{first} {last}".strip(),
                employer_id=employer_id,
                kind=note.kind,
                author=author,
                duration_minutes=note.duration_minutes,
                visibility=note.visibility,
                summary=note.summary,
                open_actions=int(n_open),
            )
            for note, first, last, employer_id, author, n_open in session.exec(query).all()
        ]


@dataclass(frozen=True)
class ActionLine:
    description: str
    owner: str | None
    due: dt.date | None
    done: bool


@dataclass(frozen=True)
class NoteDetail:
    note: Note
    worker: str
    author: str | None
    participants: tuple[str, ...]
    scores: tuple[tuple[str, int | None], ...]
    actions: tuple[ActionLine, ...]


def note_detail(ctx: ServiceContext, note_id: str) -> NoteDetail:
    with ctx.db.session() as session:
        found = session.exec(
            select(Note)
            .join(Worker, col(Worker.id) == Note.worker_id)
            .where(Note.id == note_id, note_visibility(ctx))
        ).first()
        if found is None:
            raise NotFoundError(N_("No note with id {key}."), key=note_id)
        note = found
        participant_ids = session.exec(
            select(NoteParticipant.person_id)
            .where(NoteParticipant.note_id == note_id)
            .order_by(NoteParticipant.position)
        ).all()
        scores = session.exec(
            select(NoteScore).where(NoteScore.note_id == note_id).order_by(NoteScore.item)
        ).all()
        actions = session.exec(
            select(NoteAction).where(NoteAction.note_id == note_id).order_by(NoteAction.position)
        ).all()
        people = _names(
            session,
            Person,
            [note.author_id, *participant_ids, *(a.owner_id for a in actions)],
        )
        worker = _worker_names(session, [note.worker_id])
    return NoteDetail(
        note=note,
        worker=worker.get(note.worker_id, note.worker_id),
        author=people.get(note.author_id or ""),
        participants=tuple(people.get(p, p) for p in participant_ids),
        scores=tuple((s.item, s.score) for s in scores),
        actions=tuple(
            ActionLine(a.description, people.get(a.owner_id or ""), a.due, a.done)
            for a in actions
        ),
    )


def distinct_sites(ctx: ServiceContext) -> Sequence[tuple[str, str]]:
    """(id, name) of the organisations that have roster days, for a site filter."""
    with ctx.db.session() as session:
        return session.exec(
            select(Organisation.id, Organisation.name)
            .where(
                roster_site_clause(ctx, Organisation.id),
                exists(select(RosterDay.id).where(RosterDay.site_id == Organisation.id)),
            )
            .order_by(func.lower(Organisation.name))
        ).all()
