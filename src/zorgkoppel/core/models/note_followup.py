"""Addenda to signed-off notes, and the configurable work-attitude score items."""

from __future__ import annotations

from sqlmodel import Field

from zorgkoppel.core.models.record import Record, Stamped


class NoteAddendum(Record, table=True):
    """A correction or addition written after the note was signed off and locked."""

    note_id: str = Field(foreign_key="note.id", index=True, ondelete="CASCADE")
    author_id: str | None = Field(default=None, foreign_key="person.id")
    text: str


class ScoreItem(Stamped, table=True):
    """A work-attitude item scored 1–4 in notes; the built-in six are added when missing."""

    code: str = Field(primary_key=True, max_length=40)
    label: str = Field(max_length=120)  # as typed; built-in items show their translation
    position: int = 0
    active: bool = True
