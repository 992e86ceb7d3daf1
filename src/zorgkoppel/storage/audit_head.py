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


def write_head(path: Path, head: ChainHead) -> None:
    """Replace the head file in one step (owner-only), so a crash leaves the old or the new."""
    temporary = path.with_name(path.name + ".partial")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump({"seq": head.seq, "hash": head.hash, "at": head.at}, handle)
    os.replace(temporary, path)
