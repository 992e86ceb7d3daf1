"""Small roster days built in code, for the solver tests."""

from __future__ import annotations

import datetime as dt

from zorgkoppel.core.roster.problem import Candidate, PlanInput
from zorgkoppel.core.rules.roster import (
    AssignmentData,
    PostData,
    PresenceData,
    RosterDayData,
    TaskFacts,
    WorkerFacts,
)

TASKS = {
    "kitchen": TaskFacts(),
    "driver": TaskFacts(needs_licence=True),
    "reception": TaskFacts(min_dutch_level="B1"),
}


def t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def post(key: str, task: str = "kitchen", start: str = "09:00", end: str = "12:00",
         needed: int = 1, label: str | None = None) -> PostData:
    return PostData(key, task, t(start), t(end), needed, label)


def worker(worker_id: str, skills: dict[str, str] | None = None, *, licence: bool = False,
           dutch: str | None = "B2", start: str | None = None, end: str | None = None,
           preferences: dict[str, int] | None = None,
           disliked_recently: dict[str, int] | None = None) -> Candidate:
    return Candidate(
        worker_id=worker_id,
        name=worker_id.title(),
        facts=WorkerFacts(licence, dutch, skills if skills is not None else
                          {"kitchen": "independent"}),
        start=t(start) if start else None,
        end=t(end) if end else None,
        preferences=preferences or {},
        disliked_recently=disliked_recently or {},
    )


def day_input(posts: list[PostData], candidates: list[Candidate], **extra: object) -> PlanInput:
    return PlanInput(posts=posts, candidates=candidates, tasks=TASKS, **extra)  # type: ignore[arg-type]


def as_day(problem: PlanInput, assignments: list[AssignmentData]) -> RosterDayData:
    """The plan as a roster day, to check it against the shared rules."""
    return RosterDayData(
        site_id="site",
        day=dt.date(2024, 10, 7),
        posts=problem.posts,
        presence=[PresenceData(c.worker_id, "present", c.start, c.end)
                  for c in problem.candidates],
        assignments=assignments,
    )


def facts_of(problem: PlanInput) -> dict[str, WorkerFacts]:
    return {c.worker_id: c.facts for c in problem.candidates}
