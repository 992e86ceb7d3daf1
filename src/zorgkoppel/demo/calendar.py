"""Dates of the demo data set, all relative to the day it is loaded so it never looks stale."""

from __future__ import annotations

import datetime as dt

ROSTER_DAYS = 10  # two working weeks


def roster_days(today: dt.date, count: int = ROSTER_DAYS) -> list[dt.date]:
    """The last `count` weekdays up to and including today, oldest first."""
    days: list[dt.date] = []
    day = today
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= dt.timedelta(days=1)
    return days[::-1]


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def first_of_month(day: dt.date, months_later: int = 0) -> dt.date:
    index = day.year * 12 + day.month - 1 + months_later
    return dt.date(index // 12, index % 12 + 1, 1)


def end_of_month(day: dt.date) -> dt.date:
    return first_of_month(day, 1) - dt.timedelta(days=1)


def month_text(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"
