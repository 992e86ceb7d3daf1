"""Coverage is the true optimum: compared with exhaustive search on small random days."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest

from tests.core.roster.days import TASKS, as_day, day_input, facts_of, worker
from zorgkoppel.core.roster.eligibility import eligible_pairs
from zorgkoppel.core.roster.problem import Candidate, PlanInput
from zorgkoppel.core.roster.solver import solve_day
from zorgkoppel.core.rules.roster import AssignmentData, PostData, check_roster_day

LEVELS = ("independent", "independent", "with_companion", "learning")


def random_day(rng: random.Random) -> PlanInput:
    posts = []
    for i in range(rng.randint(1, 6)):
        start = rng.randint(8, 15)
        end = rng.randint(start + 1, min(start + 4, 17))
        posts.append(PostData(f"p{i}", rng.choice(list(TASKS)), dt.time(start), dt.time(end),
                              rng.randint(1, 3)))
    candidates: list[Candidate] = []
    for i in range(rng.randint(1, 8)):
        skills = {task: rng.choice(LEVELS) for task in TASKS if rng.random() < 0.6}
        start = rng.choice([None, "10:00", "12:00"])
        end = rng.choice([None, "13:00", "16:00"])
        candidates.append(worker(
            f"w{i}", skills, licence=rng.random() < 0.6, dutch=rng.choice([None, "A2", "B1"]),
            start=start, end=end, preferences={rng.choice(list(TASKS)): rng.choice([-2, -1, 1])},
        ))
    return day_input(posts, candidates)


def brute_force_coverage(problem: PlanInput) -> int:
    """Try every way to give each worker a set of non-overlapping posts it may take.

    Only independents count, so learners can be left out. The states reached after each
    worker (places filled per post, capped at `needed`) are kept exhaustively.
    """
    posts = {p.key: p for p in problem.posts}
    eligible: dict[str, list[str]] = {}
    for pair in eligible_pairs(problem.posts, problem.candidates, problem.tasks):
        if pair.independent:
            eligible.setdefault(pair.worker_id, []).append(pair.post_key)
    keys = [p.key for p in problem.posts]
    states = {tuple(0 for _ in keys)}
    for options in eligible.values():
        choices = []
        for size in range(len(options) + 1):
            for chosen in itertools.combinations(options, size):
                windows = sorted((posts[k].start, posts[k].end) for k in chosen)
                if all(a[1] <= b[0] for a, b in itertools.pairwise(windows)):  # type: ignore[operator]
                    choices.append(chosen)
        states = {
            tuple(min(c + (k in chosen), posts[k].needed) for c, k in zip(state, keys,
                                                                          strict=True))
            for state in states
            for chosen in choices
        }
    return max(sum(state) for state in states)


@pytest.mark.parametrize("seed", range(60))
def test_coverage_equals_exhaustive_search(seed: int) -> None:
    problem = random_day(random.Random(seed))
    plan = solve_day(problem)
    assert plan.filled == brute_force_coverage(problem)
    stored = [AssignmentData(a.post_key, a.worker_id) for a in plan.assignments]
    assert check_roster_day(as_day(problem, stored), facts_of(problem), TASKS) == []
    missing = sum(u.missing for u in plan.unfilled)
    assert plan.filled + missing == plan.needed
