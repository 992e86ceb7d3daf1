"""Files of the data folder are the owner's alone: folders 0700, files 0600 on POSIX.

Notes about people's care must not be readable by other accounts on a shared computer.
SQLite gives a -wal, -shm or -journal file the mode of its database file, so making the
database file private before SQLite first opens it covers those too. Windows keeps files
in the user's profile private through its own access lists; there is nothing to do there.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
_POSIX = os.name == "posix"


def private_folder(folder: Path) -> Path:
    """Create `folder` (and its parents) if needed and make it the owner's only."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    if _POSIX:
        os.chmod(folder, PRIVATE_FOLDER)
    return folder


def make_private(path: Path) -> None:
    """Restrict an existing file to its owner (a missing file is left missing)."""
    if not _POSIX:
        return
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, PRIVATE_FILE)


def create_private_file(path: Path) -> None:
    """An empty file created 0600 from the start (so never readable by others, not even
    for a moment), or an existing one restricted."""
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
    except FileExistsError:
        make_private(path)
        return
    os.close(descriptor)
    make_private(path)  # the umask may have taken bits the mode asked for; never adds any


def write_private_text(path: Path, text: str) -> None:
    """Write `text` to `path` through a private temporary file and an atomic rename."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.unlink(missing_ok=True)
    create_private_file(temporary)
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
