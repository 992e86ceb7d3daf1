"""Rules for guidance notes and meetings: who, what kind, scores and agreed actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from zorgkoppel.core.codes import NOTE_KINDS, SCORE_ITEMS, VISIBILITIES
from zorgkoppel.core.errors import Problem, Problems
from zorgkoppel.core.rules.values import (
    MSG_REQUIRED,
    MSG_UNKNOWN_CODE,
    check_code,
    check_not_negative,
)
from zorgkoppel.i18n import N_

SCORE_RANGE = range(1, 5)
MSG_NO_PERSON = N_("no person with id {key}")


@dataclass
class NoteActionData:
    description: str
    owner_id: str | None = None
    due: dt.date | None = None
    done: bool = False


@dataclass
class NoteData:
    worker_id: str
    day: dt.date | None
    kind: str
    author_id: str | None = None
    participant_ids: list[str] = field(default_factory=list)
    duration_minutes: int | None = None
    # Confidential unless said otherwise (DOMAIN.md): the care facility must not see it.
    visibility: str = "enterprise_only"
    summary: str = ""
    # Score item -> 1..4, or None when the item was not observed.
    scores: dict[str, int | None] = field(default_factory=dict)
    actions: list[NoteActionData] = field(default_factory=list)
    # Not in the exchange file: the time of day and the agreement the note is about.
    start_time: dt.time | None = None
    agreement_id: str | None = None


def validate_note(
    data: NoteData,
    *,
    worker_exists: Callable[[str], bool],
    person_exists: Callable[[str], bool],
    score_items: Collection[str] = SCORE_ITEMS.keys(),
) -> list[Problem]:
    problems = Problems()
    if not data.worker_id:
        problems.add("worker", MSG_REQUIRED)
    elif not worker_exists(data.worker_id):
        problems.add("worker", N_("no worker with id {key}"), key=data.worker_id)
    if data.day is None:
        problems.add("date", MSG_REQUIRED)
    check_code(problems, "kind", data.kind, NOTE_KINDS)
    check_code(problems, "visibility", data.visibility, VISIBILITIES)
    if data.author_id and not person_exists(data.author_id):
        problems.add("author", MSG_NO_PERSON, key=data.author_id)
    seen: set[str] = set()
    for i, person_id in enumerate(data.participant_ids):
        where = f"participants[{i}]"
        if not person_exists(person_id):
            problems.add(where, MSG_NO_PERSON, key=person_id)
        elif person_id in seen:
            problems.add(where, N_("person {key} appears twice"), key=person_id)
        seen.add(person_id)
    check_not_negative(problems, "duration_minutes", data.duration_minutes)
    for item, score in data.scores.items():
        if item not in score_items:
            problems.add(f"scores.{item}", MSG_UNKNOWN_CODE,
                         value=item, allowed=", ".join(score_items))
        elif score is not None and score not in SCORE_RANGE:
            problems.add(f"scores.{item}", N_("must be 1, 2, 3, 4 or null (not observed)"))
    for i, action in enumerate(data.actions):
        where = f"actions[{i}]"
        if not action.description or not action.description.strip():
            problems.add(f"{where}.description", MSG_REQUIRED)
        if action.owner_id and not person_exists(action.owner_id):
            problems.add(f"{where}.owner", MSG_NO_PERSON, key=action.owner_id)
    return problems.items
