"""The dashboard and full-text search of benchmarks/followup.py, plain against encrypted.

Builds the follow-up data set once (500 workers, 100 agreements, 50,000 notes by default),
copies the folder and encrypts the copy in place (SQLCipher 4, AES-256, as `zorgkoppel
encrypt` does), then times the same calls on both, each the median of several runs,
taken in turns so that both see the same machine. Target (issue 9): encrypted at most
1.5x the plain figure.

    .venv/bin/python benchmarks/encryption.py [NOTES]
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.followup import TODAY, WORKERS, build

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.dashboard import dashboard
from zorgkoppel.core.services.note_search import search_notes
from zorgkoppel.storage.encryption import Secret, encrypt_data_folder, new_data_key
from zorgkoppel.storage.opening import open_database

RUNS = 11
TARGET = 1.5
QUERIES = ("route zuid", "stiptheid bewoners", "rijbew", "Gesprek 4711")


def medians_ms(plain: Callable[[], object], encrypted: Callable[[], object]) -> tuple[float, float]:
    plain()  # warm-up: caches and the first query plan
    encrypted()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(RUNS):
        for work, into in ((plain, times[0]), (encrypted, times[1])):
            started = time.perf_counter()
            work()
            into.append((time.perf_counter() - started) * 1000)
    return statistics.median(times[0]), statistics.median(times[1])


def report(label: str, plain_ms: float, encrypted_ms: float) -> bool:
    ratio = encrypted_ms / plain_ms
    ok = ratio <= TARGET
    print(f"{label:<34} plain {plain_ms:7.1f} ms  encrypted {encrypted_ms:7.1f} ms  "
          f"ratio {ratio:4.2f}x  {'ok' if ok else 'OVER'} (target <= {TARGET}x)")
    return ok


def main() -> int:
    notes = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    with tempfile.TemporaryDirectory() as folder:
        plain_dir, encrypted_dir = Path(folder) / "plain", Path(folder) / "encrypted"
        db = open_database(plain_dir)
        build(ServiceContext(db), notes)
        db.dispose()
        shutil.copytree(plain_dir, encrypted_dir)
        key = new_data_key()
        started = time.perf_counter()
        encrypt_data_folder(encrypted_dir, key, [Secret("benchmark passphrase")])
        took = time.perf_counter() - started
        size = (encrypted_dir / "zorgkoppel.sqlite").stat().st_size / 2**20
        print(f"data: {WORKERS} workers, {notes} notes; encrypting the copy in place "
              f"({size:.0f} MiB, backup first) took {took:.1f} s")
        plain = ServiceContext(open_database(plain_dir))
        encrypted = ServiceContext(open_database(encrypted_dir, key=key))
        try:
            ok = report("dashboard", *medians_ms(lambda: dashboard(plain, TODAY),
                                                 lambda: dashboard(encrypted, TODAY)))
            for query in QUERIES:
                ok &= report(f"search {query!r}", *medians_ms(
                    lambda q=query: search_notes(plain, q),
                    lambda q=query: search_notes(encrypted, q)))
            started = time.perf_counter()
            open_database(encrypted_dir, key=key).dispose()
            print(f"opening the encrypted folder (quick_check included): "
                  f"{(time.perf_counter() - started) * 1000:.0f} ms")
        finally:
            plain.db.dispose()
            encrypted.db.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
