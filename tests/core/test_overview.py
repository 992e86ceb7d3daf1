"""The Overview's figures."""

from __future__ import annotations

import datetime as dt

from tests.core.listing_data import build_sample
from zorgkoppel.core.context import Actor, ServiceContext
from zorgkoppel.core.services.overview import integration_deadline, overview

TODAY = dt.date(2025, 3, 12)


def test_empty_database(ctx):
    figures = overview(ctx, TODAY)
    assert (figures.organisations, figures.workers, figures.agreements_in_force) == (0, 0, 0)
    assert figures.ending_soon == figures.roster_today == figures.recent_notes == ()
    assert figures.deadlines == ()


def test_counts_and_lists(ctx):
    sample = build_sample(ctx, TODAY)
    figures = overview(ctx, TODAY)
    assert figures.today == TODAY
    assert (figures.organisations, figures.care_facilities, figures.enterprises) == (5, 2, 2)
    assert figures.workers == 3
    assert figures.agreements_in_force == 1
    assert [a.reference for a in figures.ending_soon] == ["SO-2024-007"]
    assert [r.id for r in figures.roster_today] == [sample.today_day]
    assert figures.unfilled_today == 2
    assert [n.id for n in figures.recent_notes] == [sample.shared_note, sample.confidential_note]
    # Due yesterday and open; the confidential note's overdue action is done.
    assert figures.overdue_actions == 1


def test_ending_soon_only_within_ninety_days(ctx):
    build_sample(ctx, TODAY)
    later = overview(ctx, TODAY - dt.timedelta(days=61))
    assert later.agreements_in_force == 1
    assert later.ending_soon == ()


def test_lde_workers_near_their_five_year_deadline(ctx):
    sample = build_sample(ctx, TODAY)
    (row,) = overview(ctx, TODAY).deadlines
    assert row.worker_id == sample.samir
    assert row.employer == "Buurtwerk Plus vzw"
    assert row.days_left == 100
    assert row.deadline == row.integration_start.replace(year=row.integration_start.year + 5)
    assert not row.in_trajectory
    # A year and a day before the warning starts, nobody is listed.
    assert overview(ctx, TODAY - dt.timedelta(days=266)).deadlines == ()
    # Past the deadline the worker stays listed, with negative days left.
    assert overview(ctx, TODAY + dt.timedelta(days=130)).deadlines[0].days_left == -30


def test_integration_deadline_of_a_leap_day():
    assert integration_deadline(dt.date(2020, 2, 29)) == dt.date(2025, 2, 28)
    assert integration_deadline(dt.date(2021, 3, 1)) == dt.date(2026, 3, 1)


def test_figures_limited_to_what_the_actor_sees(ctx):
    sample = build_sample(ctx, TODAY)
    facility = ServiceContext(ctx.db, Actor("nurse", "coordinator", frozenset({sample.linde})))
    figures = overview(facility, TODAY)
    # Its own organisation and the partners of its agreements; the workers placed with it.
    assert figures.organisations == 4
    assert figures.workers == 3
    assert figures.agreements_in_force == 1
    assert [n.id for n in figures.recent_notes] == [sample.shared_note]
    assert figures.deadlines == ()
