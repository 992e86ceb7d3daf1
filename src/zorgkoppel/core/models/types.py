"""Column types that keep values exact and portable between SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime, String
from sqlalchemy.types import TypeDecorator


class DecimalText(TypeDecorator[Decimal]):
    """A Decimal kept as its exact text: SQLite has no decimal type and would round via float."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        if value is None:
            return None
        # Plain notation keeps the precision and never stores an exponent: `10`, not `1E+1`.
        return format(Decimal(value), "f")

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        return None if value is None else Decimal(value)


class UtcDateTime(TypeDecorator[dt.datetime]):
    """An aware timestamp stored as UTC; SQLite would otherwise drop the offset."""

    impl = DateTime()
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive timestamps are not stored; give an offset")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    # Millisecond precision: what survives an ISO round trip through every backend.
    now = dt.datetime.now(dt.UTC)
    return now.replace(microsecond=(now.microsecond // 1000) * 1000)
