"""What the planner needs to know about a day: posts, the workers present, their history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from zorgkoppel.core.rules.roster import AssignmentData, PostData, TaskFacts, WorkerFacts

# Posts of these tasks (and of any task needing a driving licence) are transport routes.
TRANSPORT_TASKS = frozenset({"driver", "bus_companion", "transport_escort"})


@dataclass(frozen=True)
class Candidate:
    """A worker the day may use: facts for the rules, and what the objective weighs.

    `start`/`end` None mean from the start or until the end of the day. `preferences` maps a
    task to -2 … +2; `disliked_recently` counts, per task, the worker's assignments to it in
    the last four weeks (fairness spreads disliked tasks by it).
    """

    worker_id: str
    name: str
    facts: WorkerFacts
    start: dt.time | None = None
    end: dt.time | None = None
    preferences: Mapping[str, int] = field(default_factory=dict)
    disliked_recently: Mapping[str, int] = field(default_factory=dict)


@dataclass
class PlanInput:
    """A day to plan. `current` is the plan as it stands (pinned ones are kept always).

    `yesterday_route` maps a (task, route label) of yesterday to the workers who took it,
    so a route can stay with yesterday's driver. `task_names` are the tasks' labels for the
    reasons (the code where missing).
    """

    posts: list[PostData]
    candidates: list[Candidate]
    tasks: Mapping[str, TaskFacts]
    current: list[AssignmentData] = field(default_factory=list)
    yesterday_route: Mapping[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    keep_current: bool = True
    task_names: Mapping[str, str] = field(default_factory=dict)

    def is_route(self, post: PostData) -> bool:
        task = self.tasks.get(post.task)
        return bool(post.label) and (
            post.task in TRANSPORT_TASKS or (task is not None and task.needs_licence)
        )
