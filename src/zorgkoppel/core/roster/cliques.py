"""Maximal sets of posts that run at the same moment: one constraint each keeps the model tight."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def overlap_cliques(windows: Iterable[tuple[str, dt.time, dt.time]]) -> list[frozenset[str]]:
    """Maximal groups (two or more) of keys whose `[start, end)` windows share a moment.

    For intervals every maximal clique is the set running just after some start, so trying
    each start is enough; groups inside a larger one are dropped.
    """
    items = list(windows)
    groups = {
        frozenset(key for key, start, end in items if start <= moment < end)
        for _key, moment, _end in items
    }
    groups = {g for g in groups if len(g) > 1}
    return sorted(
        (g for g in groups if not any(g < other for other in groups)), key=sorted
    )
