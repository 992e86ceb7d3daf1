"""Planning a day through the services: suggest, apply, checked moves, new days, history."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.services.conftest import Base
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, ValidationError
from zorgkoppel.core.rules.agreement import AgreementData
from zorgkoppel.core.rules.roster import AssignmentData, PostData, PresenceData, RosterDayData
from zorgkoppel.core.rules.worker import SkillData, WorkerData
from zorgkoppel.core.services.agreements import save_agreement
from zorgkoppel.core.services.roster import get_roster_day, save_roster_day
from zorgkoppel.core.services.roster_planning import (
    apply_suggestion,
    expected_presence,
    free_post_key,
    move_problems,
    new_day,
    post_problems,
    save_template,
    suggest_roster,
    template_posts,
    templates_from_days,
)
from zorgkoppel.core.services.skill_progression import (
    companion_hints,
    record_skill_level,
    skill_history,
)
from zorgkoppel.core.services.workers import get_worker, save_worker

MONDAY = dt.date(2024, 10, 7)
ROUTE = PostData("route", "driver", dt.time(7, 30), dt.time(9, 30), 1, "Route Noord")
KITCHEN = PostData("kitchen", "kitchen", dt.time(10), dt.time(14), 2)


def day(base: Base, when: dt.date = MONDAY, **changes: object) -> RosterDayData:
    data = RosterDayData(
        site_id=base.wzc, day=when, posts=[ROUTE, KITCHEN],
        presence=[PresenceData(base.samir, "present"), PresenceData(base.els, "present")],
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def test_suggest_fills_the_stored_day_and_apply_stores_it(
    ctx: ServiceContext, base: Base
) -> None:
    save_roster_day(ctx, day(base))
    suggestion = suggest_roster(ctx, base.wzc, MONDAY)
    document = suggestion.as_json()
    assert document["site"] == base.wzc and document["date"] == "2024-10-07"
    assert sorted((a["post"], a["worker"]) for a in document["assignments"]) == sorted([
        ("route", base.samir), ("kitchen", base.els), ("kitchen", base.samir)])
    # Samir only learns in the kitchen: he is placed next to Els but does not count.
    assert document["unfilled"] == [{
        "post": "kitchen", "missing": 1,
        "reason": "nobody else present can do 'Kitchen' between 10:00 and 14:00",
    }]
    assert all(set(a) == {"post", "worker", "reason"} and a["reason"]
               for a in document["assignments"])

    apply_suggestion(ctx, suggestion)
    stored = get_roster_day(ctx, base.wzc, MONDAY).data
    assert len(stored.assignments) == 3


def test_suggest_works_on_unsaved_edits(ctx: ServiceContext, base: Base) -> None:
    edited = day(base, presence=[PresenceData(base.els, "sick"),
                                 PresenceData(base.samir, "present")])
    suggestion = suggest_roster(ctx, base.wzc, MONDAY, data=edited)
    assert [(a.post_key, a.worker_id) for a in suggestion.plan.assignments] == [
        ("route", base.samir)]


def test_suggest_without_a_planned_day_says_so(ctx: ServiceContext, base: Base) -> None:
    with pytest.raises(NotFoundError):
        suggest_roster(ctx, base.wzc, MONDAY)


def test_suggest_refuses_a_day_with_broken_posts(ctx: ServiceContext, base: Base) -> None:
    broken = day(base, posts=[PostData("x", "kitchen", dt.time(12), dt.time(10))])
    with pytest.raises(ValidationError) as caught:
        suggest_roster(ctx, base.wzc, MONDAY, data=broken)
    assert caught.value.problems[0].field == "posts[0].to"


def test_late_absence_keeps_the_rest_of_the_plan(ctx: ServiceContext, base: Base) -> None:
    extra = save_worker(ctx, WorkerData(
        "Nora", "Peeters", base.lde, "local_services", dutch_level="B1", driving_licence=True,
        skills=[SkillData("driver", "independent"), SkillData("kitchen", "independent")],
    )).value.id
    planned = day(base, presence=[*day(base).presence, PresenceData(extra, "present")],
                  assignments=[AssignmentData("route", base.samir),
                               AssignmentData("kitchen", base.els),
                               AssignmentData("kitchen", extra)])
    save_roster_day(ctx, planned)
    # Samir calls in sick: only his route changes hands.
    late = day(base, presence=[PresenceData(base.samir, "sick"),
                               PresenceData(base.els, "present"),
                               PresenceData(extra, "present")],
               assignments=planned.assignments)
    suggestion = suggest_roster(ctx, base.wzc, MONDAY, data=late)
    # Nora drives before her kitchen shift; the kitchen stays as it was.
    assert {(a.post_key, a.worker_id) for a in suggestion.plan.assignments} == {
        ("route", extra), ("kitchen", base.els), ("kitchen", extra)}
    assert suggestion.plan.filled == 3
    assert suggestion.plan.changes == 2


def test_move_problems_name_the_broken_rule(ctx: ServiceContext, base: Base) -> None:
    data = day(base)
    assert move_problems(ctx, data, "route", base.samir) == []
    problems = move_problems(ctx, data, "route", base.els)
    assert {p.field for p in problems} == {"assignments[0].worker"}
    assert [p.text() for p in problems] == [
        f"worker {base.els} has no skill for task 'driver'",
        f"task 'driver' needs a driving licence; worker {base.els} has none",
    ]
    learner = move_problems(ctx, data, "kitchen", base.samir)
    assert "needs an independent colleague" in learner[0].text()
    with_colleague = day(base, assignments=[AssignmentData("kitchen", base.els)])
    assert move_problems(ctx, with_colleague, "kitchen", base.samir) == []


def test_expected_presence_comes_from_running_agreements(
    ctx: ServiceContext, base: Base
) -> None:
    def agreement(reference: str, status: str, end: dt.date, workers: list[str]) -> None:
        save_agreement(ctx, AgreementData(
            reference, "service", "service_contract", base.wzc, base.lde, status=status,
            commissioned_by_id=base.city, start_date=dt.date(2024, 1, 1), end_date=end,
            worker_ids=workers))

    agreement("SO-1", "signed", dt.date(2024, 12, 31), [base.samir])
    agreement("SO-2", "signed", dt.date(2024, 6, 30), [base.els])  # ended before
    agreement("SO-3", "draft", dt.date(2024, 12, 31), [base.els])  # not signed
    assert expected_presence(ctx, base.wzc, MONDAY) == [PresenceData(base.samir, "present")]


def test_new_day_from_the_weekly_template_or_an_earlier_day(
    ctx: ServiceContext, base: Base
) -> None:
    save_template(ctx, base.wzc, MONDAY.weekday(), [ROUTE, KITCHEN])
    assert template_posts(ctx, base.wzc, MONDAY.weekday()) == [ROUTE, KITCHEN]
    assert template_posts(ctx, base.wzc, 1) == []
    fresh = new_day(ctx, base.wzc, MONDAY)
    assert fresh.posts == [ROUTE, KITCHEN] and fresh.assignments == []

    save_roster_day(ctx, day(base, posts=[KITCHEN]))
    copied = new_day(ctx, base.wzc, MONDAY + dt.timedelta(days=1), copy_from=MONDAY)
    assert copied.posts == [KITCHEN]
    assert copied.day == MONDAY + dt.timedelta(days=1)


def test_template_is_checked_like_a_day(ctx: ServiceContext, base: Base) -> None:
    with pytest.raises(ValidationError) as caught:
        save_template(ctx, base.wzc, 9, [PostData("x", "nope", dt.time(9), dt.time(10))])
    fields = {p.field for p in caught.value.problems}
    assert fields == {"weekday", "posts[0].task"}
    assert template_posts(ctx, base.wzc, 9) == []


def test_skill_progression_is_dated_and_hinted(ctx: ServiceContext, base: Base) -> None:
    start = dt.date(2024, 9, 2)
    record_skill_level(ctx, base.els, "driver", "learning", start)
    record_skill_level(ctx, base.els, "driver", "with_companion", start + dt.timedelta(7))
    history = skill_history(ctx, base.els)
    assert [(h.task_code, h.level, h.since) for h in history] == [
        ("driver", "learning", start), ("driver", "with_companion", dt.date(2024, 9, 9))]
    skills = {s.task: s.level for s in get_worker(ctx, base.els).as_data().skills}
    assert skills["driver"] == "with_companion"

    assert companion_hints(ctx, [base.els], dt.date(2024, 9, 29)) == []
    [hint] = companion_hints(ctx, [base.els], dt.date(2024, 9, 30))
    assert (hint.worker_id, hint.task, hint.weeks) == (base.els, "driver", 3)

    with pytest.raises(ValidationError):
        record_skill_level(ctx, base.els, "driver", "expert", start)


def test_templates_from_the_latest_day_of_each_weekday(ctx: ServiceContext, base: Base) -> None:
    save_roster_day(ctx, day(base, MONDAY - dt.timedelta(days=7), posts=[KITCHEN]))
    save_roster_day(ctx, day(base, MONDAY, posts=[ROUTE, KITCHEN]))
    save_roster_day(ctx, day(base, MONDAY + dt.timedelta(days=7), posts=[ROUTE]))  # later
    templates_from_days(ctx, base.wzc, MONDAY)
    assert template_posts(ctx, base.wzc, 0) == [ROUTE, KITCHEN]
    assert template_posts(ctx, base.wzc, 1) == []


def test_deleting_a_site_takes_its_templates_along(ctx: ServiceContext, base: Base) -> None:
    from zorgkoppel.core.rules.organisation import OrganisationData
    from zorgkoppel.core.services.organisations import delete_organisation, save_organisation

    site = save_organisation(ctx, OrganisationData("WZC Nieuw", "care_facility")).value.id
    save_template(ctx, site, 0, [KITCHEN])
    delete_organisation(ctx, site)
    assert template_posts(ctx, site, 0) == []


def test_post_problems_and_free_keys(ctx: ServiceContext, base: Base) -> None:
    data = day(base)
    assert free_post_key(data, "driver") == "driver"
    assert free_post_key(data, "kitchen") == "kitchen-2"
    assert post_problems(ctx, data, PostData("kitchen-2", "kitchen", dt.time(9),
                                             dt.time(10))) == []
    [twice] = post_problems(ctx, data, PostData("kitchen", "kitchen", dt.time(9), dt.time(10)))
    assert twice.text() == "post id 'kitchen' appears twice"
    [unknown] = post_problems(ctx, data, PostData("x", "juggling", dt.time(9), dt.time(10)))
    assert unknown.field == "posts[2].task"
