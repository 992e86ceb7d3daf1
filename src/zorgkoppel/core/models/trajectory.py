"""Transition trajectories (doorstroomtrajecten) and the health index that indexes their fees."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import Field

from zorgkoppel.core.models.record import Record, Stamped, Versioned
from zorgkoppel.core.models.types import DecimalText


class Trajectory(Versioned, Record, table=True):
    worker_id: str = Field(foreign_key="worker.id", index=True)
    provider_id: str | None = Field(default=None, foreign_key="organisation.id")
    target_employer_id: str | None = Field(default=None, foreign_key="organisation.id")
    index_base_month: str | None = Field(default=None, max_length=7)
    outcome: str | None = Field(default=None, max_length=20)


class TrajectoryPhase(Record, table=True):
    trajectory_id: str = Field(foreign_key="trajectory.id", index=True, ondelete="CASCADE")
    phase: str = Field(max_length=20)
    start_date: dt.date
    end_date: dt.date | None = None


class IndexValue(Stamped, table=True):
    """Health index (gezondheidsindex) of one month, `YYYY-MM`."""

    month: str = Field(primary_key=True, max_length=7)
    value: Decimal = Field(sa_type=DecimalText)
