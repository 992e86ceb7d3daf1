"""validate_trajectory, validate_index_value and the phase fees."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from zorgkoppel.core.rules.trajectory import (
    MAX_TRAJECTORY_FEE,
    PHASE_FEES,
    IndexValueData,
    TrajectoryData,
    TrajectoryPhaseData,
    validate_index_value,
    validate_trajectory,
)


def trajectory_problems(data: TrajectoryData) -> dict[str, str]:
    problems = validate_trajectory(data, worker_exists=lambda key: key == "w1",
                                   organisation_kind={"lde": "local_services"}.get)
    return {p.field: p.text() for p in problems}


def test_trajectory_rules() -> None:
    valid = TrajectoryData("w1", "lde", None, "2018-12", [
        TrajectoryPhaseData("pre_trajectory", dt.date(2025, 1, 6), dt.date(2025, 2, 5)),
        TrajectoryPhaseData("job_matching", dt.date(2025, 2, 6)),
    ], "hired")
    assert trajectory_problems(valid) == {}
    broken = TrajectoryData("w1", "nowhere", None, "12/2018", [
        TrajectoryPhaseData("internship", dt.date(2025, 3, 1), dt.date(2025, 2, 1)),
        TrajectoryPhaseData("internship", None),
    ], "promoted")
    assert set(trajectory_problems(broken)) == {
        "provider", "index_base_month", "outcome", "phases[0].end", "phases[1].phase",
        "phases[1].start"}


def test_phase_fees_add_up_to_the_maximum() -> None:
    assert sum(PHASE_FEES.values()) == MAX_TRAJECTORY_FEE == Decimal("4200.00")


def test_index_value_rules() -> None:
    assert validate_index_value(IndexValueData("2024-08", Decimal("131.44"))) == []
    problems = validate_index_value(IndexValueData("2024-8", Decimal("-1")))
    assert {p.field: p.text() for p in problems} == {
        "month": "is not a month (YYYY-MM)", "value": "must be more than zero"}
