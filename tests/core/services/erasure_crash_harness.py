"""Killing `erase_person` with SIGKILL at chosen moments, then checking the folder.

The child erases a person from a copy of a demo folder and stops, reporting on a pipe,
at one moment: just before the audit entry is added (the deletes done, not committed),
just after the commit (before VACUUM), or after the N-th call of an SQLite progress
handler on every connection of the child. SQLite calls that handler while it runs its
statements, so the rounds spread over the deletes, the full-text merge, the insert of the
entry, VACUUM and the checkpoint. The parent kills the child there. Afterwards the folder
must open whole, with the person either fully there (every note, no erasure entry) or
fully gone (no row about them, one erasure entry), and the audit chain intact.

POSIX only: the children come from a fork server (see tests/storage/crash_harness.py).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import multiprocessing.context
import os
import shutil
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import configure_mappers
from sqlmodel import col, func, select

from tests.storage.crash_harness import kill_when_stopped
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import AuditEntry, Note, Worker
from zorgkoppel.core.services import audit, gdpr
from zorgkoppel.core.services.audit_check import heads_of_folder, verify_chain
from zorgkoppel.core.services.erasure_plan import person_rows
from zorgkoppel.demo.loading import load_demo
from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.storage.encryption import Secret, encrypt_data_folder
from zorgkoppel.storage.integrity import integrity_check
from zorgkoppel.storage.opening import open_database

configure_mappers()  # once in the fork server, not in every child

WORKER = "demo-worker-dieter-maes"
SECRET_NAME = "Quorvantide"
SECRET_TEXT = "Zwierbalkje vertelde iets"
NOW = dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC)
STARTUP_TIMEOUT = 60.0
PROGRESS_EVERY = 200  # SQLite virtual-machine steps between two progress calls
BEFORE_ENTRY, AFTER_COMMIT = "before-entry", "after-commit"


@dataclass
class Outcome:
    progress_calls: int = 0  # of one whole erasure
    committed_at: int = 0  # progress calls before the commit
    kills: int = 0
    whole: int = 0
    gone: int = 0
    problems: list[str] = field(default_factory=list)


def prepare(template: Path, key: bytes | None) -> int:
    """A demo folder whose person has a name and a note found nowhere else; their notes."""
    db = open_database(template)
    ctx = ServiceContext(db)
    load_demo(ctx, dt.date(2026, 12, 1))
    with db.transaction() as session:
        worker = session.get(Worker, WORKER)
        assert worker is not None
        worker.first_name = SECRET_NAME
        note = session.exec(select(Note).where(Note.worker_id == WORKER)).first()
        assert note is not None
        note.summary = SECRET_TEXT
        notes = len(session.exec(select(Note).where(Note.worker_id == WORKER)).all())
    db.dispose()
    if key is not None:
        encrypt_data_folder(template, key, [Secret("correct horse battery staple")])
    return notes


def _stop(report: Connection) -> None:
    os.write(report.fileno(), b"stopped\n")
    time.sleep(STARTUP_TIMEOUT)


def _erase(data_dir: Path, key: bytes | None, moment: str, step: int,
           report: Connection) -> None:
    """The child: erase the person, stopping at `moment` (or progress call `step`)."""
    db = open_database(data_dir, key=key)
    calls = [0]

    def progress() -> int:
        calls[0] += 1
        if calls[0] == step:
            _stop(report)
        return 0

    def on_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        dbapi_connection.set_progress_handler(progress, PROGRESS_EVERY)

    event.listen(db.engine, "checkout", on_checkout)
    if moment == BEFORE_ENTRY:
        original_entry = audit.append_entry

        def entry_then_stop(*args: Any, **kwargs: Any) -> None:
            _stop(report)
            original_entry(*args, **kwargs)

        audit.append_entry = entry_then_stop  # type: ignore[assignment]
    original_scrub = gdpr.scrub
    committed_at = [0]

    def stop_then_scrub(*args: Any, **kwargs: Any) -> Any:
        committed_at[0] = calls[0]
        if moment == AFTER_COMMIT:
            _stop(report)
        return original_scrub(*args, **kwargs)

    gdpr.scrub = stop_then_scrub  # type: ignore[assignment]
    os.write(report.fileno(), b"started\n")
    gdpr.erase_person(ServiceContext(db), WORKER, NOW)
    os.write(report.fileno(), f"done {calls[0]} {committed_at[0]}\n".encode())


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def run_child(data_dir: Path, key: bytes | None, moment: str = "", step: int = 0) -> str:
    """Erase in a child and kill it where it stopped; the last line it reported."""
    context = _context()
    read_end, write_end = context.Pipe(duplex=False)
    child = context.Process(target=_erase, args=(data_dir, key, moment, step, write_end),
                            daemon=True)
    child.start()
    write_end.close()
    return kill_when_stopped(child, read_end, time.monotonic() + STARTUP_TIMEOUT)


def check(data_dir: Path, key: bytes | None, notes: int, outcome: Outcome, label: str) -> None:
    """The folder opens whole; the person is all there or all gone, the chain intact."""
    try:
        db = open_database(data_dir, key=key)
    except Exception as error:  # any failure to open is what we look for
        outcome.problems.append(f"{label}: {type(error).__name__}: {error}")
        return
    try:
        ctx = ServiceContext(db)
        with db.session() as session:
            worker = session.get(Worker, WORKER)
            kept = session.exec(select(func.count()).select_from(Note).where(
                Note.worker_id == WORKER)).one()
            erasures = session.exec(select(func.count()).select_from(AuditEntry).where(
                AuditEntry.action == audit.ERASURE, col(AuditEntry.worker_id) == WORKER)).one()
            left = person_rows(session.connection(), WORKER).total
        if worker is not None and kept == notes and erasures == 0:
            outcome.whole += 1
        elif worker is None and left == 0 and erasures == 1:
            outcome.gone += 1
        else:
            outcome.problems.append(f"{label}: torn (worker {worker is not None}, notes "
                                    f"{kept}/{notes}, rows {left}, erasure entries {erasures})")
        verdict = verify_chain(ctx, heads_of_folder(data_dir))
        if not verdict.intact:
            outcome.problems.append(f"{label}: audit {verdict.text()}")
    finally:
        db.dispose()
    database = data_dir / DATABASE_FILE
    result = integrity_check(database, key)
    if not result.ok:
        outcome.problems.append(f"{label}: integrity {'; '.join(result.findings)}")
    if key is None and worker is None:
        # Closing folded the -wal into the file: the words must be gone from it too.
        raw = b"".join(p.read_bytes() for p in data_dir.glob(f"{DATABASE_FILE}*"))
        if SECRET_NAME.encode() in raw or SECRET_TEXT.encode() in raw:
            outcome.problems.append(f"{label}: the erased words are still in the file")


def _spread(first: int, last: int, count: int) -> list[int]:
    if last < first or count <= 0:
        return []
    return [first + (last - first) * i // max(count - 1, 1) for i in range(count)]


def run(work: Path, key: bytes | None, progress_kills: int = 10) -> Outcome:
    """Kill at the two named moments, then at `progress_kills` spread progress calls."""
    template = work / "template"
    notes = prepare(template, key)
    outcome = Outcome()
    first = work / "whole-run"
    shutil.copytree(template, first)
    last = run_child(first, key)
    if not last.startswith("done"):
        outcome.problems.append(f"the whole run reported {last!r}")
        return outcome
    total, committed = (int(word) for word in last.split()[1:3])
    outcome.progress_calls, outcome.committed_at = total, committed
    check(first, key, notes, outcome, "whole run")
    outcome.gone -= 1  # the finished run is no kill
    # Half the kills inside the transaction (deletes, full-text merge, the entry), half
    # in the scrub after it (VACUUM, checkpoint), which takes most of the calls.
    half = progress_kills // 2
    steps = sorted(set(_spread(1, committed, half) + _spread(committed + 1, total,
                                                              progress_kills - half)))
    rounds = [(BEFORE_ENTRY, 0), (AFTER_COMMIT, 0)] + [("", step) for step in steps]
    for moment, step in rounds:
        label = moment or f"progress call {step}/{total}"
        data_dir = work / label.replace("/", "-").replace(" ", "-")
        shutil.copytree(template, data_dir)
        reported = run_child(data_dir, key, moment, step)
        if reported != "stopped":
            outcome.problems.append(f"{label}: the child reported {reported!r}")
            continue
        outcome.kills += 1
        check(data_dir, key, notes, outcome, label)
    return outcome
