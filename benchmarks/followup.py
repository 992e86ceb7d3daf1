"""Dashboard and full-text search on a large data set: 500 workers, 100 agreements, 50,000 notes.

Builds the data with Core bulk inserts in a temporary folder (the FTS index fills through its
triggers), then times the dashboard and a few searches, each the median of several runs.
Targets (issue 5): dashboard <= 200 ms, full-text search <= 100 ms.

    .venv/bin/python benchmarks/followup.py [NOTES]
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import (
    Agreement,
    AgreementWorker,
    Note,
    NoteAction,
    Organisation,
    Person,
    Trajectory,
    TrajectoryPhase,
    Worker,
)
from zorgkoppel.core.services.dashboard import dashboard
from zorgkoppel.core.services.note_search import search_notes
from zorgkoppel.storage.opening import open_database

WORKERS = 500
AGREEMENTS = 100
FACILITIES = 20
TODAY = dt.date(2026, 6, 15)
WORDS = ("keuken", "route", "Noord", "Zuid", "stiptheid", "collega's", "bewoners", "bus",
         "wasserij", "afspraken", "tempo", "zelfstandig", "begeleiding", "taal", "rijbewijs")
RUNS = 7


def _stamp() -> dict[str, Any]:
    now = dt.datetime.now(dt.UTC)
    return {"created_at": now, "updated_at": now}


def build(ctx: ServiceContext, notes: int) -> None:
    stamp = _stamp()
    organisations = [{"id": "org-lde", "name": "Buurtwerk Plus vzw", "kind": "local_services",
                      **stamp}]
    organisations += [{"id": f"org-{i}", "name": f"WZC {i}", "kind": "care_facility", **stamp}
                      for i in range(FACILITIES)]
    people = [{"id": "p-coach", "name": "An Peeters", "organisation_id": "org-lde",
               "role": "job_coach", **stamp}]
    workers = [
        {"id": f"w-{i}", "first_name": f"Voornaam{i}", "last_name": f"Achternaam{i}",
         "employer_id": "org-lde", "programme": "local_services",
         "integration_start": TODAY - dt.timedelta(days=1200 + 3 * i),
         "driving_licence": False, **stamp}
        for i in range(WORKERS)
    ]
    agreements = [
        {"id": f"ag-{i}", "reference": f"SO-{i:04d}", "phase": "service",
         "legal_form": "service_contract", "status": "active", "language": "nl",
         "care_partner_id": f"org-{i % FACILITIES}", "se_partner_id": "org-lde",
         "start_date": TODAY - dt.timedelta(days=200 + i), "end_date":
         TODAY + dt.timedelta(days=30 + 3 * i), "notice_days": 60,
         "evaluation_every_weeks": 8, **stamp}
        for i in range(AGREEMENTS)
    ]
    placed = [{"id": f"aw-{i}", "agreement_id": f"ag-{i % AGREEMENTS}", "worker_id": f"w-{i}",
               "position": 0, **stamp} for i in range(WORKERS)]
    note_rows = []
    action_rows = []
    for i in range(notes):
        words = " ".join(WORDS[(i * k) % len(WORDS)] for k in range(1, 9))
        note_rows.append({
            "id": f"n-{i:06d}", "worker_id": f"w-{i % WORKERS}",
            "day": TODAY - dt.timedelta(days=i % 1500),
            "kind": "evaluation_meeting" if i % 7 == 0 else "contact",
            "author_id": "p-coach", "duration_minutes": 30 + i % 60,
            "visibility": "shared" if i % 3 else "enterprise_only",
            "summary": f"Gesprek {i}: {words}.", **stamp,
        })
        if i % 10 == 0:
            action_rows.append({"id": f"a-{i}", "note_id": f"n-{i:06d}",
                                "description": "Route Zuid leren", "owner_id": "p-coach",
                                "due": TODAY - dt.timedelta(days=i % 400 - 200),
                                "done": i % 20 == 0, "position": 0, **stamp})
    trajectories = [{"id": f"t-{i}", "worker_id": f"w-{i}", "provider_id": "org-lde", **stamp}
                    for i in range(0, WORKERS, 10)]
    phases = [{"id": f"tp-{i}", "trajectory_id": f"t-{i}", "phase": "job_matching",
               "start_date": TODAY - dt.timedelta(days=60 + i), **stamp}
              for i in range(0, WORKERS, 10)]
    with ctx.db.transaction() as session:
        for model, rows in ((Organisation, organisations), (Person, people), (Worker, workers),
                            (Agreement, agreements), (AgreementWorker, placed),
                            (Note, note_rows), (NoteAction, action_rows),
                            (Trajectory, trajectories), (TrajectoryPhase, phases)):
            session.execute(insert(model.__table__), rows)  # type: ignore[attr-defined]


def median_ms(work: Callable[[], object]) -> tuple[float, object]:
    work()  # warm-up: caches and the first query plan
    times = []
    result: object = None
    for _ in range(RUNS):
        started = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def main() -> None:
    notes = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    with tempfile.TemporaryDirectory() as folder:
        ctx = ServiceContext(open_database(Path(folder)))
        started = time.perf_counter()
        build(ctx, notes)
        built = time.perf_counter() - started
        print(f"data: {WORKERS} workers, {AGREEMENTS} agreements, {notes} notes "
              f"(built in {built:.1f} s, FTS index included)")
        took, board = median_ms(lambda: dashboard(ctx, TODAY))
        kinds: dict[str, int] = {}
        for warning in board.warnings:  # type: ignore[attr-defined]
            kinds[warning.kind] = kinds.get(warning.kind, 0) + 1
        print(f"dashboard: {took:.1f} ms (target <= 200 ms), warnings {kinds}")
        for query in ("route zuid", "stiptheid bewoners", "rijbew", "Gesprek 4711"):
            took, found = median_ms(lambda q=query: search_notes(ctx, q))
            print(f"search {query!r}: {took:.1f} ms (target <= 100 ms), "
                  f"{len(found)} notes")  # type: ignore[arg-type]
        took, found = median_ms(lambda: search_notes(ctx, "route zuid", use_fts=False))
        print(f"search 'route zuid' without FTS (the PostgreSQL path): {took:.1f} ms, "
              f"{len(found)} notes")  # type: ignore[arg-type]
        ctx.db.dispose()


if __name__ == "__main__":
    main()
