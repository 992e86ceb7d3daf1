"""A database on a server (PostgreSQL): its URL, the connection check and what went wrong.

Messages name the server with its password masked: URLs reach error messages and logs.
"""

from __future__ import annotations

from sqlalchemy import make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.i18n import N_
from zorgkoppel.storage.database import Database

SUPPORTED_DRIVERS = ("postgresql+psycopg", "postgresql")


class DatabaseUrlError(ZorgkoppelError):
    """The URL itself is wrong (a typo): nothing was opened."""


class DatabaseUnreachableError(ZorgkoppelError):
    """The server did not let us in: down, unknown host, wrong password, no such database."""


def masked(url: str | URL) -> str:
    """The URL as it may be shown: the password (if any) replaced by ***."""
    try:
        parsed = url if isinstance(url, URL) else make_url(url)
    except ArgumentError:
        return "?"
    return parsed.render_as_string(hide_password=True)


def parse_server_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise DatabaseUrlError(N_(
            "This is not a database address: use "
            "postgresql+psycopg://user@host:port/database. Nothing was opened.")) from error
    if parsed.drivername not in SUPPORTED_DRIVERS or not parsed.database:
        raise DatabaseUrlError(N_(
            "The database address {url} is not supported: use "
            "postgresql+psycopg://user@host:port/database. Nothing was opened."),
            url=masked(parsed))
    # psycopg 3 is the driver this program ships with.
    return parsed.set(drivername="postgresql+psycopg")


def server_database(url: str) -> Database:
    parsed = parse_server_url(url)
    try:
        return Database(parsed.render_as_string(hide_password=False), pool_pre_ping=True,
                        connect_args={"connect_timeout": 10})
    except (NoSuchModuleError, ArgumentError) as error:
        raise DatabaseUrlError(N_(
            "The database address {url} is not supported: use "
            "postgresql+psycopg://user@host:port/database. Nothing was opened."),
            url=masked(parsed)) from error


def check_reachable(db: Database) -> None:
    """One round trip to the server; a translated error says why it failed."""
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        db.dispose()
        raise unreachable(db.engine.url, error) from error


def unreachable(url: URL, error: BaseException) -> DatabaseUnreachableError:
    detail = str(getattr(error, "orig", error)).lower()
    shown = masked(url)
    if "password authentication failed" in detail or "no password supplied" in detail:
        return DatabaseUnreachableError(N_(
            "The server {url} refused the user name or password. Nothing was changed."),
            url=shown)
    if "does not exist" in detail and "database" in detail:
        return DatabaseUnreachableError(N_(
            "The server {url} has no such database; create it first (for example with "
            "createdb). Nothing was changed."), url=shown)
    return DatabaseUnreachableError(N_(
        "The database server {url} cannot be reached: check the address and that the "
        "server runs, then try again. Nothing was changed."), url=shown)
