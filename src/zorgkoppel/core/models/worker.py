"""Social-economy workers, their skills per task and their task preferences."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, UniqueConstraint

from zorgkoppel.core.models.record import Record, Versioned


class Worker(Versioned, Record, table=True):
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100, index=True)
    employer_id: str = Field(foreign_key="organisation.id", index=True)
    programme: str = Field(max_length=32)
    integration_start: dt.date | None = None
    dutch_level: str | None = Field(default=None, max_length=8)
    driving_licence: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class WorkerSkill(Record, table=True):
    __table_args__ = (UniqueConstraint("worker_id", "task_code"),)
    worker_id: str = Field(foreign_key="worker.id", index=True, ondelete="CASCADE")
    task_code: str = Field(foreign_key="task.code")
    level: str = Field(max_length=20)
    since: dt.date | None = None


class WorkerPreference(Record, table=True):
    """-2 strongly disliked … +2 strongly preferred."""

    __table_args__ = (UniqueConstraint("worker_id", "task_code"),)
    worker_id: str = Field(foreign_key="worker.id", index=True, ondelete="CASCADE")
    task_code: str = Field(foreign_key="task.code")
    weight: int
