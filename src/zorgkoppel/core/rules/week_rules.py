"""The Belgian labour rules a week schedule of social-economy workers must keep.

Given the week's working periods and each worker's contract, `check_week` lists every
broken rule once, with its numbers, as a warning with a rule code (the codes of
`week check --json`):

- `announcement`: a variable part-time schedule is made known at least N working days
  ahead (7 by the 2022 labour deal; a sector agreement may lower it to 3);
- `min_period`: a part-timer's work period lasts at least 3 hours;
- `rest`: at least 11 hours of rest between two working days;
- `break`: a break after 6 hours of work (a stretch longer than that without one);
- `weekly_hours`: the week's hours within the contract (averaged over the contract's
  averaging period when it has one);
- `one_third`: a part-timer's weekly hours at least a third of full time;
- `holiday`: no work on a Belgian public holiday unless the contract allows it;
- `scope`: the hours planned at a site within the hours per week agreed with it.

Pure rules: the week plan and the contracts come from the caller; nothing is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from typing import Any

from zorgkoppel.core.errors import Problem, ValidationError
from zorgkoppel.i18n import N_, _, current_language
from zorgkoppel.i18n.formatting import format_date

MIN_PERIOD = dt.timedelta(hours=3)
MIN_REST = dt.timedelta(hours=11)
MAX_WITHOUT_BREAK = dt.timedelta(hours=6)
MIN_ANNOUNCEMENT = 3  # working days: the least a sector agreement may set
RULES = ("announcement", "min_period", "rest", "break", "weekly_hours", "one_third",
         "holiday", "scope")

FIXED, VARIABLE = "fixed", "variable"


@dataclass(frozen=True)
class Contract:
    weekly_hours: Decimal
    schedule: str = VARIABLE  # fixed or variable
    full_time_hours: Decimal = Decimal("38")
    averaging_weeks: int = 1
    announce_working_days: int = 7
    works_on_holidays: bool = False

    @property
    def part_time(self) -> bool:
        return self.weekly_hours < self.full_time_hours


@dataclass(frozen=True)
class Period:
    worker_id: str
    start: dt.datetime  # local time
    end: dt.datetime
    site_id: str | None = None

    @property
    def length(self) -> dt.timedelta:
        return self.end - self.start


@dataclass(frozen=True)
class Warning:
    rule: str
    worker_id: str | None
    day: dt.date | None
    message: str  # msgid
    params: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        return _(self.message).format(**self.params)


@dataclass(frozen=True)
class Week:
    """Monday to Sunday of an ISO week (`2026-W05`)."""

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Week:
        try:
            year, _w, number = text.strip().upper().partition("-W")
            monday = dt.date.fromisocalendar(int(year), int(number), 1)
        except ValueError:
            raise ValidationError([Problem("week", N_(
                "'{value}' is not an ISO week such as 2026-W05"), {"value": text})]) from None
        return cls(monday.isocalendar().year, monday.isocalendar().week)

    @property
    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.number, 1)

    @property
    def days(self) -> list[dt.date]:
        return [self.monday + dt.timedelta(days=offset) for offset in range(7)]

    def __str__(self) -> str:
        return f"{self.year}-W{self.number:02d}"


def public_holidays(years: Iterable[int]) -> dict[dt.date, str]:
    """Belgian public holidays, named in the user's language."""
    import holidays

    language = {"nl": "nl", "fr": "fr"}.get(current_language(), "en_US")
    return dict(holidays.country_holidays("BE", years=sorted(set(years)),
                                          language=language).items())


def working_days_between(announced: dt.date, first_day: dt.date,
                         holidays_of: Mapping[dt.date, str]) -> int:
    """Working days (Monday to Friday, no public holiday) after `announced` and before
    `first_day`: the notice the worker got."""
    count, day = 0, announced + dt.timedelta(days=1)
    while day < first_day:
        if day.weekday() < 5 and day not in holidays_of:
            count += 1
        day += dt.timedelta(days=1)
    return count


def check_periods(periods: Sequence[Period]) -> None:
    """A period that ends before it starts, or lasts a day or more, is refused."""
    problems = [
        Problem(f"periods[{index}]", N_(
            "a working period must end after it starts and last less than a day"))
        for index, period in enumerate(periods)
        if not dt.timedelta(0) < period.length < dt.timedelta(days=1)]
    if problems:
        raise ValidationError(problems)


def hours_text(span: dt.timedelta | Decimal) -> str:
    """`9 h 30`, `7 h` (`9 u 30` in Dutch): as a schedule says it."""
    minutes = (int(span.total_seconds()) // 60 if isinstance(span, dt.timedelta)
               else int((span * 60).to_integral_value()))
    hours, rest = divmod(minutes, 60)
    if rest:
        return _("{hours} h {minutes:02d}").format(hours=hours, minutes=rest)
    return _("{hours} h").format(hours=hours)


def _hours(periods: Iterable[Period]) -> Decimal:
    return sum((Decimal(p.length.total_seconds()) / 3600 for p in periods), Decimal(0))


def _moment(value: dt.datetime) -> str:
    return f"{format_date(value.date(), fmt='EEEE')} {value:%H:%M}"


def check_week(
    week: Week,
    periods: Sequence[Period],
    contracts: Mapping[str, Contract],
    names: Mapping[str, str],
    announced_on: dt.date | None = None,
    previous_weeks_hours: Mapping[str, Sequence[Decimal]] | None = None,
    scope_hours: Mapping[str, Decimal] | None = None,
) -> list[Warning]:
    """Every broken rule of the week once per occasion, ordered by worker and time.

    `announced_on`: when the schedule is (or would be) made known. `previous_weeks_hours`:
    the hours of the weeks before, newest last, for contracts that average. `scope_hours`:
    per site, the hours per week agreed with the care facility.
    """
    check_periods(periods)
    holidays_of = public_holidays({week.monday.year, week.days[-1].year,
                                   (announced_on or week.monday).year})
    warnings: list[Warning] = []
    by_worker: dict[str, list[Period]] = {}
    for period in sorted(periods, key=lambda p: (p.worker_id, p.start)):
        by_worker.setdefault(period.worker_id, []).append(period)
    for worker_id in sorted(set(by_worker) | set(contracts)):
        contract = contracts.get(worker_id)
        name = names.get(worker_id, worker_id)
        own = by_worker.get(worker_id, [])
        if contract is None:
            continue
        warnings += _worker_warnings(week, own, contract, name, worker_id, announced_on,
                                     holidays_of, (previous_weeks_hours or {}).get(worker_id,
                                                                                   ()))
    for site_id, agreed in sorted((scope_hours or {}).items()):
        planned = _hours(p for p in periods if p.site_id == site_id)
        if planned > agreed:
            warnings.append(Warning("scope", None, None, N_(
                "{hours} planned at the site this week; the agreement sets {agreed} per "
                "week"), {"hours": hours_text(planned), "agreed": hours_text(agreed),
                          "site": site_id}))
    return warnings


def _worker_warnings(
    week: Week, own: list[Period], contract: Contract, name: str, worker_id: str,
    announced_on: dt.date | None, holidays_of: Mapping[dt.date, str],
    previous: Sequence[Decimal],
) -> list[Warning]:
    found: list[Warning] = []

    def warn(rule: str, on: dt.date | None, message: str, **params: Any) -> None:
        found.append(Warning(rule, worker_id, on, message, {"name": name, **params}))

    if contract.part_time and contract.weekly_hours * 3 < contract.full_time_hours:
        warn("one_third", None, N_(
            "{name}: {hours} a week is under a third of full time ({full} of {full_time})"),
            hours=hours_text(contract.weekly_hours),
            full=hours_text(contract.full_time_hours / 3),
            full_time=hours_text(contract.full_time_hours))
    if (own and contract.schedule == VARIABLE and announced_on is not None):
        needed = max(contract.announce_working_days, MIN_ANNOUNCEMENT)
        first = own[0].start.date()
        notice = working_days_between(announced_on, first, holidays_of)
        if notice < needed:
            warn("announcement", first, N_(
                "{name}: the schedule was made known {days} working days before "
                "{first}; at least {needed}"),
                days=notice, first=format_date(first), needed=needed)
    for period in own:
        day = period.start.date()
        if contract.part_time and period.length < MIN_PERIOD:
            warn("min_period", day, N_(
                "{name}: a work period of {hours} on {day} ({start}–{end}); at least 3 h"),
                hours=hours_text(period.length), day=format_date(day),
                start=f"{period.start:%H:%M}", end=f"{period.end:%H:%M}")
        if period.length > MAX_WITHOUT_BREAK:
            warn("break", day, N_(
                "{name}: {hours} of work on {day} without a break; a break after 6 h"),
                hours=hours_text(period.length), day=format_date(day))
        if day in holidays_of and not contract.works_on_holidays:
            warn("holiday", day, N_(
                "{name}: works on {day}, a public holiday ({holiday}); the contract does "
                "not allow it, or a replacement day must be given"),
                day=format_date(day), holiday=holidays_of[day])
    days: dict[dt.date, list[Period]] = {}
    for period in own:
        days.setdefault(period.start.date(), []).append(period)
    ordered = sorted(days)
    for before, after in pairwise(ordered):
        last = max(days[before], key=lambda p: p.end)
        first = min(days[after], key=lambda p: p.start)
        rest = first.start - last.end
        if rest < MIN_REST:
            warn("rest", after, N_(
                "{name}: {hours} rest between {end} and {start}; at least 11 h"),
                hours=hours_text(rest), end=_moment(last.end), start=_moment(first.start))
    worked = _hours(own)
    weeks = [*previous[-(contract.averaging_weeks - 1):], worked] if \
        contract.averaging_weeks > 1 else [worked]
    average = sum(weeks, Decimal(0)) / len(weeks)
    if average > contract.weekly_hours:
        if len(weeks) > 1:
            warn("weekly_hours", None, N_(
                "{name}: {hours} on average over {weeks} weeks; the contract says {contract}"),
                hours=hours_text(average), weeks=len(weeks),
                contract=hours_text(contract.weekly_hours))
        else:
            warn("weekly_hours", None, N_(
                "{name}: {hours} planned this week; the contract says {contract}"),
                hours=hours_text(worked), contract=hours_text(contract.weekly_hours))
    return found
