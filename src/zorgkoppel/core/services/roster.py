"""Roster days of a site: posts, presence, assignments and the day's review.

A roster day is identified by its site and date. `roster_problems` checks a day without
saving it, for the planner that re-checks the day at every move.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlmodel import Session, col, select

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import (
    NotFoundError,
    PermissionDenied,
    Problem,
    Problems,
    ValidationError,
)
from zorgkoppel.core.models import (
    Organisation,
    RosterAssignment,
    RosterDay,
    RosterPost,
    RosterPresence,
    Task,
    Worker,
    WorkerSkill,
)
from zorgkoppel.core.models.types import new_id, utcnow
from zorgkoppel.core.rules.roster import (
    MSG_OVERLAP,
    AssignmentData,
    PostData,
    PresenceData,
    RosterDayData,
    TaskFacts,
    WorkerFacts,
    check_roster_day,
)
from zorgkoppel.core.services.access import require_write
from zorgkoppel.core.services.organisations import MSG_NO_ORGANISATION
from zorgkoppel.core.services.outcome import Outcome
from zorgkoppel.core.services.record_versions import check_version, stale_as_conflict
from zorgkoppel.core.services.sync import forget_agreed, roster_day_key
from zorgkoppel.core.services.visibility import (
    may_plan_roster,
    may_see_roster_site,
    roster_site_clause,
)
from zorgkoppel.i18n import N_
from zorgkoppel.storage.bulk import batches, delete_where_in, insert_rows

MSG_NO_ROSTER_DAY = N_("No roster day at {site} on {day}.")
MSG_ROSTER_READ_ONLY = N_(
    "This roster is planned by the care facility's own coordinators; you may read it.")
SYNC_SECTION = "roster_days"


@dataclass(frozen=True)
class RosterDayDetail:
    roster_day: RosterDay
    data: RosterDayData


def worker_facts(
    session: Session, worker_ids: Collection[str] | None = None
) -> dict[str, WorkerFacts]:
    """Licence, Dutch level and skills of the given workers (all when None)."""
    workers: list[Worker] = []
    skills: dict[str, dict[str, str]] = {}
    for batch in [None] if worker_ids is None else batches(worker_ids):
        query = select(Worker)
        skill_query = select(WorkerSkill)
        if batch is not None:
            query = query.where(col(Worker.id).in_(batch))
            skill_query = skill_query.where(col(WorkerSkill.worker_id).in_(batch))
        workers.extend(session.exec(query).all())
        for skill in session.exec(skill_query).all():
            skills.setdefault(skill.worker_id, {})[skill.task_code] = skill.level
    return {
        w.id: WorkerFacts(w.driving_licence, w.dutch_level, skills.get(w.id, {}))
        for w in workers
    }


def task_facts(session: Session) -> dict[str, TaskFacts]:
    return {
        t.code: TaskFacts(t.needs_licence, t.min_dutch_level)
        for t in session.exec(select(Task)).all()
    }


def roster_child_rows(
    roster_day_id: str, data: RosterDayData, now: dt.datetime
) -> dict[type[Any], list[dict[str, Any]]]:
    """Rows for posts, presence and assignments; posts first, assignments point at them."""
    stamp = {"created_at": now, "updated_at": now}
    post_ids = {post.key: new_id() for post in data.posts}
    return {
        RosterPost: [
            {"id": post_ids[p.key], "roster_day_id": roster_day_id, "key": p.key,
             "task_code": p.task, "start_time": p.start, "end_time": p.end,
             "needed": p.needed, "label": p.label, "position": i, **stamp}
            for i, p in enumerate(data.posts)
        ],
        RosterPresence: [
            {"id": new_id(), "roster_day_id": roster_day_id, "worker_id": p.worker_id,
             "status": p.status, "start_time": p.start, "end_time": p.end, **stamp}
            for p in data.presence
        ],
        RosterAssignment: [
            {"id": new_id(), "roster_day_id": roster_day_id, "post_id": post_ids[a.post_key],
             "worker_id": a.worker_id, "pinned": a.pinned, **stamp}
            for a in data.assignments
        ],
    }


def delete_roster_children(session: Session, roster_day_ids: Collection[str]) -> None:
    delete_where_in(session, RosterAssignment.roster_day_id, roster_day_ids)
    delete_where_in(session, RosterPost.roster_day_id, roster_day_ids)
    delete_where_in(session, RosterPresence.roster_day_id, roster_day_ids)


def load_roster_days(
    session: Session, roster_day_ids: Collection[str] | None = None
) -> dict[str, RosterDayDetail]:
    """Roster days by their row id, with posts in order, presence by worker, assignments."""
    days: list[RosterDay] = []
    posts: dict[str, list[RosterPost]] = {}
    presence: dict[str, list[PresenceData]] = {}
    assignments: dict[str, list[RosterAssignment]] = {}
    for batch in [None] if roster_day_ids is None else batches(roster_day_ids):
        queries: dict[type[Any], Any] = {
            RosterDay: select(RosterDay),
            RosterPost: select(RosterPost).order_by(RosterPost.position),
            RosterPresence: select(RosterPresence).order_by(RosterPresence.worker_id),
            RosterAssignment: select(RosterAssignment).order_by(RosterAssignment.worker_id),
        }
        if batch is not None:
            queries = {
                model: query.where(
                    col(model.id if model is RosterDay else model.roster_day_id).in_(batch)
                )
                for model, query in queries.items()
            }
        days.extend(session.exec(queries[RosterDay]).all())
        for post in session.exec(queries[RosterPost]).all():
            posts.setdefault(post.roster_day_id, []).append(post)
        for row in session.exec(queries[RosterPresence]).all():
            presence.setdefault(row.roster_day_id, []).append(
                PresenceData(row.worker_id, row.status, row.start_time, row.end_time)
            )
        for row in session.exec(queries[RosterAssignment]).all():
            assignments.setdefault(row.roster_day_id, []).append(row)
    details: dict[str, RosterDayDetail] = {}
    for day in days:
        day_posts = posts.get(day.id, [])
        key_of = {post.id: post.key for post in day_posts}
        data = RosterDayData(
            site_id=day.site_id,
            day=day.day,
            posts=[
                PostData(p.key, p.task_code, p.start_time, p.end_time, p.needed, p.label)
                for p in day_posts
            ],
            presence=presence.get(day.id, []),
            assignments=[
                AssignmentData(key_of[a.post_id], a.worker_id, a.pinned)
                for a in assignments.get(day.id, [])
            ],
            review=day.review,
        )
        details[day.id] = RosterDayDetail(day, data)
    return details


def find_roster_day(session: Session, site_id: str, day: dt.date) -> RosterDay | None:
    return session.exec(
        select(RosterDay).where(RosterDay.site_id == site_id, RosterDay.day == day)
    ).first()


def validate_in_session(session: Session, data: RosterDayData) -> list[Problem]:
    mentioned = {p.worker_id for p in data.presence} | {a.worker_id for a in data.assignments}
    return check_roster_day(
        data,
        worker_facts(session, sorted(mentioned)),
        task_facts(session),
        site_exists=lambda key: session.get(Organisation, key) is not None,
    )


def roster_problems(ctx: ServiceContext, data: RosterDayData) -> list[Problem]:
    """Everything wrong with a day as planned, without saving it."""
    with ctx.db.session() as session:
        return validate_in_session(session, data)


def require_roster_reader(ctx: ServiceContext, site_id: str) -> None:
    with ctx.db.session() as session:
        if not may_see_roster_site(session, ctx, site_id):
            raise NotFoundError(MSG_NO_ORGANISATION, key=site_id)


def require_planner(ctx: ServiceContext, site_id: str) -> None:
    """A site's roster is planned by its own coordinators; partners read it at most."""
    require_roster_reader(ctx, site_id)
    if not may_plan_roster(ctx, site_id):
        raise PermissionDenied(MSG_ROSTER_READ_ONLY)


def list_roster_days(
    ctx: ServiceContext,
    site_id: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[RosterDay]:
    """Roster days, newest first, optionally of one site and between two dates (inclusive)."""
    with ctx.db.session() as session:
        query = select(RosterDay).where(roster_site_clause(ctx, RosterDay.site_id))
        if site_id:
            query = query.where(RosterDay.site_id == site_id)
        if start:
            query = query.where(RosterDay.day >= start)
        if end:
            query = query.where(RosterDay.day <= end)
        return list(
            session.exec(query.order_by(col(RosterDay.day).desc(), RosterDay.site_id)).all()
        )


def get_roster_day(ctx: ServiceContext, site_id: str, day: dt.date) -> RosterDayDetail:
    with ctx.db.session() as session:
        found = find_roster_day(session, site_id, day)
        detail = load_roster_days(session, [found.id]).get(found.id) if found else None
        visible = may_see_roster_site(session, ctx, site_id)
    if detail is None or not visible:
        raise NotFoundError(MSG_NO_ROSTER_DAY, site=site_id, day=day.isoformat())
    return detail


def stored_roster_day(ctx: ServiceContext, site_id: str, day: dt.date) -> tuple[int, RosterDayData]:
    detail = get_roster_day(ctx, site_id, day)
    return detail.roster_day.version, detail.data


def save_roster_day(
    ctx: ServiceContext, data: RosterDayData, expected_version: int | None = None
) -> Outcome[RosterDay]:
    """Create or replace the day of `data.site_id` on `data.day`, checked against every rule.

    With `expected_version` (the version the planner loaded) a day changed meanwhile raises
    EditConflict. Whatever the version, the overlap rule is checked again inside the write
    transaction against every placement of that date, so two coordinators saving at once
    never put one worker on two overlapping posts.
    """
    require_write(ctx)
    if data.site_id:
        require_planner(ctx, data.site_id)
    # The full check reads a lot; it runs before the write transaction so the write lock
    # is held only for the write and the final re-check.
    problems = roster_problems(ctx, data)
    if problems:
        raise ValidationError(problems)
    assert data.day is not None  # the rules require it
    key = roster_day_key(data.site_id, data.day)
    load = partial(stored_roster_day, ctx, data.site_id, data.day)
    with stale_as_conflict("roster_day", key, expected_version, data, load), \
            ctx.db.transaction() as session:
        now = utcnow()
        roster_day = lock_roster_day(session, data.site_id, data.day)
        if roster_day is None:
            roster_day = RosterDay(site_id=data.site_id, day=data.day, review=data.review)
        else:
            check_version("roster_day", key, roster_day.version, expected_version, data, load)
            roster_day.review = data.review
            roster_day.updated_at = now
            delete_roster_children(session, [roster_day.id])
        session.add(roster_day)
        session.flush()
        for model, rows in roster_child_rows(roster_day.id, data, now).items():
            insert_rows(session, model, rows)
        problems = overlap_problems(session, roster_day.id, data)
        if problems:
            raise ValidationError(problems)
    return Outcome(roster_day, Changes.of("roster"))


def lock_roster_day(session: Session, site_id: str, day: dt.date) -> RosterDay | None:
    """The day's row, locked until commit (SELECT … FOR UPDATE on PostgreSQL; SQLite has
    one writer at a time and ignores the clause)."""
    return session.exec(
        select(RosterDay)
        .where(RosterDay.site_id == site_id, RosterDay.day == day)
        .with_for_update()
    ).first()


def overlap_problems(session: Session, roster_day_id: str, data: RosterDayData) -> list[Problem]:
    """The overlap rule on what is stored now, within the write transaction: every post of
    that date (at any site) the day's workers are placed on, re-read after this save."""
    placed = sorted({a.worker_id for a in data.assignments})
    if not placed or data.day is None:
        return []
    rows = session.exec(
        select(RosterAssignment.worker_id, RosterPost, RosterDay.id)
        .join(RosterPost, col(RosterPost.id) == col(RosterAssignment.post_id))
        .join(RosterDay, col(RosterDay.id) == col(RosterAssignment.roster_day_id))
        .where(RosterDay.day == data.day, col(RosterAssignment.worker_id).in_(placed))
        .with_for_update()
    ).all()
    others: dict[str, list[RosterPost]] = {}
    for worker_id, post, day_id in rows:
        if day_id != roster_day_id:
            others.setdefault(worker_id, []).append(post)
    problems = Problems()
    by_key = {post.key: post for post in data.posts}
    for i, assignment in enumerate(data.assignments):
        post = by_key.get(assignment.post_key)
        if post is None or post.start is None or post.end is None:
            continue
        for other in others.get(assignment.worker_id, []):
            if other.start_time < post.end and post.start < other.end_time:
                problems.add(
                    f"assignments[{i}].worker",
                    MSG_OVERLAP,
                    worker=assignment.worker_id,
                    other=other.key,
                )
    return problems.items


def delete_roster_day(ctx: ServiceContext, site_id: str, day: dt.date) -> Changes:
    require_write(ctx)
    require_planner(ctx, site_id)
    with ctx.db.transaction() as session:
        roster_day = find_roster_day(session, site_id, day)
        if roster_day is None:
            raise NotFoundError(MSG_NO_ROSTER_DAY, site=site_id, day=day.isoformat())
        delete_roster_children(session, [roster_day.id])
        session.delete(roster_day)
        forget_agreed(session, SYNC_SECTION, [roster_day_key(site_id, day)])
    return Changes.of("roster")
