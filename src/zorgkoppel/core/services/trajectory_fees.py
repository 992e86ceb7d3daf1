"""The fees of a transition trajectory, indexed with the health index, and its guidance time.

EXCHANGE.md: each phase's fee is `fee × I(m) / I(index_base_month)`, where `m` is the month
before the phase starts and `I` is the latest known health-index value at or before that
month, rounded half-up to the cent. Guidance minutes of the worker's notes dated within
the trajectory count toward its 140 hours.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func
from sqlmodel import Session, col, select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import IndexValue, Note
from zorgkoppel.core.rules.trajectory import (
    GUIDANCE_HOURS,
    PHASE_FEES,
    PHASE_MAX_MONTHS,
    TrajectoryData,
)
from zorgkoppel.core.services.trajectories import get_trajectory

CENT = Decimal("0.01")
GUIDANCE_TARGET_MINUTES = GUIDANCE_HOURS * 60


@dataclass(frozen=True)
class PhaseFee:
    phase: str
    start: dt.date | None
    end: dt.date | None
    latest_end: dt.date | None  # the last day within the phase's maximum duration
    fee: Decimal
    indexed_fee: Decimal | None  # None when an index value it needs is not known
    overrun: bool


@dataclass(frozen=True)
class TrajectoryFees:
    trajectory_id: str
    phases: tuple[PhaseFee, ...]
    total_fee: Decimal
    total_indexed: Decimal | None
    guidance_minutes: int
    guidance_target_minutes: int = GUIDANCE_TARGET_MINUTES

    @property
    def overrun(self) -> bool:
        return any(p.overrun for p in self.phases)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; a day the month lacks becomes its last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def month_before(day: dt.date) -> str:
    """`YYYY-MM` of the month before the one `day` falls in."""
    first = day.replace(day=1) - dt.timedelta(days=1)
    return f"{first.year:04d}-{first.month:02d}"


def latest_phase_end(phase: str, start: dt.date) -> dt.date:
    """A phase of at most n months starting 6 January may run until 5 January + n months."""
    return add_months(start, PHASE_MAX_MONTHS[phase]) - dt.timedelta(days=1)


def index_value_at(values: Sequence[tuple[str, Decimal]], month: str) -> Decimal | None:
    """The latest value at or before `month`; `values` sorted by month."""
    position = bisect.bisect_right([m for m, _v in values], month)
    return values[position - 1][1] if position else None


def indexed_fee(fee: Decimal, value: Decimal, base_value: Decimal) -> Decimal:
    return (fee * value / base_value).quantize(CENT, rounding=ROUND_HALF_UP)


def phase_fees(
    data: TrajectoryData, values: Sequence[tuple[str, Decimal]], today: dt.date
) -> tuple[PhaseFee, ...]:
    """The fee of each phase; without a base month the fee is not indexed.

    An open phase (no end) overruns once `today` is past its longest duration.
    """
    base = index_value_at(values, data.index_base_month) if data.index_base_month else None
    phases = []
    for p in data.phases:
        fee = PHASE_FEES.get(p.phase, Decimal("0.00"))
        latest = latest_phase_end(p.phase, p.start) if p.start and p.phase in PHASE_MAX_MONTHS \
            else None
        if data.index_base_month is None:
            indexed: Decimal | None = fee
        else:
            value = index_value_at(values, month_before(p.start)) if p.start else None
            indexed = indexed_fee(fee, value, base) if value is not None and base else None
        running_until = p.end or today
        phases.append(
            PhaseFee(
                phase=p.phase,
                start=p.start,
                end=p.end,
                latest_end=latest,
                fee=fee,
                indexed_fee=indexed,
                overrun=latest is not None and running_until > latest,
            )
        )
    return tuple(phases)


def trajectory_period(data: TrajectoryData) -> tuple[dt.date | None, dt.date | None]:
    """From the first phase's start to the last phase's end (None: still running)."""
    starts = [p.start for p in data.phases if p.start]
    if not starts:
        return None, None
    if any(p.end is None for p in data.phases):
        return min(starts), None
    return min(starts), max(p.end for p in data.phases if p.end)


def guidance_minutes(
    session: Session, worker_id: str, start: dt.date | None, end: dt.date | None
) -> int:
    """Minutes of the worker's notes dated within the period (both ends included)."""
    if start is None:
        return 0
    query = select(func.coalesce(func.sum(Note.duration_minutes), 0)).where(
        Note.worker_id == worker_id, col(Note.day) >= start
    )
    if end is not None:
        query = query.where(col(Note.day) <= end)
    return int(session.exec(query).one())


def load_index_values(session: Session) -> list[tuple[str, Decimal]]:
    return [
        (month, Decimal(value))
        for month, value in session.exec(
            select(IndexValue.month, IndexValue.value).order_by(IndexValue.month)
        ).all()
    ]


def compute_fees(
    session: Session,
    trajectory_id: str,
    data: TrajectoryData,
    today: dt.date,
    values: Sequence[tuple[str, Decimal]] | None = None,
) -> TrajectoryFees:
    values = load_index_values(session) if values is None else values
    phases = phase_fees(data, values, today)
    indexed = [p.indexed_fee for p in phases]
    start, end = trajectory_period(data)
    return TrajectoryFees(
        trajectory_id=trajectory_id,
        phases=phases,
        total_fee=sum((p.fee for p in phases), Decimal("0.00")),
        total_indexed=None if None in indexed else sum(indexed, Decimal("0.00")),  # type: ignore[arg-type]
        guidance_minutes=guidance_minutes(session, data.worker_id, start, end),
    )


def trajectory_fees(
    ctx: ServiceContext, trajectory_id: str, today: dt.date | None = None
) -> TrajectoryFees:
    """Fees, indexed fees, overruns and guidance time of a trajectory the actor may see."""
    detail = get_trajectory(ctx, trajectory_id)
    with ctx.db.session() as session:
        return compute_fees(session, trajectory_id, detail.data, today or dt.date.today())


def money_text(amount: Decimal | None) -> str | None:
    """A decimal string with two decimals, as the exchange format writes money."""
    return None if amount is None else str(amount.quantize(CENT, rounding=ROUND_HALF_UP))


def fees_document(fees: TrajectoryFees) -> dict[str, object]:
    """The JSON of `zorgkoppel trajectory ID --json`."""
    return {
        "id": fees.trajectory_id,
        "phases": [
            {
                "phase": p.phase,
                "start": p.start.isoformat() if p.start else None,
                "end": p.end.isoformat() if p.end else None,
                "fee": money_text(p.fee),
                "indexed_fee": money_text(p.indexed_fee),
                "overrun": p.overrun,
            }
            for p in fees.phases
        ],
        "total_fee": money_text(fees.total_fee),
        "total_indexed": money_text(fees.total_indexed),
        "guidance_minutes": fees.guidance_minutes,
        "guidance_target_minutes": fees.guidance_target_minutes,
    }
