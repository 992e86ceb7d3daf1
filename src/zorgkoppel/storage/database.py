"""The database: one SQLAlchemy engine, sessions and transactions.

SQLite in the data folder is the default; any SQLAlchemy URL (PostgreSQL later) also works,
because models and queries stay portable.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlmodel import Session

from zorgkoppel.paths import DATABASE_FILE


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


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


class Database:
    def __init__(self, url: str, **engine_options: Any) -> None:
        self.url = url
        self.engine: Engine = create_engine(url, **engine_options)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _sqlite_begin)

    @classmethod
    def in_folder(cls, folder: Path) -> Database:
        folder.mkdir(parents=True, exist_ok=True)
        return cls(f"sqlite:///{folder / DATABASE_FILE}")

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
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
