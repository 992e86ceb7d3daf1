"""Trajectory fees indexed with the health index, phase overruns and the 140-hour count."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.core.services.conftest import Base
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import Note
from zorgkoppel.core.rules.trajectory import IndexValueData, TrajectoryData, TrajectoryPhaseData
from zorgkoppel.core.services.index_values import save_index_value
from zorgkoppel.core.services.trajectories import save_trajectory
from zorgkoppel.core.services.trajectory_fees import (
    add_months,
    fees_document,
    index_value_at,
    indexed_fee,
    latest_phase_end,
    month_before,
    trajectory_fees,
)


def test_indexed_fee_rounds_half_up_to_the_cent() -> None:
    # 420 × 100.5 / 100 = 422.1 exactly; 1260 × 100.0005 / 100 = 1260.0063 → 1260.01;
    # an exact half cent rounds up, never to even (1.125 → 1.13, not 1.12).
    assert indexed_fee(Decimal("420.00"), Decimal("100.5"), Decimal("100")) == Decimal("422.10")
    assert indexed_fee(Decimal("1260.00"), Decimal("100.0005"), Decimal("100")) == Decimal(
        "1260.01"
    )
    assert indexed_fee(Decimal("1.00"), Decimal("1.125"), Decimal("1")) == Decimal("1.13")
    assert indexed_fee(Decimal("1.00"), Decimal("1.135"), Decimal("1")) == Decimal("1.14")
    assert indexed_fee(Decimal("1.00"), Decimal("1.0049"), Decimal("1")) == Decimal("1.00")
    assert indexed_fee(Decimal("420.00"), Decimal("131.44"), Decimal("107.89")) == Decimal(
        "511.68"  # 511.6767...
    )


def test_the_index_value_is_the_latest_at_or_before_the_month() -> None:
    values = [("2018-12", Decimal("107.89")), ("2024-08", Decimal("131.44"))]
    assert index_value_at(values, "2018-11") is None
    assert index_value_at(values, "2018-12") == Decimal("107.89")
    assert index_value_at(values, "2024-07") == Decimal("107.89")
    assert index_value_at(values, "2025-01") == Decimal("131.44")
    assert month_before(dt.date(2025, 1, 6)) == "2024-12"
    assert month_before(dt.date(2025, 3, 31)) == "2025-02"


def test_longest_phase_ends() -> None:
    assert latest_phase_end("pre_trajectory", dt.date(2025, 1, 6)) == dt.date(2025, 2, 5)
    assert latest_phase_end("job_matching", dt.date(2025, 2, 6)) == dt.date(2025, 5, 5)
    assert latest_phase_end("pre_trajectory", dt.date(2025, 1, 31)) == dt.date(2025, 2, 27)
    assert add_months(dt.date(2024, 2, 29), -12) == dt.date(2023, 2, 28)


@pytest.fixture
def indexed(ctx: ServiceContext) -> None:
    for month, value in (("2018-12", "107.89"), ("2024-08", "131.44"), ("2025-01", "132.10")):
        save_index_value(ctx, IndexValueData(month, Decimal(value)))


def _save(ctx: ServiceContext, base: Base, *phases: TrajectoryPhaseData) -> str:
    data = TrajectoryData(base.samir, base.lde, base.wzc, "2018-12", list(phases))
    return save_trajectory(ctx, data).value.id


def test_fees_of_each_phase_are_indexed_by_the_month_before_it_starts(
    ctx: ServiceContext, base: Base, indexed: None
) -> None:
    key = _save(
        ctx, base,
        TrajectoryPhaseData("pre_trajectory", dt.date(2025, 1, 6), dt.date(2025, 2, 5)),
        TrajectoryPhaseData("job_matching", dt.date(2025, 2, 6), dt.date(2025, 5, 6)),
    )
    fees = trajectory_fees(ctx, key, today=dt.date(2025, 6, 1))
    document = fees_document(fees)
    assert document == {
        "id": key,
        "phases": [
            # month before = 2024-12 → 131.44: 420 × 131.44 / 107.89 = 511.6767 → 511.68
            {"phase": "pre_trajectory", "start": "2025-01-06", "end": "2025-02-05",
             "fee": "420.00", "indexed_fee": "511.68", "overrun": False},
            # month before = 2025-01 → 132.10: 1260 × 132.10 / 107.89 = 1542.7380 → 1542.74
            # and a day past its three months
            {"phase": "job_matching", "start": "2025-02-06", "end": "2025-05-06",
             "fee": "1260.00", "indexed_fee": "1542.74", "overrun": True},
        ],
        "total_fee": "1680.00",
        "total_indexed": "2054.42",
        "guidance_minutes": 0,
        "guidance_target_minutes": 8400,
    }


def test_an_open_phase_overruns_only_after_its_longest_duration(
    ctx: ServiceContext, base: Base, indexed: None
) -> None:
    key = _save(ctx, base, TrajectoryPhaseData("pre_trajectory", dt.date(2025, 1, 6)))
    assert not trajectory_fees(ctx, key, today=dt.date(2025, 2, 5)).phases[0].overrun
    assert trajectory_fees(ctx, key, today=dt.date(2025, 2, 6)).phases[0].overrun


def test_without_a_known_index_value_the_indexed_fee_is_unknown(
    ctx: ServiceContext, base: Base
) -> None:
    key = _save(ctx, base, TrajectoryPhaseData("pre_trajectory", dt.date(2025, 1, 6)))
    fees = fees_document(trajectory_fees(ctx, key, today=dt.date(2025, 1, 10)))
    assert fees["phases"][0]["indexed_fee"] is None  # type: ignore[index]
    assert fees["total_indexed"] is None
    assert fees["total_fee"] == "420.00"


def test_guidance_minutes_count_notes_within_the_trajectory(
    ctx: ServiceContext, base: Base, indexed: None
) -> None:
    key = _save(
        ctx, base,
        TrajectoryPhaseData("pre_trajectory", dt.date(2025, 1, 6), dt.date(2025, 2, 5)),
        TrajectoryPhaseData("job_matching", dt.date(2025, 2, 6), dt.date(2025, 4, 30)),
    )
    days_minutes = [
        (dt.date(2025, 1, 5), 600),  # the day before: not counted
        (dt.date(2025, 1, 6), 4200),  # first day
        (dt.date(2025, 3, 1), 4140),
        (dt.date(2025, 4, 30), 60),  # last day
        (dt.date(2025, 5, 1), 999),  # the day after
    ]
    with ctx.db.transaction() as session:
        for day, minutes in days_minutes:
            session.add(Note(worker_id=base.samir, day=day, kind="contact",
                             duration_minutes=minutes))
        # Another worker's time never counts.
        session.add(Note(worker_id=base.els, day=dt.date(2025, 3, 1), kind="contact",
                         duration_minutes=500))
        session.add(Note(worker_id=base.samir, day=dt.date(2025, 3, 2), kind="contact"))
    fees = trajectory_fees(ctx, key, today=dt.date(2025, 6, 1))
    assert fees.guidance_minutes == 8400 == fees.guidance_target_minutes  # the 140 hours
