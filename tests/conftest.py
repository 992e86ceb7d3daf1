"""Shared fixtures: a fresh database per test, and a predictable language."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before Qt is imported anywhere: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import zorgkoppel.ui  # noqa: F401  (applies the Qt binding work-around for every test)
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.i18n import set_language
from zorgkoppel.storage.database import Database
from zorgkoppel.storage.opening import open_database, open_database_url

# The service and exchange tests run on both backends (the `backend` parameter below);
# tests about the SQLite folder itself carry @pytest.mark.sqlite_only.
BOTH_BACKENDS = ("tests/core/", "tests/exchange/")
BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    """Tests read English messages unless they choose a language themselves."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def no_database_url(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's ZORGKOPPEL_DATABASE_URL must not send the tests to that server."""
    monkeypatch.delenv("ZORGKOPPEL_DATABASE_URL", raising=False)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("ZORGKOPPEL_DATA_DIR", str(folder))
    return folder


def _on_both_backends(item_path: Path, config: pytest.Config) -> bool:
    relative = item_path.relative_to(config.rootpath).as_posix()
    return relative.startswith(BOTH_BACKENDS)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    if not _on_both_backends(metafunc.definition.path, metafunc.config):
        return
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        return
    metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which database the test runs on: "sqlite" unless parametrised for both."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def postgres_databases() -> Iterator[object]:
    """The PostgreSQL server of this session (or why there is none), started on first use."""
    from tests.postgres_server import start_for_session

    yield from start_for_session()


@pytest.fixture
def postgres_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, migrated, empty PostgreSQL database's URL (skipped without a server)."""
    from tests.postgres_server import PostgresUnavailable

    databases = request.getfixturevalue("postgres_databases")
    if isinstance(databases, PostgresUnavailable):
        pytest.skip(f"PostgreSQL half skipped: {databases}")
    name = databases.fresh()
    try:
        yield databases.url_of(name)
    finally:
        databases.drop(name)


@pytest.fixture
def database_url(backend: str, request: pytest.FixtureRequest) -> str | None:
    """The PostgreSQL database of a test parametrised "postgresql", None on SQLite."""
    if backend != "postgresql":
        return None
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def db(data_dir: Path, database_url: str | None) -> Iterator[Database]:
    database = open_database(data_dir) if database_url is None else open_database_url(
        database_url)
    yield database
    database.dispose()


@pytest.fixture
def ctx(db: Database) -> ServiceContext:
    return ServiceContext(db)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests.postgres_server import session_state

    line = session_state()
    if line:
        terminalreporter.write_line(line)
