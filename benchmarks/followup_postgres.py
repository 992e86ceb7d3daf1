"""The dashboard, the lists and full-text search of benchmarks/followup.py on PostgreSQL and
on SQLite, with the same data, printed as ratios (issue 10: PostgreSQL at most 2x SQLite).

    .venv/bin/python benchmarks/followup_postgres.py [NOTES] [--database-url URL]

URL names an empty PostgreSQL database the benchmark may fill; without it a throwaway server
is started as the tests do (tests/postgres_server.py, Debian's postgresql).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from followup import TODAY, build, median_ms
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.dashboard import dashboard
from zorgkoppel.core.services.listings import (
    list_agreement_rows,
    list_note_rows,
)
from zorgkoppel.core.services.note_search import search_notes
from zorgkoppel.storage.opening import open_database, open_database_url

QUERIES = ("route zuid", "stiptheid bewoners", "rijbew", "Gesprek 4711")


def figures(ctx: ServiceContext) -> dict[str, float]:
    work: dict[str, Callable[[], object]] = {
        "dashboard": lambda: dashboard(ctx, TODAY),
        "agreement list": lambda: list_agreement_rows(ctx),
        "note list (200 newest)": lambda: list_note_rows(ctx, limit=200),
        "note list search 'route'": lambda: list_note_rows(ctx, search="route", limit=200),
    }
    for query in QUERIES:
        work[f"search {query!r}"] = lambda q=query: search_notes(ctx, q)
    return {name: median_ms(job)[0] for name, job in work.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("notes", nargs="?", type=int, default=50_000)
    parser.add_argument("--database-url")
    options = parser.parse_args()
    server = None
    url = options.database_url
    if url is None:
        from tests.postgres_server import LocalServer, TestDatabases

        server = LocalServer()
        databases = TestDatabases(server.start())
        url = databases.url_of(databases.fresh())
    try:
        with tempfile.TemporaryDirectory() as folder:
            sqlite = ServiceContext(open_database(Path(folder)))
            postgres = ServiceContext(open_database_url(url))
            for ctx in (sqlite, postgres):
                build(ctx, options.notes)
            if postgres.db.engine.dialect.name == "postgresql":
                with postgres.db.engine.begin() as connection:
                    connection.exec_driver_sql("ANALYZE")
            on_sqlite, on_postgres = figures(sqlite), figures(postgres)
            print(f"{options.notes} notes; median ms; ratio PostgreSQL / SQLite (target <= 2)")
            for name, ms in on_sqlite.items():
                ratio = on_postgres[name] / ms if ms else float("inf")
                print(f"{name:32} sqlite {ms:8.1f}  postgresql {on_postgres[name]:8.1f}  "
                      f"ratio {ratio:5.2f}")
            sqlite.db.dispose()
            postgres.db.dispose()
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
