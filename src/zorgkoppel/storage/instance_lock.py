"""One writer per data folder: a lock file saying who holds it, kept by an OS-level lock.

The file `zorgkoppel.lock` holds JSON (host, user, pid, since) so a second program can tell
the user who has the data open. The operating system's own lock on the file (flock on
Linux/macOS, msvcrt.locking on Windows) is what really decides: the system drops it when
the process ends in any way, so a crash never leaves the folder locked for good. A file
whose OS lock is free is stale and is taken over. Where the file system offers no locks
(some network shares), a lock of a process that no longer runs on this same host is
taken over too; network folders are refused for the live database anyway.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import getpass
import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.i18n import N_, _

LOCK_FILE = "zorgkoppel.lock"
# Windows locks byte ranges and a locked range cannot be read: lock one byte far past the
# JSON so others can still read who holds the lock.
_WINDOWS_LOCK_OFFSET = 1 << 20
_POLL_SECONDS = 0.1


@dataclass(frozen=True)
class LockHolder:
    host: str
    user: str
    pid: int
    since: dt.datetime

    @classmethod
    def current(cls) -> LockHolder:
        try:
            user = getpass.getuser()
        except Exception:  # no user name in the environment (a service account)
            user = "?"
        return cls(socket.gethostname(), user, os.getpid(),
                   dt.datetime.now(dt.UTC).replace(microsecond=0))

    def to_json(self) -> str:
        return json.dumps({"host": self.host, "user": self.user, "pid": self.pid,
                           "since": self.since.isoformat()})

    @classmethod
    def from_json(cls, text: str) -> LockHolder | None:
        try:
            raw = json.loads(text)
            return cls(str(raw["host"]), str(raw["user"]), int(raw["pid"]),
                       dt.datetime.fromisoformat(raw["since"]))
        except (ValueError, KeyError, TypeError):
            return None


MSG_IN_USE_BY = N_("The data in {folder} is open in zorgkoppel on {host} (user {user}, since "
                   "{since}).")
MSG_IN_USE = N_("The data in {folder} is open in another zorgkoppel window.")


class DataInUseError(ZorgkoppelError):
    """Another program holds the data folder."""

    def __init__(self, folder: Path, holder: LockHolder | None) -> None:
        super().__init__(N_("{who} Close it there and try again; nothing was changed."))
        self.folder = folder
        self.holder = holder

    def who(self) -> str:
        """Who has the data open, in one sentence (the window asks what to do next)."""
        from zorgkoppel.i18n.formatting import format_datetime  # babel: only when needed

        if self.holder is None:
            return _(MSG_IN_USE).format(folder=self.folder)
        since = self.holder.since.astimezone().replace(tzinfo=None)
        return _(MSG_IN_USE_BY).format(folder=self.folder, host=self.holder.host,
                                       user=self.holder.user, since=format_datetime(since))

    def text(self) -> str:
        return _(self.message).format(who=self.who())


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it runs, under another user
    return True


class _NoOsLocks(Exception):
    """The file system cannot lock files."""


def _os_lock(handle: IO[Any]) -> bool:
    """Take the OS lock without waiting; False when another process holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(_WINDOWS_LOCK_OFFSET)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLK):
            return False
        if error.errno in (errno.ENOLCK, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise _NoOsLocks from error
        raise
    return True


def _os_unlock(handle: IO[Any]) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt

            handle.seek(_WINDOWS_LOCK_OFFSET)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read_holder(data_dir: Path) -> LockHolder | None:
    """Who the lock file names (also a stale one), or None."""
    try:
        text = (data_dir / LOCK_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return LockHolder.from_json(text.split("\0", 1)[0])


class InstanceLock:
    """The lock of one data folder, held from `acquire()` until `release()` or process end."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_FILE
        self._handle: IO[Any] | None = None
        self.holder: LockHolder | None = None
        self.taken_over: LockHolder | None = None  # the stale holder found, if any

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self, wait_seconds: float = 0.0) -> InstanceLock:
        """Take the lock, trying for up to `wait_seconds`; raises DataInUseError."""
        deadline = time.monotonic() + wait_seconds
        while True:
            if self._try():
                return self
            if time.monotonic() >= deadline:
                raise DataInUseError(self.data_dir, read_holder(self.data_dir))
            time.sleep(_POLL_SECONDS)

    def _try(self) -> bool:
        if self._handle is not None:
            return True
        from zorgkoppel.storage.permissions import create_private_file, private_folder

        private_folder(self.data_dir)
        create_private_file(self.path)  # it names the user and the computer holding it
        # "a+" creates without truncating: the current holder's details must survive
        # until we know the lock is ours.
        handle = open(self.path, "a+b")  # noqa: SIM115 (kept open while the lock is held)
        try:
            locked = _os_lock(handle)
        except _NoOsLocks:
            locked = self._previous_is_gone()
        except BaseException:
            handle.close()
            raise
        if not locked:
            handle.close()
            return False
        previous = read_holder(self.data_dir)
        if previous is not None:
            self.taken_over = previous
        self.holder = LockHolder.current()
        handle.seek(0)
        handle.truncate()
        handle.write(self.holder.to_json().encode("utf-8"))
        handle.flush()
        with contextlib.suppress(OSError):
            os.fsync(handle.fileno())
        self._handle = handle
        return True

    def _previous_is_gone(self) -> bool:
        previous = read_holder(self.data_dir)
        return previous is None or (
            previous.host == socket.gethostname() and not process_alive(previous.pid)
        )

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        # Empty the file before unlocking: a lock file naming nobody is free at a glance.
        with contextlib.suppress(OSError):
            handle.seek(0)
            handle.truncate()
            handle.flush()
        _os_unlock(handle)
        handle.close()

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()


# Command-line writes wait this long for a window to finish closing, then refuse.
COMMAND_WAIT_SECONDS = 3.0


@contextlib.contextmanager
def holding_lock(data_dir: Path, wait_seconds: float | None = None) -> Iterator[InstanceLock]:
    """The data folder's lock for the length of a block; raises DataInUseError when held.

    Without `wait_seconds` it waits COMMAND_WAIT_SECONDS, for a window that is closing.
    """
    wait = COMMAND_WAIT_SECONDS if wait_seconds is None else wait_seconds
    lock = InstanceLock(data_dir).acquire(wait)
    try:
        yield lock
    finally:
        lock.release()
