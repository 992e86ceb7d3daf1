"""A throwaway PostgreSQL server for the tests, and a fresh database per test.

`ZORGKOPPEL_TEST_DATABASE_URL` names a server the tests may create databases on (its
database is only used to connect). Without it, Debian's initdb/pg_ctl start a server in a
temporary folder on a free loopback port (as the `postgres` user when running as root),
stopped again at the end of the session.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

URL_VARIABLE = "ZORGKOPPEL_TEST_DATABASE_URL"
TEMPLATE = "zk_template"
# A role whose password the local server checks (everyone else is trusted on loopback).
PASSWORD_ROLE = "zk_password"


class PostgresUnavailable(Exception):
    """No server given and none could be started: the PostgreSQL half is skipped."""


def _binary(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if found:
        return found[-1]  # the newest installed version
    on_path = shutil.which(name)
    if on_path:
        return on_path
    raise PostgresUnavailable(f"{name} not found (install the Debian package postgresql)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LocalServer:
    """initdb + pg_ctl into a fresh folder; `stop()` always ends it."""

    def __init__(self) -> None:
        self.initdb = _binary("initdb")
        self.pg_ctl = _binary("pg_ctl")
        self.as_root = os.geteuid() == 0
        self.folder = Path(tempfile.mkdtemp(prefix="zk-postgres-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.started = False
        if self.as_root:
            import pwd

            try:
                account = pwd.getpwnam("postgres")
            except KeyError as error:
                raise PostgresUnavailable("running as root without a postgres user") from error
            os.chown(self.folder, account.pw_uid, account.pw_gid)
        # postgres must reach the folder; nobody else needs to.
        self.folder.chmod(0o700)

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_root else []
        result = subprocess.run([*prefix, *command], capture_output=True, text=True,
                                timeout=120, check=False)
        if result.returncode != 0:
            raise PostgresUnavailable(
                f"{Path(command[0]).name} failed: {(result.stderr or result.stdout).strip()}")

    def start(self) -> str:
        self._run(self.initdb, "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        hba = self.data / "pg_hba.conf"
        hba.write_text(f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n"
                       + hba.read_text())
        # Durability is worthless for a throwaway server; speed is not.
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} "
            f"-c unix_socket_directories={self.folder} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        self._run(self.pg_ctl, "-D", str(self.data), "-l", str(self.folder / "log"),
                  "-o", options, "-w", "-t", "60", "start")
        self.started = True
        url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        wait_until_accepting(url)
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text(
                f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD 'right-secret'"))
        engine.dispose()
        return url

    def stop(self) -> None:
        if self.started:
            with contextlib.suppress(PostgresUnavailable):
                self._run(self.pg_ctl, "-D", str(self.data), "-m", "immediate", "stop")
            self.started = False
        shutil.rmtree(self.folder, ignore_errors=True)


class TestDatabases:
    """A migrated template database, copied into a new empty database per test."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = make_url(admin_url)
        self.admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT",
                                   pool_pre_ping=True)
        self._names = itertools.count(1)
        self.prefix = f"zk_test_{os.getpid()}_"
        self.template = f"{TEMPLATE}_{os.getpid()}"
        self._create_template()

    def _execute(self, statement: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(statement))

    def _create_template(self) -> None:
        from zorgkoppel.storage.opening import open_database_url

        self._execute(f'DROP DATABASE IF EXISTS "{self.template}"')
        self._execute(f'CREATE DATABASE "{self.template}"')
        database = open_database_url(self.url_of(self.template))
        database.dispose()

    def url_of(self, name: str) -> str:
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def fresh(self) -> str:
        name = f"{self.prefix}{next(self._names)}"
        # FILE_COPY (PostgreSQL 15+) copies a small template about twice as fast as WAL_LOG.
        self._execute(
            f'CREATE DATABASE "{name}" TEMPLATE "{self.template}" STRATEGY FILE_COPY')
        return name

    def drop(self, name: str) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        try:
            self._execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        finally:
            self.admin.dispose()


def wait_until_accepting(url: str, seconds: float = 10.0) -> None:
    engine = create_engine(url)
    deadline = time.monotonic() + seconds
    try:
        while True:
            try:
                with engine.connect():
                    return
            except Exception as error:
                if time.monotonic() > deadline:
                    reason = str(getattr(error, "orig", error)).strip().splitlines()[0]
                    raise PostgresUnavailable(
                        f"the server does not answer: {reason}") from error
                time.sleep(0.2)
    finally:
        engine.dispose()


_STATE: dict[str, str] = {}


def start_for_session() -> Iterator[TestDatabases | PostgresUnavailable]:
    """The session fixture's body: the given server or a local one, always stopped after."""
    server: LocalServer | None = None
    databases: TestDatabases | None = None
    try:
        url = os.environ.get(URL_VARIABLE)
        if not url:
            server = LocalServer()
            url = server.start()
        wait_until_accepting(url)
        databases = TestDatabases(url)
    except PostgresUnavailable as error:
        if server is not None:
            server.stop()
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        _STATE["line"] = f"PostgreSQL half skipped: {reason}"
        yield error
        return
    except BaseException:
        if server is not None:
            server.stop()
        raise
    _STATE["line"] = ("PostgreSQL half ran on " + ("a throwaway local server" if server
                      else f"${URL_VARIABLE}"))
    try:
        yield databases
    finally:
        try:
            databases.close()
        finally:
            if server is not None:
                server.stop()


def session_state() -> str | None:
    return _STATE.get("line")
