"""Killed (SIGKILL) at any moment, an erasure leaves the person whole or wholly gone."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.core.services.erasure_crash_harness import run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the harness forks")


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_kill_9_during_an_erasure_leaves_the_person_whole_or_gone(
    tmp_path: Path, encrypted: bool
) -> None:
    outcome = run(tmp_path, os.urandom(32) if encrypted else None)
    assert outcome.problems == []
    # The handler really saw the erasure's work, inside the transaction and after it.
    assert 10 <= outcome.committed_at < outcome.progress_calls - 10
    assert outcome.kills == 12  # the two named moments and ten spread progress calls
    # Killed inside the transaction the person is all there; after the commit all gone.
    assert outcome.whole == 6 and outcome.gone == 6
