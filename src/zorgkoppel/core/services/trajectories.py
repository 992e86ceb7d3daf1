"""Transition trajectories (doorstroomtrajecten) of workers, with their phases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlmodel import Session, col, select

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, PermissionDenied, Problem, ValidationError
from zorgkoppel.core.models import Organisation, Trajectory, TrajectoryPhase, Worker
from zorgkoppel.core.models.types import new_id, utcnow
from zorgkoppel.core.rules.trajectory import (
    TrajectoryData,
    TrajectoryPhaseData,
    validate_trajectory,
)
from zorgkoppel.core.services.access import require_role, require_write
from zorgkoppel.core.services.outcome import Outcome
from zorgkoppel.core.services.record_versions import check_version, stale_as_conflict
from zorgkoppel.core.services.sync import forget_agreed
from zorgkoppel.core.services.visibility import employs, may_see_trajectory, trajectory_clause
from zorgkoppel.i18n import N_
from zorgkoppel.storage.bulk import batches, delete_where_in, insert_rows

MSG_NO_TRAJECTORY = N_("No trajectory with id {key}.")
SYNC_SECTION = "trajectories"


@dataclass(frozen=True)
class TrajectoryDetail:
    trajectory: Trajectory
    data: TrajectoryData


def trajectory_columns(data: TrajectoryData) -> dict[str, Any]:
    return {
        "worker_id": data.worker_id,
        "provider_id": data.provider_id,
        "target_employer_id": data.target_employer_id,
        "index_base_month": data.index_base_month,
        "outcome": data.outcome,
    }


def trajectory_child_rows(
    trajectory_id: str, data: TrajectoryData, now: dt.datetime
) -> dict[type[Any], list[dict[str, Any]]]:
    return {
        TrajectoryPhase: [
            {"id": new_id(), "trajectory_id": trajectory_id, "phase": p.phase,
             "start_date": p.start, "end_date": p.end, "created_at": now, "updated_at": now}
            for p in data.phases
        ]
    }


def delete_trajectory_children(session: Session, trajectory_ids: Collection[str]) -> None:
    delete_where_in(session, TrajectoryPhase.trajectory_id, trajectory_ids)


def load_trajectories(
    session: Session, ids: Collection[str] | None = None
) -> dict[str, TrajectoryDetail]:
    rows: list[Trajectory] = []
    phases: dict[str, list[TrajectoryPhaseData]] = {}
    for batch in [None] if ids is None else batches(ids):
        query = select(Trajectory)
        # Phases have no position of their own: their dates order them.
        phase_query = select(TrajectoryPhase).order_by(
            TrajectoryPhase.start_date, TrajectoryPhase.phase
        )
        if batch is not None:
            query = query.where(col(Trajectory.id).in_(batch))
            phase_query = phase_query.where(col(TrajectoryPhase.trajectory_id).in_(batch))
        rows.extend(session.exec(query).all())
        for p in session.exec(phase_query).all():
            phases.setdefault(p.trajectory_id, []).append(
                TrajectoryPhaseData(p.phase, p.start_date, p.end_date)
            )
    return {
        t.id: TrajectoryDetail(
            t,
            TrajectoryData(
                worker_id=t.worker_id,
                provider_id=t.provider_id,
                target_employer_id=t.target_employer_id,
                index_base_month=t.index_base_month,
                phases=phases.get(t.id, []),
                outcome=t.outcome,
            ),
        )
        for t in rows
    }


def validate_in_session(session: Session, data: TrajectoryData) -> list[Problem]:
    def organisation_kind(key: str) -> str | None:
        organisation = session.get(Organisation, key)
        return organisation.kind if organisation else None

    return validate_trajectory(
        data,
        worker_exists=lambda key: session.get(Worker, key) is not None,
        organisation_kind=organisation_kind,
    )


def _visible(session: Session, ctx: ServiceContext, trajectory: Trajectory | None) -> bool:
    return trajectory is not None and may_see_trajectory(session, ctx, trajectory)


def _require_guide(session: Session, ctx: ServiceContext, worker_id: str) -> None:
    """Trajectories are written by the worker's employer (its job coaches) or an admin."""
    require_role(ctx, "job_coach")
    worker = session.get(Worker, worker_id)
    if worker is not None and not employs(ctx, worker):
        raise PermissionDenied(N_("You may only write trajectories of your own workers."))


def list_trajectories(
    ctx: ServiceContext, worker_id: str | None = None, outcome: str | None = None
) -> list[Trajectory]:
    """Trajectories of workers the actor may see; `outcome` "open" means no outcome yet."""
    with ctx.db.session() as session:
        query = (
            select(Trajectory)
            .join(Worker, col(Worker.id) == col(Trajectory.worker_id))
            .where(trajectory_clause(ctx))
        )
        if worker_id:
            query = query.where(Trajectory.worker_id == worker_id)
        if outcome == "open":
            query = query.where(col(Trajectory.outcome).is_(None))
        elif outcome:
            query = query.where(Trajectory.outcome == outcome)
        return list(session.exec(query.order_by(Worker.last_name, Trajectory.id)).all())


def get_trajectory(ctx: ServiceContext, trajectory_id: str) -> TrajectoryDetail:
    with ctx.db.session() as session:
        detail = load_trajectories(session, [trajectory_id]).get(trajectory_id)
        if detail is None or not _visible(session, ctx, session.get(Trajectory, trajectory_id)):
            raise NotFoundError(MSG_NO_TRAJECTORY, key=trajectory_id)
    return detail


def stored_trajectory(ctx: ServiceContext, trajectory_id: str) -> tuple[int, TrajectoryData]:
    detail = get_trajectory(ctx, trajectory_id)
    return detail.trajectory.version, detail.data


def save_trajectory(
    ctx: ServiceContext, data: TrajectoryData, trajectory_id: str | None = None,
    expected_version: int | None = None,
) -> Outcome[Trajectory]:
    """Create (no id) or update a trajectory; its phases are replaced.

    With `expected_version`, one changed meanwhile raises EditConflict and is kept.
    """
    require_write(ctx)
    load = partial(stored_trajectory, ctx, trajectory_id or "")
    with stale_as_conflict("trajectory", trajectory_id, expected_version, data, load), \
            ctx.db.transaction() as session:
        if trajectory_id is not None:
            found = session.get(Trajectory, trajectory_id)
            if found is None or not _visible(session, ctx, found):
                raise NotFoundError(MSG_NO_TRAJECTORY, key=trajectory_id)
            _require_guide(session, ctx, found.worker_id)
            check_version("trajectory", trajectory_id, found.version, expected_version,
                          data, load)
        problems = validate_in_session(session, data)
        if problems:
            raise ValidationError(problems)
        _require_guide(session, ctx, data.worker_id)
        now = utcnow()
        if trajectory_id is None:
            trajectory = Trajectory(**trajectory_columns(data))
        else:
            trajectory = found
            for name, value in trajectory_columns(data).items():
                setattr(trajectory, name, value)
            trajectory.updated_at = now
            delete_trajectory_children(session, [trajectory.id])
        session.add(trajectory)
        session.flush()
        for model, rows in trajectory_child_rows(trajectory.id, data, now).items():
            insert_rows(session, model, rows)
    return Outcome(trajectory, Changes.of("trajectories"))


def delete_trajectory(ctx: ServiceContext, trajectory_id: str) -> Changes:
    require_write(ctx)
    with ctx.db.transaction() as session:
        trajectory = session.get(Trajectory, trajectory_id)
        if trajectory is None or not _visible(session, ctx, trajectory):
            raise NotFoundError(MSG_NO_TRAJECTORY, key=trajectory_id)
        _require_guide(session, ctx, trajectory.worker_id)
        delete_trajectory_children(session, [trajectory_id])
        session.delete(trajectory)
        forget_agreed(session, SYNC_SECTION, [trajectory_id])
    return Changes.of("trajectories")
