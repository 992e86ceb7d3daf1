"""Fuzzing the importer: it never fails with anything but ValidationError, never writes when
it refuses, and keeps the database whole.

Documents are built by mutating the EXCHANGE.md example (so they get past the first checks
and reach the deep ones): fields dropped or replaced by values of the wrong type, bad codes,
bad dates, unknown keys, records duplicated, references to records that do not exist; and
sometimes the JSON text itself is cut off or has a byte flipped.
"""

from __future__ import annotations

import copy
import json
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import SQLModel

from tests.exchange.support import example_document
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ValidationError
from zorgkoppel.exchange.importer import import_exchange
from zorgkoppel.storage.integrity import integrity_check
from zorgkoppel.storage.opening import open_database

Path_ = tuple[str | int, ...]
BASE = example_document()


def _paths(value: Any, prefix: Path_ = ()) -> list[Path_]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found.extend(_paths(child, (*prefix, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(_paths(child, (*prefix, index)))
    return found


PATHS = _paths(BASE)

ODD_TEXTS = [
    "", " ", "2024-02-30", "2024-13-01", "24-10-07", "25:00", "07:61", "9999-99", "x" * 250,
    "org-dvc", "org-lde", "w-1", "p-coach", "ag-1", "driver", "garden", "nope", "B1", "Z9",
    "1e400", "NaN", "-0", "0.0000001", "-17.50", "17,50", "€", "\u0000", "é" * 3, "null",
    "2024-10-07T25:00:00Z", "0412.345.614", "0412.345.615", "shared", "private",
]
odd_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.decimals(allow_nan=False, allow_infinity=False, places=3,
                min_value=Decimal(-10**6), max_value=Decimal(10**6)),
    st.sampled_from(ODD_TEXTS),
    st.text(max_size=12),
    st.lists(st.sampled_from([1, "a", None, "w-1"]), max_size=3),
    st.dictionaries(st.sampled_from(["a", "id", "task", "from"]), st.integers(0, 3),
                    max_size=2),
)
OPERATIONS = ("drop", "replace", "replace", "replace", "duplicate", "unknown_key", "nest")


def _parent(document: Any, path: Path_) -> tuple[Any, str | int] | None:
    node = document
    for step in path[:-1]:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    if isinstance(node, dict) and path[-1] in node:
        return node, path[-1]
    if isinstance(node, list) and isinstance(path[-1], int) and path[-1] < len(node):
        return node, path[-1]
    return None


def _mutate(document: Any, path: Path_, operation: str, value: Any) -> None:
    found = _parent(document, path)
    if found is None:
        return
    parent, key = found
    if operation == "drop":
        del parent[key]  # type: ignore[arg-type]
    elif operation == "replace":
        parent[key] = value
    elif operation == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[key]))  # type: ignore[index]
    elif operation == "unknown_key" and isinstance(parent[key], dict):
        parent[key]["surprise"] = value
    elif operation == "nest":
        parent[key] = [parent[key]]
    else:
        parent[key] = value


@st.composite
def documents(draw: st.DrawFn) -> Any:
    document: Any = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        _mutate(document, draw(st.sampled_from(PATHS)), draw(st.sampled_from(OPERATIONS)),
                draw(odd_values))
    form = draw(st.sampled_from(("mapping", "mapping", "text", "broken_bytes")))
    if form == "mapping":
        return document
    text = json.dumps(document, default=str, ensure_ascii=False)
    if form == "text":
        return text
    raw = bytearray(text.encode("utf-8"))
    position = draw(st.integers(min_value=0, max_value=len(raw) - 1))
    if draw(st.booleans()):
        return bytes(raw[:position])
    raw[position] = draw(st.integers(min_value=0, max_value=255))
    return bytes(raw)


class Observer:
    """A second connection to the file: sees every commit of the importer's connection."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None)
        self.tables = [name for name in SQLModel.metadata.tables]

    def commits(self) -> int:
        # data_version changes whenever another connection commits a change to the file.
        return int(self.connection.execute("PRAGMA data_version").fetchone()[0])

    def counts(self) -> tuple[int, ...]:
        """Rows per table: a cheap second look beside data_version."""
        query = " UNION ALL ".join(f'SELECT count(*) FROM "{name}"' for name in self.tables)
        return tuple(row[0] for row in self.connection.execute(query))

    def close(self) -> None:
        self.connection.close()


def test_fuzzed_files_never_crash_the_importer_nor_half_write(tmp_path: Path) -> None:
    db = open_database(tmp_path / "data")
    ctx = ServiceContext(db)
    import_exchange(ctx, example_document())  # stored data, so updates and conflicts happen
    assert db.path is not None
    observer = Observer(db.path)
    outcomes = {"refused": 0, "imported": 0}

    # derandomize: CI must judge the same files on every run; explore with benchmarks/ or
    # by running this test with derandomize=False.
    @settings(max_examples=1000, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(documents())
    def import_one(document: Any) -> None:
        commits, before = observer.commits(), observer.counts()
        try:
            import_exchange(ctx, document)
        except ValidationError as error:
            assert error.problems
            assert all(problem.text() for problem in error.problems)
            assert observer.commits() == commits
            assert observer.counts() == before
            outcomes["refused"] += 1
        else:
            outcomes["imported"] += 1

    try:
        import_one()
        assert integrity_check(db.path).ok if db.path else True
    finally:
        db.dispose()
    assert sum(outcomes.values()) >= 1000
    print(outcomes)
    assert outcomes["refused"] > 500  # the mutations mostly broke something
