"""How values look on screen: dates, times, amounts and yes/no in the current language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from zorgkoppel.i18n import _, ngettext
from zorgkoppel.i18n.formatting import format_date, format_datetime, format_money, format_number


def date_text(value: dt.date | None) -> str:
    """`12 mrt. 2025` in a list."""
    return format_date(value, fmt="medium")


def long_date_text(value: dt.date | None) -> str:
    """`12 maart 2025` in a detail pane."""
    return format_date(value)


def time_text(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def period_text(start: dt.time | None, end: dt.time | None) -> str:
    if start is None and end is None:
        return ""
    return f"{time_text(start)}–{time_text(end)}"


def money_text(value: Decimal | None) -> str:
    return format_money(value)


def number_text(value: Decimal | int | None) -> str:
    return format_number(value)


def yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def minutes_text(value: int | None) -> str:
    if value is None:
        return ""
    return ngettext("{count} minute", "{count} minutes", value).format(count=value)


def dutch_level_text(level: str | None) -> str:
    """CEFR levels as they are (A1 … C2); `native` in words."""
    if level == "native":
        return _("native speaker")
    return level or ""


def datetime_text(value: dt.datetime | None) -> str:
    """`4 dec 2026, 22:00:00` in local time (stored times are UTC)."""
    if value is None:
        return ""
    return format_datetime(value.astimezone() if value.tzinfo else value)
