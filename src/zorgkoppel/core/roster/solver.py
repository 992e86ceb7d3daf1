"""The day's optimal plan as a mixed-integer programme, solved stage by stage with HiGHS.

Variables: one binary per eligible (worker, post) pair; a pair whose worker is independent
on the task can count toward `needed`, any other is a learner's place. Constraints:
- per post, independents fill at most the places needed (more only when pinned so);
- per post, learners never outnumber independents (each learns next to a colleague);
- per worker and per maximal group of overlapping posts, at most one (clique form, so the
  LP relaxation is tight);
- pinned pairs are fixed to 1.
Objectives, lexicographic: each stage is solved to proven optimality, then held as a
constraint for the next: (a) places filled; then, when the day already has a plan, as many
of its assignments kept as possible (so as few changes as possible); (b) preferences;
(c) disliked tasks to whoever had them least in the last four weeks; (d) a route with
yesterday's driver; (e) learners placed.
Preferences and fairness weigh independent places only: where a learner goes is a training
choice, not a matter of taste.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.core.roster import reasons
from zorgkoppel.core.roster.cliques import overlap_cliques
from zorgkoppel.core.roster.eligibility import Pair, eligible_pairs, why_unfilled
from zorgkoppel.core.roster.problem import PlanInput
from zorgkoppel.core.roster.reasons import Reason
from zorgkoppel.i18n import N_

STAGES = ("coverage", "changes", "preferences", "fairness", "routes", "learners")
TIME_LIMIT_SECONDS = 30.0


class PlanningError(ZorgkoppelError):
    """The fixed part of the day (pinned assignments) leaves no valid plan."""


@dataclass(frozen=True)
class PlannedAssignment:
    post_key: str
    worker_id: str
    pinned: bool
    reason: Reason


@dataclass(frozen=True)
class UnfilledPlace:
    post_key: str
    missing: int
    reason: Reason


@dataclass
class Plan:
    assignments: list[PlannedAssignment]
    unfilled: list[UnfilledPlace]
    filled: int  # places counted toward `needed`, the optimum of stage (a)
    needed: int
    changes: int  # assignments added or removed compared with the current plan
    seconds: dict[str, float] = field(default_factory=dict)  # solver time per stage


@contextlib.contextmanager
def _banner_hidden() -> Iterator[None]:
    """HiGHS prints its banner straight to file descriptor 1 (before any option can stop it),
    which would spoil `roster suggest --json`; send that descriptor to nowhere meanwhile."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no stdout at all (a windowed build): nothing to protect
        yield
        return
    try:
        with open(os.devnull, "wb") as nowhere:
            os.dup2(nowhere.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


class _Model:
    """A thin layer over highspy: binaries, rows, and a stage objective to maximise."""

    def __init__(self, count: int) -> None:
        import highspy
        import numpy as np

        self.np = np
        with _banner_hidden():
            self.highs = highspy.Highs()
        self.highs.setOptionValue("output_flag", False)
        self.highs.setOptionValue("mip_rel_gap", 0.0)
        self.highs.setOptionValue("time_limit", TIME_LIMIT_SECONDS)
        self.count = count
        self.optimal = highspy.HighsModelStatus.kOptimal
        self.maximize = highspy.ObjSense.kMaximize
        if count:
            self.highs.addVars(count, np.zeros(count), np.ones(count))
            self.highs.changeColsIntegrality(
                count, np.arange(count, dtype=np.int32),
                np.full(count, highspy.HighsVarType.kInteger),
            )

    def add_row(self, lower: float, upper: float, terms: dict[int, float]) -> None:
        np = self.np
        indices = np.array(list(terms), dtype=np.int32)
        values = np.array(list(terms.values()), dtype=np.float64)
        self.highs.addRow(lower, upper, len(indices), indices, values)

    def fix(self, index: int) -> None:
        self.highs.changeColBounds(index, 1.0, 1.0)

    def maximise(self, costs: dict[int, float]) -> tuple[float, list[float]]:
        np = self.np
        weights = np.zeros(self.count)
        for index, cost in costs.items():
            weights[index] = cost
        self.highs.changeColsCost(self.count, np.arange(self.count, dtype=np.int32), weights)
        self.highs.changeObjectiveSense(self.maximize)
        self.highs.run()
        if self.highs.getModelStatus() != self.optimal:
            raise PlanningError(
                N_("The pinned assignments leave no valid plan for this day; unpin one and "
                   "try again.")
            )
        value = float(self.highs.getInfo().objective_function_value)
        solution = list(self.highs.getSolution().col_value)
        # Stages are integer-valued: hold this optimum (with room for rounding) from now on.
        self.add_row(value - 0.5, self.highs.getInfinity(), costs)
        return value, solution


def solve_day(problem: PlanInput) -> Plan:
    """The best plan for the day; raises PlanningError when the pinned ones cannot stand."""
    posts = {p.key: p for p in problem.posts}
    by_id = {c.worker_id: c for c in problem.candidates}
    pairs = eligible_pairs(problem.posts, problem.candidates, problem.tasks)
    index = {(p.worker_id, p.post_key): i for i, p in enumerate(pairs)}
    pinned = {(a.worker_id, a.post_key) for a in problem.current if a.pinned}
    current = {(a.worker_id, a.post_key) for a in problem.current}
    for key in pinned:
        if key not in index:
            raise PlanningError(
                N_("The pinned assignment of worker {worker} to post '{post}' breaks a rule."),
                worker=key[0], post=key[1],
            )
    model = _Model(len(pairs))
    _add_constraints(model, problem, pairs, pinned)
    for key in pinned:
        model.fix(index[key])

    stage_costs = _stage_costs(problem, pairs, current - pinned)
    seconds: dict[str, float] = {}
    solution = [0.0] * len(pairs)
    for stage in STAGES:
        costs = stage_costs[stage]
        if not costs or not pairs:
            continue
        started = time.perf_counter()
        _value, solution = model.maximise(costs)
        seconds[stage] = time.perf_counter() - started

    chosen = [pair for pair, value in zip(pairs, solution, strict=True) if value > 0.5]
    return _explain(problem, posts, by_id, pairs, chosen, pinned, current, seconds)


def _add_constraints(
    model: _Model, problem: PlanInput, pairs: Sequence[Pair], pinned: set[tuple[str, str]]
) -> None:
    on_post: dict[str, list[int]] = defaultdict(list)
    learners_on: dict[str, list[int]] = defaultdict(list)
    of_worker: dict[str, list[int]] = defaultdict(list)
    for i, pair in enumerate(pairs):
        (on_post if pair.independent else learners_on)[pair.post_key].append(i)
        of_worker[pair.worker_id].append(i)
    for post in problem.posts:
        independents = on_post.get(post.key, [])
        pinned_here = sum(1 for i in independents if (pairs[i].worker_id, post.key) in pinned)
        if len(independents) > post.needed:
            model.add_row(0.0, float(max(post.needed, pinned_here)),
                          dict.fromkeys(independents, 1.0))
        learners = learners_on.get(post.key, [])
        if learners:
            terms = dict.fromkeys(learners, 1.0) | dict.fromkeys(independents, -1.0)
            model.add_row(-model.highs.getInfinity(), 0.0, terms)
    posts = {p.key: p for p in problem.posts}
    for indices in of_worker.values():
        by_post = {pairs[i].post_key: i for i in indices}
        windows = [(k, posts[k].start, posts[k].end) for k in by_post]
        for clique in overlap_cliques(windows):  # type: ignore[arg-type]
            model.add_row(0.0, 1.0, {by_post[k]: 1.0 for k in clique})


def _stage_costs(
    problem: PlanInput, pairs: Sequence[Pair], current: set[tuple[str, str]]
) -> dict[str, dict[int, float]]:
    posts = {p.key: p for p in problem.posts}
    by_id = {c.worker_id: c for c in problem.candidates}
    costs: dict[str, dict[int, float]] = {stage: {} for stage in STAGES}
    for i, pair in enumerate(pairs):
        post = posts[pair.post_key]
        candidate = by_id[pair.worker_id]
        if pair.independent:
            costs["coverage"][i] = 1.0
            preference = candidate.preferences.get(post.task, 0)
            if preference:
                costs["preferences"][i] = float(preference)
            if preference < 0 and candidate.disliked_recently.get(post.task, 0):
                costs["fairness"][i] = -float(candidate.disliked_recently[post.task])
        else:
            costs["learners"][i] = 1.0
        if problem.keep_current and (pair.worker_id, pair.post_key) in current:
            # With the independents' number fixed by stage (a), keeping the most current
            # assignments also adds the fewest; learners may still join in stage (e).
            costs["changes"][i] = 1.0
        if problem.is_route(post) and pair.worker_id in problem.yesterday_route.get(
            (post.task, post.label or ""), frozenset()
        ):
            costs["routes"][i] = 1.0
    return costs


def _explain(
    problem: PlanInput,
    posts: dict,
    by_id: dict,
    pairs: Sequence[Pair],
    chosen: Sequence[Pair],
    pinned: set[tuple[str, str]],
    current: set[tuple[str, str]],
    seconds: dict[str, float],
) -> Plan:
    independents: dict[str, list[str]] = defaultdict(list)
    for pair in chosen:
        if pair.independent:
            independents[pair.post_key].append(pair.worker_id)
    order = {p.key: i for i, p in enumerate(problem.posts)}
    assignments: list[PlannedAssignment] = []
    for pair in sorted(chosen, key=lambda p: (order[p.post_key], not p.independent,
                                              by_id[p.worker_id].name)):
        key = (pair.worker_id, pair.post_key)
        post = posts[pair.post_key]
        candidate = by_id[pair.worker_id]
        if key in pinned:
            reason = Reason(reasons.PINNED)
        elif problem.keep_current and key in current:
            reason = Reason(reasons.KEPT)
        elif not pair.independent:
            colleague = by_id[independents[pair.post_key][0]].name
            reason = Reason(reasons.LEARNS, {"colleague": colleague})
        elif problem.is_route(post) and pair.worker_id in problem.yesterday_route.get(
            (post.task, post.label or ""), frozenset()
        ):
            reason = Reason(reasons.ROUTE)
        elif candidate.preferences.get(post.task, 0) > 0:
            reason = Reason(reasons.PREFERS)
        else:
            reason = Reason(reasons.FREE)
        assignments.append(PlannedAssignment(pair.post_key, pair.worker_id, key in pinned,
                                             reason))
    unfilled: list[UnfilledPlace] = []
    filled = 0
    for post in problem.posts:
        count = len(independents.get(post.key, []))
        filled += min(count, post.needed)
        if count >= post.needed:
            continue
        elsewhere = sorted(
            by_id[p.worker_id].name for p in pairs
            if p.post_key == post.key and p.independent
            and p.worker_id not in independents.get(post.key, [])
        )
        reason = why_unfilled(post, problem.candidates, problem.tasks[post.task],
                              independents.get(post.key, []), elsewhere,
                              problem.task_names.get(post.task, post.task))
        unfilled.append(UnfilledPlace(post.key, post.needed - count, reason))
    chosen_keys = {(p.worker_id, p.post_key) for p in chosen}
    return Plan(
        assignments=assignments,
        unfilled=unfilled,
        filled=filled,
        needed=sum(p.needed for p in problem.posts),
        changes=len(chosen_keys ^ current),
        seconds=seconds,
    )
