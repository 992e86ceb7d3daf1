"""Rules for a site's roster day: posts, presence and who is placed on which post.

`check_roster_day` checks a whole day at once and knows nothing of the database: the facts
about workers and tasks are passed in, so the importer, the roster service and the planner
(which calls it for every manual move) share one definition of a valid day.

Decisions beyond EXCHANGE.md:
- a post needs at least one person (`needed` >= 1): a post nobody is needed for is deleted,
  not kept with 0; more people than needed is allowed (an extra pair of hands is no error);
- presence without `from`/`to` means from the start or until the end of the day;
- a post's `from` must be strictly before its `to`, and so must a presence's when both are given.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from zorgkoppel.core.codes import PRESENCE_STATUSES, dutch_level_rank
from zorgkoppel.core.errors import Problem, Problems
from zorgkoppel.core.rules.values import MSG_REQUIRED, check_code, require_text
from zorgkoppel.i18n import N_

MSG_NO_WORKER = N_("no worker with id {key}")
MSG_NOT_AFTER_START = N_("must be later than the start")
MSG_NEEDS_COLLEAGUE = N_(
    "worker {worker} is not independent on '{task}' and needs an independent colleague on "
    "the same post"
)


MSG_OVERLAP = N_("worker {worker} is also on post '{other}' at the same time")

@dataclass
class PostData:
    """A place to fill; `key` is the post's id within its day."""

    key: str
    task: str
    start: dt.time | None
    end: dt.time | None
    needed: int = 1
    label: str | None = None


@dataclass
class PresenceData:
    worker_id: str
    status: str
    start: dt.time | None = None
    end: dt.time | None = None


@dataclass
class AssignmentData:
    post_key: str
    worker_id: str
    pinned: bool = False


@dataclass
class RosterDayData:
    site_id: str
    day: dt.date | None
    posts: list[PostData] = field(default_factory=list)
    presence: list[PresenceData] = field(default_factory=list)
    assignments: list[AssignmentData] = field(default_factory=list)
    review: str | None = None


@dataclass(frozen=True)
class WorkerFacts:
    """What the roster rules need to know about a worker; `skills` maps task code to level."""

    driving_licence: bool = False
    dutch_level: str | None = None
    skills: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TaskFacts:
    needs_licence: bool = False
    min_dutch_level: str | None = None


def check_roster_day(
    day: RosterDayData,
    workers: Mapping[str, WorkerFacts],
    tasks: Mapping[str, TaskFacts],
    *,
    site_exists: Callable[[str], bool] | None = None,
) -> list[Problem]:
    """Every problem of the day, named by its path within the day (`assignments[2].worker`).

    `workers` must hold every worker the day mentions (unknown ones are reported);
    `site_exists` is skipped when None, for callers that already know the site.
    """
    problems = Problems()
    if not day.site_id:
        problems.add("site", MSG_REQUIRED)
    elif site_exists is not None and not site_exists(day.site_id):
        problems.add("site", N_("no organisation with id {key}"), key=day.site_id)
    if day.day is None:
        problems.add("date", MSG_REQUIRED)
    posts = _check_posts(problems, day.posts, tasks)
    presence = _check_presence(problems, day.presence, workers)
    _check_assignments(problems, day.assignments, posts, presence, workers, tasks)
    return problems.items


def places_filled(day: RosterDayData, workers: Mapping[str, WorkerFacts]) -> dict[str, int]:
    """Per post key, how many assigned workers count toward `needed`: the independent ones."""
    task_of = {post.key: post.task for post in day.posts}
    filled = dict.fromkeys(task_of, 0)
    for assignment in day.assignments:
        task = task_of.get(assignment.post_key)
        facts = workers.get(assignment.worker_id)
        if task is not None and facts is not None and facts.skills.get(task) == "independent":
            filled[assignment.post_key] += 1
    return filled


def _check_posts(
    problems: Problems, posts: list[PostData], tasks: Mapping[str, TaskFacts]
) -> dict[str, PostData | None]:
    """Every post key; None for a post too broken (task, times) to check assignments on."""
    valid: dict[str, PostData | None] = {}
    seen: set[str] = set()
    for i, post in enumerate(posts):
        where = f"posts[{i}]"
        require_text(problems, f"{where}.id", post.key, 64)
        if post.key in seen:
            problems.add(f"{where}.id", N_("post id '{key}' appears twice"), key=post.key)
        seen.add(post.key)
        if not post.task:
            problems.add(f"{where}.task", MSG_REQUIRED)
        elif post.task not in tasks:
            problems.add(f"{where}.task", N_("unknown task '{value}'"), value=post.task)
        _check_times(problems, where, post.start, post.end, required=True)
        if post.needed < 1:
            problems.add(f"{where}.needed", N_("must be at least 1"))
        usable = (
            post.task in tasks
            and post.start is not None
            and post.end is not None
            and post.start < post.end
        )
        if post.key not in valid:
            valid[post.key] = post if usable else None
    return valid


def _check_presence(
    problems: Problems, presence: list[PresenceData], workers: Mapping[str, WorkerFacts]
) -> dict[str, PresenceData]:
    by_worker: dict[str, PresenceData] = {}
    for i, row in enumerate(presence):
        where = f"presence[{i}]"
        if not row.worker_id:
            problems.add(f"{where}.worker", MSG_REQUIRED)
        elif row.worker_id not in workers:
            problems.add(f"{where}.worker", MSG_NO_WORKER, key=row.worker_id)
        elif row.worker_id in by_worker:
            problems.add(f"{where}.worker", N_("worker {key} appears twice"), key=row.worker_id)
        else:
            by_worker[row.worker_id] = row
        check_code(problems, f"{where}.status", row.status, PRESENCE_STATUSES)
        _check_times(problems, where, row.start, row.end, required=False)
    return by_worker


def _check_times(
    problems: Problems, where: str, start: dt.time | None, end: dt.time | None, required: bool
) -> None:
    if required:
        if start is None:
            problems.add(f"{where}.from", MSG_REQUIRED)
        if end is None:
            problems.add(f"{where}.to", MSG_REQUIRED)
    if start is not None and end is not None and end <= start:
        problems.add(f"{where}.to", MSG_NOT_AFTER_START)


def _check_assignments(
    problems: Problems,
    assignments: list[AssignmentData],
    posts: Mapping[str, PostData | None],
    presence: Mapping[str, PresenceData],
    workers: Mapping[str, WorkerFacts],
    tasks: Mapping[str, TaskFacts],
) -> None:
    placed: dict[str, list[PostData]] = defaultdict(list)
    on_post: dict[str, list[str]] = defaultdict(list)
    for i, assignment in enumerate(assignments):
        where = f"assignments[{i}]"
        post = posts.get(assignment.post_key)
        if not assignment.post_key:
            problems.add(f"{where}.post", MSG_REQUIRED)
        elif assignment.post_key not in posts:
            problems.add(f"{where}.post", N_("no post with id '{key}' on this day"),
                         key=assignment.post_key)
        worker_id = assignment.worker_id
        facts = workers.get(worker_id)
        if not worker_id:
            problems.add(f"{where}.worker", MSG_REQUIRED)
            continue
        if facts is None:
            problems.add(f"{where}.worker", MSG_NO_WORKER, key=worker_id)
            continue
        if post is None:
            continue
        if worker_id in on_post[post.key]:
            problems.add(f"{where}.worker", N_("worker {worker} is already on post '{post}'"),
                         worker=worker_id, post=post.key)
            continue
        on_post[post.key].append(worker_id)
        _check_worker_fits(problems, f"{where}.worker", worker_id, facts, post,
                           presence.get(worker_id), tasks[post.task])
        for other in placed[worker_id]:
            if other.start < post.end and post.start < other.end:  # type: ignore[operator]
                problems.add(
                    f"{where}.worker",
                    MSG_OVERLAP,
                    worker=worker_id,
                    other=other.key,
                )
        placed[worker_id].append(post)

    # A worker who is not independent on the task learns next to one who is.
    checked: set[tuple[str, str]] = set()
    for i, assignment in enumerate(assignments):
        post = posts.get(assignment.post_key)
        facts = workers.get(assignment.worker_id)
        pair = (assignment.post_key, assignment.worker_id)
        if post is None or facts is None or pair in checked:
            continue
        checked.add(pair)
        level = facts.skills.get(post.task)
        if level is None or level == "independent":
            continue
        colleagues = (
            workers.get(other) for other in on_post[post.key] if other != assignment.worker_id
        )
        if not any(c is not None and c.skills.get(post.task) == "independent"
                   for c in colleagues):
            problems.add(
                f"assignments[{i}].worker",
                MSG_NEEDS_COLLEAGUE,
                worker=assignment.worker_id,
                task=post.task,
            )


def _check_worker_fits(
    problems: Problems,
    where: str,
    worker_id: str,
    facts: WorkerFacts,
    post: PostData,
    presence: PresenceData | None,
    task: TaskFacts,
) -> None:
    if presence is None or presence.status != "present":
        problems.add(where, N_("worker {worker} is not present that day"), worker=worker_id)
    elif (presence.start is not None and presence.start > post.start) or (  # type: ignore[operator]
        presence.end is not None and presence.end < post.end  # type: ignore[operator]
    ):
        problems.add(
            where,
            N_("worker {worker} is not present for the whole post ({start}–{end})"),
            worker=worker_id,
            start=post.start.strftime("%H:%M"),  # type: ignore[union-attr]
            end=post.end.strftime("%H:%M"),  # type: ignore[union-attr]
        )
    if post.task not in facts.skills:
        problems.add(where, N_("worker {worker} has no skill for task '{task}'"),
                     worker=worker_id, task=post.task)
    if task.needs_licence and not facts.driving_licence:
        problems.add(where, N_("task '{task}' needs a driving licence; worker {worker} has none"),
                     task=post.task, worker=worker_id)
    if task.min_dutch_level and dutch_level_rank(facts.dutch_level) < dutch_level_rank(
        task.min_dutch_level
    ):
        if facts.dutch_level is None:
            problems.add(
                where,
                N_("task '{task}' needs Dutch level {level}; worker {worker} has no known level"),
                task=post.task, level=task.min_dutch_level, worker=worker_id,
            )
        else:
            problems.add(
                where,
                N_("task '{task}' needs Dutch level {level}; worker {worker} has {actual}"),
                task=post.task, level=task.min_dutch_level, worker=worker_id,
                actual=facts.dutch_level,
            )
