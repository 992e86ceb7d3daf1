"""Export, then import into an empty database, gives the same data back."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import SQLModel

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.rules.agreement import AgreementData
from zorgkoppel.core.rules.note import NoteData
from zorgkoppel.core.rules.roster import PresenceData, RosterDayData
from zorgkoppel.core.services.agreements import save_agreement
from zorgkoppel.core.services.notes import save_note
from zorgkoppel.core.services.roster import get_roster_day, save_roster_day
from zorgkoppel.core.services.sync import agreed_times
from zorgkoppel.exchange.exporter import (
    ExchangeWriteError,
    export_exchange,
    write_exchange_file,
)
from zorgkoppel.exchange.importer import import_exchange
from zorgkoppel.storage.database import Database
from zorgkoppel.storage.opening import open_database

# Columns that may differ between two databases holding the same data: when a row was
# written here, and the keys and times of rows the file does not name (children, which are
# replaced with their record, and roster days, keyed on site and date).
LOCAL_COLUMNS = {"created_at", "id", "roster_day_id", "post_id"}
NAMED_BY_THE_FILE = {"organisation", "person", "worker", "agreement", "note", "trajectory"}
RECORDS = NAMED_BY_THE_FILE | {"task", "indexvalue", "rosterday"}


@pytest.fixture
def other(tmp_path: Path) -> Iterator[ServiceContext]:
    database = open_database(tmp_path / "other")
    yield ServiceContext(database)
    database.dispose()


def rows(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows as sorted tuples, without the columns that are local by nature."""
    dumped = {}
    with db.engine.connect() as connection:
        for name, table in SQLModel.metadata.tables.items():
            if name in ("syncstate", "auditentry"):
                continue  # local bookkeeping: who synced and who looked, never exchanged
            skip = LOCAL_COLUMNS - ({"id"} if name in NAMED_BY_THE_FILE else set())
            if name not in RECORDS or name == "task":  # built-ins stamped at creation
                skip = skip | {"updated_at"}
            columns = [c for c in table.columns if c.name not in skip]
            dumped[name] = sorted(
                (tuple(str(v) for v in row) for row in connection.execute(select(*columns))),
            )
    return dumped


def fill(ctx: ServiceContext, example: dict[str, Any]) -> None:
    """The example plus records written by the services, with odd but valid values."""
    example["tasks"][0]["labels"]["fr"] = "Jardin « potager »"
    import_exchange(ctx, example)
    save_agreement(ctx, AgreementData(
        reference="DRAFT-1", phase="transition", legal_form="service_contract",
        care_partner_id="org-dvc", se_partner_id="org-lde", rate=Decimal("0.10"),
        scope_fte=Decimal("1E+1"), sites=["Site A", "Site B"]))
    save_roster_day(ctx, RosterDayData(
        site_id="org-dvc", day=dt.date(2024, 10, 8),
        presence=[PresenceData("w-1", "leave")], review="Ziek; één persoon minder."))
    save_note(ctx, NoteData(worker_id="w-1", day=dt.date(2024, 10, 9), kind="intake",
                            scores={"pace": None, "teamwork": 2}))


def test_export_then_import_gives_the_same_data(
    ctx: ServiceContext, other: ServiceContext, example: dict[str, Any]
) -> None:
    fill(ctx, example)
    exported = export_exchange(ctx)

    report = import_exchange(other, json.dumps(exported))

    assert report.conflicts == []
    assert sum(report.created.values()) == 16
    assert export_exchange(other) == exported
    assert rows(other.db) == rows(ctx.db)


def test_export_writes_every_section_with_updated_at_and_strings_for_money(
    ctx: ServiceContext, example: dict[str, Any]
) -> None:
    fill(ctx, example)
    exported = export_exchange(ctx)

    assert list(exported) == ["format", "version", "tasks", "organisations", "people",
                              "workers", "agreements", "roster_days", "notes", "trajectories",
                              "index_values"]
    for name, records in exported.items():
        if isinstance(records, list):
            for record in records:
                stamp = dt.datetime.fromisoformat(record["updated_at"])
                assert stamp.tzinfo is not None, name
    draft = next(a for a in exported["agreements"] if a["reference"] == "DRAFT-1")
    assert draft["financing"]["rate"] == "0.10"
    assert draft["scope"]["fte"] == "10"  # plain notation, never 1E+1
    signed = next(a for a in exported["agreements"] if a["id"] == "ag-1")
    assert signed["financing"]["rate"] == "17.50" and signed["scope"]["fte"] == "2.5"
    assert exported["roster_days"][0]["assignments"] == [
        {"post": "k", "worker": "w-1", "pinned": True}]


def test_exported_file_is_utf8_json_and_imports(
    ctx: ServiceContext, other: ServiceContext, example: dict[str, Any], tmp_path: Path
) -> None:
    fill(ctx, example)
    target = tmp_path / "out" / "export.json"
    target.parent.mkdir()

    write_exchange_file(ctx, target)

    text = target.read_text(encoding="utf-8")
    assert "Jardin « potager »" in text and '\n  "tasks": [' in text
    assert list(target.parent.iterdir()) == [target]  # no temporary file left behind
    import_exchange(other, target)
    assert export_exchange(other) == json.loads(text)


def test_unwritable_target_changes_nothing(
    ctx: ServiceContext, example: dict[str, Any], tmp_path: Path
) -> None:
    import_exchange(ctx, example)
    with ctx.db.session() as session:
        before = agreed_times(session, "organisations")

    with pytest.raises(ExchangeWriteError) as caught:
        write_exchange_file(ctx, tmp_path / "missing-folder" / "export.json")

    assert "Cannot write the file" in caught.value.text()
    with ctx.db.session() as session:
        assert agreed_times(session, "organisations") == before


def test_roster_day_is_replaced_as_a_whole(
    ctx: ServiceContext, example: dict[str, Any]
) -> None:
    import_exchange(ctx, example)
    day = example["roster_days"][0]
    day["posts"] = [day["posts"][1]]
    day["assignments"] = []
    day["updated_at"] = "2099-01-01T00:00:00+00:00"

    report = import_exchange(ctx, example)

    assert report.updated == dict.fromkeys(report.updated, 0) | {"roster_days": 1}
    stored = get_roster_day(ctx, "org-dvc", dt.date(2024, 10, 7)).data
    assert [p.key for p in stored.posts] == ["k"] and stored.assignments == []
