"""Killing a writing process at random moments, then checking that nothing was lost.

A child process writes through the program's own Database (WAL, synchronous=FULL): each
change is one transaction adding an organisation, a person of it and updating a counter
row, and after each commit the child reports the organisation's id on a pipe. The parent
kills the child with SIGKILL after a random delay. Afterwards the file must pass
`integrity_check`, every reported id must be there, and every change must be whole
(each organisation with its person; the counter equal to the number of organisations).

Used by tests/storage/test_crash_safety.py (a few dozen kills) and benchmarks/crash.py
(thousands). POSIX only: the children come from a fork server.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import multiprocessing.process
import os
import random
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from sqlalchemy.orm import configure_mappers

from zorgkoppel.core.models import Organisation, Person
from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.storage.database import Database
from zorgkoppel.storage.integrity import integrity_check
from zorgkoppel.storage.opening import open_database

# Done once in the fork server, not in every child: the first ORM use sets up the mappers.
configure_mappers()

COUNTER_ID = "org-counter"
STARTUP_TIMEOUT = 30.0


@dataclass
class Counts:
    kills: int = 0
    reported: int = 0
    found: int = 0
    missing: int = 0
    integrity_failures: int = 0
    torn_changes: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.integrity_failures or self.torn_changes)


def prepare(data_dir: Path) -> None:
    db = open_database(data_dir)
    with db.transaction() as session:
        session.add(Organisation(id=COUNTER_ID, name="0", kind="other"))
    db.dispose()


def _write_forever(data_dir: Path, round_number: int, report: Connection) -> None:
    """The child: commit change after change, reporting each id once it is committed."""
    db = Database.in_folder(data_dir)
    number = 0
    while True:
        number += 1
        key = f"r{round_number}-{number}"
        with db.transaction() as session:
            session.add(Organisation(id=f"org-{key}", name=f"Organisation {key}", kind="other"))
            session.flush()
            session.add(Person(id=f"person-{key}", name=f"Person {key}",
                               organisation_id=f"org-{key}"))
            counter = session.get(Organisation, COUNTER_ID)
            assert counter is not None
            counter.name = str(int(counter.name) + 1)
        # Raw bytes on the pipe, a line per commit: a line cut off by the kill is ignored.
        os.write(report.fileno(), f"org-{key}\n".encode())


def _context() -> multiprocessing.context.BaseContext:
    # Children come from a fork server: a clean, single-threaded process with the program
    # already imported. Forking the test process itself (Qt and other threads running)
    # can leave a child stuck on a lock some thread held at the fork.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def kill_when_stopped(child: multiprocessing.process.BaseProcess, read_end: Connection,
                      deadline: float) -> str:
    """Read the child's report lines until it says `stopped` (it waits at the chosen moment)
    or `done…`, or the deadline passes; then kill it. Its last complete line."""
    buffer = b""
    lines: list[str] = []
    while (left := deadline - time.monotonic()) > 0 and read_end.poll(left):
        chunk = os.read(read_end.fileno(), 4096)
        if not chunk:
            break
        buffer += chunk
        lines = buffer.decode().split("\n")[:-1]
        if lines and (lines[-1] == "stopped" or lines[-1].startswith("done")):
            break
    child.kill()
    child.join()
    read_end.close()
    return lines[-1] if lines else ""


def kill_after_random_delay(context: multiprocessing.context.BaseContext, target: Any,
                            args: tuple[Any, ...], rng: random.Random,
                            max_delay: float) -> bytes:
    """Start `target(*args, write_end)` in a child, kill it after a random delay, and return
    everything it wrote on the pipe (a line per committed change)."""
    read_end, write_end = context.Pipe(duplex=False)
    child = context.Process(target=target, args=(*args, write_end), daemon=True)
    child.start()
    write_end.close()
    received = b""
    # The delay counts from the child's first report, so every round kills a child that
    # is really writing rather than one still starting up.
    if read_end.poll(STARTUP_TIMEOUT):
        deadline = time.monotonic() + rng.uniform(0.0, max_delay)
        while (left := deadline - time.monotonic()) > 0 and read_end.poll(left):
            chunk = os.read(read_end.fileno(), 65536)
            if not chunk:
                break
            received += chunk
    child.kill()
    child.join()
    while chunk := os.read(read_end.fileno(), 65536):  # what it wrote before it died
        received += chunk
    read_end.close()
    return received


def _kill_once(data_dir: Path, round_number: int, rng: random.Random,
               max_delay: float) -> list[str]:
    """Start a writer, kill it after a random delay, return the ids it reported."""
    received = kill_after_random_delay(_context(), _write_forever, (data_dir, round_number),
                                       rng, max_delay)
    lines = received.decode().split("\n")
    return [line for line in lines[:-1] if line]  # a cut-off last line was never complete


def verify(data_dir: Path, reported: set[str], counts: Counts) -> None:
    live = data_dir / DATABASE_FILE
    result = integrity_check(live)
    if not result.ok:
        counts.integrity_failures += 1
        counts.problems.append("; ".join(result.findings))
        return
    with closing(sqlite3.connect(live)) as connection:
        organisations = {row[0] for row in connection.execute("SELECT id FROM organisation")}
        people = {row[0] for row in connection.execute("SELECT organisation_id FROM person")}
        counter = connection.execute(
            "SELECT name FROM organisation WHERE id = ?", (COUNTER_ID,)
        ).fetchone()[0]
    organisations.discard(COUNTER_ID)
    counts.found = len(reported & organisations)
    counts.missing = len(reported - organisations)
    torn = len(organisations ^ people) + (int(counter) != len(organisations))
    counts.torn_changes = torn
    if counts.missing:
        counts.problems.append(f"missing: {sorted(reported - organisations)[:5]}")


def run(data_dir: Path, kills: int, seed: int = 6, max_delay: float = 0.05) -> Counts:
    """`kills` rounds of fork, write, SIGKILL; then check the database once more."""
    rng = random.Random(seed)
    prepare(data_dir)
    counts = Counts()
    reported: set[str] = set()
    for round_number in range(kills):
        ids = _kill_once(data_dir, round_number, rng, max_delay)
        counts.kills += 1
        counts.reported += len(ids)
        reported.update(ids)
        if round_number % 50 == 49:  # a check now and then catches damage early
            verify(data_dir, reported, counts)
            if not counts.ok:
                return counts
    verify(data_dir, reported, counts)
    return counts
