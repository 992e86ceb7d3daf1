"""The `updated_at` rule: which version of a record wins, and when that is a conflict.

For a record whose key exists on both sides with different content:
- a side "changed since agreement" when its `updated_at` is newer than the agreed one
  recorded at the last import or export (SyncState); with no agreed time both sides count
  as changed, since nobody knows what they last agreed on;
- the newer `updated_at` wins; on a tie the local version stays;
- an incoming record WITHOUT `updated_at` wins (the file says so explicitly, and
  silently dropping it would lose data) and counts as changed: it is a conflict when the
  local record changed since agreement too;
- a conflict is reported when both sides changed since agreement, whichever wins.
A stored record that nobody changed (a built-in task as shipped) is simply replaced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum


class Verdict(Enum):
    CREATE = "created"
    UPDATE = "updated"
    UNCHANGED = "unchanged"
    KEEP_LOCAL = "kept_local"


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    conflict: bool = False


def resolve(
    incoming_at: dt.datetime | None,
    local_at: dt.datetime | None,
    agreed_at: dt.datetime | None,
    *,
    same_content: bool,
    local_pristine: bool = False,
) -> Decision:
    """`local_at` None means the record does not exist locally."""
    if local_at is None:
        return Decision(Verdict.CREATE)
    if same_content:
        return Decision(Verdict.UNCHANGED)
    if local_pristine:
        return Decision(Verdict.UPDATE)
    local_changed = agreed_at is None or local_at > agreed_at
    incoming_changed = agreed_at is None or incoming_at is None or incoming_at > agreed_at
    incoming_wins = incoming_at is None or incoming_at > local_at
    return Decision(
        Verdict.UPDATE if incoming_wins else Verdict.KEEP_LOCAL,
        conflict=local_changed and incoming_changed,
    )
