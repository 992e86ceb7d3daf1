"""The audit trail: who did what to which records, never the content, chained by hashes."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from zorgkoppel.core.models.record import DEFERRED
from zorgkoppel.core.models.types import UtcDateTime


class AuditEntry(SQLModel, table=True):
    model_config = DEFERRED

    # A growing integer key: the chain order, and a gap shows a removed row.
    seq: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(sa_type=UtcDateTime, nullable=False)
    user_name: str = Field(max_length=40)
    action: str = Field(max_length=40, index=True)
    # The worker the entry is about, if any, so a person's access history is one lookup.
    worker_id: str | None = Field(default=None, max_length=64, index=True)
    # Space-separated ids of the records touched (never names or text).
    record_ids: str = Field(default="")
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)
