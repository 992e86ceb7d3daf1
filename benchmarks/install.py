"""What installing costs: the bundle's size and start, and a wheel's install and first start.

(1) the PyInstaller bundle (`make dist` first; dist/zorgkoppel): its size on disk (target
    <= 150 MB) and `gui --exit-after-start` on the demo data until the Overview is painted,
    against the floor of benchmarks/startup.py (a bare PySide6 window), taken in turns, N
    runs each after one warm-up. Target: ratio <= 2.0.
(2) the wheel: `pip wheel` of the checkout, `pip install` into a fresh venv (its
    dependencies borrowed from this venv through a path file, so no network is needed) and
    the first start there (`demo`, then `gui --exit-after-start`), in seconds.

    .venv/bin/python benchmarks/install.py [--runs 5] [--bundle dist/zorgkoppel]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.startup import FLOOR_SCRIPT, timed  # noqa: E402

TARGET_MB = 150
TARGET_RATIO = 2.0


def _environment(data_dir: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("ZORGKOPPEL_", "PYTHON"))}
    env.update(QT_QPA_PLATFORM="offscreen", ZORGKOPPEL_DATA_DIR=str(data_dir))
    return env


def _run(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr or done.stdout}")
    return time.perf_counter() - started


def size_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*")
               if path.is_file() and not path.is_symlink()) / 1_000_000


def bundle_figures(bundle: Path, runs: int) -> None:
    program = bundle / "zorgkoppel"
    if not program.exists():
        print(f"no bundle at {bundle}: run `make dist` first")
        return
    size = size_mb(bundle)
    print(f"bundle size: {size:.0f} MB ({'within' if size <= TARGET_MB else 'ABOVE'} the "
          f"target of {TARGET_MB} MB)")
    with tempfile.TemporaryDirectory(prefix="zorgkoppel-bundle-") as temporary:
        folder = Path(temporary)
        data = folder / "data"
        env = _environment(data)
        _run([str(program), "--lang", "en", "demo"], env)
        (folder / "floor.py").write_text(FLOOR_SCRIPT, encoding="utf-8")
        commands = {"floor": [sys.executable, str(folder / "floor.py")],
                    "bundle": [str(program), "--lang", "en", "gui", "--exit-after-start"]}
        times: dict[str, list[float]] = {name: [] for name in commands}
        for run in range(runs + 1):
            for name, command in commands.items():
                if name == "bundle":
                    seconds = _run(command, env)
                else:
                    seconds, done = timed(command)
                    if done.returncode != 0:
                        raise SystemExit(f"the floor failed: {done.stderr}")
                if run > 0:
                    times[name].append(seconds)
    for name, measured in times.items():
        print(f"{name:7} runs (s): {' '.join(f'{t:.3f}' for t in measured)}"
              f"  median {statistics.median(measured):.3f}")
    ratio = statistics.median(times["bundle"]) / statistics.median(times["floor"])
    print(f"ratio bundle/floor: {ratio:.2f} "
          f"({'within' if ratio <= TARGET_RATIO else 'ABOVE'} the target of {TARGET_RATIO})")


def wheel_figures() -> None:
    with tempfile.TemporaryDirectory(prefix="zorgkoppel-wheel-") as temporary:
        folder = Path(temporary)
        build = _run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation",
                      "--no-deps", "--no-index", "-q", "-w", str(folder), str(ROOT)])
        [wheel] = folder.glob("zorgkoppel-*.whl")
        venv = folder / "venv"
        started = time.perf_counter()
        _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
        python = venv / "bin" / "python"
        _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
              "--no-index", "-q", str(wheel)])
        site = subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True, text=True, check=True).stdout.strip()
        Path(site, "borrowed-dependencies.pth").write_text(
            sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
        install = time.perf_counter() - started
        env = _environment(folder / "data")
        first = _run([str(venv / "bin" / "zorgkoppel"), "--lang", "nl", "demo"], env)
        window = _run([str(venv / "bin" / "zorgkoppel"), "gui", "--exit-after-start"], env)
    print(f"wheel build: {build:.1f} s; fresh venv + install: {install:.1f} s; first start "
          f"(demo data): {first:.1f} s; then the window: {window:.1f} s; install + first "
          f"start: {install + first:.1f} s")


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=5)
    options.add_argument("--bundle", type=Path, default=ROOT / "dist" / "zorgkoppel")
    arguments = options.parse_args()
    bundle_figures(arguments.bundle, arguments.runs)
    wheel_figures()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
