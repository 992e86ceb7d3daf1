"""An empty string where a reference may be left out means "none", never a dangling key."""

from __future__ import annotations

from tests.exchange.support import example_document
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.trajectories import get_trajectory
from zorgkoppel.exchange.importer import import_exchange


def test_trajectory_without_provider_or_target_employer(ctx: ServiceContext) -> None:
    document = example_document()
    document["trajectories"][0]["provider"] = ""
    document["trajectories"][0]["target_employer"] = ""
    import_exchange(ctx, document)
    stored = get_trajectory(ctx, "t-1").trajectory
    assert stored.provider_id is None
    assert stored.target_employer_id is None
