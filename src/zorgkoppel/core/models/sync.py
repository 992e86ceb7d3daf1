"""What this database and an exchange partner last agreed on, per record, to spot conflicts."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field

from zorgkoppel.core.models.record import Stamped
from zorgkoppel.core.models.types import UtcDateTime


class SyncState(Stamped, table=True):
    section: str = Field(primary_key=True, max_length=32)
    record_key: str = Field(primary_key=True, max_length=200)
    agreed_updated_at: dt.datetime = Field(sa_type=UtcDateTime)
