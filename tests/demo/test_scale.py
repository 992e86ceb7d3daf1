"""The large demo data set (issue 13): built in bulk, whole, valid, and refused over data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import func, select

from zorgkoppel.cli.main import main
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ValidationError
from zorgkoppel.core.models import Note, RosterAssignment, RosterDay, RosterPresence, Worker
from zorgkoppel.demo import scale
from zorgkoppel.demo.scale import SCALES, Scale, build_scale
from zorgkoppel.storage.integrity import integrity_check
from zorgkoppel.storage.opening import open_database

TINY = Scale(years=1, sites=2, workers=12, agreements=4, notes=300, trajectories=4)


def count(ctx: ServiceContext, model: object) -> int:
    with ctx.db.session() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_a_year_of_two_sites_in_bulk(ctx: ServiceContext, data_dir: Path) -> None:
    counts = build_scale(ctx, TINY, today=dt.date(2026, 12, 1))
    assert (counts.sites, counts.workers, counts.agreements, counts.notes) == (2, 12, 4, 300)
    assert count(ctx, Worker) == 12 and count(ctx, Note) == 300
    # A working day per site: Monday to Friday without Belgian public holidays.
    assert 2 * 245 <= count(ctx, RosterDay) == counts.roster_days <= 2 * 262
    assert count(ctx, RosterAssignment) == counts.assignments
    # Every assigned worker is present that day, and placed on one morning post at most.
    with ctx.db.session() as session:
        absent = session.exec(
            select(func.count()).select_from(RosterAssignment)
            .join(RosterPresence, (RosterPresence.roster_day_id == RosterAssignment.roster_day_id)
                  & (RosterPresence.worker_id == RosterAssignment.worker_id))
            .where(RosterPresence.status != "present")).one()
    assert absent == 0
    assert integrity_check(data_dir / "zorgkoppel.sqlite").ok


def test_the_full_sizes_are_a_tenth_apart() -> None:
    large, medium = SCALES["large"], SCALES["medium"]
    assert (large.sites, large.workers, large.notes) == (30, 600, 100_000)
    assert (medium.sites * 10, medium.workers * 10, medium.notes * 10) == (
        large.sites, large.workers, large.notes)


def test_refused_over_existing_data(ctx: ServiceContext) -> None:
    build_scale(ctx, TINY)
    with pytest.raises(ValidationError) as caught:
        build_scale(ctx, TINY)
    assert "empty data folder only" in caught.value.text()


def test_the_command(data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(scale.SCALES, "medium", TINY)
    assert main(["--lang", "en", "demo", "--scale", "medium"]) == 0
    out = capsys.readouterr().out
    assert "2 sites, 12 workers, 4 agreements" in out
    db = open_database(data_dir)
    try:
        assert count(ServiceContext(db), Note) == 300
    finally:
        db.dispose()
    assert main(["demo", "--scale", "huge"]) == 2
