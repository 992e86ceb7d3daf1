"""Short, translatable reasons: why someone is on a post, why a place stays open."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from zorgkoppel.i18n import N_, _

# Why a worker is on a post, in the order the objective weighs them.
PINNED = N_("pinned by the planner")
KEPT = N_("kept from the current plan")
PREFERS = N_("likes this task")
ROUTE = N_("had this route yesterday")
LEARNS = N_("learns next to {colleague}")
FREE = N_("has the skill and is free at that time")
# Why a place stays open.
NO_SKILL = N_("nobody present is independent on '{task}'")
NOT_PRESENT = N_("nobody present with the skill '{task}' between {start} and {end}")
NO_LICENCE = N_("nobody present with the skill '{task}' has a driving licence")
NO_DUTCH = N_("nobody present with the skill '{task}' has Dutch level {level}")
NO_ONE_ELSE = N_("nobody else present can do '{task}' between {start} and {end}")
BUSY = N_("everyone who could ({names}) is on another post at that time")


@dataclass(frozen=True)
class Reason:
    """An English msgid with its parameters, translated when shown."""

    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        return _(self.message).format(**self.params)
