"""Planning a roster day: suggestions, checked manual moves, who is expected, new days.

The solver lives in `core.roster`; this module gathers what it needs from the database
(who is present, their skills, preferences and last four weeks, yesterday's routes) and
stores what the planner accepts through `core.services.roster.save_roster_day`, so every
stored day passes the same rules (`core.rules.roster.check_roster_day`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlmodel import Session, col, select

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, Problem, ValidationError
from zorgkoppel.core.models import (
    Agreement,
    AgreementWorker,
    RosterAssignment,
    RosterDay,
    RosterPost,
    RosterTemplatePost,
    Task,
    Worker,
    WorkerPreference,
)
from zorgkoppel.core.roster.problem import Candidate, PlanInput
from zorgkoppel.core.roster.solver import Plan, solve_day
from zorgkoppel.core.rules.roster import (
    MSG_NEEDS_COLLEAGUE,
    AssignmentData,
    PostData,
    PresenceData,
    RosterDayData,
    check_roster_day,
)
from zorgkoppel.core.rules.values import MSG_REQUIRED
from zorgkoppel.core.services.access import require_write
from zorgkoppel.core.services.outcome import Outcome
from zorgkoppel.core.services.roster import (
    MSG_NO_ROSTER_DAY,
    find_roster_day,
    load_roster_days,
    require_planner,
    require_roster_reader,
    save_roster_day,
    task_facts,
    validate_in_session,
    worker_facts,
)
from zorgkoppel.i18n import N_, current_language

FAIRNESS_DAYS = 28
# Agreements under which workers are actually at the site.
PLACING_STATUSES = ("signed", "active")


@dataclass(frozen=True)
class Suggestion:
    """A suggested plan for a day; `data` is the day with the suggested assignments."""

    site_id: str
    day: dt.date
    plan: Plan
    data: RosterDayData
    names: dict[str, str]
    # The stored day's version the suggestion started from (None for unsaved edits): a day
    # changed before the suggestion is applied is not overwritten.
    version: int | None = None

    def as_json(self) -> dict[str, Any]:
        """The shape the command line prints (issue 4): site, date, assignments, unfilled."""
        return {
            "site": self.site_id,
            "date": self.day.isoformat(),
            "assignments": [
                {"post": a.post_key, "worker": a.worker_id, "reason": a.reason.text()}
                for a in self.plan.assignments
            ],
            "unfilled": [
                {"post": u.post_key, "missing": u.missing, "reason": u.reason.text()}
                for u in self.plan.unfilled
            ],
        }


def worker_names(session: Session, worker_ids: Sequence[str] | None = None) -> dict[str, str]:
    query = select(Worker)
    if worker_ids is not None:
        query = query.where(col(Worker.id).in_(list(worker_ids)))
    return {w.id: w.full_name for w in session.exec(query).all()}


def _preferences(session: Session, worker_ids: Sequence[str]) -> dict[str, dict[str, int]]:
    found: dict[str, dict[str, int]] = defaultdict(dict)
    rows = session.exec(
        select(WorkerPreference).where(col(WorkerPreference.worker_id).in_(list(worker_ids)))
    ).all()
    for row in rows:
        found[row.worker_id][row.task_code] = row.weight
    return found


def _recent_tasks(
    session: Session, worker_ids: Sequence[str], day: dt.date
) -> dict[str, Counter[str]]:
    """Per worker, how often they had each task in the four weeks before `day` (any site)."""
    rows = session.exec(
        select(RosterAssignment.worker_id, RosterPost.task_code)
        .join(RosterPost, col(RosterPost.id) == RosterAssignment.post_id)
        .join(RosterDay, col(RosterDay.id) == RosterAssignment.roster_day_id)
        .where(col(RosterAssignment.worker_id).in_(list(worker_ids)))
        .where(RosterDay.day >= day - dt.timedelta(days=FAIRNESS_DAYS), RosterDay.day < day)
    ).all()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for worker_id, task in rows:
        counts[worker_id][task] += 1
    return counts


def previous_day(session: Session, site_id: str, day: dt.date) -> RosterDayData | None:
    """The site's latest planned day before `day` ("yesterday", Friday for a Monday)."""
    found = session.exec(
        select(RosterDay)
        .where(RosterDay.site_id == site_id, RosterDay.day < day)
        .order_by(col(RosterDay.day).desc())
    ).first()
    if found is None:
        return None
    return load_roster_days(session, [found.id])[found.id].data


def _yesterday_routes(previous: RosterDayData | None) -> dict[tuple[str, str], frozenset[str]]:
    if previous is None:
        return {}
    posts = {p.key: p for p in previous.posts}
    routes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for assignment in previous.assignments:
        post = posts.get(assignment.post_key)
        if post is not None and post.label:
            routes[(post.task, post.label)].add(assignment.worker_id)
    return {key: frozenset(value) for key, value in routes.items()}


def plan_input(session: Session, data: RosterDayData, keep_current: bool = True) -> PlanInput:
    """Everything the solver needs about `data`'s day, read in one session."""
    assert data.day is not None
    present = [p for p in data.presence if p.status == "present"]
    ids = [p.worker_id for p in present]
    facts = worker_facts(session, ids)
    names = worker_names(session, ids)
    preferences = _preferences(session, ids)
    recent = _recent_tasks(session, ids, data.day)
    candidates = [
        Candidate(
            worker_id=p.worker_id,
            name=names.get(p.worker_id, p.worker_id),
            facts=facts[p.worker_id],
            start=p.start,
            end=p.end,
            preferences=preferences.get(p.worker_id, {}),
            disliked_recently={
                task: count for task, count in recent.get(p.worker_id, Counter()).items()
                if preferences.get(p.worker_id, {}).get(task, 0) < 0
            },
        )
        for p in present
        if p.worker_id in facts
    ]
    return PlanInput(
        posts=list(data.posts),
        candidates=candidates,
        tasks=task_facts(session),
        current=list(data.assignments),
        yesterday_route=_yesterday_routes(previous_day(session, data.site_id, data.day)),
        keep_current=keep_current,
        task_names={t.code: t.label(current_language()) for t in session.exec(select(Task))},
    )


def stored_day(ctx: ServiceContext, site_id: str, day: dt.date) -> RosterDayData | None:
    """The stored day, or None when nothing is planned yet for that site and date."""
    require_roster_reader(ctx, site_id)
    with ctx.db.session() as session:
        found = find_roster_day(session, site_id, day)
        return load_roster_days(session, [found.id])[found.id].data if found else None


def stored_version_of_day(
    ctx: ServiceContext, site_id: str, day: dt.date
) -> tuple[int, RosterDayData] | None:
    require_roster_reader(ctx, site_id)
    with ctx.db.session() as session:
        found = find_roster_day(session, site_id, day)
        if found is None:
            return None
        return found.version, load_roster_days(session, [found.id])[found.id].data


def suggest_roster(
    ctx: ServiceContext,
    site_id: str,
    day: dt.date,
    *,
    data: RosterDayData | None = None,
    keep_current: bool = True,
) -> Suggestion:
    """The best plan for the day as stored (or as given in `data`, e.g. unsaved edits).

    Pinned assignments are kept; with `keep_current` the other current ones change as
    little as possible once the most places are filled. Raises ValidationError when the
    posts or presence break a rule, NotFoundError when no day is planned.
    """
    version = None
    if data is None:
        stored = stored_version_of_day(ctx, site_id, day)
        if stored is None:
            raise NotFoundError(MSG_NO_ROSTER_DAY, site=site_id,
                                day=day.isoformat())
        version, data = stored
    with ctx.db.session() as session:
        # Unpinned assignments may be wrong now (a late absence); pinned ones must hold,
        # except a pinned learner still waiting for the colleague the suggestion will add.
        base = replace(data, assignments=[a for a in data.assignments if a.pinned])
        problems = [p for p in validate_in_session(session, base)
                    if p.message != MSG_NEEDS_COLLEAGUE]
        if problems:
            raise ValidationError(problems)
        problem = plan_input(session, data, keep_current)
        names = worker_names(session, [c.worker_id for c in problem.candidates])
    plan = solve_day(problem)
    planned = replace(
        data,
        assignments=[AssignmentData(a.post_key, a.worker_id, a.pinned) for a in plan.assignments],
    )
    return Suggestion(site_id, day, plan, planned, names, version)


def apply_suggestion(ctx: ServiceContext, suggestion: Suggestion) -> Outcome[RosterDay]:
    """Store the suggested day (checked against every rule again); EditConflict when the
    stored day changed since the suggestion read it."""
    return save_roster_day(ctx, suggestion.data, expected_version=suggestion.version)


def move_problems(
    ctx: ServiceContext, data: RosterDayData, post_key: str, worker_id: str
) -> list[Problem]:
    """What placing `worker_id` on `post_key` would break; empty when the move is allowed.

    Only problems the move adds count, so a day that is already short elsewhere (say a
    learner waiting for a colleague) does not block other moves.
    """
    moved = replace(data, assignments=[*data.assignments, AssignmentData(post_key, worker_id)])
    with ctx.db.session() as session:
        ids = sorted({p.worker_id for p in data.presence}
                     | {a.worker_id for a in moved.assignments})
        facts = worker_facts(session, ids)
        tasks = task_facts(session)
    before = {p.text() for p in check_roster_day(data, facts, tasks)}
    return [p for p in check_roster_day(moved, facts, tasks) if p.text() not in before]


def expected_presence(ctx: ServiceContext, site_id: str, day: dt.date) -> list[PresenceData]:
    """Everyone placed at the site by an agreement running that day, checked in as present."""
    with ctx.db.session() as session:
        rows = session.exec(
            select(AgreementWorker.worker_id)
            .join(Agreement, col(Agreement.id) == AgreementWorker.agreement_id)
            .where(Agreement.care_partner_id == site_id)
            .where(col(Agreement.status).in_(PLACING_STATUSES))
            .where((col(Agreement.start_date).is_(None)) | (col(Agreement.start_date) <= day))
            .where((col(Agreement.end_date).is_(None)) | (col(Agreement.end_date) >= day))
        ).all()
    return [PresenceData(worker_id, "present") for worker_id in sorted(set(rows))]


def template_posts(ctx: ServiceContext, site_id: str, weekday: int) -> list[PostData]:
    """The site's usual posts on a weekday (0 = Monday), in their order."""
    with ctx.db.session() as session:
        rows = session.exec(
            select(RosterTemplatePost)
            .where(RosterTemplatePost.site_id == site_id, RosterTemplatePost.weekday == weekday)
            .order_by(RosterTemplatePost.position)
        ).all()
    return [PostData(r.key, r.task_code, r.start_time, r.end_time, r.needed, r.label)
            for r in rows]


def save_template(
    ctx: ServiceContext, site_id: str, weekday: int, posts: Sequence[PostData]
) -> Changes:
    """Replace the site's template of a weekday; checked with the same rules as a day's posts."""
    require_write(ctx)
    require_planner(ctx, site_id)
    problems: list[Problem] = []
    if weekday not in range(7):
        problems.append(Problem("weekday", N_("must be a weekday from 0 (Monday) to 6")))
    if not site_id:
        problems.append(Problem("site", MSG_REQUIRED))
    with ctx.db.transaction() as session:
        day = RosterDayData(site_id, dt.date(2024, 1, 1), posts=list(posts))
        problems += validate_in_session(session, day)
        if problems:
            raise ValidationError(problems)
        for row in session.exec(
            select(RosterTemplatePost)
            .where(RosterTemplatePost.site_id == site_id, RosterTemplatePost.weekday == weekday)
        ).all():
            session.delete(row)
        session.flush()
        for position, post in enumerate(posts):
            session.add(RosterTemplatePost(
                site_id=site_id, weekday=weekday, key=post.key, task_code=post.task,
                start_time=post.start, end_time=post.end, needed=post.needed,
                label=post.label, position=position,
            ))
    return Changes.of("roster")


def new_day(
    ctx: ServiceContext, site_id: str, day: dt.date, copy_from: dt.date | None = None
) -> RosterDayData:
    """A fresh (unsaved) day: the posts of the weekly template, or of `copy_from`'s day;
    presence from the agreements. Nothing is assigned yet."""
    if copy_from is not None:
        source = stored_day(ctx, site_id, copy_from)
        if source is None:
            raise NotFoundError(MSG_NO_ROSTER_DAY, site=site_id,
                                day=copy_from.isoformat())
        posts = [replace(p) for p in source.posts]
    else:
        posts = template_posts(ctx, site_id, day.weekday())
    return RosterDayData(site_id, day, posts=posts,
                         presence=expected_presence(ctx, site_id, day))


def templates_from_days(ctx: ServiceContext, site_id: str, until: dt.date) -> Changes:
    """Make each weekday's template the posts of the site's latest such day up to `until`.

    For a site that has planned by hand so far (or the demo): its usual week, as planned.
    """
    changes = Changes()
    with ctx.db.session() as session:
        days = session.exec(
            select(RosterDay.day)
            .where(RosterDay.site_id == site_id, RosterDay.day <= until)
            .order_by(col(RosterDay.day).desc())
        ).all()
    latest: dict[int, dt.date] = {}
    for day in days:
        latest.setdefault(day.weekday(), day)
    for weekday, day in sorted(latest.items()):
        data = stored_day(ctx, site_id, day)
        if data is not None:
            changes |= save_template(ctx, site_id, weekday, data.posts)
    return changes


def post_problems(ctx: ServiceContext, data: RosterDayData, post: PostData) -> list[Problem]:
    """What adding `post` to the day would break (its times, task, a key used twice)."""
    added = replace(data, posts=[*data.posts, post])
    with ctx.db.session() as session:
        tasks = task_facts(session)
    # The workers do not matter for a post's own rules: check the posts alone.
    before = {p.text() for p in check_roster_day(replace(data, presence=[], assignments=[]),
                                                 {}, tasks)}
    return [p for p in check_roster_day(replace(added, presence=[], assignments=[]), {}, tasks)
            if p.text() not in before]


def free_post_key(data: RosterDayData, task: str) -> str:
    """A key for a new post, unique within the day: the task code, numbered if needed."""
    taken = {p.key for p in data.posts}
    if task not in taken:
        return task
    number = 2
    while f"{task}-{number}" in taken:
        number += 1
    return f"{task}-{number}"
