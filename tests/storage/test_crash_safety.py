"""A process killed at any moment leaves a whole database holding every committed change."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.storage.crash_harness import run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the harness forks")


def test_kill_9_while_writing_loses_nothing(tmp_path: Path) -> None:
    counts = run(tmp_path / "data", kills=20, seed=6)
    assert counts.kills == 20
    assert counts.reported >= 20  # every round was killed while writing
    assert counts.integrity_failures == 0, counts.problems
    assert counts.missing == 0, counts.problems
    assert counts.torn_changes == 0
    assert counts.found == counts.reported
