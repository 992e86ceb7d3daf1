"""The audit chain's head kept outside the database: a small file in the data folder and
one beside each backup.

Whoever can write the database can rewrite the whole hash chain consistently; they would
also have to know and rewrite these files, so `audit verify` compares the chain with them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

HEAD_FILE = "audit-head"
# The head of a transaction that has not committed yet: written before the commit and
# promoted to HEAD_FILE after it, so a crash in between never makes the two disagree.
PENDING_FILE = "audit-head.pending"
SIDECAR_SUFFIX = ".audit-head"


@dataclass(frozen=True)
class ChainHead:
    seq: int
    hash: str
    # When the head was taken (UTC, ISO 8601): a backup's head from before a restore
    # belongs to the abandoned branch of the trail.
    at: str = ""


def stamp(at: dt.datetime) -> str:
    """A fixed-width UTC time, so stamps compare as text."""
    return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def head_path(data_dir: Path) -> Path:
    return data_dir / HEAD_FILE


def pending_path(data_dir: Path) -> Path:
    return data_dir / PENDING_FILE


def sidecar_of(backup: Path) -> Path:
    return backup.with_name(backup.name + SIDECAR_SUFFIX)


def read_head(path: Path) -> ChainHead | None:
    """The head stored in `path`; None when the file is missing or not a head at all."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        seq, digest, at = data["seq"], data["hash"], data.get("at", "")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not isinstance(seq, int) or not isinstance(digest, str) or len(digest) != 64:
        return None
    return ChainHead(seq, digest, at if isinstance(at, str) else "")


def _text(head: ChainHead) -> bytes:
    # Padded to one fixed length: a rewrite in place never leaves a longer old tail.
    text = json.dumps({"seq": head.seq, "hash": head.hash, "at": head.at})
    return text.ljust(RECORD_LENGTH).encode("ascii")


RECORD_LENGTH = 160  # well inside one disk sector, so a write lands whole or not at all


def write_head(path: Path, head: ChainHead) -> None:
    """Write the head file (owner-only).

    The data folder's head moves on with every access, so it is rewritten in place: one
    write of less than a sector, which the disk does whole. A new file (or a backup's)
    is made through a temporary file and a rename.
    """
    data = _text(head)
    try:
        handle = open(path, "r+b")  # noqa: SIM115  (closed below; r+ keeps the inode)
    except FileNotFoundError:
        temporary = path.with_name(path.name + ".partial")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(descriptor, data)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
        return
    with handle:
        handle.write(data)
        handle.truncate()


def is_later(head: ChainHead, than: ChainHead | None) -> bool:
    """Whether `head` was taken after `than`: further along the chain, or newer (a
    restore starts the chain again from the backup's end, with a later time)."""
    return than is None or head.seq > than.seq or head.at > than.at


def advance_head(path: Path, head: ChainHead) -> None:
    """Write `head` unless the file already holds a later one.

    Two programs commit one after the other under SQLite's write lock but may promote
    their heads in the other order; the head never moves back.
    """
    if is_later(head, read_head(path)):
        write_head(path, head)
