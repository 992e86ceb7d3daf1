"""The monitoring report of transition trajectories (doorstroom): for a period, the
trajectories started in it, the furthest phase each reached by the period's end, their
outcomes, and the guidance hours logged in notes about those workers during the period.
Only what the actor may see counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func
from sqlmodel import col, select

from zorgkoppel.core.codes import TRAJECTORY_OUTCOMES, TRAJECTORY_PHASES
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import Note, Trajectory, TrajectoryPhase
from zorgkoppel.core.services.partnership_report import Period
from zorgkoppel.core.services.visibility import note_clause, trajectory_clause

OPEN = "open"  # no outcome yet
PHASE_ORDER = tuple(TRAJECTORY_PHASES)


@dataclass(frozen=True)
class TrajectoryReport:
    period: Period
    started: int
    phase_reached: dict[str, int]  # every phase, in order; 0 where none got that far
    outcomes: dict[str, int]  # hired, not_hired, stopped, open
    guidance_hours: Decimal
    trajectory_ids: tuple[str, ...]


def trajectory_report(ctx: ServiceContext, start: dt.date | None = None,
                      end: dt.date | None = None,
                      today: dt.date | None = None) -> TrajectoryReport:
    period = Period.of(start, end, today)
    first_start = func.min(TrajectoryPhase.start_date)
    started = (
        select(Trajectory.id, Trajectory.worker_id, Trajectory.outcome)
        .join(TrajectoryPhase, col(TrajectoryPhase.trajectory_id) == Trajectory.id)
        .where(trajectory_clause(ctx))
        .group_by(col(Trajectory.id), col(Trajectory.worker_id), col(Trajectory.outcome))
        .having(first_start >= period.start, first_start <= period.end)
    )
    with ctx.db.engine.connect() as connection:
        found = connection.execute(started).all()
        ids = [row[0] for row in found]
        reached: dict[str, int] = {}
        for trajectory_id, phase in connection.execute(
                select(TrajectoryPhase.trajectory_id, TrajectoryPhase.phase)
                .where(col(TrajectoryPhase.trajectory_id).in_(ids),
                       col(TrajectoryPhase.start_date) <= period.end)):
            rank = PHASE_ORDER.index(phase) if phase in PHASE_ORDER else -1
            reached[trajectory_id] = max(reached.get(trajectory_id, -1), rank)
        workers = sorted({row[1] for row in found})
        minutes = connection.execute(
            select(func.coalesce(func.sum(Note.duration_minutes), 0))
            .where(col(Note.worker_id).in_(workers), col(Note.day) >= period.start,
                   col(Note.day) <= period.end, note_clause(ctx))
        ).scalar_one()
    phase_reached = dict.fromkeys(PHASE_ORDER, 0)
    for rank in reached.values():
        if rank >= 0:
            phase_reached[PHASE_ORDER[rank]] += 1
    outcomes = dict.fromkeys([*TRAJECTORY_OUTCOMES, OPEN], 0)
    for _id, _worker, outcome in found:
        outcomes[outcome if outcome in TRAJECTORY_OUTCOMES else OPEN] += 1
    hours = (Decimal(int(minutes)) / 60).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return TrajectoryReport(period, len(found), phase_reached, outcomes, hours,
                            tuple(sorted(ids)))
