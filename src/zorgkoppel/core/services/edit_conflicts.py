"""Resolving an edit conflict: keep mine, take theirs, or merge field by field.

Every resolution starts from the conflict's stored version (`theirs_version`): a third
change that lands meanwhile raises a new EditConflict rather than being overwritten.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from enum import Enum
from typing import Any

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import EditConflict
from zorgkoppel.core.services.notes import save_note
from zorgkoppel.core.services.organisations import save_organisation, save_person
from zorgkoppel.core.services.outcome import Outcome
from zorgkoppel.core.services.roster import save_roster_day
from zorgkoppel.core.services.trajectories import save_trajectory
from zorgkoppel.core.services.workers import save_worker


class Pick(Enum):
    MINE = "mine"
    THEIRS = "theirs"


Saver = Callable[[ServiceContext, Any, str, int], Outcome[Any]]

_SAVERS: dict[str, Saver] = {
    "worker": lambda ctx, data, key, version: save_worker(
        ctx, data, key, expected_version=version),
    "organisation": lambda ctx, data, key, version: save_organisation(
        ctx, data, key, expected_version=version),
    "person": lambda ctx, data, key, version: save_person(
        ctx, data, key, expected_version=version),
    "note": lambda ctx, data, key, version: save_note(ctx, data, key, expected_version=version),
    "trajectory": lambda ctx, data, key, version: save_trajectory(
        ctx, data, key, expected_version=version),
    "roster_day": lambda ctx, data, _key, version: save_roster_day(
        ctx, data, expected_version=version),
}


def keep_mine(ctx: ServiceContext, conflict: EditConflict) -> Outcome[Any]:
    """Save the form's values over the version stored now."""
    return _save(ctx, conflict, conflict.mine)


def take_theirs(conflict: EditConflict) -> Any:
    """Nothing is saved: the stored data, for the form to show instead of its own."""
    return conflict.theirs


def merged(conflict: EditConflict, picks: Mapping[str, Pick]) -> Any:
    """The stored data with the fields picked as MINE taken from the form.

    A differing field without a pick keeps the form's value: nothing typed is dropped
    unless the user chose so.
    """
    chosen = {
        f.name: f.mine
        for f in conflict.differing()
        if picks.get(f.name, Pick.MINE) is Pick.MINE
    }
    return replace(conflict.theirs, **chosen)


def merge(
    ctx: ServiceContext, conflict: EditConflict, picks: Mapping[str, Pick]
) -> Outcome[Any]:
    """Save a per-field choice between the form's and the stored values."""
    return _save(ctx, conflict, merged(conflict, picks))


def _save(ctx: ServiceContext, conflict: EditConflict, data: Any) -> Outcome[Any]:
    return _SAVERS[conflict.kind](ctx, data, conflict.record_id, conflict.theirs_version)
