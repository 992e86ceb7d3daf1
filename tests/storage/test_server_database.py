"""A database on a PostgreSQL server: built by the same migrations, several programs at once."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import create_engine, inspect, text

from zorgkoppel.storage.opening import open_database_url
from zorgkoppel.storage.schema import SCHEMA_REVISION, SchemaTooNewError, stored_revision
from zorgkoppel.storage.server import DatabaseUrlError, masked, parse_server_url


def _empty(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def test_two_programs_migrating_an_empty_database_at_once_both_succeed(postgres_url: str) -> None:
    _empty(postgres_url)
    failures: list[BaseException] = []

    def open_it() -> None:
        try:
            open_database_url(postgres_url).dispose()
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=open_it) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    db = open_database_url(postgres_url, migrate=False)
    try:
        assert stored_revision(db) == SCHEMA_REVISION
        with db.engine.connect() as connection:
            indexes = {i["name"] for i in inspect(connection).get_indexes("note")}
        assert "ix_note_summary_search" in indexes
    finally:
        db.dispose()


def test_a_newer_schema_is_refused_and_left_alone(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaTooNewError):
        open_database_url(postgres_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() \
            == "9999"
    engine.dispose()


def test_urls_are_shown_without_their_password() -> None:
    assert masked("postgresql+psycopg://anna:geheim@db:5432/zk") == \
        "postgresql+psycopg://anna:***@db:5432/zk"
    assert parse_server_url("postgresql://anna@db/zk").drivername == "postgresql+psycopg"
    with pytest.raises(DatabaseUrlError) as caught:
        parse_server_url("sqlite:///x.sqlite")
    assert "not supported" in str(caught.value)
