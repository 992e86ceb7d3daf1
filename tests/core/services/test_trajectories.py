"""Transition trajectories with their phases."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.services.conftest import Base
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, ValidationError
from zorgkoppel.core.rules.trajectory import TrajectoryData, TrajectoryPhaseData
from zorgkoppel.core.services.trajectories import (
    delete_trajectory,
    get_trajectory,
    list_trajectories,
    save_trajectory,
)


def trajectory(base: Base) -> TrajectoryData:
    return TrajectoryData(
        base.samir, base.lde, base.wzc, "2018-12",
        [TrajectoryPhaseData("pre_trajectory", dt.date(2025, 1, 6), dt.date(2025, 2, 5)),
         TrajectoryPhaseData("job_matching", dt.date(2025, 2, 6))],
    )


def test_save_update_and_list(ctx: ServiceContext, base: Base) -> None:
    saved = save_trajectory(ctx, trajectory(base)).value
    assert get_trajectory(ctx, saved.id).data == trajectory(base)

    finished = trajectory(base)
    finished.phases[1].end = dt.date(2025, 5, 1)
    finished.outcome = "hired"
    save_trajectory(ctx, finished, saved.id)

    assert get_trajectory(ctx, saved.id).data == finished
    assert list_trajectories(ctx, outcome="open") == []
    assert [t.id for t in list_trajectories(ctx, worker_id=base.samir)] == [saved.id]


def test_invalid_trajectory_is_refused(ctx: ServiceContext, base: Base) -> None:
    bad = trajectory(base)
    bad.phases.append(TrajectoryPhaseData("job_matching", dt.date(2025, 3, 1)))
    with pytest.raises(ValidationError) as caught:
        save_trajectory(ctx, bad)
    assert [p.field for p in caught.value.problems] == ["phases[2].phase"]


def test_delete(ctx: ServiceContext, base: Base) -> None:
    saved = save_trajectory(ctx, trajectory(base)).value
    delete_trajectory(ctx, saved.id)
    with pytest.raises(NotFoundError):
        get_trajectory(ctx, saved.id)
