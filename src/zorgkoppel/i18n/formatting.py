"""Dates, numbers and money in the user's (or a document's) locale, through babel."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.numbers import format_currency, format_decimal

from zorgkoppel.i18n.catalog import locale_for


def format_date(value: dt.date | None, language: str | None = None, fmt: str = "long") -> str:
    """`1 september 2024` in nl-BE; empty for no date."""
    if value is None:
        return ""
    return _babel_date(value, format=fmt, locale=locale_for(language))


def format_short_date(value: dt.date | None, language: str | None = None) -> str:
    return format_date(value, language, fmt="short")


def format_money(amount: Decimal | None, language: str | None = None) -> str:
    """`€ 1.260,00` in nl-BE."""
    if amount is None:
        return ""
    return format_currency(amount, "EUR", locale=locale_for(language))


def format_number(value: Decimal | int | None, language: str | None = None) -> str:
    if value is None:
        return ""
    return format_decimal(value, locale=locale_for(language))


def format_datetime(value: dt.datetime | None, language: str | None = None) -> str:
    """`23 nov 2026 16:21` in nl-BE (a naive value is local time); empty for none."""
    if value is None:
        return ""
    return _babel_datetime(value, format="medium", locale=locale_for(language))
