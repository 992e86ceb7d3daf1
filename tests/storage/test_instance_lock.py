"""One writer per data folder: a second program is refused, a crashed one's lock taken over."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zorgkoppel.storage.instance_lock import (
    LOCK_FILE,
    DataInUseError,
    InstanceLock,
    LockHolder,
    holding_lock,
    read_holder,
)

HOLD_IN_CHILD = """
import sys, time
from pathlib import Path
from zorgkoppel.storage.instance_lock import InstanceLock
lock = InstanceLock(Path(sys.argv[1])).acquire()  # held while referenced
print("locked", flush=True)
time.sleep(60)
"""


def test_second_instance_is_refused_and_told_who_holds_it(data_dir: Path) -> None:
    first = InstanceLock(data_dir).acquire()
    try:
        with pytest.raises(DataInUseError) as caught:
            InstanceLock(data_dir).acquire()
        holder = caught.value.holder
        assert holder is not None
        assert (holder.host, holder.pid) == (socket.gethostname(), os.getpid())
        assert socket.gethostname() in caught.value.text()
    finally:
        first.release()
    second = InstanceLock(data_dir).acquire()
    assert second.taken_over is None  # released cleanly: nothing stale
    second.release()


def test_a_waiting_command_gets_the_lock_when_it_is_released(data_dir: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_IN_CHILD, str(data_dir)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(DataInUseError):
            InstanceLock(data_dir).acquire(wait_seconds=0.3)
        assert time.monotonic() - started >= 0.3
        child.kill()  # a crash: the operating system drops the lock
        child.wait()
        with holding_lock(data_dir, wait_seconds=5) as lock:
            assert lock.held
            # The crashed program's details were still in the file: recognised as stale.
            assert lock.taken_over is not None and lock.taken_over.pid == child.pid
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def test_a_lock_file_left_by_a_crash_is_taken_over(data_dir: Path) -> None:
    gone = LockHolder(socket.gethostname(), "an", 999_999_999,
                      dt.datetime(2026, 11, 1, 8, 0, tzinfo=dt.UTC))
    (data_dir / LOCK_FILE).write_text(gone.to_json(), encoding="utf-8")
    with holding_lock(data_dir, wait_seconds=0) as lock:
        assert lock.taken_over == gone
        holder = read_holder(data_dir)
        assert holder is not None and holder.pid == os.getpid()
    assert read_holder(data_dir) is None


def test_without_os_locks_a_dead_process_on_this_host_is_taken_over(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zorgkoppel.storage import instance_lock

    def no_locks(_handle: object) -> bool:
        raise instance_lock._NoOsLocks

    monkeypatch.setattr(instance_lock, "_os_lock", no_locks)
    alive = LockHolder(socket.gethostname(), "an", os.getpid(), dt.datetime.now(dt.UTC))
    (data_dir / LOCK_FILE).write_text(alive.to_json(), encoding="utf-8")
    with pytest.raises(DataInUseError):
        InstanceLock(data_dir).acquire()
    elsewhere = LockHolder("other-pc", "an", 999_999_999, dt.datetime.now(dt.UTC))
    (data_dir / LOCK_FILE).write_text(elsewhere.to_json(), encoding="utf-8")
    with pytest.raises(DataInUseError):  # another host: its processes cannot be seen
        InstanceLock(data_dir).acquire()
    gone = LockHolder(socket.gethostname(), "an", 999_999_999, dt.datetime.now(dt.UTC))
    (data_dir / LOCK_FILE).write_text(gone.to_json(), encoding="utf-8")
    lock = InstanceLock(data_dir).acquire()
    assert lock.taken_over == gone
    lock.release()


def test_a_garbled_lock_file_does_not_block(data_dir: Path) -> None:
    (data_dir / LOCK_FILE).write_bytes(b"\xff\x00 not json")
    with holding_lock(data_dir, wait_seconds=0) as lock:
        assert lock.held
