"""The demo document: realistic, complete, and valid by the rules of EXCHANGE.md."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest

from zorgkoppel.core.rules.enterprise_number import normalise_enterprise_number
from zorgkoppel.core.rules.roster import (
    AssignmentData,
    PostData,
    PresenceData,
    RosterDayData,
    TaskFacts,
    WorkerFacts,
    check_roster_day,
)
from zorgkoppel.core.tasks import BUILTIN_TASKS
from zorgkoppel.demo import demo_document

WEDNESDAY = dt.date(2025, 3, 12)
# A Monday, a Saturday (the roster ends the day before), a leap day and a year's turn.
TODAYS = [WEDNESDAY, dt.date(2025, 3, 10), dt.date(2025, 3, 15), dt.date(2028, 2, 29),
          dt.date(2026, 1, 2)]


def _time(text: str | None) -> dt.time | None:
    return None if text is None else dt.time.fromisoformat(text)


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def _worker_facts(document: dict[str, Any], day: dt.date) -> dict[str, WorkerFacts]:
    """Workers as they were on `day`: a skill counts from its `since` date."""
    facts = {}
    for worker in document["workers"]:
        skills = {
            s["task"]: s["level"]
            for s in worker["skills"]
            if s.get("since") is None or _date(s["since"]) <= day  # type: ignore[operator]
        }
        facts[worker["id"]] = WorkerFacts(worker["driving_licence"], worker["dutch_level"], skills)
    return facts


def _task_facts(document: dict[str, Any]) -> dict[str, TaskFacts]:
    tasks = {t.code: TaskFacts(t.needs_licence, t.min_dutch_level) for t in BUILTIN_TASKS}
    for task in document["tasks"]:
        tasks[task["code"]] = TaskFacts(task["needs_licence"], task["min_dutch_level"])
    return tasks


def _roster_day(entry: dict[str, Any]) -> RosterDayData:
    return RosterDayData(
        site_id=entry["site"],
        day=_date(entry["date"]),
        posts=[PostData(p["id"], p["task"], _time(p["from"]), _time(p["to"]), p["needed"],
                        p.get("label")) for p in entry["posts"]],
        presence=[PresenceData(p["worker"], p["status"], _time(p.get("from")),
                               _time(p.get("to"))) for p in entry["presence"]],
        assignments=[AssignmentData(a["post"], a["worker"], a["pinned"])
                     for a in entry["assignments"]],
        review=entry.get("review"),
    )


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return demo_document(WEDNESDAY)


def test_is_an_exchange_document_of_plain_json(document: dict[str, Any]) -> None:
    assert document["format"] == "zorgkoppel-exchange"
    assert document["version"] == 1
    assert json.loads(json.dumps(document)) == document


def test_same_day_gives_the_same_document() -> None:
    assert demo_document(WEDNESDAY) == demo_document(WEDNESDAY)


def test_ids_are_stable_and_unique_per_section(document: dict[str, Any]) -> None:
    for section in ("organisations", "people", "workers", "agreements", "notes",
                    "trajectories"):
        ids = [record["id"] for record in document[section]]
        assert len(ids) == len(set(ids)), section
        assert all(key.startswith("demo-") for key in ids), section
    assert demo_document(dt.date(2026, 1, 2))["workers"][0]["id"] == document["workers"][0]["id"]


def test_organisations_cover_the_sector(document: dict[str, Any]) -> None:
    kinds = Counter((o["kind"], o.get("care_type")) for o in document["organisations"])
    assert kinds[("care_facility", "day_care")] == 1
    assert kinds[("care_facility", "residential")] == 1
    assert kinds[("local_services", None)] == 1
    assert kinds[("custom_work", None)] == 1
    assert kinds[("local_authority", None)] == 1
    for organisation in document["organisations"]:
        number = organisation["enterprise_number"]
        assert normalise_enterprise_number(number) == number, organisation["name"]
    roles = {p["role"] for p in document["people"]}
    assert {"job_coach", "supervisor", "coordinator", "director"} <= roles


def test_workers_show_every_stage(document: dict[str, Any]) -> None:
    workers = document["workers"]
    assert 14 <= len(workers) <= 17
    driver_levels = {
        s["level"] for w in workers for s in w["skills"] if s["task"] == "driver"
    }
    assert driver_levels == {"learning", "with_companion", "independent"}
    assert {w["dutch_level"] for w in workers} >= {"A1", "A2", "B1", "native"}
    assert any(w["driving_licence"] for w in workers)
    assert not all(w["driving_licence"] for w in workers)
    assert all(w["preferences"] for w in workers)
    lde = [w for w in workers if w["programme"] == "local_services"]
    assert all(w["integration_start"] for w in lde)
    # One of them reaches the five-year limit of the local services economy within months.
    limits = sorted(
        _date(w["integration_start"]).replace(year=_date(w["integration_start"]).year + 5)
        for w in lde
    )
    assert WEDNESDAY < limits[0] <= WEDNESDAY + dt.timedelta(days=180)


def test_agreements(document: dict[str, Any]) -> None:
    agreements = {a["reference"]: a for a in document["agreements"]}
    statuses = Counter(a["status"] for a in agreements.values())
    assert statuses["draft"] == 1
    assert statuses["active"] + statuses["signed"] >= 2
    by_id = {o["id"]: o for o in document["organisations"]}
    for agreement in agreements.values():
        assert by_id[agreement["care_partner"]]["kind"] == "care_facility"
        if (agreement["phase"] == "service"
                and by_id[agreement["se_partner"]]["kind"] == "local_services"):
            assert by_id[agreement["commissioned_by"]]["kind"] == "local_authority"
        if agreement["legal_form"] == "enclave":
            assert by_id[agreement["se_partner"]]["kind"] == "custom_work"
        for name in ("rate", "guidance_hours_per_month", "training_hours_per_year"):
            value = agreement.get("financing", {}).get(name)
            assert value is None or (isinstance(value, str) and Decimal(value) >= 0)
    ending = [a for a in agreements.values() if a["status"] in ("active", "signed")
              and WEDNESDAY <= _date(a["end"]) <= WEDNESDAY + dt.timedelta(days=90)]
    assert len(ending) == 1


def test_three_routes_and_ten_weekdays_per_site(document: dict[str, Any]) -> None:
    days = document["roster_days"]
    by_site = Counter(d["site"] for d in days)
    assert sorted(by_site.values()) == [10, 10]
    dates = sorted({_date(d["date"]) for d in days})
    assert len(dates) == 10
    assert dates[-1] == WEDNESDAY
    assert all(day.weekday() < 5 for day in dates)
    routes = {p["label"].split(" (")[0] for d in days for p in d["posts"]
              if p["task"] in ("driver", "bus_companion")}
    assert routes == {"Route Noord", "Route Zuid", "Route Oost"}
    day_care = next(d for d in days if d["posts"][0]["task"] == "driver")
    rides = Counter((p["task"], p["from"]) for p in day_care["posts"]
                    if p["task"] in ("driver", "bus_companion"))
    assert rides == {("driver", "07:30"): 3, ("bus_companion", "07:30"): 3,
                     ("driver", "15:30"): 3, ("bus_companion", "15:30"): 3}
    statuses = {p["status"] for d in days for p in d["presence"]}
    assert statuses == {"present", "sick", "leave", "absent"}
    assert any(a["pinned"] for d in days for a in d["assignments"])


def test_past_days_have_a_review_in_dutch(document: dict[str, Any]) -> None:
    for day in document["roster_days"]:
        if _date(day["date"]) < WEDNESDAY:
            assert day["review"]
        else:
            assert "review" not in day
    reviews = " ".join(d.get("review", "") for d in document["roster_days"])
    assert "Route Noord liep vlot." in reviews
    assert "Ziek:" in reviews and "Onderbezet:" in reviews


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_every_assignment_obeys_the_roster_rules(today: dt.date) -> None:
    document = demo_document(today)
    tasks = _task_facts(document)
    assignments = 0
    learners = 0
    for entry in document["roster_days"]:
        day = _roster_day(entry)
        workers = _worker_facts(document, day.day)  # type: ignore[arg-type]
        problems = check_roster_day(day, workers, tasks)
        assert not problems, (entry["site"], entry["date"], [str(p) for p in problems])
        assignments += len(day.assignments)
        learners += sum(
            1 for a in day.assignments
            if workers[a.worker_id].skills.get(
                next(p.task for p in day.posts if p.key == a.post_key)) != "independent"
        )
    assert assignments > 150
    assert learners >= 10  # learners and with_companion workers next to a colleague


def test_notes_and_trajectory(document: dict[str, Any]) -> None:
    notes = document["notes"]
    assert {n["kind"] for n in notes} == {
        "contact", "performance_meeting", "evaluation_meeting", "intake",
        "transition_milestone"}
    assert {n["visibility"] for n in notes} == {"shared", "enterprise_only"}
    assert any(n["scores"] for n in notes)
    overdue = [a for n in notes for a in n["actions"]
               if not a["done"] and _date(a["due"]) < WEDNESDAY]
    assert len(overdue) == 1
    person_ids = {p["id"] for p in document["people"]}
    for note in notes:
        assert note["author"] in person_ids
        assert set(note["participants"]) <= person_ids
    (trajectory,) = document["trajectories"]
    phases = trajectory["phases"]
    assert [p["phase"] for p in phases] == ["pre_trajectory", "job_matching", "internship"]
    for phase in phases:
        if phase["end"]:
            assert _date(phase["start"]) <= _date(phase["end"])  # type: ignore[operator]
    months = {v["month"] for v in document["index_values"]}
    assert trajectory["index_base_month"] in months
    assert all(isinstance(v["value"], str) for v in document["index_values"])


def test_every_placed_worker_has_had_an_evaluation() -> None:
    """The schedule then shows a realistic picture: few evaluations due, not a year of them."""
    from zorgkoppel.demo.agreements import CARE_HOME_WORKERS, DAY_CARE_WORKERS
    from zorgkoppel.demo.document import demo_document

    document = demo_document(dt.date(2026, 11, 23))
    evaluated = {
        n["worker"]
        for n in document["notes"]
        if n["kind"] in ("evaluation_meeting", "performance_meeting")
    }
    assert set(DAY_CARE_WORKERS) | set(CARE_HOME_WORKERS) <= evaluated
