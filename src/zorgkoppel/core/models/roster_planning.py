"""What the planner keeps beside the roster days: weekly templates and skill-level history.

Neither is part of the exchange file (EXCHANGE.md has no place for them).
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, UniqueConstraint

from zorgkoppel.core.models.record import Record


class RosterTemplatePost(Record, table=True):
    """A post a site plans every week on `weekday` (0 = Monday): routes, kitchen, animation…"""

    __table_args__ = (UniqueConstraint("site_id", "weekday", "key"),)
    # A template is part of its site: it goes when the site is deleted.
    site_id: str = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")
    weekday: int
    key: str = Field(max_length=64)
    task_code: str = Field(foreign_key="task.code")
    start_time: dt.time
    end_time: dt.time
    needed: int = 1
    label: str | None = Field(default=None, max_length=120)
    position: int = 0


class SkillLevelChange(Record, table=True):
    """A worker's level on a task from `since` on; the latest is the worker's skill."""

    worker_id: str = Field(foreign_key="worker.id", index=True, ondelete="CASCADE")
    task_code: str = Field(foreign_key="task.code")
    level: str = Field(max_length=20)
    since: dt.date
