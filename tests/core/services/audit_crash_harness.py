"""Killing a process that keeps recording accesses, then checking the audit trail.

The child records entry after entry (the light path of opening a file and the ordinary
write transaction, in turn) and reports each committed one on a pipe; the parent kills
it with SIGKILL after a random delay. However the kill falls (before the pending head,
between it and the commit, between the commit and moving the head on) `audit verify`
must call the trail intact, and every reported entry must be there.

POSIX only: the children come from a fork server (see tests/storage/crash_harness.py).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import random
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from sqlalchemy.orm import configure_mappers

from tests.storage.crash_harness import kill_after_random_delay
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.audit_check import heads_of_folder, verify_chain
from zorgkoppel.storage.database import Database
from zorgkoppel.storage.opening import open_database

configure_mappers()  # once in the fork server, not in every child



@dataclass
class Outcome:
    kills: int = 0
    reported: int = 0
    problems: list[str] = field(default_factory=list)


def _record_forever(data_dir: Path, report: Connection) -> None:
    db = Database.in_folder(data_dir)
    ctx = ServiceContext(db)
    number = 0
    while True:
        number += 1
        if number % 2:
            audit.record(ctx, audit.OPEN_WORKER_FILE, ["w"], "w")
        else:
            with db.transaction() as session:
                audit.append_entry(session, "local", audit.EXPORT, ["w"], "w")
        os.write(report.fileno(), b"+\n")


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def _kill_once(data_dir: Path, rng: random.Random, max_delay: float) -> int:
    """Start a recorder, kill it after a random delay; the entries it reported."""
    received = kill_after_random_delay(_context(), _record_forever, (data_dir,), rng,
                                       max_delay)
    return received.count(b"\n")


def run(data_dir: Path, kills: int, seed: int = 9, max_delay: float = 0.05) -> Outcome:
    rng = random.Random(seed)
    open_database(data_dir).dispose()
    outcome = Outcome()
    for _ in range(kills):
        outcome.reported += _kill_once(data_dir, rng, max_delay)
        outcome.kills += 1
        db = Database.in_folder(data_dir)
        try:
            ctx = ServiceContext(db)
            verdict = verify_chain(ctx, heads_of_folder(data_dir))
        finally:
            db.dispose()
        if not verdict.intact:
            outcome.problems.append(verdict.text())
            return outcome
        if verdict.entries < outcome.reported:
            outcome.problems.append(
                f"{outcome.reported} entries reported, {verdict.entries} stored")
            return outcome
    return outcome
