"""The daily roster of a site: posts, who is present, who is placed where, and the review."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, UniqueConstraint

from zorgkoppel.core.models.record import Record, Versioned


class RosterDay(Versioned, Record, table=True):
    __table_args__ = (UniqueConstraint("site_id", "day"),)
    site_id: str = Field(foreign_key="organisation.id", index=True)
    day: dt.date = Field(index=True)
    review: str | None = None


class RosterPost(Versioned, Record, table=True):
    """A place to fill. `key` is the post's id in exchange files, unique within its day."""

    __table_args__ = (UniqueConstraint("roster_day_id", "key"),)
    roster_day_id: str = Field(foreign_key="rosterday.id", index=True, ondelete="CASCADE")
    key: str = Field(max_length=64)
    task_code: str = Field(foreign_key="task.code")
    start_time: dt.time
    end_time: dt.time
    needed: int = 1
    label: str | None = Field(default=None, max_length=120)
    position: int = 0


class RosterPresence(Record, table=True):
    __table_args__ = (UniqueConstraint("roster_day_id", "worker_id"),)
    roster_day_id: str = Field(foreign_key="rosterday.id", index=True, ondelete="CASCADE")
    worker_id: str = Field(foreign_key="worker.id", index=True)
    status: str = Field(max_length=16)
    start_time: dt.time | None = None
    end_time: dt.time | None = None


class RosterAssignment(Versioned, Record, table=True):
    __table_args__ = (UniqueConstraint("post_id", "worker_id"),)
    roster_day_id: str = Field(foreign_key="rosterday.id", index=True, ondelete="CASCADE")
    post_id: str = Field(foreign_key="rosterpost.id", index=True, ondelete="CASCADE")
    worker_id: str = Field(foreign_key="worker.id", index=True)
    pinned: bool = False
