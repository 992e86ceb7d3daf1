"""`roster suggest` and `roster print` on a day imported from an exchange file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tests.documents.pdf_text import pdf_info, pdf_text
from zorgkoppel.cli.main import main
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.roster import get_roster_day
from zorgkoppel.storage.opening import open_database

SITE = "org-dvc"
DATE = "2024-10-07"


def _worker(key: str, first: str, skills: list[dict[str, str]], **extra: Any) -> dict[str, Any]:
    return {"id": key, "first_name": first, "last_name": "Peeters", "employer": "org-lde",
            "programme": "local_services", "dutch_level": "B1", "skills": skills, **extra}


DOCUMENT = {
    "format": "zorgkoppel-exchange", "version": 1,
    "organisations": [
        {"id": SITE, "name": "Dagcentrum De Linde vzw", "kind": "care_facility",
         "care_type": "day_care"},
        {"id": "org-lde", "name": "Buurtwerk Plus vzw", "kind": "local_services"},
    ],
    "workers": [
        _worker("w-1", "Samir", [{"task": "driver", "level": "independent"},
                                 {"task": "kitchen", "level": "independent"}],
                driving_licence=True),
        _worker("w-2", "Lotte", [{"task": "kitchen", "level": "independent"}]),
        _worker("w-3", "Jonas", [{"task": "driver", "level": "with_companion"}],
                driving_licence=True),
    ],
    "roster_days": [{
        "site": SITE, "date": DATE,
        "posts": [{"id": "r-n", "task": "driver", "from": "07:30", "to": "09:30", "needed": 1,
                   "label": "Route Noord"},
                  {"id": "k", "task": "kitchen", "from": "10:00", "to": "14:00", "needed": 3}],
        "presence": [{"worker": "w-1", "status": "present", "from": "07:30", "to": "16:00"},
                     {"worker": "w-2", "status": "present"},
                     {"worker": "w-3", "status": "present"}],
        "assignments": [{"post": "k", "worker": "w-2", "pinned": True}],
        "review": "Route Noord liep vlot.",
    }],
}


@pytest.fixture
def imported(data_dir: Path, tmp_path: Path) -> Path:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(DOCUMENT), encoding="utf-8")
    assert main(["import", str(source)]) == 0
    return data_dir


def test_suggest_prints_the_json_of_the_issue(
    imported: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    capfd.readouterr()
    assert main(["roster", "suggest", "--site", SITE, "--date", DATE, "--json"]) == 0
    # Read at the file-descriptor level: the solver's own banner must not get in.
    document = json.loads(capfd.readouterr().out)
    assert set(document) == {"site", "date", "assignments", "unfilled"}
    assert (document["site"], document["date"]) == (SITE, DATE)
    assert [(a["post"], a["worker"]) for a in document["assignments"]] == [
        ("r-n", "w-1"), ("r-n", "w-3"), ("k", "w-2"), ("k", "w-1")]
    reasons = [a["reason"] for a in document["assignments"]]
    assert reasons[1] == "learns next to Samir Peeters"
    assert reasons[2] == "pinned by the planner"
    assert document["unfilled"] == [{
        "post": "k", "missing": 1,
        "reason": "nobody else present can do 'Kitchen' between 10:00 and 14:00",
    }]


def test_suggest_apply_stores_the_plan(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["roster", "suggest", "--site", SITE, "--date", DATE, "--apply"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        f"Suggestion for {SITE} on {DATE}: 3 of 4 places filled.")
    assert out.splitlines()[-1] == "The suggestion was stored as the day's plan."
    db = open_database(imported)
    try:
        stored = get_roster_day(ServiceContext(db), SITE, dt.date(2024, 10, 7))
    finally:
        db.dispose()
    assert sorted((a.post_key, a.worker_id, a.pinned) for a in stored.data.assignments) == [
        ("k", "w-1", False), ("k", "w-2", True), ("r-n", "w-1", False), ("r-n", "w-3", False)]


def test_suggest_for_an_unplanned_day_fails_cleanly(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["roster", "suggest", "--site", SITE, "--date", "2024-10-08"]) == 1
    assert capsys.readouterr().err.strip() == f"No roster day at {SITE} on 2024-10-08."


def test_bad_date_is_a_usage_error(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["roster", "suggest", "--site", SITE, "--date", "7/10/2024"]) == 2
    assert "not a date (YYYY-MM-DD): 7/10/2024" in capsys.readouterr().err


def test_print_day_plan_and_week(imported: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    assert main(["roster", "print", "--site", SITE, "--date", DATE, "-o", str(target)]) == 0
    pdf = target.read_bytes()
    info = pdf_info(pdf)
    assert info["Pages"] == "1"
    assert info["Page size"].startswith("841.89 x 595.276")  # A4 landscape
    text = pdf_text(pdf)
    for expected in ("Day plan — Monday 7 October 2024", "Dagcentrum De Linde vzw",
                     "07:30–09:30", "Driver", "Route Noord", "Lotte Peeters — 2 missing",
                     "Route Noord liep vlot.", "Page 1 of 1"):
        assert expected in text

    week = tmp_path / "week.pdf"
    assert main(["roster", "print", "--site", SITE, "--date", "2024-10-09", "--week",
                 "-o", str(week), "--language", "nl"]) == 0
    text = pdf_text(week.read_bytes())
    assert "ma 7 okt" in text and "Route Noord" in text


def test_suggest_apply_on_a_day_changed_meanwhile_exits_4_and_keeps_it(
    imported: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another coordinator saves the day while the suggestion is being worked out."""
    from dataclasses import replace

    from zorgkoppel.core.services import roster_planning
    from zorgkoppel.core.services.roster import save_roster_day

    real_solve = roster_planning.solve_day

    def solve_while_someone_saves(problem: Any) -> Any:
        db = open_database(imported)
        try:
            ctx = ServiceContext(db)
            day = get_roster_day(ctx, SITE, dt.date(2024, 10, 7))
            save_roster_day(ctx, replace(day.data, review="Herzien."),
                            expected_version=day.roster_day.version)
        finally:
            db.dispose()
        return real_solve(problem)

    monkeypatch.setattr(roster_planning, "solve_day", solve_while_someone_saves)
    assert main(["roster", "suggest", "--site", SITE, "--date", DATE, "--apply"]) == 4
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"The roster day {SITE}|{DATE} was changed by someone else while you were "
                   "planning it; nothing was saved."]
    db = open_database(imported)
    try:
        stored = get_roster_day(ServiceContext(db), SITE, dt.date(2024, 10, 7)).data
    finally:
        db.dispose()
    assert stored.review == "Herzien."
    assert [(a.post_key, a.worker_id) for a in stored.assignments] == [("k", "w-2")]
