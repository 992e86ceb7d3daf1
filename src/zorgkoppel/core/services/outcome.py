"""The result of a write: the record written and what changed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from zorgkoppel.core.changes import Changes

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    value: T
    changes: Changes
