"""Database errors never quote the values of the statement that failed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from zorgkoppel.cli.failures import write_crash_log
from zorgkoppel.storage.database import Database

SECRET = "Quackenbosch-Zwanhilde"


def test_a_failed_statement_names_no_value_in_its_error_or_the_crash_log(
    tmp_path: Path,
) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.sqlite'}")
    with db.engine.begin() as connection:
        connection.execute(text("CREATE TABLE person (name TEXT UNIQUE)"))
        connection.execute(text("INSERT INTO person VALUES (:name)"), {"name": SECRET})
    with pytest.raises(IntegrityError) as caught, db.engine.begin() as connection:
        connection.execute(text("INSERT INTO person VALUES (:name)"), {"name": SECRET})
    db.dispose()
    assert "UNIQUE constraint failed" in str(caught.value)
    assert SECRET not in str(caught.value)
    log = write_crash_log(tmp_path, caught.value, ["zorgkoppel", "import", "x.json"])
    assert log is not None and SECRET not in log.read_text(encoding="utf-8")
