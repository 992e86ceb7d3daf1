"""One way to open a database file, plain (sqlite3) or encrypted (SQLCipher 4, sqlcipher3).

An encrypted file is keyed with the raw 256-bit data key as the first statement on the
connection; SQLCipher then derives nothing (the key slots already did the slow part).
A plain file keeps going through Python's own sqlite3, as it always did.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3

# What either driver raises; code that catches sqlite3.Error must catch both.
DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher3.dbapi2.Error)
ENCRYPTED_MODULE: Any = sqlcipher3.dbapi2
PLAIN_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32


def key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("a data key has 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def apply_key(connection: Any, key: bytes) -> None:
    # Without this SQLCipher writes every wrong-key attempt to stderr; our message suffices.
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(key_pragma(key))


def connect(path: Path | str, key: bytes | None = None, **options: Any) -> Any:
    """A DB-API connection to `path`; with `key` through SQLCipher, keyed and ready."""
    if key is None:
        return sqlite3.connect(path, **options)
    connection = sqlcipher3.connect(str(path), **options)
    apply_key(connection, key)
    return connection


def file_is_encrypted(path: Path) -> bool:
    """An existing, non-empty database file without SQLite's plain header.

    SQLCipher begins a file with its random salt where SQLite writes "SQLite format 3";
    an empty or missing file is a new, plain database.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return False
    return len(header) > 0 and header != PLAIN_HEADER


def file_salt(path: Path) -> str:
    """SQLCipher's per-file salt (the first 16 bytes), naming one encrypted file."""
    with path.open("rb") as handle:
        return handle.read(16).hex()


def error_code(error: BaseException) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code if isinstance(code, int) else None
