"""check_roster_day on whole days, without a database."""

from __future__ import annotations

import datetime as dt

from zorgkoppel.core.rules.roster import (
    AssignmentData,
    PostData,
    PresenceData,
    RosterDayData,
    TaskFacts,
    WorkerFacts,
    check_roster_day,
    places_filled,
)

TASKS = {"driver": TaskFacts(needs_licence=True, min_dutch_level="A2"),
         "kitchen": TaskFacts()}
WORKERS = {
    "ali": WorkerFacts(True, "B1", {"driver": "independent", "kitchen": "independent"}),
    "bo": WorkerFacts(True, "A2", {"driver": "learning"}),
    "cas": WorkerFacts(False, None, {"kitchen": "with_companion"}),
}


def t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def day(*assignments: tuple[str, str], presence: list[PresenceData] | None = None
        ) -> RosterDayData:
    return RosterDayData(
        site_id="site",
        day=dt.date(2024, 10, 7),
        posts=[PostData("route", "driver", t("07:30"), t("09:30"), 1),
               PostData("kitchen", "kitchen", t("09:00"), t("13:00"), 2)],
        presence=presence if presence is not None else [
            PresenceData(w, "present") for w in WORKERS],
        assignments=[AssignmentData(post, worker) for post, worker in assignments],
    )


def fields(problems: list) -> list[str]:
    return [p.field for p in problems]


def test_a_valid_day_has_no_problems() -> None:
    plan = day(("route", "ali"), ("route", "bo"), ("kitchen", "cas"), ("kitchen", "ali"))
    # ali drives until 09:30 and cannot also be in the kitchen from 09:00.
    assert fields(check_roster_day(plan, WORKERS, TASKS)) == ["assignments[3].worker"]
    plan.posts[1].start = t("09:30")
    assert check_roster_day(plan, WORKERS, TASKS) == []


def test_learners_count_only_next_to_an_independent_colleague() -> None:
    alone = day(("route", "bo"))
    [problem] = check_roster_day(alone, WORKERS, TASKS)
    assert problem.field == "assignments[0].worker"
    assert problem.params == {"worker": "bo", "task": "driver"}


def test_places_filled_counts_only_independent_workers() -> None:
    plan = day(("route", "ali"), ("route", "bo"), ("kitchen", "cas"))
    assert places_filled(plan, WORKERS) == {"route": 1, "kitchen": 0}


def test_presence_without_times_means_the_whole_day() -> None:
    partial = [PresenceData("ali", "present", t("08:00"), None)]
    assert fields(check_roster_day(day(("route", "ali"), presence=partial), WORKERS, TASKS)) == [
        "assignments[0].worker"]
    whole = [PresenceData("ali", "present", None, t("09:30"))]
    assert check_roster_day(day(("route", "ali"), presence=whole), WORKERS, TASKS) == []


def test_unknown_workers_tasks_and_site() -> None:
    plan = day(("route", "zed"))
    plan.posts.append(PostData("x", "flying", t("10:00"), t("11:00")))
    plan.presence.append(PresenceData("ghost", "present"))
    problems = check_roster_day(plan, WORKERS, TASKS, site_exists=lambda key: False)
    assert fields(problems) == ["site", "posts[2].task", "presence[3].worker",
                                "assignments[0].worker"]


def test_assignment_to_a_broken_post_is_not_reported_twice() -> None:
    plan = day(("route", "ali"))
    plan.posts[0].end = None
    assert fields(check_roster_day(plan, WORKERS, TASKS)) == ["posts[0].to"]


def test_same_worker_twice_on_one_post() -> None:
    plan = day(("kitchen", "ali"), ("kitchen", "ali"))
    [problem] = check_roster_day(plan, WORKERS, TASKS)
    assert problem.field == "assignments[1].worker"
    assert problem.text() == "worker ali is already on post 'kitchen'"


def test_missing_site_and_date() -> None:
    plan = RosterDayData(site_id="", day=None)
    assert fields(check_roster_day(plan, WORKERS, TASKS)) == ["site", "date"]
