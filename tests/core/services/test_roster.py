"""Roster days: saved whole, checked against every rule, identified by site and date."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.services.conftest import Base
from zorgkoppel.core.context import Actor, ServiceContext
from zorgkoppel.core.errors import NotFoundError, PermissionDenied, ValidationError
from zorgkoppel.core.rules.roster import AssignmentData, PostData, PresenceData, RosterDayData
from zorgkoppel.core.services.roster import (
    delete_roster_day,
    get_roster_day,
    list_roster_days,
    roster_problems,
    save_roster_day,
)

MONDAY = dt.date(2024, 10, 7)


def plan(base: Base, day: dt.date = MONDAY) -> RosterDayData:
    return RosterDayData(
        site_id=base.wzc,
        day=day,
        posts=[PostData("route", "driver", dt.time(7, 30), dt.time(9, 30), 1, "Route Noord"),
               PostData("kitchen", "kitchen", dt.time(10), dt.time(14), 2)],
        presence=[PresenceData(base.els, "present", dt.time(9), dt.time(15)),
                  PresenceData(base.samir, "present")],
        assignments=[AssignmentData("route", base.samir, pinned=True),
                     AssignmentData("kitchen", base.els),
                     AssignmentData("kitchen", base.samir)],
        review="Vlot verlopen.",
    )


def test_save_and_read_back(ctx: ServiceContext, base: Base) -> None:
    outcome = save_roster_day(ctx, plan(base))
    assert outcome.changes.touches("roster")
    stored = get_roster_day(ctx, base.wzc, MONDAY).data
    assert stored.posts == plan(base).posts
    assert sorted(stored.presence, key=lambda p: p.worker_id) == sorted(
        plan(base).presence, key=lambda p: p.worker_id)
    assert sorted((a.post_key, a.worker_id, a.pinned) for a in stored.assignments) == sorted(
        (a.post_key, a.worker_id, a.pinned) for a in plan(base).assignments)
    assert stored.review == "Vlot verlopen."


def test_saving_the_same_site_and_date_replaces_the_day(
    ctx: ServiceContext, base: Base
) -> None:
    first = save_roster_day(ctx, plan(base)).value
    smaller = plan(base)
    smaller.posts = smaller.posts[1:]
    smaller.assignments = [AssignmentData("kitchen", base.els)]

    second = save_roster_day(ctx, smaller).value

    assert second.id == first.id and second.updated_at > first.updated_at
    stored = get_roster_day(ctx, base.wzc, MONDAY).data
    assert [p.key for p in stored.posts] == ["kitchen"]
    assert [(a.post_key, a.worker_id) for a in stored.assignments] == [("kitchen", base.els)]


def test_a_day_breaking_a_rule_is_refused_and_nothing_stored(
    ctx: ServiceContext, base: Base
) -> None:
    bad = plan(base)
    bad.assignments.append(AssignmentData("route", base.els))  # no skill, no licence
    with pytest.raises(ValidationError) as caught:
        save_roster_day(ctx, bad)
    assert {p.field for p in caught.value.problems} == {"assignments[3].worker"}
    assert len(caught.value.problems) == 3  # not present from 07:30, no skill, no licence
    assert list_roster_days(ctx) == []


def test_roster_problems_checks_without_saving(ctx: ServiceContext, base: Base) -> None:
    learner_alone = plan(base)
    learner_alone.assignments = [AssignmentData("kitchen", base.samir)]
    [problem] = roster_problems(ctx, learner_alone)
    assert problem.field == "assignments[0].worker"
    assert list_roster_days(ctx) == []


def test_list_by_site_and_dates_newest_first(ctx: ServiceContext, base: Base) -> None:
    for offset in range(3):
        save_roster_day(ctx, plan(base, MONDAY + dt.timedelta(days=offset)))
    days = list_roster_days(ctx, site_id=base.wzc, start=MONDAY + dt.timedelta(days=1))
    assert [d.day for d in days] == [MONDAY + dt.timedelta(days=2),
                                     MONDAY + dt.timedelta(days=1)]
    assert list_roster_days(ctx, site_id=base.lde) == []


def test_delete(ctx: ServiceContext, base: Base) -> None:
    save_roster_day(ctx, plan(base))
    assert delete_roster_day(ctx, base.wzc, MONDAY).touches("roster")
    with pytest.raises(NotFoundError):
        get_roster_day(ctx, base.wzc, MONDAY)
    with pytest.raises(NotFoundError):
        delete_roster_day(ctx, base.wzc, MONDAY)


def test_other_sites_and_viewers(ctx: ServiceContext, base: Base) -> None:
    save_roster_day(ctx, plan(base))
    elsewhere = ServiceContext(ctx.db, Actor("lde", "coordinator", frozenset({base.lde})))
    viewer = ServiceContext(ctx.db, Actor("v", "viewer"))
    assert list_roster_days(elsewhere) == []
    with pytest.raises(NotFoundError):
        get_roster_day(elsewhere, base.wzc, MONDAY)
    with pytest.raises(PermissionDenied):
        save_roster_day(viewer, plan(base))
