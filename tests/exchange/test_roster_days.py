"""Every roster assignment rule of EXCHANGE.md, checked on import with its path."""

from __future__ import annotations

from typing import Any

import pytest

from tests.exchange.support import messages_at, refused
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.exchange.importer import import_exchange

ASSIGNMENT = "roster_days[0].assignments[1].worker"


@pytest.fixture
def day(example: dict[str, Any]) -> dict[str, Any]:
    """The example's day with a second worker, Els: independent driver with licence, B2."""
    example["workers"].append(
        {"id": "w-2", "first_name": "Els", "last_name": "Maes", "employer": "org-lde",
         "programme": "local_services", "dutch_level": "B2", "driving_licence": True,
         "skills": [{"task": "driver", "level": "independent"},
                    {"task": "laundry", "level": "learning"}]}
    )
    example["roster_days"][0]["presence"].append(
        {"worker": "w-2", "status": "present", "from": "07:00", "to": "15:00"})
    return example


def assign(document: dict[str, Any], post: str, worker: str) -> None:
    document["roster_days"][0]["assignments"].append({"post": post, "worker": worker})


def test_independent_driver_is_accepted(ctx: ServiceContext, day: dict[str, Any]) -> None:
    assign(day, "r-n", "w-2")
    assert import_exchange(ctx, day).created["roster_days"] == 1


def test_learner_next_to_an_independent_colleague_is_accepted(
    ctx: ServiceContext, day: dict[str, Any]
) -> None:
    assign(day, "r-n", "w-2")
    assign(day, "r-n", "w-1")  # with_companion on driver
    assert import_exchange(ctx, day).created["roster_days"] == 1


def test_learner_without_an_independent_colleague(
    ctx: ServiceContext, day: dict[str, Any]
) -> None:
    assign(day, "r-n", "w-1")
    assert messages_at(refused(ctx, day), ASSIGNMENT) == [
        "worker w-1 is not independent on 'driver' and needs an independent colleague on the "
        "same post"]


def test_absent_worker(ctx: ServiceContext, day: dict[str, Any]) -> None:
    day["roster_days"][0]["presence"][1]["status"] = "sick"
    assign(day, "r-n", "w-2")
    assert messages_at(refused(ctx, day), ASSIGNMENT) == ["worker w-2 is not present that day"]


def test_worker_missing_from_presence(ctx: ServiceContext, day: dict[str, Any]) -> None:
    del day["roster_days"][0]["presence"][1]
    assign(day, "r-n", "w-2")
    assert messages_at(refused(ctx, day), ASSIGNMENT) == ["worker w-2 is not present that day"]


def test_partial_presence(ctx: ServiceContext, day: dict[str, Any]) -> None:
    day["roster_days"][0]["presence"][1]["from"] = "08:00"
    assign(day, "r-n", "w-2")
    assert messages_at(refused(ctx, day), ASSIGNMENT) == [
        "worker w-2 is not present for the whole post (07:30–09:30)"]


def test_missing_skill(ctx: ServiceContext, day: dict[str, Any]) -> None:
    day["roster_days"][0]["posts"].append(
        {"id": "w", "task": "laundry", "from": "14:00", "to": "15:00"})
    assign(day, "w", "w-1")
    assert messages_at(refused(ctx, day), ASSIGNMENT) == [
        "worker w-1 has no skill for task 'laundry'"]


def test_driving_licence(ctx: ServiceContext, day: dict[str, Any]) -> None:
    day["workers"][1]["driving_licence"] = False
    assign(day, "r-n", "w-2")
    assert messages_at(refused(ctx, day), ASSIGNMENT) == [
        "task 'driver' needs a driving licence; worker w-2 has none"]


@pytest.mark.parametrize(
    ("level", "message"),
    [
        ("A1", "task 'driver' needs Dutch level A2; worker w-2 has A1"),
        (None, "task 'driver' needs Dutch level A2; worker w-2 has no known level"),
    ],
)
def test_dutch_level(
    ctx: ServiceContext, day: dict[str, Any], level: str | None, message: str
) -> None:
    day["workers"][1]["dutch_level"] = level
    assign(day, "r-n", "w-2")
    assert messages_at(refused(ctx, day), ASSIGNMENT) == [message]


def test_task_requirements_from_the_file_count(
    ctx: ServiceContext, day: dict[str, Any]
) -> None:
    day["tasks"][0]["min_dutch_level"] = "C1"
    day["roster_days"][0]["posts"].append(
        {"id": "g", "task": "garden", "from": "14:00", "to": "15:00"})
    day["workers"][1]["skills"].append({"task": "garden", "level": "independent"})
    assign(day, "g", "w-2")
    assert messages_at(refused(ctx, day), ASSIGNMENT) == [
        "task 'garden' needs Dutch level C1; worker w-2 has B2"]


def test_overlapping_posts(ctx: ServiceContext, day: dict[str, Any]) -> None:
    day["roster_days"][0]["posts"].append(
        {"id": "k2", "task": "kitchen", "from": "13:00", "to": "15:00", "needed": 1})
    assign(day, "k2", "w-1")
    assert messages_at(refused(ctx, day), ASSIGNMENT) == [
        "worker w-1 is also on post 'k' at the same time"]


def test_back_to_back_posts_do_not_overlap(ctx: ServiceContext, day: dict[str, Any]) -> None:
    day["roster_days"][0]["posts"].append(
        {"id": "k2", "task": "kitchen", "from": "14:00", "to": "15:00"})
    assign(day, "k2", "w-1")
    assert import_exchange(ctx, day).created["roster_days"] == 1


def test_post_and_presence_shape(ctx: ServiceContext, day: dict[str, Any]) -> None:
    posts = day["roster_days"][0]["posts"]
    posts[0]["to"] = "07:30"
    posts[1]["needed"] = 0
    posts.append(dict(posts[1]))
    day["roster_days"][0]["presence"].append({"worker": "w-1", "status": "present"})
    day["roster_days"][0]["assignments"].append({"post": "nowhere", "worker": "w-1"})

    problems = refused(ctx, day)

    assert messages_at(problems, "roster_days[0].posts[0].to") == ["must be later than the start"]
    assert messages_at(problems, "roster_days[0].posts[1].needed") == ["must be at least 1"]
    assert messages_at(problems, "roster_days[0].posts[2].id") == ["post id 'k' appears twice"]
    assert messages_at(problems, "roster_days[0].presence[2].worker") == [
        "worker w-1 appears twice"]
    assert messages_at(problems, "roster_days[0].assignments[1].post") == [
        "no post with id 'nowhere' on this day"]
