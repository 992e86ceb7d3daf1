"""`--database-url`: every command on a PostgreSQL database, a login always, clear failures."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import make_url

from zorgkoppel.cli.main import main

PASSWORD = "admin-secret-1"


@pytest.fixture
def server(postgres_url: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("ZORGKOPPEL_DATABASE_URL", postgres_url)
    return postgres_url


def _first_admin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["user", "add", "anna", "--role", "admin", "--new-password-stdin"]) == 0
    monkeypatch.setenv("ZORGKOPPEL_PASSWORD", PASSWORD)


def test_a_server_database_always_needs_a_login(
    server: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["dashboard", "--json"]) == 3
    assert "no accounts yet" in capsys.readouterr().err
    _first_admin(monkeypatch)
    assert main(["dashboard", "--json"]) == 3
    capsys.readouterr()
    assert main(["--user", "anna", "dashboard", "--json"]) == 0
    json.loads(capsys.readouterr().out)


def test_commands_run_on_the_server_and_back_it_up_as_an_exchange_file(
    server: str, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _first_admin(monkeypatch)
    assert main(["--user", "anna", "demo"]) == 0
    exported = tmp_path / "all.json"
    assert main(["--user", "anna", "export", str(exported)]) == 0
    workers = json.loads(exported.read_text("utf-8"))["workers"]
    assert len(workers) >= 10
    # Nothing went into the data folder's own SQLite file.
    assert not (data_dir / "zorgkoppel.sqlite").exists()
    backup = tmp_path / "backup.json"
    assert main(["--user", "anna", "backup", "-o", str(backup)]) == 0
    assert len(json.loads(backup.read_text("utf-8"))["workers"]) == len(workers)
    assert main(["--user", "anna", "backup"]) == 0
    assert [p.suffix for p in (data_dir / "backups").iterdir()] == [".json"]
    capsys.readouterr()
    assert main(["--user", "anna", "restore", str(backup)]) == 1
    assert "database server" in capsys.readouterr().err


def test_db_init_prepares_an_empty_database(
    postgres_url: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "init", "--database-url", postgres_url]) == 0
    assert "is ready" in capsys.readouterr().out


@pytest.mark.parametrize(("change", "expected"), [
    ({"password": "wrong-secret"}, "refused the user name or password"),
    ({"port": 1}, "cannot be reached"),
    ({"database": "no_such_database"}, "no such database"),
])
def test_server_failures_are_one_clear_line_without_the_password(
    postgres_url: str, data_dir: Path, change: dict[str, object], expected: str,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    if "password" in change:
        # The throwaway server trusts loopback, except for this role (tests/postgres_server).
        from sqlalchemy import create_engine, text

        from tests.postgres_server import PASSWORD_ROLE

        engine = create_engine(postgres_url)
        with engine.begin() as connection:
            found = connection.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": PASSWORD_ROLE}).first()
        engine.dispose()
        if found is None:
            pytest.skip("the given server has no role that checks passwords")
        change = {**change, "username": PASSWORD_ROLE}
    url = make_url(postgres_url).set(**change).render_as_string(hide_password=False)
    assert main(["--database-url", url, "dashboard"]) == 1
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err and "wrong-secret" not in err


def test_a_typo_in_the_url_is_explained(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", "postgresql+psycopg//anna:geheim@host/db", "dashboard"]) == 1
    err = capsys.readouterr().err
    assert "not a database address" in err and "geheim" not in err
    assert main(["--database-url", "mysql://anna:geheim@host/db", "dashboard"]) == 1
    err = capsys.readouterr().err
    assert "is not supported" in err and "geheim" not in err


def test_a_newer_schema_on_the_server_is_refused(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(server)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    assert main(["dashboard"]) == 1
    assert "newer version" in capsys.readouterr().err


def test_db_copy_moves_everything_to_the_server_and_back(
    postgres_url: str, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == 0
    assert main(["db", "copy", "--from", str(data_dir), "--to", postgres_url]) == 0
    assert "export the same data" in capsys.readouterr().out
    back = tmp_path / "back"
    assert main(["db", "copy", "--from", postgres_url, "--to", str(back)]) == 0
    original, returned = tmp_path / "original.json", tmp_path / "returned.json"
    assert main(["export", str(original)]) == 0
    assert main(["--data-dir", str(back), "export", str(returned)]) == 0
    assert json.loads(original.read_text("utf-8")) == json.loads(returned.read_text("utf-8"))
    # A second copy into the now filled server is refused.
    capsys.readouterr()
    assert main(["db", "copy", "--from", str(data_dir), "--to", postgres_url]) == 1
    assert "empty database" in capsys.readouterr().err
