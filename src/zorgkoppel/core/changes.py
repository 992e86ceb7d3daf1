"""What a service call changed, so open screens refresh only the areas concerned."""

from __future__ import annotations

from dataclasses import dataclass, field

AREAS = (
    "tasks",
    "organisations",
    "people",
    "workers",
    "agreements",
    "roster",
    "notes",
    "trajectories",
    "index_values",
    "users",
)


@dataclass(frozen=True)
class Changes:
    areas: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *areas: str) -> Changes:
        unknown = set(areas) - set(AREAS)
        if unknown:
            raise ValueError(f"unknown change areas: {sorted(unknown)}")
        return cls(frozenset(areas))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.areas | other.areas)

    def touches(self, *areas: str) -> bool:
        return bool(self.areas & set(areas))

    def __bool__(self) -> bool:
        return bool(self.areas)


ALL_CHANGED = Changes(frozenset(AREAS))
