"""Killed (SIGKILL) while recording accesses, the audit trail still verifies as intact."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.core.services.audit_crash_harness import run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the harness forks")


def test_kill_9_while_recording_never_makes_the_trail_look_tampered(tmp_path: Path) -> None:
    outcome = run(tmp_path / "data", kills=25)
    assert outcome.problems == []
    assert outcome.kills == 25 and outcome.reported > 25  # the children really recorded
