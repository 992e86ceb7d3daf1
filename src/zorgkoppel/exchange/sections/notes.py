"""The `notes` section: guidance notes with participants, scores and actions."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from sqlmodel import Session, col, select

from zorgkoppel.core.errors import Problem
from zorgkoppel.core.models import Note
from zorgkoppel.core.rules.note import NoteActionData, NoteData, validate_note
from zorgkoppel.core.services.notes import (
    delete_note_children,
    load_notes,
    note_child_rows,
    note_columns,
)
from zorgkoppel.core.services.score_items import ANY_SCORE_ITEM, ensure_score_items
from zorgkoppel.exchange.reader import Reader
from zorgkoppel.exchange.sections.base import (
    Parsed,
    References,
    Section,
    Stored,
    Write,
)
from zorgkoppel.exchange.values import date_text


class NotesSection(Section[NoteData]):
    name = "notes"
    area = "notes"
    fields = frozenset(
        {"id", "worker", "date", "kind", "author", "participants", "duration_minutes",
         "visibility", "summary", "scores", "actions", "updated_at"}
    )

    def parse(self, reader: Reader, item: Mapping[str, Any]) -> Parsed[NoteData]:
        scores: dict[str, int | None] = {}
        for score_item, where, value in reader.entries(item, "scores"):
            if value is None:
                scores[score_item] = None
            else:
                score = reader.integer_value(value, where)
                if score is not None:
                    scores[score_item] = score
        actions = []
        for where, raw in reader.items(item, "actions"):
            action = reader.fields(raw, where, {"description", "owner", "due", "done"})
            if action is not None:
                actions.append(
                    NoteActionData(
                        description=reader.text(action, "description", where) or "",
                        owner_id=reader.text(action, "owner", where, 64) or None,
                        due=reader.date(action, "due", where),
                        done=reader.boolean(action, "done", where),
                    )
                )
        visibility = reader.text(item, "visibility", max_length=20)
        data = NoteData(
            worker_id=reader.text(item, "worker", max_length=64) or "",
            day=reader.date(item, "date"),
            kind=reader.text(item, "kind", max_length=32) or "",
            author_id=reader.text(item, "author", max_length=64) or None,
            participant_ids=reader.texts(item, "participants"),
            duration_minutes=reader.integer(item, "duration_minutes"),
            visibility="enterprise_only" if visibility is None else visibility,
            summary=reader.text(item, "summary") or "",
            scores=scores,
            actions=actions,
        )
        key = reader.text(item, "id", max_length=64, required=True)
        return Parsed(key, reader.timestamp(item, "updated_at"), data)

    def validate(self, key: str, data: NoteData, refs: References) -> list[Problem]:
        return validate_note(
            data,
            worker_exists=refs.workers.__contains__,
            person_exists=refs.people.__contains__,
            score_items=ANY_SCORE_ITEM,
        )

    def locked_keys(self, session: Session, keys: Collection[str]) -> set[str]:
        return set(
            session.exec(
                select(Note.id).where(
                    col(Note.id).in_(list(keys)), col(Note.signed_off_at).is_not(None)
                )
            ).all()
        )

    def after_write(self, session: Session, written: list[Write[NoteData]]) -> None:
        # Items scored in the file but unknown here become own items, so the note editor
        # shows and keeps their scores; a user can give them a proper label later.
        ensure_score_items(session, {item for w in written for item in w.data.scores})

    def render(self, key: str, data: NoteData) -> dict[str, Any]:
        return {
            "id": key,
            "worker": data.worker_id,
            "date": date_text(data.day),
            "kind": data.kind,
            "author": data.author_id,
            "participants": list(data.participant_ids),
            "duration_minutes": data.duration_minutes,
            "visibility": data.visibility,
            "summary": data.summary,
            "scores": dict(sorted(data.scores.items())),
            "actions": [
                {"description": a.description, "owner": a.owner_id, "due": date_text(a.due),
                 "done": a.done}
                for a in data.actions
            ],
        }

    def load(self, session: Session, keys: Collection[str] | None) -> dict[str, Stored[NoteData]]:
        return {
            key: Stored(detail.note.updated_at, detail.data, key)
            for key, detail in load_notes(session, keys).items()
        }

    model = Note
    columns = staticmethod(note_columns)  # type: ignore[assignment]
    children = staticmethod(note_child_rows)  # type: ignore[assignment]
    delete_children = staticmethod(delete_note_children)  # type: ignore[assignment]
