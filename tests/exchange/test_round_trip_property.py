"""Property: any valid data set, exported, imported into an empty database and exported
again, gives the same file (and so the same data)."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.exchange.support import example_document
from zorgkoppel.core.codes import CARE_TYPES, ORGANISATION_KINDS, PERSON_ROLES, PROVINCES
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.exchange.exporter import export_exchange
from zorgkoppel.exchange.importer import import_exchange
from zorgkoppel.storage.opening import open_database

# Any printable text, accents, emoji and quotes included; no control characters.
texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
    min_size=1, max_size=30,
).filter(lambda text: bool(text.strip()))
stamps = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2030, 12, 31),
                      timezones=st.just(dt.UTC)).map(
    lambda moment: moment.replace(microsecond=moment.microsecond // 1000 * 1000)
    .isoformat().replace("+00:00", "Z"))


@st.composite
def organisations(draw: st.DrawFn, number: int) -> dict[str, Any]:
    kind = draw(st.sampled_from(sorted(ORGANISATION_KINDS)))
    record: dict[str, Any] = {"id": f"gen-org-{number}", "name": draw(texts), "kind": kind,
                              "updated_at": draw(stamps)}
    if kind == "care_facility" and draw(st.booleans()):
        record["care_type"] = draw(st.sampled_from(sorted(CARE_TYPES)))
    if draw(st.booleans()):
        record["province"] = draw(st.sampled_from(sorted(PROVINCES)))
    if draw(st.booleans()):
        record["address"] = {"street": draw(texts), "city": draw(texts),
                             "postcode": str(draw(st.integers(1000, 9999)))}
    return record


@st.composite
def data_sets(draw: st.DrawFn) -> dict[str, Any]:
    document = example_document()
    count = draw(st.integers(0, 6))
    generated = [draw(organisations(n)) for n in range(count)]
    document["organisations"].extend(generated)
    owners = [o["id"] for o in document["organisations"]]
    for n in range(draw(st.integers(0, 6))):
        person: dict[str, Any] = {"id": f"gen-p-{n}", "name": draw(texts),
                                  "updated_at": draw(stamps)}
        if draw(st.booleans()):
            person["organisation"] = draw(st.sampled_from(owners))
        if draw(st.booleans()):
            person["role"] = draw(st.sampled_from(sorted(PERSON_ROLES)))
        document["people"].append(person)
    months = draw(st.sets(st.tuples(st.integers(2000, 2030), st.integers(1, 12)), max_size=6))
    for year, month in sorted(months):
        value = draw(st.decimals(min_value=Decimal("50"), max_value=Decimal("300"), places=2))
        document["index_values"].append({"month": f"{year:04d}-{month:02d}", "value": str(value)})
    document["index_values"] = list(
        {v["month"]: v for v in document["index_values"]}.values()
    )
    for note in document["notes"]:
        note["summary"] = draw(texts)
    document["workers"][0]["first_name"] = draw(texts)
    return document


@pytest.fixture(scope="module")
def template() -> Iterator[Path]:
    """An empty, migrated data folder, copied for every example (migrating takes 0.2 s)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "template"
        open_database(path).dispose()
        yield path


def fresh(template: Path, folder: Path) -> ServiceContext:
    shutil.copytree(template, folder)
    return ServiceContext(open_database(folder))


def test_export_import_export_is_stable(template: Path) -> None:
    # derandomize: the same examples on every CI run.
    @settings(max_examples=10, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(data_sets())
    def round_trip(document: dict[str, Any]) -> None:
        with tempfile.TemporaryDirectory() as folder:
            first = fresh(template, Path(folder) / "a")
            second = fresh(template, Path(folder) / "b")
            try:
                import_exchange(first, document)
                exported = export_exchange(first)
                report = import_exchange(second, exported)
                assert report.conflicts == []
                assert export_exchange(second) == exported
            finally:
                first.db.dispose()
                second.db.dispose()

    round_trip()
