"""How long an exchange file with 10,000 guidance notes takes to import into an empty database.

Builds the file (plus the organisations, people and workers the notes need) in a temporary
folder, imports it, imports it again (everything unchanged) and prints the seconds.
Target (issue): the first import well under 10 s.

    .venv/bin/python benchmarks/import_notes.py [NOTES]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.exchange.exporter import write_exchange_file
from zorgkoppel.exchange.importer import import_exchange
from zorgkoppel.storage.opening import open_database

WORKERS = 200
COACHES = 20
SCORE_ITEMS = ("punctuality", "keeps_agreements", "teamwork", "client_contact")


def build_document(notes: int) -> dict[str, Any]:
    organisations = [
        {"id": "org-wzc", "name": "WZC De Linde", "kind": "care_facility",
         "care_type": "residential", "enterprise_number": "0412.345.614"},
        {"id": "org-lde", "name": "Buurtwerk Plus vzw", "kind": "local_services",
         "enterprise_number": "0876.543.270"},
    ]
    people = [
        {"id": f"p-{i}", "name": f"Begeleider {i}", "organisation": "org-lde",
         "role": "job_coach"}
        for i in range(COACHES)
    ]
    people.append({"id": "p-nurse", "name": "Greet Claes", "organisation": "org-wzc",
                   "role": "supervisor"})
    workers = [
        {"id": f"w-{i}", "first_name": f"Voornaam{i}", "last_name": f"Achternaam{i}",
         "employer": "org-lde", "programme": "local_services", "dutch_level": "B1",
         "skills": [{"task": "kitchen", "level": "independent"}]}
        for i in range(WORKERS)
    ]
    start = dt.date(2020, 1, 1)
    stamp = "2024-10-15T09:30:00+02:00"
    note_records = []
    for i in range(notes):
        coach = f"p-{i % COACHES}"
        note_records.append({
            "id": f"n-{i:06d}",
            "worker": f"w-{i % WORKERS}",
            "date": (start + dt.timedelta(days=i % 1500)).isoformat(),
            "kind": "evaluation_meeting" if i % 5 == 0 else "contact",
            "author": coach,
            "participants": [coach, "p-nurse"],
            "duration_minutes": 30 + i % 60,
            "visibility": "shared" if i % 3 else "enterprise_only",
            "summary": f"Gesprek {i}: werkt goed mee in de keuken.",
            "scores": {item: 1 + (i + k) % 4 for k, item in enumerate(SCORE_ITEMS)},
            "actions": [{"description": "Route Zuid leren", "owner": "p-nurse",
                         "due": "2024-11-01", "done": False}],
            "updated_at": stamp,
        })
    return {"format": "zorgkoppel-exchange", "version": 1, "organisations": organisations,
            "people": people, "workers": workers, "notes": note_records}


def main() -> None:
    notes = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "notes.json"
        path.write_text(json.dumps(build_document(notes), ensure_ascii=False), encoding="utf-8")
        ctx = ServiceContext(open_database(Path(folder) / "data"))
        size = path.stat().st_size / 1e6

        started = time.perf_counter()
        report = import_exchange(ctx, path)
        first = time.perf_counter() - started
        assert report.created["notes"] == notes

        started = time.perf_counter()
        report = import_exchange(ctx, path)
        second = time.perf_counter() - started
        assert report.unchanged["notes"] == notes

        started = time.perf_counter()
        write_exchange_file(ctx, Path(folder) / "export.json")
        export = time.perf_counter() - started
        ctx.db.dispose()

    print(f"file: {notes} notes, {size:.1f} MB")
    print(f"import into an empty database: {first:.2f} s (target < 10 s)")
    print(f"same file again (all unchanged): {second:.2f} s")
    print(f"export to a file: {export:.2f} s")


if __name__ == "__main__":
    main()
