"""The cost of logging in: argon2id's verify, and the window's start with a login dialog.

(1) argon2id: the median time of verifying a password against its stored hash (the OWASP
    cost the accounts use) and of unlocking a key slot (the same derivation plus AES-GCM);
    target <= 0.5 s each.
(2) the window start with login, against the floor of benchmarks/startup.py (a bare Qt
    window that also imports sqlmodel): `run_gui` on the demo data with one administrator
    account, the login dialog filled in programmatically (typing counts as zero), until the
    Overview is painted. Plain and encrypted (the password unlocks the data too), taken in
    turns with the floor, N runs each after one warm-up. Target: ratio <= 2.0.

    .venv/bin/python benchmarks/login.py [--runs 5]
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.startup import FLOOR_SCRIPT, prepare_data, timed

TARGET_SECONDS = 0.5
TARGET_RATIO = 2.0
USER = "admin"
PASSWORD = "benchmark-password-1"

# The window as a person starts it, but the login dialog answered at once and the window
# quitting as soon as the Overview has been painted with its data.
LOGIN_SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import zorgkoppel.ui.main_window as main_window
    from zorgkoppel.ui import dialogs

    data_dir, user, password = Path(sys.argv[1]), sys.argv[2], sys.argv[3]


    def fill(dialog):
        assert dialog.objectName() == "login", dialog.objectName()
        dialog.edits["user_name"].setText(user)
        dialog.edits["password"].setText(password)
        dialog.try_accept()
        return dialog.result()


    dialogs.exec_dialog = fill
    original = main_window.MainWindow.__init__


    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.overview_painted.connect(
            lambda: QTimer.singleShot(0, lambda: QApplication.instance().exit(0)))


    main_window.MainWindow.__init__ = init

    from zorgkoppel.ui.app import run_gui

    sys.exit(run_gui(data_dir, language="en"))
    """
)


def _median_seconds(action: object, runs: int = 7) -> float:
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def argon2_figures() -> tuple[float, float]:
    from zorgkoppel.core.services.passwords import hash_password, password_matches
    from zorgkoppel.storage import key_slots

    stored = hash_password(PASSWORD)
    slot = key_slots.wrap(bytes(32), key_slots.USER, USER, PASSWORD)
    verify = _median_seconds(lambda: password_matches(stored, PASSWORD))
    unwrap = _median_seconds(lambda: key_slots.unwrap(slot, PASSWORD))
    return verify, unwrap


def _zorgkoppel(data_dir: Path, *arguments: str, stdin: str = "") -> None:
    command = [sys.executable, "-m", "zorgkoppel", "--data-dir", str(data_dir), "--lang", "en",
               *arguments]
    environment = dict(os.environ, ZORGKOPPEL_PASSWORD=PASSWORD)
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=300,
                          check=False, env=environment)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(arguments)} failed: {done.stderr or done.stdout}")


def prepare(folder: Path, encrypted: bool) -> Path:
    trouble = prepare_data(folder)
    if trouble is not None:
        raise SystemExit(f"demo data not loaded: {trouble}")
    _zorgkoppel(folder, "user", "add", USER, "--role", "admin", "--new-password-stdin",
                stdin=PASSWORD + "\n")
    if encrypted:
        _zorgkoppel(folder, "--user", USER, "encrypt")
    return folder


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=5)
    runs = options.parse_args().runs

    verify, unwrap = argon2_figures()
    for name, seconds in (("argon2id password verify", verify), ("key slot unlock", unwrap)):
        verdict = "within" if seconds <= TARGET_SECONDS else "ABOVE"
        print(f"{name}: {seconds * 1000:.0f} ms ({verdict} the target of "
              f"{TARGET_SECONDS * 1000:.0f} ms)")

    with tempfile.TemporaryDirectory(prefix="zorgkoppel-login-") as temporary:
        folder = Path(temporary)
        (folder / "floor.py").write_text(FLOOR_SCRIPT, encoding="utf-8")
        (folder / "login.py").write_text(LOGIN_SCRIPT, encoding="utf-8")
        plain = prepare(folder / "plain", encrypted=False)
        encrypted = prepare(folder / "encrypted", encrypted=True)
        commands = {
            "floor": [sys.executable, str(folder / "floor.py")],
            "login (plain)": [sys.executable, str(folder / "login.py"), str(plain), USER,
                              PASSWORD],
            "login (encrypted)": [sys.executable, str(folder / "login.py"), str(encrypted),
                                  USER, PASSWORD],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for run in range(runs + 1):  # run 0 warms the file cache and is not counted
            for name, command in commands.items():
                seconds, done = timed(command)
                if done.returncode != 0:
                    message = (done.stderr or done.stdout).strip().splitlines()
                    print(f"{name} exited {done.returncode}: {' | '.join(message[-3:])}")
                    return 1
                if run > 0:
                    times[name].append(seconds)

    floor = statistics.median(times["floor"])
    for name, measured in times.items():
        print(f"{name:18} runs (s): {' '.join(f'{t:.3f}' for t in measured)}"
              f"  median {statistics.median(measured):.3f}")
    for name in ("login (plain)", "login (encrypted)"):
        ratio = statistics.median(times[name]) / floor
        verdict = "within" if ratio <= TARGET_RATIO else "ABOVE"
        print(f"ratio {name}/floor: {ratio:.2f} ({verdict} the target of {TARGET_RATIO:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
