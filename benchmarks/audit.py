"""What the audit trail costs: `audit verify` on a million entries, and the import of
benchmarks/import_notes.py and the opening of a worker file with and without the trail.

Targets (issue 9): verify ≤ 10 s on 1,000,000 entries; the trail adds ≤ 10 % to the
import and to opening a worker file (the ratios printed below).

    .venv/bin/python benchmarks/audit.py [ENTRIES]
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from import_notes import build_document  # the same file as benchmarks/import_notes.py
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import AuditEntry
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.audit_check import verify_chain
from zorgkoppel.core.services.worker_file import worker_file
from zorgkoppel.exchange.importer import import_exchange
from zorgkoppel.storage.opening import open_database

NOTES = 10_000
OPENINGS = 60


def fill_trail(ctx: ServiceContext, count: int) -> None:
    """A chain of `count` entries written in bulk, hashed as the program hashes them."""
    table = AuditEntry.__table__  # type: ignore[attr-defined]
    start = dt.datetime(2016, 1, 1, tzinfo=dt.UTC)
    prev = audit.GENESIS
    rows: list[dict[str, Any]] = []
    with ctx.db.engine.begin() as connection:
        for seq in range(1, count + 1):
            at = start + dt.timedelta(seconds=seq * 17)
            worker = f"w-{seq % 600}"
            digest = audit.entry_hash(prev, seq, at, "coach3", audit.OPEN_WORKER_FILE,
                                      worker, worker)
            rows.append({"seq": seq, "at": at, "user_name": "coach3",
                         "action": audit.OPEN_WORKER_FILE, "worker_id": worker,
                         "record_ids": worker, "prev_hash": prev, "hash": digest})
            prev = digest
            if len(rows) == 50_000:
                connection.execute(insert(table), rows)
                rows = []
        if rows:
            connection.execute(insert(table), rows)


@contextmanager
def trail_off() -> Iterator[None]:
    """The program as it was before the trail: appending does nothing."""
    original = audit.append_entries
    audit.append_entries = lambda *_args, **_kwargs: []  # type: ignore[assignment]
    try:
        yield
    finally:
        audit.append_entries = original  # type: ignore[assignment]


def best_of(runs: int, work: Callable[[], float]) -> float:
    return min(work() for _ in range(runs))


def import_seconds(folder: Path, document_path: Path) -> float:
    target = Path(tempfile.mkdtemp(dir=folder))
    ctx = ServiceContext(open_database(target))
    try:
        started = time.perf_counter()
        import_exchange(ctx, document_path)
        return time.perf_counter() - started
    finally:
        ctx.db.dispose()


def opening_seconds(ctx: ServiceContext, worker_id: str) -> float:
    times = []
    for _ in range(OPENINGS):
        started = time.perf_counter()
        worker_file(ctx, worker_id)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "notes.json"
        path.write_text(json.dumps(build_document(NOTES), ensure_ascii=False),
                        encoding="utf-8")
        with trail_off():
            plain_import = best_of(3, lambda: import_seconds(folder, path))
        audited_import = best_of(3, lambda: import_seconds(folder, path))

        ctx = ServiceContext(open_database(folder / "data"))
        import_exchange(ctx, path)
        with trail_off():
            plain_open = opening_seconds(ctx, "w-7")
        audited_open = opening_seconds(ctx, "w-7")
        ctx.db.dispose()

        big = ServiceContext(open_database(folder / "big"))
        started = time.perf_counter()
        fill_trail(big, count)
        filled = time.perf_counter() - started
        started = time.perf_counter()
        verdict = verify_chain(big)
        verify = time.perf_counter() - started
        assert verdict.intact and verdict.entries == count, verdict.text()
        big.db.dispose()

    print(f"import of {NOTES} notes: {plain_import:.2f} s without the trail, "
          f"{audited_import:.2f} s with it: ratio {audited_import / plain_import:.3f} "
          "(target ≤ 1.10)")
    print(f"opening a worker file ({NOTES // 200} notes): {plain_open * 1000:.1f} ms without, "
          f"{audited_open * 1000:.1f} ms with: ratio {audited_open / plain_open:.3f} "
          "(target ≤ 1.10)")
    print(f"audit verify on {count} entries: {verify:.2f} s (target ≤ 10 s; "
          f"writing them took {filled:.1f} s)")


if __name__ == "__main__":
    main()
