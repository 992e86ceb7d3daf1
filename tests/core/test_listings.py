"""Rows and details for the lists of agreements, roster days and notes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.actors import acting_for
from tests.core.listing_data import Sample, build_sample
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError
from zorgkoppel.core.services.listings import (
    agreement_detail,
    distinct_sites,
    list_agreement_rows,
    list_note_rows,
    list_roster_day_rows,
    note_detail,
    roster_day_detail,
    sort_value,
)

TODAY = dt.date(2025, 3, 12)


@pytest.fixture
def sample(ctx: ServiceContext) -> Sample:
    return build_sample(ctx, TODAY)


def as_actor(ctx: ServiceContext, organisation_id: str) -> ServiceContext:
    return acting_for(ctx, organisation_id)


def test_agreement_rows_resolve_partners_and_count_workers(ctx, sample):
    rows = {r.reference: r for r in list_agreement_rows(ctx)}
    assert set(rows) == {"SO-2024-007", "SO-2025-001", "DS-2022-003"}
    active = rows["SO-2024-007"]
    assert active.care_partner == "Dagcentrum De Linde vzw"
    assert active.se_partner == "Buurtwerk Plus vzw"
    assert active.workers == 2
    assert active.rate == Decimal("17.50")
    assert rows["SO-2025-001"].workers == 0


def test_agreement_rows_newest_start_first(ctx, sample):
    assert [r.reference for r in list_agreement_rows(ctx)] == [
        "SO-2025-001",
        "SO-2024-007",
        "DS-2022-003",
    ]


def test_agreement_search_looks_in_reference_and_partner_names(ctx, sample):
    assert [r.reference for r in list_agreement_rows(ctx, search="ds-2022")] == ["DS-2022-003"]
    assert {r.reference for r in list_agreement_rows(ctx, search="schelde")} == {
        "SO-2025-001",
        "DS-2022-003",
    }
    assert list_agreement_rows(ctx, search="nothing like this") == []


def test_agreement_filters(ctx, sample):
    assert [r.reference for r in list_agreement_rows(ctx, status="draft")] == ["SO-2025-001"]
    assert [r.reference for r in list_agreement_rows(ctx, phase="transition")] == ["DS-2022-003"]
    by_city = list_agreement_rows(ctx, organisation_id=sample.city)
    assert [r.reference for r in by_city] == ["SO-2024-007"]
    in_force = list_agreement_rows(ctx, in_force_on=TODAY)
    assert [r.reference for r in in_force] == ["SO-2024-007"]
    assert in_force[0].in_force_on(TODAY)
    assert not in_force[0].in_force_on(TODAY + dt.timedelta(days=31))


def test_agreement_rows_only_for_visible_partners(ctx, sample):
    beuken_only = as_actor(ctx, sample.beuken)
    assert [r.reference for r in list_agreement_rows(beuken_only)] == ["SO-2025-001"]


def test_agreement_detail_has_every_topic_with_names(ctx, sample):
    detail = agreement_detail(ctx, sample.active)
    assert detail.agreement.reference == "SO-2024-007"
    assert detail.commissioned_by == "Stad Dendermonde"
    assert detail.job_coach == "An Peeters"
    assert detail.supervisor == "Greet Claes"
    assert [(t.task_code, t.description) for t in detail.tasks] == [
        ("driver", "Ophalen en terugbrengen"),
        ("kitchen", None),
    ]
    assert detail.workers == ("Samir El Amrani", "Jonas Wouters")
    assert detail.agreement.site_list == ["Dagcentrum De Linde", "Bijhuis Oost"]


def test_agreement_detail_hidden_from_others(ctx, sample):
    with pytest.raises(NotFoundError):
        agreement_detail(as_actor(ctx, sample.beuken), sample.active)
    with pytest.raises(NotFoundError):
        agreement_detail(ctx, "no-such-id")


def test_roster_rows_count_only_independent_workers_toward_needed(ctx, sample):
    rows = {r.day: r for r in list_roster_day_rows(ctx)}
    today = rows[TODAY]
    assert (today.posts, today.needed, today.assigned, today.present) == (2, 3, 2, 2)
    assert today.unfilled == 2  # Samir drives with a companion; the kitchen lacks one
    assert not today.reviewed
    yesterday = rows[TODAY - dt.timedelta(days=1)]
    assert (yesterday.unfilled, yesterday.reviewed) == (0, True)


def test_roster_filters_and_search(ctx, sample):
    assert [r.day for r in list_roster_day_rows(ctx, date_from=TODAY, date_to=TODAY)] == [TODAY]
    assert [r.id for r in list_roster_day_rows(ctx, only_unfilled=True)] == [sample.today_day]
    assert [r.id for r in list_roster_day_rows(ctx, search="noord")] == [sample.yesterday_day]
    assert list_roster_day_rows(ctx, site_id=sample.beuken) == []
    assert len(list_roster_day_rows(ctx, search="linde")) == 2
    # The enterprise reads the roster days of its partner facility; another facility does not.
    assert len(list_roster_day_rows(as_actor(ctx, sample.buurtwerk))) == 2
    assert list_roster_day_rows(as_actor(ctx, sample.beuken)) == []
    assert list(distinct_sites(ctx)) == [(sample.linde, "Dagcentrum De Linde vzw")]


def test_roster_day_detail_lists_posts_with_placed_workers_and_presence(ctx, sample):
    detail = roster_day_detail(ctx, sample.today_day)
    assert detail.site == "Dagcentrum De Linde vzw"
    driver, kitchen = detail.posts
    assert (driver.label, driver.start, driver.needed) == ("Route Noord", dt.time(7, 30), 1)
    assert [(w.name, w.pinned, w.level) for w in driver.workers] == [
        ("Samir El Amrani", True, "with_companion")
    ]
    assert driver.counted == 0
    assert kitchen.counted == 1
    assert [(p.worker, p.status) for p in detail.presence] == [
        ("Els Vermeulen", "present"),
        ("Jonas Wouters", "sick"),
        ("Samir El Amrani", "present"),
    ]


def test_note_rows_newest_first_with_open_actions(ctx, sample):
    rows = list_note_rows(ctx)
    assert [r.id for r in rows] == [sample.shared_note, sample.confidential_note]
    shared = rows[0]
    assert shared.worker == "Samir El Amrani"
    assert shared.author == "An Peeters"
    assert shared.open_actions == 2
    assert shared.headline == "Rijdt zelfstandig route Noord."
    assert rows[1].open_actions == 0


def test_note_filters_and_search(ctx, sample):
    assert [r.id for r in list_note_rows(ctx, kind="contact")] == [sample.confidential_note]
    assert [r.id for r in list_note_rows(ctx, visibility="shared")] == [sample.shared_note]
    assert len(list_note_rows(ctx, search="el amrani")) == 2
    assert [r.id for r in list_note_rows(ctx, search="financ")] == [sample.confidential_note]
    assert list_note_rows(ctx, worker_id=sample.els) == []
    assert len(list_note_rows(ctx, limit=1)) == 1


def test_care_facility_never_sees_confidential_notes(ctx, sample):
    facility = as_actor(ctx, sample.linde)
    assert [r.id for r in list_note_rows(facility)] == [sample.shared_note]
    with pytest.raises(NotFoundError):
        note_detail(facility, sample.confidential_note)
    # A facility without a placement of this worker sees none of the worker's notes.
    assert list_note_rows(as_actor(ctx, sample.beuken)) == []
    # The employer sees everything about its own workers.
    assert len(list_note_rows(as_actor(ctx, sample.buurtwerk))) == 2


def test_note_detail(ctx, sample):
    detail = note_detail(ctx, sample.shared_note)
    assert detail.worker == "Samir El Amrani"
    assert detail.participants == ("An Peeters", "Greet Claes")
    assert detail.scores == (("punctuality", 4), ("teamwork", 3))
    assert [(a.description, a.owner, a.done) for a in detail.actions] == [
        ("Route Zuid leren", "Greet Claes", False),
        ("Evaluatie plannen", "An Peeters", False),
    ]


def test_sort_keys_put_missing_values_last_and_ignore_case(ctx, sample):
    rows = list_agreement_rows(ctx)
    by_end = sorted(rows, key=lambda r: r.sort_key("end"))
    assert [r.reference for r in by_end] == ["DS-2022-003", "SO-2024-007", "SO-2025-001"]
    assert sorted(["b", "A", None, "c"], key=sort_value) == ["A", "b", "c", None]
