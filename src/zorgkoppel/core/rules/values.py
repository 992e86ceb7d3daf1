"""Checks of single values shared by every entity's rules."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from zorgkoppel.core.errors import Problems
from zorgkoppel.i18n import N_

MONTH_PATTERN = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

MSG_REQUIRED = N_("is required")
MSG_UNKNOWN_CODE = N_("'{value}' is not one of: {allowed}")
MSG_NEGATIVE = N_("must not be negative")
MSG_END_BEFORE_START = N_("ends before it starts")


def require_text(problems: Problems, name: str, value: str | None, max_length: int = 200) -> None:
    if value is None or not value.strip():
        problems.add(name, MSG_REQUIRED)
    elif len(value) > max_length:
        problems.add(name, N_("is longer than {max} characters"), max=max_length)


def check_code(
    problems: Problems, name: str, value: str | None, allowed: object, required: bool = True
) -> None:
    if value is None or value == "":
        if required:
            problems.add(name, MSG_REQUIRED)
        return
    codes = list(allowed)  # type: ignore[call-overload]
    if value not in codes:
        problems.add(name, MSG_UNKNOWN_CODE, value=value, allowed=", ".join(codes))


def check_not_negative(problems: Problems, name: str, value: Decimal | int | None) -> None:
    if value is not None and value < 0:
        problems.add(name, MSG_NEGATIVE)


def check_period(
    problems: Problems, end_name: str, start: dt.date | None, end: dt.date | None
) -> None:
    if start is not None and end is not None and end < start:
        problems.add(end_name, MSG_END_BEFORE_START)


def check_month(problems: Problems, name: str, value: str | None) -> None:
    if value is not None and not MONTH_PATTERN.match(value):
        problems.add(name, N_("is not a month (YYYY-MM)"))


def check_email(problems: Problems, name: str, value: str | None) -> None:
    if value and not EMAIL_PATTERN.match(value):
        problems.add(name, N_("is not an e-mail address"))
