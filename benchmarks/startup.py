"""Start-up time of the window against a floor: a bare Qt window that also imports sqlmodel.

Runs, interleaved, N times each (after one warm-up run of each, not counted):
  (a) floor: a QMainWindow shown and painted, in a script that also imports sqlmodel;
  (b) app:   python -m zorgkoppel --data-dir <demo data> gui --exit-after-start
both with QT_QPA_PLATFORM=offscreen, and prints both medians and their ratio (target <= 2.0).

    .venv/bin/python benchmarks/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

TARGET_RATIO = 2.0

FLOOR_SCRIPT = textwrap.dedent(
    """
    import sys

    import sqlmodel  # noqa: F401 - the app needs it before its first screen, so does the floor
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


    class Window(QMainWindow):
        def paintEvent(self, event):
            super().paintEvent(event)
            QTimer.singleShot(0, QApplication.instance().quit)


    app = QApplication(sys.argv)
    window = Window()
    window.setWindowTitle("floor")
    window.setCentralWidget(QLabel("floor"))
    window.resize(1024, 700)
    window.show()
    sys.exit(app.exec())
    """
)


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def timed(command: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    done = subprocess.run(command, env=_environment(), capture_output=True, text=True,
                          timeout=120, check=False)
    return time.perf_counter() - started, done


def prepare_data(folder: Path) -> str | None:
    """Load the demo data set; returns why not when that fails (the app then starts empty)."""
    command = [sys.executable, "-m", "zorgkoppel", "--data-dir", str(folder), "--lang", "en",
               "demo"]
    _seconds, done = timed(command)
    if done.returncode != 0:
        return (done.stderr or done.stdout).strip()
    return None


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=5)
    runs = options.parse_args().runs

    with tempfile.TemporaryDirectory(prefix="zorgkoppel-startup-") as temporary:
        folder = Path(temporary)
        floor_script = folder / "floor.py"
        floor_script.write_text(FLOOR_SCRIPT, encoding="utf-8")
        data_dir = folder / "data"
        trouble = prepare_data(data_dir)
        print(f"data folder: {data_dir}")
        print("demo data: loaded" if trouble is None else f"demo data: NOT loaded ({trouble})")

        floor_command = [sys.executable, str(floor_script)]
        app_command = [sys.executable, "-m", "zorgkoppel", "--data-dir", str(data_dir),
                       "gui", "--exit-after-start"]
        floor_times: list[float] = []
        app_times: list[float] = []
        app_failure: str | None = None
        for run in range(runs + 1):  # run 0 warms the file cache and is not counted
            for command, times, name in ((floor_command, floor_times, "floor"),
                                         (app_command, app_times, "app")):
                seconds, done = timed(command)
                if done.returncode != 0:
                    message = (done.stderr or done.stdout).strip().splitlines()
                    failure = f"{name} exited {done.returncode}: {' | '.join(message[-3:])}"
                    if name == "floor":
                        print(failure)
                        return 1
                    app_failure = failure
                if run > 0:
                    times.append(seconds)

    floor = statistics.median(floor_times)
    print(f"floor runs (s): {' '.join(f'{t:.3f}' for t in floor_times)}")
    print(f"app runs   (s): {' '.join(f'{t:.3f}' for t in app_times)}")
    print(f"floor median: {floor:.3f} s")
    if app_failure is not None:
        print(f"app: FAILED ({app_failure}); no ratio")
        return 1
    app = statistics.median(app_times)
    ratio = app / floor
    verdict = "within" if ratio <= TARGET_RATIO else "ABOVE"
    if trouble is not None:
        verdict += "; measured on an EMPTY database, not the target case"
    print(f"app median:   {app:.3f} s")
    print(f"ratio app/floor: {ratio:.2f} ({verdict} the target of {TARGET_RATIO:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
