"""validate_note: who, what kind, scores and actions."""

from __future__ import annotations

import datetime as dt

from zorgkoppel.core.rules.note import NoteActionData, NoteData, validate_note


def note_problems(data: NoteData) -> dict[str, str]:
    problems = validate_note(data, worker_exists=lambda key: key == "w1",
                             person_exists=lambda key: key in ("coach", "nurse"))
    return {p.field: p.text() for p in problems}


def test_a_note_defaults_to_enterprise_only() -> None:
    data = NoteData("w1", dt.date(2024, 10, 15), "contact")
    assert data.visibility == "enterprise_only"
    assert note_problems(data) == {}


def test_note_rules() -> None:
    data = NoteData(
        "w9", None, "gossip", author_id="boss", participant_ids=["coach", "coach"],
        duration_minutes=-5, scores={"pace": 0, "teamwork": None},
        actions=[NoteActionData("", owner_id="nobody")],
    )
    assert note_problems(data) == {
        "worker": "no worker with id w9",
        "date": "is required",
        "kind": "'gossip' is not one of: contact, performance_meeting, evaluation_meeting, "
                "intake, transition_milestone",
        "author": "no person with id boss",
        "participants[1]": "person coach appears twice",
        "duration_minutes": "must not be negative",
        "scores.pace": "must be 1, 2, 3, 4 or null (not observed)",
        "actions[0].description": "is required",
        "actions[0].owner": "no person with id nobody",
    }
