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
SALT_BYTES = 16
# SQLCipher 4's default page size; its first page starts with the salt.
ENCRYPTED_PAGE_SIZE = 4096


def key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("a data key has 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def apply_key(connection: Any, key: bytes) -> None:
    # Without this SQLCipher writes every wrong-key attempt to stderr; our message suffices.
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(key_pragma(key))
    connection.execute('PRAGMA cache_size = -65536')


def connect(path: Path | str, key: bytes | None = None, **options: Any) -> Any:
    """A DB-API connection to `path`; with `key` through SQLCipher, keyed and ready."""
    if key is None:
        return sqlite3.connect(path, **options)
    connection = sqlcipher3.connect(str(path), **options)
    apply_key(connection, key)
    return connection


def has_plain_header(path: Path) -> bool:
    """The file begins with SQLite's plain header (a plain database, whole or not)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except FileNotFoundError:
        return False


def file_is_encrypted(path: Path) -> bool:
    """An existing, non-empty database file that SQLCipher wrote.

    SQLCipher begins a file with its random salt where SQLite writes "SQLite format 3"; an
    empty or missing file is a new, plain database. A file without the plain header is
    encrypted when its key-slot file names its salt, or (copied without that file) when
    its first page looks like ciphertext; otherwise it is a damaged plain database, which
    must lead to the "damaged, restore a backup" path and never to a password prompt.
    """
    try:
        with path.open("rb") as handle:
            first_page = handle.read(ENCRYPTED_PAGE_SIZE)
    except FileNotFoundError:
        return False
    if not first_page or first_page.startswith(PLAIN_HEADER):
        return False
    return _named_by_key_slots(path, first_page[:SALT_BYTES].hex()) or _looks_like_ciphertext(
        path, first_page)


def _named_by_key_slots(path: Path, salt: str) -> bool:
    import json

    from zorgkoppel.storage.key_slots import pending_path, slots_path

    for candidate in (slots_path(path), pending_path(path)):
        try:
            document = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(document, dict) and document.get("database_salt") == salt:
            return True
    return False


def _looks_like_ciphertext(path: Path, first_page: bytes) -> bool:
    # SQLCipher pages are whole 4096-byte blocks of uniformly random-looking bytes: 4096
    # random bytes hold nearly all 256 values and few zeros. Text, zeroed or half-written
    # SQLite pages do not.
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return False
    if size % 512 != 0 or len(first_page) < ENCRYPTED_PAGE_SIZE:
        return False
    return (len(set(first_page)) >= 224
            and first_page.count(0) < len(first_page) // 64)


def file_salt(path: Path) -> str:
    """SQLCipher's per-file salt (the first 16 bytes), naming one encrypted file."""
    with path.open("rb") as handle:
        return handle.read(SALT_BYTES).hex()


def error_code(error: BaseException) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code if isinstance(code, int) else None
