"""Fields every stored record carries: a string UUID key and its creation and change times."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from zorgkoppel.core.models.types import UtcDateTime, new_id, utcnow


class Stamped(SQLModel):
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UtcDateTime, nullable=False)
    updated_at: dt.datetime = Field(default_factory=utcnow, sa_type=UtcDateTime, nullable=False)


class Record(Stamped):
    id: str = Field(default_factory=new_id, primary_key=True, max_length=64)
