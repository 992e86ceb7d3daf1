"""How single values are written in an exchange file (EXCHANGE.md): the exporter's side."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

FORMAT = "zorgkoppel-exchange"
VERSION = 1


def decimal_text(value: Decimal | None) -> str | None:
    """Plain notation with the stored precision: `17.50`, never `1.75E+1`."""
    return None if value is None else format(value, "f")


def date_text(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def time_text(value: dt.time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


def timestamp_text(value: dt.datetime) -> str:
    """ISO 8601 in UTC with its offset; milliseconds unless the value has finer precision."""
    utc = value.astimezone(dt.UTC)
    spec = "milliseconds" if utc.microsecond % 1000 == 0 else "microseconds"
    return utc.isoformat(timespec=spec)
