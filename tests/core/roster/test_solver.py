"""The solver keeps every hard rule, keeps pinned work, explains itself, and re-plans gently."""

from __future__ import annotations

import pytest

from tests.core.roster.days import TASKS, as_day, day_input, facts_of, post, worker
from zorgkoppel.core.roster import reasons
from zorgkoppel.core.roster.solver import Plan, PlanningError, solve_day
from zorgkoppel.core.rules.roster import AssignmentData, check_roster_day


def placed(plan: Plan) -> set[tuple[str, str]]:
    return {(a.post_key, a.worker_id) for a in plan.assignments}


def solve_checked(problem):  # type: ignore[no-untyped-def]
    plan = solve_day(problem)
    stored = [AssignmentData(a.post_key, a.worker_id, a.pinned) for a in plan.assignments]
    assert check_roster_day(as_day(problem, stored), facts_of(problem), TASKS) == []
    return plan


def test_fills_every_place_it_can() -> None:
    plan = solve_checked(day_input(
        [post("k1", needed=2), post("k2", start="13:00", end="15:00")],
        [worker("ann"), worker("bob")],
    ))
    assert plan.filled == 3 and plan.needed == 3
    assert placed(plan) == {("k1", "ann"), ("k1", "bob"), ("k2", "ann")} or placed(plan) == {
        ("k1", "ann"), ("k1", "bob"), ("k2", "bob")}
    assert plan.unfilled == []


def test_never_more_independents_than_needed() -> None:
    plan = solve_checked(day_input([post("k")], [worker("ann"), worker("bob")]))
    assert len(plan.assignments) == 1


def test_worker_must_be_present_for_the_whole_post() -> None:
    plan = solve_checked(day_input([post("k", start="09:00", end="12:00")],
                                   [worker("ann", start="10:00")]))
    assert plan.assignments == []
    [gap] = plan.unfilled
    assert gap.missing == 1
    assert gap.reason.message == reasons.NOT_PRESENT
    assert gap.reason.text() == (
        "nobody present with the skill 'kitchen' between 09:00 and 12:00")


def test_worker_needs_the_skill() -> None:
    plan = solve_checked(day_input([post("k")], [worker("ann", {"driver": "independent"})]))
    assert plan.assignments == []
    assert plan.unfilled[0].reason.message == reasons.NO_SKILL


def test_driving_needs_a_licence() -> None:
    problem = day_input([post("r", "driver", label="Route Noord")],
                        [worker("ann", {"driver": "independent"}),
                         worker("bob", {"driver": "independent"}, licence=True)])
    assert placed(solve_checked(problem)) == {("r", "bob")}
    alone = day_input(problem.posts, problem.candidates[:1])
    assert solve_checked(alone).unfilled[0].reason.message == reasons.NO_LICENCE


def test_reception_needs_the_dutch_level() -> None:
    skills = {"reception": "independent"}
    problem = day_input([post("r", "reception")],
                        [worker("ann", skills, dutch="A2"), worker("bob", skills, dutch=None)])
    plan = solve_checked(problem)
    assert plan.assignments == []
    assert plan.unfilled[0].reason.message == reasons.NO_DUTCH
    assert plan.unfilled[0].reason.params["level"] == "B1"


def test_no_worker_on_two_overlapping_posts() -> None:
    plan = solve_checked(day_input(
        [post("a", start="09:00", end="11:00"), post("b", start="10:30", end="12:00"),
         post("c", start="11:00", end="13:00")],
        [worker("ann")],
    ))
    # a and c touch but do not overlap; b overlaps both.
    assert placed(plan) == {("a", "ann"), ("c", "ann")}
    [gap] = plan.unfilled
    assert gap.post_key == "b" and gap.reason.message == reasons.BUSY
    assert gap.reason.params["names"] == "Ann"


def test_learner_only_next_to_an_independent_colleague_and_not_counted() -> None:
    learner = worker("lea", {"kitchen": "learning"})
    alone = solve_checked(day_input([post("k")], [learner]))
    assert alone.assignments == [] and alone.filled == 0

    plan = solve_checked(day_input([post("k")], [learner, worker("ann")]))
    assert placed(plan) == {("k", "ann"), ("k", "lea")}
    assert plan.filled == 1
    by_worker = {a.worker_id: a.reason for a in plan.assignments}
    assert by_worker["lea"].text() == "learns next to Ann"


def test_learners_never_take_a_place_from_coverage() -> None:
    # One independent, two posts at the same time: the learner cannot fill the second.
    plan = solve_checked(day_input(
        [post("a"), post("b")],
        [worker("ann"), worker("lea", {"kitchen": "with_companion"})],
    ))
    assert plan.filled == 1
    assert len(plan.unfilled) == 1


def test_pinned_assignments_are_kept() -> None:
    problem = day_input(
        [post("k")],
        [worker("ann", preferences={"kitchen": 2}), worker("bob")],
        current=[AssignmentData("k", "bob", pinned=True)],
    )
    plan = solve_checked(problem)
    assert placed(plan) == {("k", "bob")}
    assert plan.assignments[0].pinned
    assert plan.assignments[0].reason.message == reasons.PINNED


def test_pinned_learner_gets_a_colleague() -> None:
    problem = day_input(
        [post("r", "driver", label="Route Zuid")],
        [worker("lea", {"driver": "with_companion"}, licence=True),
         worker("bob", {"driver": "independent"}, licence=True)],
        current=[AssignmentData("r", "lea", pinned=True)],
    )
    assert placed(solve_checked(problem)) == {("r", "lea"), ("r", "bob")}


def test_pinned_assignment_that_breaks_a_rule_is_refused() -> None:
    problem = day_input([post("k")], [worker("ann", {"driver": "independent"})],
                        current=[AssignmentData("k", "ann", pinned=True)])
    with pytest.raises(PlanningError):
        solve_day(problem)


def test_preferences_come_after_coverage() -> None:
    problem = day_input(
        [post("k"), post("r", "reception")],
        [worker("ann", {"kitchen": "independent", "reception": "independent"},
                preferences={"kitchen": 2}),
         worker("bob", preferences={"kitchen": -1})],
    )
    plan = solve_checked(problem)
    # Ann would rather cook, but only she can do reception: both places filled first.
    assert placed(plan) == {("k", "bob"), ("r", "ann")}

    liked = solve_checked(day_input(
        [post("k")], [worker("bob"), worker("ann", preferences={"kitchen": 1})]))
    assert placed(liked) == {("k", "ann")}
    assert liked.assignments[0].reason.message == reasons.PREFERS


def test_disliked_task_goes_to_whoever_had_it_least() -> None:
    plan = solve_checked(day_input(
        [post("k")],
        [worker("ann", preferences={"kitchen": -1}, disliked_recently={"kitchen": 5}),
         worker("bob", preferences={"kitchen": -1}, disliked_recently={"kitchen": 1})],
    ))
    assert placed(plan) == {("k", "bob")}


def test_route_stays_with_yesterdays_driver() -> None:
    skills = {"driver": "independent"}
    plan = solve_checked(day_input(
        [post("r", "driver", label="Route Noord")],
        [worker("ann", skills, licence=True), worker("bob", skills, licence=True)],
        yesterday_route={("driver", "Route Noord"): frozenset({"bob"})},
    ))
    assert placed(plan) == {("r", "bob")}
    assert plan.assignments[0].reason.text() == "had this route yesterday"


def test_replanning_after_a_late_absence_changes_as_little_as_possible() -> None:
    posts = [post(f"p{i}", start=f"{8 + i:02d}:00", end=f"{9 + i:02d}:00") for i in range(4)]
    everyone = [worker(name) for name in ("ann", "bob", "cas", "dee", "eve")]
    first = solve_checked(day_input(posts, everyone))
    assert first.filled == 4
    gone = first.assignments[0].worker_id
    current = [AssignmentData(a.post_key, a.worker_id) for a in first.assignments]
    remaining = [c for c in everyone if c.worker_id != gone]

    again = solve_checked(day_input(posts, remaining, current=current))
    lost = sum(1 for a in first.assignments if a.worker_id == gone)
    assert again.filled == 4
    # Each lost place is refilled by one newcomer; everything else stays as it was.
    assert again.changes == 2 * lost
    kept = placed(again) & {(a.post_key, a.worker_id) for a in current}
    assert len(kept) == len(current) - lost
    assert all(a.reason.message == reasons.KEPT for a in again.assignments
               if (a.post_key, a.worker_id) in kept)


def test_an_empty_day_solves_to_nothing() -> None:
    plan = solve_day(day_input([], []))
    assert plan.assignments == [] and plan.unfilled == [] and plan.filled == 0


def test_pinned_learner_without_any_colleague_is_reported() -> None:
    problem = day_input(
        [post("r", "driver", label="Route Zuid")],
        [worker("lea", {"driver": "with_companion"}, licence=True)],
        current=[AssignmentData("r", "lea", pinned=True)],
    )
    with pytest.raises(PlanningError) as caught:
        solve_day(problem)
    assert "pinned assignments leave no valid plan" in caught.value.text()


def test_replanning_still_adds_a_learner_next_to_a_kept_colleague() -> None:
    problem = day_input(
        [post("k")],
        [worker("ann"), worker("lea", {"kitchen": "learning"})],
        current=[AssignmentData("k", "ann")],
    )
    plan = solve_checked(problem)
    assert placed(plan) == {("k", "ann"), ("k", "lea")}
    assert plan.changes == 1
