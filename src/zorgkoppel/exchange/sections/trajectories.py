"""The `trajectories` and `index_values` sections."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from typing import Any

from sqlmodel import Session, select

from zorgkoppel.core.errors import Problem
from zorgkoppel.core.models import IndexValue, Trajectory
from zorgkoppel.core.rules.trajectory import (
    IndexValueData,
    TrajectoryData,
    TrajectoryPhaseData,
    validate_index_value,
    validate_trajectory,
)
from zorgkoppel.core.services.trajectories import (
    delete_trajectory_children,
    load_trajectories,
    trajectory_child_rows,
    trajectory_columns,
)
from zorgkoppel.exchange.reader import Reader
from zorgkoppel.exchange.sections.base import (
    Parsed,
    References,
    Section,
    Stored,
)
from zorgkoppel.exchange.values import date_text, decimal_text


class TrajectoriesSection(Section[TrajectoryData]):
    name = "trajectories"
    area = "trajectories"
    fields = frozenset(
        {"id", "worker", "provider", "target_employer", "index_base_month", "phases",
         "outcome", "updated_at"}
    )

    def parse(self, reader: Reader, item: Mapping[str, Any]) -> Parsed[TrajectoryData]:
        phases = []
        for where, raw in reader.items(item, "phases"):
            phase = reader.fields(raw, where, {"phase", "start", "end"})
            if phase is not None:
                phases.append(
                    TrajectoryPhaseData(
                        phase=reader.text(phase, "phase", where, 20) or "",
                        start=reader.date(phase, "start", where),
                        end=reader.date(phase, "end", where),
                    )
                )
        data = TrajectoryData(
            worker_id=reader.text(item, "worker", max_length=64) or "",
            provider_id=reader.text(item, "provider", max_length=64) or None,
            target_employer_id=reader.text(item, "target_employer", max_length=64) or None,
            index_base_month=reader.text(item, "index_base_month", max_length=7),
            phases=phases,
            outcome=reader.text(item, "outcome", max_length=20),
        )
        key = reader.text(item, "id", max_length=64, required=True)
        return Parsed(key, reader.timestamp(item, "updated_at"), data)

    def validate(self, key: str, data: TrajectoryData, refs: References) -> list[Problem]:
        return validate_trajectory(
            data, worker_exists=refs.workers.__contains__,
            organisation_kind=refs.organisation_kind,
        )

    def render(self, key: str, data: TrajectoryData) -> dict[str, Any]:
        # Phases are stored without an order of their own and read back by date.
        phases = sorted(data.phases, key=lambda p: (p.start or dt.date.min, p.phase))
        return {
            "id": key,
            "worker": data.worker_id,
            "provider": data.provider_id,
            "target_employer": data.target_employer_id,
            "index_base_month": data.index_base_month,
            "phases": [
                {"phase": p.phase, "start": date_text(p.start), "end": date_text(p.end)}
                for p in phases
            ],
            "outcome": data.outcome,
        }

    def load(
        self, session: Session, keys: Collection[str] | None
    ) -> dict[str, Stored[TrajectoryData]]:
        return {
            key: Stored(detail.trajectory.updated_at, detail.data, key)
            for key, detail in load_trajectories(session, keys).items()
        }

    model = Trajectory
    columns = staticmethod(trajectory_columns)  # type: ignore[assignment]
    children = staticmethod(trajectory_child_rows)  # type: ignore[assignment]
    delete_children = staticmethod(delete_trajectory_children)  # type: ignore[assignment]


class IndexValuesSection(Section[IndexValueData]):
    name = "index_values"
    area = "index_values"
    key_field = "month"
    fields = frozenset({"month", "value", "updated_at"})

    def parse(self, reader: Reader, item: Mapping[str, Any]) -> Parsed[IndexValueData]:
        month = reader.text(item, "month", max_length=7, required=True)
        data = IndexValueData(month=month or "", value=reader.decimal(item, "value"))
        return Parsed(month or None, reader.timestamp(item, "updated_at"), data)

    def validate(self, key: str, data: IndexValueData, refs: References) -> list[Problem]:
        return validate_index_value(data)

    def render(self, key: str, data: IndexValueData) -> dict[str, Any]:
        return {"month": data.month, "value": decimal_text(data.value)}

    def load(
        self, session: Session, keys: Collection[str] | None
    ) -> dict[str, Stored[IndexValueData]]:
        wanted = None if keys is None else set(keys)
        return {
            row.month: Stored(row.updated_at, IndexValueData(row.month, row.value), row.month)
            for row in session.exec(select(IndexValue).order_by(IndexValue.month)).all()
            if wanted is None or row.month in wanted
        }

    model = IndexValue
    primary_key = "month"

    def columns(self, data: IndexValueData) -> dict[str, Any]:
        return {"value": data.value}
