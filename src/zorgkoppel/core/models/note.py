"""Guidance notes and meetings about a worker, with scores and agreed actions."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, UniqueConstraint

from zorgkoppel.core.models.record import Record, Versioned
from zorgkoppel.core.models.types import UtcDateTime


class Note(Versioned, Record, table=True):
    worker_id: str = Field(foreign_key="worker.id", index=True)
    day: dt.date = Field(index=True)
    kind: str = Field(max_length=32)
    author_id: str | None = Field(default=None, foreign_key="person.id")
    duration_minutes: int | None = None
    # Confidential unless said otherwise: the care facility must not see enterprise_only notes.
    visibility: str = Field(default="enterprise_only", max_length=20)
    summary: str = ""
    # Issue 5, not in the exchange file: the time of day, the agreement the note is about,
    # and when the worker signed it off as seen (then it is locked; corrections are addenda).
    start_time: dt.time | None = None
    agreement_id: str | None = Field(default=None, foreign_key="agreement.id", index=True)
    signed_off_at: dt.datetime | None = Field(default=None, sa_type=UtcDateTime)


class NoteParticipant(Record, table=True):
    __table_args__ = (UniqueConstraint("note_id", "person_id"),)
    note_id: str = Field(foreign_key="note.id", index=True, ondelete="CASCADE")
    person_id: str = Field(foreign_key="person.id")
    position: int = 0


class NoteScore(Record, table=True):
    """A work-attitude score 1–4; no row (or None) means not observed."""

    __table_args__ = (UniqueConstraint("note_id", "item"),)
    note_id: str = Field(foreign_key="note.id", index=True, ondelete="CASCADE")
    item: str = Field(max_length=40)
    score: int | None = None


class NoteAction(Record, table=True):
    note_id: str = Field(foreign_key="note.id", index=True, ondelete="CASCADE")
    description: str
    owner_id: str | None = Field(default=None, foreign_key="person.id")
    due: dt.date | None = None
    done: bool = False
    position: int = 0
