"""Crash safety: kill a writing process with SIGKILL at random moments, many times.

Each round forks a child that commits change after change through the program's Database
(WAL, synchronous=FULL) and reports every committed id; the parent kills it after a
random delay. At the end the database must pass integrity_check and hold every reported
change, each one whole. Prints the counts. Target (issue 6): at least 1,000 kills, no
integrity failure, no missing or torn change.

    .venv/bin/python benchmarks/crash.py [KILLS] [SEED]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.storage.crash_harness import run


def main() -> int:
    kills = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        counts = run(Path(folder) / "data", kills=kills, seed=seed)
        seconds = time.perf_counter() - started
    print(f"kills:              {counts.kills}")
    print(f"commits reported:   {counts.reported}")
    print(f"commits found:      {counts.found}")
    print(f"commits missing:    {counts.missing}")
    print(f"torn changes:       {counts.torn_changes}")
    print(f"integrity failures: {counts.integrity_failures}")
    print(f"seconds:            {seconds:.1f}")
    for problem in counts.problems:
        print(f"problem: {problem}")
    return 0 if counts.ok else 1


if __name__ == "__main__":
    sys.exit(main())
