"""What every section of the exchange file knows how to do, and the lookups they share.

A section reads its records from JSON (`parse`), checks them against the rules
(`validate`), turns them back into JSON (`render`), loads the stored ones (`load`) and
writes incoming ones in bulk (`write`). Records are compared by their rendered JSON, so
"identical content" means exactly what an export would show.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import update
from sqlmodel import Session, select

from zorgkoppel.core.errors import Problem
from zorgkoppel.core.models import Agreement, Organisation, Person, Worker
from zorgkoppel.core.rules.roster import TaskFacts, WorkerFacts
from zorgkoppel.core.services.roster import task_facts, worker_facts
from zorgkoppel.exchange.reader import Reader
from zorgkoppel.storage.bulk import insert_rows, update_versioned

D = TypeVar("D")


@dataclass
class Parsed(Generic[D]):
    """A record read from the file; `key` is None when the file gives no usable key."""

    key: str | None
    updated_at: dt.datetime | None
    data: D


@dataclass
class Stored(Generic[D]):
    """A record as the database holds it; `row_id` is its primary key."""

    updated_at: dt.datetime
    data: D
    row_id: str


@dataclass
class Write(Generic[D]):
    key: str
    updated_at: dt.datetime
    data: D
    row_id: str


@dataclass
class References:
    """What records may point at: the database, overlaid with records from the file."""

    organisation_kinds: dict[str, str] = field(default_factory=dict)
    people: set[str] = field(default_factory=set)
    workers: dict[str, WorkerFacts] = field(default_factory=dict)
    worker_employers: dict[str, str] = field(default_factory=dict)
    tasks: dict[str, TaskFacts] = field(default_factory=dict)
    # agreement id -> (reference, care partner, se partner, commissioned by)
    agreements: dict[str, tuple[str, str, str, str | None]] = field(default_factory=dict)
    _reference_owners: dict[str, set[str]] | None = None

    @classmethod
    def from_database(cls, session: Session) -> References:
        refs = cls()
        refs.organisation_kinds = dict(
            session.exec(select(Organisation.id, Organisation.kind)).all()
        )
        refs.people = set(session.exec(select(Person.id)).all())
        refs.workers = worker_facts(session)
        refs.worker_employers = dict(session.exec(select(Worker.id, Worker.employer_id)).all())
        refs.tasks = task_facts(session)
        refs.agreements = {
            row[0]: tuple(row[1:])  # type: ignore[misc]
            for row in session.exec(
                select(
                    Agreement.id,
                    Agreement.reference,
                    Agreement.care_partner_id,
                    Agreement.se_partner_id,
                    Agreement.commissioned_by_id,
                )
            ).all()
        }
        return refs

    def copy(self) -> References:
        return References(
            dict(self.organisation_kinds),
            set(self.people),
            dict(self.workers),
            dict(self.worker_employers),
            dict(self.tasks),
            dict(self.agreements),
        )

    def organisation_kind(self, key: str) -> str | None:
        return self.organisation_kinds.get(key)

    def reference_taken(self, reference: str, agreement_id: str | None) -> bool:
        if self._reference_owners is None:
            owners: dict[str, set[str]] = {}
            for key, (ref, *_rest) in self.agreements.items():
                owners.setdefault(ref.strip(), set()).add(key)
            self._reference_owners = owners
        return bool(self._reference_owners.get(reference.strip(), set()) - {agreement_id})


class Section(ABC, Generic[D]):
    name: ClassVar[str]  # the key in the file
    area: ClassVar[str]  # the Changes area it touches
    fields: ClassVar[frozenset[str]]
    key_field: ClassVar[str] = "id"  # where a duplicate key is reported

    @abstractmethod
    def parse(self, reader: Reader, item: Mapping[str, Any]) -> Parsed[D]:
        """Read one record whose unknown fields were already reported."""

    @abstractmethod
    def validate(self, key: str, data: D, refs: References) -> list[Problem]: ...

    def overlay(self, refs: References, key: str, data: D) -> None:
        """Make the record visible to the references of records that follow."""

    @abstractmethod
    def render(self, key: str, data: D) -> dict[str, Any]:
        """The record as JSON, without `updated_at`."""

    @abstractmethod
    def load(self, session: Session, keys: Collection[str] | None) -> dict[str, Stored[D]]:
        """Stored records by key: all of them, or those with the given keys."""

    # How records become rows: the table, its own columns and the children's rows.
    model: ClassVar[type[Any]]
    primary_key: ClassVar[str] = "id"

    @abstractmethod
    def columns(self, data: D) -> dict[str, Any]:
        """The record's own columns, without key and timestamps."""

    def children(
        self, row_id: str, data: D, now: dt.datetime
    ) -> dict[type[Any], list[dict[str, Any]]]:
        """Rows of the record's children, per child table."""
        return {}

    def delete_children(self, session: Session, row_ids: Collection[str]) -> None:
        """Remove the children of records about to be replaced."""

    def write(
        self,
        session: Session,
        creates: list[Write[D]],
        updates: list[Write[D]],
        now: dt.datetime,
    ) -> None:
        """Insert created records, update changed ones in place and replace their children."""
        key = self.primary_key
        insert_rows(
            session,
            self.model,
            [{key: w.row_id, "created_at": now, "updated_at": w.updated_at, **self.columns(w.data)}
             for w in creates],
        )
        if updates:
            rows = [{key: w.row_id, "updated_at": w.updated_at, **self.columns(w.data)}
                    for w in updates]
            if "version" in self.model.__table__.c:
                update_versioned(session, self.model.__table__, key, rows)
            else:
                session.execute(update(self.model), rows)
            self.delete_children(session, [w.row_id for w in updates])
        merged: dict[type[Any], list[dict[str, Any]]] = {}
        for w in (*creates, *updates):
            for child_model, rows in self.children(w.row_id, w.data, now).items():
                merged.setdefault(child_model, []).extend(rows)
        for child_model, rows in merged.items():
            insert_rows(session, child_model, rows)

    def new_row_id(self, key: str) -> str:
        """The primary key of a created record; the file's key unless the section says not."""
        return key

    def pristine(self, stored: Stored[D]) -> bool:
        """True for a stored record nobody has changed (a built-in task as shipped)."""
        return False

    def locked_keys(self, session: Session, keys: Collection[str]) -> set[str]:
        """Keys of stored records no file may change (a note the worker signed off)."""
        return set()

    def after_write(self, session: Session, written: list[Write[D]]) -> None:
        """Anything the written records need beside their own rows."""


def remap(problems: list[Problem], paths: Mapping[str, str]) -> list[Problem]:
    """Rename fields the rules name differently from the file (`postcode` -> `address.postcode`)."""
    return [Problem(paths.get(p.field, p.field), p.message, p.params) for p in problems]

