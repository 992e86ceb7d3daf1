"""The monitoring report of transition trajectories: started, phase reached, outcomes and
guidance hours in a period."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.actors import acting_for
from zorgkoppel.core.services.trajectory_report import trajectory_report
from zorgkoppel.exchange.importer import import_exchange

PHASES = ["pre_trajectory", "job_matching", "internship", "aftercare"]


def trajectory(n: int, start: str, phases: int, outcome: str | None) -> dict:
    day = dt.date.fromisoformat(start)
    return {"id": f"t-{n}", "worker": f"w-{n}", "provider": "lde",
            "target_employer": "wzc" if n % 2 else "dvc", "index_base_month": "2024-01",
            "phases": [{"phase": phase, "start": (day + dt.timedelta(days=30 * k)).isoformat(),
                        "end": (day + dt.timedelta(days=30 * k + 29)).isoformat()}
                       for k, phase in enumerate(PHASES[:phases])],
            "outcome": outcome}


@pytest.fixture
def data(ctx):
    document = {
        "format": "zorgkoppel-exchange", "version": 1,
        "organisations": [
            {"id": "lde", "name": "Buurtwerk", "kind": "local_services"},
            {"id": "wzc", "name": "WZC De Linde", "kind": "care_facility"},
            {"id": "dvc", "name": "Dagcentrum", "kind": "care_facility"}],
        "workers": [{"id": f"w-{n}", "first_name": f"W{n}", "last_name": "Test",
                     "employer": "lde", "programme": "local_services"} for n in range(6)],
        "index_values": [{"month": "2024-01", "value": "130.00"}],
        "trajectories": [
            trajectory(0, "2025-02-03", 4, "hired"),
            trajectory(1, "2025-03-03", 2, "stopped"),
            trajectory(2, "2025-05-05", 3, None),
            trajectory(3, "2025-11-03", 4, None),  # the later phases fall after the period
            trajectory(4, "2024-06-03", 4, "not_hired"),  # started before the period
            trajectory(5, "2025-06-02", 1, "not_hired"),
        ],
        "notes": [
            {"id": "n-1", "worker": "w-0", "date": "2025-03-10", "kind": "contact",
             "visibility": "shared", "summary": "Gesprek.", "duration_minutes": 90},
            {"id": "n-2", "worker": "w-2", "date": "2025-06-10", "kind": "contact",
             "visibility": "enterprise_only", "summary": "Vertrouwelijk.",
             "duration_minutes": 45},
            {"id": "n-3", "worker": "w-4", "date": "2025-03-10", "kind": "contact",
             "visibility": "shared", "summary": "Buiten de telling.",
             "duration_minutes": 600},
        ],
    }
    import_exchange(ctx, document)
    return ctx


IN_2025 = {"start": dt.date(2025, 1, 1), "end": dt.date(2025, 12, 31)}


def test_started_phase_reached_outcomes_and_hours(data):
    report = trajectory_report(data, **IN_2025)
    assert report.started == 5 and report.trajectory_ids == ("t-0", "t-1", "t-2", "t-3",
                                                             "t-5")
    # t-3 got to job matching by 31 December: its internship starts in 2026.
    assert report.phase_reached == {"pre_trajectory": 1, "job_matching": 2,
                                    "internship": 1, "aftercare": 1}
    assert report.outcomes == {"hired": 1, "not_hired": 1, "stopped": 1, "open": 2}
    assert report.guidance_hours == Decimal("2.3")  # 90 + 45 minutes; w-4 started in 2024


def test_the_phase_reached_by_the_end_of_a_shorter_period(data):
    report = trajectory_report(data, start=dt.date(2025, 11, 1), end=dt.date(2025, 11, 30))
    assert report.started == 1 and report.phase_reached["pre_trajectory"] == 1


def test_a_coordinator_counts_the_trajectories_toward_their_facility(data):
    coordinator = acting_for(data, "wzc")
    report = trajectory_report(coordinator, **IN_2025)
    assert report.trajectory_ids == ("t-1", "t-3", "t-5")
    assert report.guidance_hours == Decimal("0.0")  # no shared note of theirs in 2025
