"""Killed (SIGKILL) at any moment, encrypting or decrypting leaves the old or the new folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.storage.conversion_crash_harness import DECRYPT, ENCRYPT, run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the harness forks")


@pytest.mark.parametrize("direction", [ENCRYPT, DECRYPT])
def test_kill_9_during_the_conversion_leaves_a_whole_folder(
    tmp_path: Path, direction: str
) -> None:
    outcome = run(tmp_path, direction)
    assert outcome.problems == []
    assert outcome.steps >= 10  # the conversion really went through its steps
    assert outcome.kills == outcome.steps + 6  # once before every step, six at random
    assert outcome.old_state > 0 and outcome.new_state > 0
