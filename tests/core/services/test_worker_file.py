"""A worker's file: timeline, roster history per month, scores, actions, evaluations."""

from __future__ import annotations

import datetime as dt

from tests.core.listing_data import build_sample
from zorgkoppel.core.context import Actor, ServiceContext
from zorgkoppel.core.services.worker_file import NOTE, PLACEMENT_START, worker_file

TODAY = dt.date(2025, 3, 12)


def test_the_file_of_a_worker(ctx: ServiceContext) -> None:
    sample = build_sample(ctx, TODAY)
    file = worker_file(ctx, sample.samir, TODAY)
    kinds = [(e.kind, e.code) for e in file.entries]
    assert (NOTE, "evaluation_meeting") in kinds and (NOTE, "contact") in kinds
    assert (PLACEMENT_START, "SO-2024-007") in kinds
    days = [e.day for e in file.entries]
    assert days == sorted(days, reverse=True)
    # Today Samir drives route Noord: one driver post in this month.
    assert file.roster_months[0].month == TODAY.strftime("%Y-%m")
    assert file.roster_months[0].counts == {"driver": 1}
    assert file.latest_scores == {"punctuality": 4, "teamwork": 3}
    assert [a.description for a in file.open_actions] == ["Route Zuid leren",
                                                          "Evaluatie plannen"]
    assert file.guidance_minutes == 65
    assert [e.reference for e in file.evaluations] == ["SO-2024-007"]


def test_a_care_facility_sees_no_confidential_note_in_the_file(ctx: ServiceContext) -> None:
    sample = build_sample(ctx, TODAY)
    facility = ServiceContext(ctx.db, Actor("linde", "coordinator", frozenset({sample.linde})))
    file = worker_file(facility, sample.samir, TODAY)
    texts = " ".join(e.text for e in file.entries)
    assert "Financiële" not in texts
    assert "route Noord" in texts
    assert all(e.shared for e in file.entries if e.kind == NOTE)
    assert file.guidance_minutes == 45
