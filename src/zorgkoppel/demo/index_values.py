"""Health index (gezondheidsindex) values for the demo.

ILLUSTRATIVE ONLY: 2018-12 107.89 is the base month of the transition fees; the recent
months are made up (a steady rise of about 0.2 a month) so the demo always has values for
the months just before its trajectory phases. Real values come from Statbel.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from zorgkoppel.demo.calendar import first_of_month, month_text

BASE_MONTH = "2018-12"
BASE_VALUE = "107.89"
RECENT_MONTHS = 8
_LAST_VALUE = Decimal("131.44")
_MONTHLY_RISE = Decimal("0.21")


def index_values(today: dt.date) -> list[dict[str, Any]]:
    values = [{"month": BASE_MONTH, "value": BASE_VALUE}]
    for back in range(RECENT_MONTHS, 0, -1):
        month = first_of_month(today, -back)
        value = _LAST_VALUE - _MONTHLY_RISE * (back - 1)
        values.append({"month": month_text(month), "value": f"{value:.2f}"})
    return values
