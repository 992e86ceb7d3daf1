"""Rules for transition trajectories (doorstroomtrajecten) and the health index.

The phase fees and longest durations are the figures of the answer to question 35 (seed 002,
DOMAIN.md); indexing them is a later step and lives elsewhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from zorgkoppel.core.codes import TRAJECTORY_OUTCOMES, TRAJECTORY_PHASES
from zorgkoppel.core.errors import Problem, Problems
from zorgkoppel.core.rules.values import (
    MSG_REQUIRED,
    check_code,
    check_month,
    check_period,
)
from zorgkoppel.i18n import N_

PHASE_FEES: dict[str, Decimal] = {
    "pre_trajectory": Decimal("420.00"),
    "job_matching": Decimal("1260.00"),
    "internship": Decimal("1260.00"),
    "aftercare": Decimal("1260.00"),
}
PHASE_MAX_MONTHS: dict[str, int] = {
    "pre_trajectory": 1,
    "job_matching": 3,
    "internship": 3,
    "aftercare": 3,
}
MAX_TRAJECTORY_FEE = Decimal("4200.00")
GUIDANCE_HOURS = 140


@dataclass
class TrajectoryPhaseData:
    phase: str
    start: dt.date | None
    end: dt.date | None = None


@dataclass
class TrajectoryData:
    worker_id: str
    provider_id: str | None = None
    target_employer_id: str | None = None
    index_base_month: str | None = None
    phases: list[TrajectoryPhaseData] = field(default_factory=list)
    outcome: str | None = None


@dataclass
class IndexValueData:
    """The health index (gezondheidsindex) of one month."""

    month: str
    value: Decimal | None


def validate_trajectory(
    data: TrajectoryData,
    *,
    worker_exists: Callable[[str], bool],
    organisation_kind: Callable[[str], str | None],
) -> list[Problem]:
    problems = Problems()
    if not data.worker_id:
        problems.add("worker", MSG_REQUIRED)
    elif not worker_exists(data.worker_id):
        problems.add("worker", N_("no worker with id {key}"), key=data.worker_id)
    for name, key in (
        ("provider", data.provider_id),
        ("target_employer", data.target_employer_id),
    ):
        if key and organisation_kind(key) is None:
            problems.add(name, N_("no organisation with id {key}"), key=key)
    check_month(problems, "index_base_month", data.index_base_month)
    check_code(problems, "outcome", data.outcome, TRAJECTORY_OUTCOMES, required=False)
    seen: set[str] = set()
    for i, phase in enumerate(data.phases):
        where = f"phases[{i}]"
        check_code(problems, f"{where}.phase", phase.phase, TRAJECTORY_PHASES)
        if phase.phase in seen:
            problems.add(f"{where}.phase", N_("phase '{value}' appears twice"), value=phase.phase)
        seen.add(phase.phase)
        if phase.start is None:
            problems.add(f"{where}.start", MSG_REQUIRED)
        check_period(problems, f"{where}.end", phase.start, phase.end)
    return problems.items


def validate_index_value(data: IndexValueData) -> list[Problem]:
    problems = Problems()
    if not data.month:
        problems.add("month", MSG_REQUIRED)
    else:
        check_month(problems, "month", data.month)
    if data.value is None:
        problems.add("value", MSG_REQUIRED)
    elif data.value <= 0:
        problems.add("value", N_("must be more than zero"))
    return problems.items
