"""Killing `encrypt_data_folder` / `decrypt_data_folder` with SIGKILL, then checking the folder.

Every step that makes something durable or moves a file goes through os.fsync, os.replace,
os.rename or os.unlink. The child counts those calls and, at call number N, reports on a
pipe and waits to be killed: round N kills the conversion just before its N-th step, so the
rounds together cover every moment between two steps. A few more rounds kill after a random
delay (somewhere inside SQLCipher's own writing). After each kill the folder must open as
the old database or the new one, with every row, and the conversion must then still work.

POSIX only: the children come from a fork server (see tests/storage/crash_harness.py).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import random
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from tests.storage.crash_harness import kill_when_stopped
from tests.storage.encryption_support import (
    PASSPHRASE,
    all_rows,
    database_of,
    encrypted_folder,
    plain_folder,
)
from zorgkoppel.storage.backup import backup_folder, list_backups
from zorgkoppel.storage.encryption import (
    CONVERTING,
    Secret,
    decrypt_data_folder,
    encrypt_data_folder,
    is_encrypted,
    unlock_with_passphrase,
)
from zorgkoppel.storage.opening import open_database
from zorgkoppel.storage.sqlite_driver import has_plain_header

STEP_CALLS = ("fsync", "replace", "rename", "unlink")
STARTUP_TIMEOUT = 30.0
ENCRYPT, DECRYPT = "encrypt", "decrypt"


@dataclass
class Outcome:
    steps: int = 0  # durable steps of one whole conversion
    kills: int = 0
    old_state: int = 0
    new_state: int = 0
    problems: list[str] = field(default_factory=list)


# Durable calls made so far in this child.
_COUNT = [0]


def _stop_at(step: int, report: Connection) -> None:
    """From now on, the `step`-th durable call reports and waits for the kill."""
    count = _COUNT
    for name in STEP_CALLS:
        original: Callable[..., Any] = getattr(os, name)

        def counted(*args: Any, _original: Callable[..., Any] = original, **kwargs: Any) -> Any:
            count[0] += 1
            if count[0] == step:
                os.write(report.fileno(), b"stopped\n")
                time.sleep(STARTUP_TIMEOUT)
            return _original(*args, **kwargs)

        setattr(os, name, counted)


def _convert(data_dir: Path, direction: str, key: bytes, step: int, report: Connection) -> None:
    """The child: convert the folder, stopping before durable step `step` (0: never)."""
    os.write(report.fileno(), b"started\n")
    if step:
        _stop_at(step, report)
    if direction == ENCRYPT:
        encrypt_data_folder(data_dir, key, [Secret(PASSPHRASE)])
    else:
        decrypt_data_folder(data_dir, key)
    steps = _COUNT[0] if step else 0
    os.write(report.fileno(), f"done {steps}\n".encode())


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def _run_child(data_dir: Path, direction: str, key: bytes, step: int,
               delay: float | None) -> str:
    """Start a conversion; kill it at its step (or after `delay`). What it last reported."""
    context = _context()
    read_end, write_end = context.Pipe(duplex=False)
    child = context.Process(target=_convert, args=(data_dir, direction, key, step, write_end),
                            daemon=True)
    child.start()
    write_end.close()
    deadline = time.monotonic() + STARTUP_TIMEOUT
    if delay is not None and read_end.poll(STARTUP_TIMEOUT):
        deadline = time.monotonic() + delay
    return kill_when_stopped(child, read_end, deadline)


def _check(data_dir: Path, key: bytes, reference: dict[str, Any], outcome: Outcome,
           old_is_plain: bool, label: str) -> bool:
    """The folder opens as the old or the new database with every row; True when new."""
    encrypted = is_encrypted(data_dir)
    try:
        if encrypted:
            if unlock_with_passphrase(data_dir, PASSPHRASE) != key:
                outcome.problems.append(f"{label}: the passphrase opens another key")
            open_database(data_dir, key=key).dispose()
        else:
            open_database(data_dir).dispose()
        if all_rows(database_of(data_dir), key if encrypted else None) != reference:
            outcome.problems.append(f"{label}: rows differ")
    except Exception as error:  # any failure to open is what we look for
        outcome.problems.append(f"{label}: {type(error).__name__}: {error}")
        return encrypted
    leftovers = [p.name for p in data_dir.rglob(f"*{CONVERTING}*")]
    if leftovers:
        outcome.problems.append(f"{label}: leftovers {leftovers}")
    if encrypted:
        plain_backups = [i.path.name for i in list_backups([backup_folder(data_dir)])
                         if has_plain_header(i.path)]
        if plain_backups:
            outcome.problems.append(f"{label}: plain backups beside encrypted data "
                                    f"{plain_backups}")
    is_new = encrypted == old_is_plain
    if is_new:
        outcome.new_state += 1
    else:
        outcome.old_state += 1
    return is_new


def run(work: Path, direction: str, random_kills: int = 6, seed: int = 9) -> Outcome:
    """Kill the conversion before each of its durable steps, then at random moments."""
    template = work / "template"
    if direction == ENCRYPT:
        plain_folder(template)
        key = os.urandom(32)
        reference = all_rows(database_of(template))
    else:
        key = encrypted_folder(template)
        reference = all_rows(database_of(template), key)
    outcome = Outcome()
    rng = random.Random(seed)
    step = 1
    duration = 0.1
    while True:
        data_dir = work / f"step-{step}"
        shutil.copytree(template, data_dir)
        started = time.monotonic()
        last = _run_child(data_dir, direction, key, step, None)
        if last.startswith("done"):
            duration = time.monotonic() - started
            outcome.steps = int(last.split()[1])
            _check(data_dir, key, reference, outcome, direction == ENCRYPT, f"step {step}")
            outcome.new_state -= 1  # the finished run is no kill
            break
        if last != "stopped":
            outcome.problems.append(f"step {step}: the child reported {last!r}")
            break
        outcome.kills += 1
        _after_kill(data_dir, direction, key, reference, outcome, f"step {step}")
        step += 1
    for number in range(random_kills):
        data_dir = work / f"random-{number}"
        shutil.copytree(template, data_dir)
        _run_child(data_dir, direction, key, 0, rng.uniform(0.0, duration))
        outcome.kills += 1
        _after_kill(data_dir, direction, key, reference, outcome, f"random {number}")
    return outcome


def _after_kill(data_dir: Path, direction: str, key: bytes, reference: dict[str, Any],
                outcome: Outcome, label: str) -> None:
    """Check the state; from the old state, the conversion run again must succeed."""
    if _check(data_dir, key, reference, outcome, direction == ENCRYPT, label):
        return
    try:
        if direction == ENCRYPT:
            encrypt_data_folder(data_dir, key, [Secret(PASSPHRASE)])
        else:
            decrypt_data_folder(data_dir, key)
    except Exception as error:
        outcome.problems.append(f"{label}, run again: {type(error).__name__}: {error}")
        return
    if is_encrypted(data_dir) != (direction == ENCRYPT) or all_rows(
            database_of(data_dir), key if direction == ENCRYPT else None) != reference:
        outcome.problems.append(f"{label}, run again: not converted")
    if not has_plain_header(database_of(data_dir)) and direction == DECRYPT:
        outcome.problems.append(f"{label}, run again: still encrypted")
