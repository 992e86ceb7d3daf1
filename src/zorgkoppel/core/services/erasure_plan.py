"""Which rows hold a person, and how they are removed without a trace in the file.

One plan for the live database and for backups: the statements are SQLAlchemy Core on a
Connection and skip tables an older schema does not have yet (a backup taken before
issue 5 has no addenda), so a backup of any known revision is purged the same way.

FTS5 keeps the tokens of a deleted row in its segments (a delete is written as a marker
that still holds the words) until the segments are merged: `optimize` merges them all.
SQLite's `secure_delete` zeroes the freed cells, and VACUUM plus a TRUNCATE checkpoint
leave neither the file nor the -wal holding any old page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, func, inspect, select, update

from zorgkoppel.core.models import (
    Agreement,
    AgreementWorker,
    Note,
    NoteAction,
    NoteAddendum,
    NoteParticipant,
    NoteScore,
    RosterAssignment,
    RosterDay,
    RosterPresence,
    SkillLevelChange,
    SyncState,
    Trajectory,
    TrajectoryPhase,
    Worker,
    WorkerPreference,
    WorkerSkill,
)
from zorgkoppel.storage.bulk import batches

FTS_TABLE = "note_fts"


def _table(model: Any) -> Table:
    return model.__table__  # type: ignore[no-any-return]


NOTE_CHILDREN: tuple[Table, ...] = tuple(
    _table(m) for m in (NoteAddendum, NoteScore, NoteAction, NoteParticipant)
)
# Rows keyed on the worker directly, children before the worker itself.
WORKER_ROWS: tuple[Table, ...] = tuple(
    _table(m)
    for m in (SkillLevelChange, WorkerSkill, WorkerPreference, RosterAssignment,
              RosterPresence, AgreementWorker)
)


@dataclass(frozen=True)
class RemovedRows:
    """How many rows went, per table name."""

    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def get(self, table: str) -> int:
        return self.counts.get(table, 0)


def present_tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


def _ids(connection: Connection, query: Any) -> list[str]:
    return [row[0] for row in connection.execute(query)]


def _count(connection: Connection, table: Table, where: Any) -> int:
    return int(connection.execute(select(func.count()).select_from(table).where(where)).scalar()
               or 0)


def person_rows(connection: Connection, worker_id: str) -> RemovedRows:
    """The rows an erasure of `worker_id` would remove, per table (nothing is changed)."""
    tables = present_tables(connection)
    counts: dict[str, int] = {}
    note_ids = _ids(connection, select(_table(Note).c.id).where(
        _table(Note).c.worker_id == worker_id))
    trajectory_ids = _ids(connection, select(_table(Trajectory).c.id).where(
        _table(Trajectory).c.worker_id == worker_id))
    for table in NOTE_CHILDREN:
        if table.name in tables:
            counts[table.name] = sum(
                _count(connection, table, table.c.note_id.in_(batch)) for batch in batches(note_ids)
            )
    counts[_table(Note).name] = len(note_ids)
    for table in WORKER_ROWS:
        if table.name in tables:
            counts[table.name] = _count(connection, table, table.c.worker_id == worker_id)
    phases = _table(TrajectoryPhase)
    counts[phases.name] = sum(
        _count(connection, phases, phases.c.trajectory_id.in_(batch))
        for batch in batches(trajectory_ids)
    )
    counts[_table(Trajectory).name] = len(trajectory_ids)
    worker = _table(Worker)
    counts[worker.name] = _count(connection, worker, worker.c.id == worker_id)
    return RemovedRows({name: n for name, n in counts.items() if n})


def delete_notes(connection: Connection, note_ids: Collection[str]) -> RemovedRows:
    """Remove notes with their participants, scores, actions and addenda.

    The note table's delete trigger takes each note out of the full-text index; the
    tokens are purged from its segments by `purge_full_text`.
    """
    tables = present_tables(connection)
    counts: dict[str, int] = {}
    notes = _table(Note)
    sync = _table(SyncState)
    for batch in batches(list(note_ids)):
        if sync.name in tables:
            connection.execute(delete(sync).where(
                sync.c.section == "notes", sync.c.record_key.in_(batch)))
        for table in NOTE_CHILDREN:
            if table.name in tables:
                removed = connection.execute(delete(table).where(table.c.note_id.in_(batch)))
                counts[table.name] = counts.get(table.name, 0) + removed.rowcount
        removed = connection.execute(delete(notes).where(notes.c.id.in_(batch)))
        counts[notes.name] = counts.get(notes.name, 0) + removed.rowcount
    return RemovedRows(counts)


def _touch(connection: Connection, table: Table, ids: Iterable[str], now: dt.datetime) -> None:
    # The record changed (a worker left it): a newer updated_at makes the next exchange
    # carry the version without the person rather than lose to a partner's older copy.
    for batch in batches(sorted(set(ids))):
        connection.execute(update(table).where(table.c.id.in_(batch)).values(updated_at=now))


def delete_person(connection: Connection, worker_id: str, now: dt.datetime) -> RemovedRows:
    """Remove the worker and every row about them; roster days and agreements stay.

    Roster days keep their posts and how many each needs; only the person's presence and
    assignments go. Agreements keep everything but the person's placement.
    """
    tables = present_tables(connection)
    notes = _table(Note)
    removed = dict(delete_notes(
        connection, _ids(connection, select(notes.c.id).where(notes.c.worker_id == worker_id))
    ).counts)
    presence, assignment = _table(RosterPresence), _table(RosterAssignment)
    days = set(_ids(connection, select(presence.c.roster_day_id).where(
        presence.c.worker_id == worker_id)))
    days |= set(_ids(connection, select(assignment.c.roster_day_id).where(
        assignment.c.worker_id == worker_id)))
    placements = _table(AgreementWorker)
    agreements = _ids(connection, select(placements.c.agreement_id).where(
        placements.c.worker_id == worker_id))
    for table in WORKER_ROWS:
        if table.name in tables:
            result = connection.execute(delete(table).where(table.c.worker_id == worker_id))
            removed[table.name] = result.rowcount
    _touch(connection, _table(RosterDay), days, now)
    _touch(connection, _table(Agreement), agreements, now)
    trajectories, phases = _table(Trajectory), _table(TrajectoryPhase)
    trajectory_ids = _ids(connection, select(trajectories.c.id).where(
        trajectories.c.worker_id == worker_id))
    sync = _table(SyncState)
    for batch in batches(trajectory_ids):
        if sync.name in tables:
            connection.execute(delete(sync).where(
                sync.c.section == "trajectories", sync.c.record_key.in_(batch)))
        result = connection.execute(delete(phases).where(phases.c.trajectory_id.in_(batch)))
        removed[phases.name] = removed.get(phases.name, 0) + result.rowcount
        result = connection.execute(delete(trajectories).where(trajectories.c.id.in_(batch)))
        removed[trajectories.name] = removed.get(trajectories.name, 0) + result.rowcount
    if sync.name in tables:
        connection.execute(delete(sync).where(
            sync.c.section == "workers", sync.c.record_key == worker_id))
    worker = _table(Worker)
    removed[worker.name] = connection.execute(
        delete(worker).where(worker.c.id == worker_id)).rowcount
    return RemovedRows({name: n for name, n in removed.items() if n})


def secure_delete_on(connection: Connection) -> None:
    """Zero what the following deletes free, on this connection (also inside a transaction)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA secure_delete=ON")


def purge_full_text(connection: Connection) -> None:
    """Merge the full-text index's segments, dropping the words of deleted notes."""
    if connection.dialect.name == "sqlite" and FTS_TABLE in present_tables(connection):
        connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('optimize')")


@dataclass(frozen=True)
class ScrubResult:
    vacuumed: bool
    # False when another connection still read old pages, so the -wal could not be emptied
    # now; SQLite empties it at the next checkpoint (at the latest when the program closes).
    wal_emptied: bool


def scrub(engine: Engine) -> ScrubResult:
    """VACUUM, then fold the -wal into the file and truncate it (SQLite only).

    Runs outside any transaction on a connection of its own; both steps are atomic, so a
    kill leaves the file as it was before or after them, with the same content.
    """
    if engine.dialect.name != "sqlite":
        return ScrubResult(False, True)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("VACUUM")
        row = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        cursor.close()
    finally:
        raw.close()
    busy = bool(row and row[0])
    return ScrubResult(True, not busy)
