"""Several programs writing the audit trail at once never fork or break its chain."""

from __future__ import annotations

import threading

import pytest

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.audit_check import verify_chain
from zorgkoppel.storage.database import Database

WRITERS = 4
ENTRIES = 15


def test_concurrent_writers_each_extend_one_intact_chain(db: Database) -> None:
    if db.engine.dialect.name == "sqlite":
        pytest.skip("a SQLite data folder has one writing program at a time (its folder lock)")
    failures: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def write(number: int) -> None:
        # Each writer its own engine, as separate programs on separate PCs would have.
        own = Database(db.url)
        try:
            start.wait()
            for entry in range(ENTRIES):
                audit.record_as(own, f"writer{number}", "open_note", [([f"n{entry}"], None)])
        except BaseException as error:
            failures.append(error)
        finally:
            own.dispose()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    verdict = verify_chain(ServiceContext(db))
    assert verdict.intact, verdict.text()
    assert verdict.entries == WRITERS * ENTRIES
