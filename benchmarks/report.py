"""The monitoring report over a province-wide collection: 5,000 agreements, 2,000
organisations and 20,000 workers (each agreement places four of them).

Prints the median of N runs of (1) the report service per province (target <= 200 ms),
(2) `zorgkoppel report partnerships --by province --format json` as a command, start-up
included (target <= 1 s), (3) the XLSX with a sheet per grouping (target <= 1 s).

    .venv/bin/python benchmarks/report.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

AGREEMENTS, ORGANISATIONS, WORKERS = 5_000, 2_000, 20_000
PROVINCES = ["antwerpen", "limburg", "oost-vlaanderen", "west-vlaanderen", "vlaams-brabant",
             "brussel"]
COMMITTEES = ["330.01.20", "319.01", "331", "330"]


def collection() -> dict[str, Any]:
    care_count = ORGANISATIONS - 200
    care = [{"id": f"care-{n}", "name": f"Voorziening {n}", "kind": "care_facility",
             "care_type": "residential", "joint_committee": COMMITTEES[n % 4],
             "province": PROVINCES[n % 6]} for n in range(care_count)]
    se = [{"id": f"se-{n}", "name": f"Onderneming {n}",
           "kind": "custom_work" if n % 5 else "local_services",
           "province": PROVINCES[n % 6]} for n in range(200)]
    workers = [{"id": f"w-{n}", "first_name": f"Naam{n}", "last_name": "Test",
                "employer": f"se-{n % 200}",
                "programme": "custom_work" if (n % 200) % 5 else "local_services"}
               for n in range(WORKERS)]
    agreements = []
    for n in range(AGREEMENTS):
        partner = n % 200
        agreements.append({
            "id": f"ag-{n}", "reference": f"SO-{n:05d}",
            "phase": "service" if partner % 5 else "transition",
            "legal_form": "service_contract", "status": "active", "language": "nl",
            "care_partner": f"care-{n % care_count}", "se_partner": f"se-{partner}",
            "signed_on": "2024-01-15", "start": "2024-02-01", "end": "2026-01-31",
            "scope": {"workers": 4, "fte": "3.2", "hours_per_week": "121.6"},
            # Four workers of the partner, as its own employees.
            "workers": [f"w-{partner + 200 * ((n // 200 * 4 + k) % 100)}" for k in range(4)],
        })
    return {"format": "zorgkoppel-exchange", "version": 1,
            "organisations": care + se, "workers": workers, "agreements": agreements}


def _median(action: Any, runs: int) -> float:
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=5)
    runs = options.parse_args().runs

    import datetime as dt

    from zorgkoppel.core.context import ServiceContext
    from zorgkoppel.core.services.partnership_report import GROUPINGS, partnership_report
    from zorgkoppel.documents.report_workbook import write_report_workbook
    from zorgkoppel.exchange.importer import import_exchange
    from zorgkoppel.storage.opening import open_database

    start, end = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    with tempfile.TemporaryDirectory(prefix="zorgkoppel-report-") as temporary:
        folder = Path(temporary)
        data = folder / "data"
        db = open_database(data)
        ctx = ServiceContext(db)
        loading = time.perf_counter()
        import_exchange(ctx, collection())
        print(f"loaded {AGREEMENTS} agreements, {ORGANISATIONS} organisations, {WORKERS} "
              f"workers in {time.perf_counter() - loading:.1f} s (not counted)")
        report = partnership_report(ctx, ["province"], start, end)
        assert report.totals.partnerships == AGREEMENTS, report.totals
        service = _median(lambda: partnership_report(ctx, ["province"], start, end), runs)
        reports = [partnership_report(ctx, [name], start, end) for name in GROUPINGS]
        workbook = _median(lambda: write_report_workbook(folder / "report.xlsx", reports),
                           runs)
        db.dispose()
        env = dict(os.environ, ZORGKOPPEL_DATA_DIR=str(data))
        command = [sys.executable, "-m", "zorgkoppel", "report", "partnerships", "--by",
                   "province", "--from", "2025-01-01", "--to", "2025-12-31", "--format",
                   "json"]

        def run_command() -> None:
            done = subprocess.run(command, env=env, capture_output=True, text=True,
                                  check=False, timeout=120)
            if done.returncode != 0:
                raise SystemExit(done.stderr)

        run_command()  # warm the file cache
        command_seconds = _median(run_command, runs)
    for name, seconds, target in (("report service (per province)", service, 0.2),
                                  ("report command, start-up included", command_seconds, 1.0),
                                  ("XLSX, a sheet per grouping (7)", workbook, 1.0)):
        verdict = "within" if seconds <= target else "ABOVE"
        print(f"{name}: {seconds * 1000:.0f} ms ({verdict} the target of "
              f"{target * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
