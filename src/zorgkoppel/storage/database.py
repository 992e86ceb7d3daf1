"""The database: one SQLAlchemy engine, sessions and transactions.

SQLite in the data folder is the default; any SQLAlchemy URL (PostgreSQL later) also works,
because models and queries stay portable.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.storage.disk_errors import DiskFullError, is_disk_full
from zorgkoppel.storage.permissions import create_private_file, make_private, private_folder


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control away from the sqlite3 module so BEGIN/COMMIT are ours and
    # PRAGMAs run outside a transaction (where they take effect).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _sqlite_query_only(dbapi_connection: Any, _record: Any) -> None:
    # A read-only session (the data is open in another window): SQLite itself refuses
    # every write, whatever code path tries one.
    dbapi_connection.execute("PRAGMA query_only=ON")


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


class Database:
    """`key` (32 bytes) opens an encrypted SQLite file through SQLCipher; it stays on the
    object as `data_key` so a running session can give a new password its key slot."""

    def __init__(self, url: str, read_only: bool = False, key: bytes | None = None,
                 **engine_options: Any) -> None:
        self.url = url
        self.read_only = read_only
        self.data_key = key
        if key is not None:
            engine_options.update(_encrypted_engine_options(url, key))
        self.engine: Engine = create_engine(url, **engine_options)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            if read_only:
                event.listen(self.engine, "connect", _sqlite_query_only)
            event.listen(self.engine, "begin", _sqlite_begin)

    @classmethod
    def in_folder(cls, folder: Path, read_only: bool = False,
                  key: bytes | None = None) -> Database:
        private_folder(folder)
        database = folder / DATABASE_FILE
        if not read_only:
            # SQLite gives the -wal and -shm it creates the mode of this file.
            create_private_file(database)
            for extra in ("-wal", "-shm"):
                make_private(database.with_name(database.name + extra))
        return cls(f"sqlite:///{database}", read_only=read_only, key=key)

    @property
    def path(self) -> Path | None:
        database = self.engine.url.database
        return Path(database) if self.engine.dialect.name == "sqlite" and database else None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading; objects stay usable after it closes."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One all-or-nothing write: commits when the block ends, rolls back on any error."""
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except (SQLAlchemyError, OSError) as error:
            if is_disk_full(error):
                raise DiskFullError(str(self.path.parent if self.path else self.url)) from error
            raise

    def dispose(self) -> None:
        self.engine.dispose()


def _encrypted_engine_options(url: str, key: bytes) -> dict[str, Any]:
    """SQLCipher as the DB-API module (so its errors are wrapped like sqlite3's), keyed first."""
    from zorgkoppel.storage.sqlite_driver import ENCRYPTED_MODULE, connect

    path = make_url(url).database
    if not path:
        raise ValueError("an encrypted database needs a file")
    return {
        "module": ENCRYPTED_MODULE,
        "creator": lambda: connect(path, key, check_same_thread=False),
    }


def refused_as_read_only(error: BaseException) -> bool:
    """True when SQLite refused a write because the session is read-only (SQLITE_READONLY)."""
    import sqlite3

    from zorgkoppel.storage.sqlite_driver import DRIVER_ERRORS, error_code

    original = getattr(error, "orig", error)
    code = error_code(original)
    return isinstance(original, DRIVER_ERRORS) and code is not None and (
        code & 0xFF == sqlite3.SQLITE_READONLY
    )
