"""The demo data set goes through the importer: accepted, and loading it again adds nothing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func
from sqlmodel import select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import Note, Organisation, RosterAssignment, RosterDay, Worker
from zorgkoppel.core.services.dataset import is_empty
from zorgkoppel.core.services.workers import get_worker, save_worker
from zorgkoppel.demo import demo_document, has_demo_data, load_demo

WEDNESDAY = dt.date(2025, 3, 12)


def _counts(ctx: ServiceContext) -> dict[str, int]:
    with ctx.db.session() as session:
        return {
            model.__name__: session.exec(select(func.count()).select_from(model)).one()
            for model in (Organisation, Worker, RosterDay, RosterAssignment, Note)
        }


def test_the_importer_accepts_the_demo(ctx: ServiceContext) -> None:
    assert is_empty(ctx) and not has_demo_data(ctx)
    report = load_demo(ctx, WEDNESDAY)
    document = demo_document(WEDNESDAY)
    assert report.created["workers"] == len(document["workers"]) == 16
    assert report.created["roster_days"] == 20
    assert not report.conflicts
    assert has_demo_data(ctx)
    counts = _counts(ctx)
    assert counts["RosterAssignment"] == sum(len(d["assignments"])
                                              for d in document["roster_days"])
    assert counts["Organisation"] == 5 and counts["Note"] == 23


def test_loading_twice_changes_nothing(ctx: ServiceContext) -> None:
    load_demo(ctx, WEDNESDAY)
    before = _counts(ctx)
    report = load_demo(ctx, WEDNESDAY)
    assert sum(report.created.values()) == sum(report.updated.values()) == 0
    assert sum(report.unchanged.values()) > 70
    assert not report.changes
    assert _counts(ctx) == before


def test_loading_again_keeps_what_the_user_changed(ctx: ServiceContext) -> None:
    load_demo(ctx, WEDNESDAY)
    worker_id = "demo-worker-senait-tesfaye"
    data = get_worker(ctx, worker_id).as_data()
    data.dutch_level = "A2"
    save_worker(ctx, data, worker_id)
    report = load_demo(ctx, WEDNESDAY)
    assert report.kept_local["workers"] == 1
    assert not report.conflicts
    assert get_worker(ctx, worker_id).worker.dutch_level == "A2"


def test_loading_on_a_later_day_adds_no_duplicates(ctx: ServiceContext) -> None:
    load_demo(ctx, WEDNESDAY)
    report = load_demo(ctx, WEDNESDAY + dt.timedelta(days=1))
    counts = _counts(ctx)
    assert counts["Worker"] == 16 and counts["Organisation"] == 5 and counts["Note"] == 23
    assert counts["RosterDay"] == 22  # one more weekday for each site
    assert report.created["roster_days"] == 2
