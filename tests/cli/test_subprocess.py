"""A few real runs of `python -m zorgkoppel`, as a user starts it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from zorgkoppel import __version__


def _run(*arguments: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZORGKOPPEL_DATA_DIR=str(data_dir),
               LANG="en_GB.UTF-8")
    env.pop("LC_ALL", None)
    return subprocess.run([sys.executable, "-m", "zorgkoppel", *arguments], env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_version(tmp_path: Path) -> None:
    done = _run("--version", data_dir=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"zorgkoppel {__version__}\n", "")


def test_invalid_file_fails_without_traceback(tmp_path: Path) -> None:
    source = tmp_path / "bad.json"
    source.write_text('{"format": "zorgkoppel-exchange", "version": 2}', encoding="utf-8")
    done = _run("--lang", "en", "import", str(source), data_dir=tmp_path / "data")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"{source} was not imported; nothing was changed:",
        "version: this program reads version 1",
    ]


def test_window_starts_and_exits(tmp_path: Path) -> None:
    done = _run("gui", "--exit-after-start", data_dir=tmp_path / "data")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
