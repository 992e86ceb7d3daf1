"""The week's labour rules: a week built to break each rule once gives one warning per
rule, with its numbers; a clean week gives none."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from zorgkoppel.core.errors import ValidationError
from zorgkoppel.core.rules.week_rules import (
    FIXED,
    RULES,
    Contract,
    Period,
    Week,
    check_week,
    hours_text,
    working_days_between,
)

WEEK = Week.parse("2026-W19")  # Monday 4 May 2026; Thursday 14 May is Ascension (W20)
NAMES = {"samir": "Samir", "els": "Els", "jonas": "Jonas"}


def at(day: int, start: str, end: str, worker: str = "samir", site: str = "wzc") -> Period:
    date = WEEK.monday + dt.timedelta(days=day)
    begin = dt.datetime.combine(date, dt.time.fromisoformat(start))
    finish = dt.datetime.combine(date, dt.time.fromisoformat(end))
    if finish <= begin:
        finish += dt.timedelta(days=1)
    return Period(worker, begin, finish, site)


PART_TIME = Contract(weekly_hours=Decimal("19"), schedule=FIXED)


def clean_week() -> list[Period]:
    return [at(0, "08:00", "12:00"), at(1, "08:00", "12:00"), at(2, "08:00", "12:00"),
            at(3, "08:00", "11:30"), at(4, "08:00", "11:30")]  # 19 h, rested, 3 h+ each


def test_a_clean_week_gives_no_warning():
    assert check_week(WEEK, clean_week(), {"samir": PART_TIME}, NAMES,
                      announced_on=dt.date(2026, 4, 20), scope_hours={"wzc": Decimal(20)}
                      ) == []


def test_each_broken_rule_gives_exactly_one_warning_with_its_numbers():
    ascension = Week.parse("2026-W20")
    assert ascension.monday == dt.date(2026, 5, 11)

    def on(day: int, start: str, end: str, worker: str) -> Period:
        date = ascension.monday + dt.timedelta(days=day)
        begin = dt.datetime.combine(date, dt.time.fromisoformat(start))
        finish = dt.datetime.combine(date, dt.time.fromisoformat(end))
        return Period(worker, begin, finish, "wzc")

    contracts = {
        # Samir breaks rest (Tuesday 21:00 → Wednesday 06:30) and nothing else.
        "samir": Contract(Decimal("30"), schedule=FIXED),
        # Els: variable, announced late; one period of 2 h; works on Ascension Day;
        # and plans more than her contract.
        "els": Contract(Decimal("16"), schedule="variable"),
        # Jonas: 12 h a week (under a third of 38 h) and 7 h without a break.
        "jonas": Contract(Decimal("12"), schedule=FIXED),
    }
    periods = [
        on(0, "13:00", "19:00", "samir"), on(1, "15:00", "21:00", "samir"),
        on(2, "06:30", "12:30", "samir"), on(4, "08:00", "14:00", "samir"),
        on(0, "08:00", "12:00", "els"), on(1, "08:00", "10:00", "els"),
        on(3, "08:00", "12:00", "els"), on(4, "08:00", "12:00", "els"),
        on(5, "08:00", "11:00", "els"),
        on(0, "08:00", "15:00", "jonas"),
    ]
    warnings = check_week(ascension, periods, contracts, NAMES,
                          announced_on=dt.date(2026, 5, 6),
                          scope_hours={"wzc": Decimal("40")})
    assert sorted(w.rule for w in warnings) == sorted(RULES)
    texts = {w.rule: w.text() for w in warnings}
    assert texts["rest"] == ("Samir: 9 h 30 rest between Tuesday 21:00 and Wednesday 06:30; "
                             "at least 11 h")
    assert texts["min_period"] == ("Els: a work period of 2 h on 12 May 2026 (08:00–10:00); "
                                   "at least 3 h")
    assert texts["announcement"] == ("Els: the schedule was made known 2 working days before "
                                     "11 May 2026; at least 7")
    assert texts["holiday"].startswith("Els: works on 14 May 2026, a public holiday")
    assert texts["weekly_hours"] == "Els: 17 h planned this week; the contract says 16 h"
    assert texts["one_third"] == ("Jonas: 12 h a week is under a third of full time "
                                  "(12 h 40 of 38 h)")
    assert texts["break"] == "Jonas: 7 h of work on 11 May 2026 without a break; a break after 6 h"
    assert texts["scope"] == ("48 h planned at the site this week; the agreement sets 40 h per "
                              "week")


def test_weekly_hours_averaged_over_the_contracts_period():
    contract = Contract(Decimal("19"), schedule=FIXED, averaging_weeks=3)
    long_week = [*clean_week(), at(5, "08:00", "12:00")]  # 23 h this week
    assert check_week(WEEK, long_week, {"samir": contract}, NAMES,
                      previous_weeks_hours={"samir": [Decimal(17), Decimal(17)]}) == []
    [warning] = check_week(WEEK, long_week, {"samir": contract}, NAMES,
                           previous_weeks_hours={"samir": [Decimal(19), Decimal(19)]})
    assert warning.text() == "Samir: 20 h 20 on average over 3 weeks; the contract says 19 h"


def test_the_announcement_counts_working_days_without_holidays():
    # Made known on Thursday 30 April: the only day left before Monday 4 May is Friday
    # 1 May, Labour Day.
    assert working_days_between(dt.date(2026, 4, 30), dt.date(2026, 5, 4),
                                {dt.date(2026, 5, 1): "Labour Day"}) == 0
    assert working_days_between(dt.date(2026, 4, 24), dt.date(2026, 5, 4), {}) == 5


def test_bad_weeks_and_periods_are_refused():
    with pytest.raises(ValidationError) as caught:
        Week.parse("2026-19")
    assert "not an ISO week" in caught.value.text()
    backwards = Period("samir", dt.datetime(2026, 5, 4, 12), dt.datetime(2026, 5, 4, 8))
    with pytest.raises(ValidationError):
        check_week(WEEK, [backwards], {"samir": PART_TIME}, NAMES)


def test_hours_as_a_schedule_says_them():
    assert hours_text(dt.timedelta(hours=9, minutes=30)) == "9 h 30"
    assert hours_text(Decimal("12.6666")) == "12 h 40"
    assert hours_text(Decimal(7)) == "7 h"
