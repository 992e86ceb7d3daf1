"""`zorgkoppel audit verify|show`: exit codes, filters, JSON, and administrators only."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_account_commands import ADMIN_PASSWORD, COACH_PASSWORD, _as
from tests.cli.test_account_commands import accounts as accounts
from tests.cli.test_account_commands import world as world
from tests.matrix_world import World
from zorgkoppel.cli.main import main


def test_verify_is_0_on_an_intact_trail_and_1_naming_the_changed_entry(
    accounts: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    data_dir: Path,
) -> None:
    _as(monkeypatch, ADMIN_PASSWORD)
    assert main(["--user", "anna", "audit", "verify"]) == 0
    assert "The audit trail is intact" in capsys.readouterr().out
    with sqlite3.connect(data_dir / "zorgkoppel.sqlite") as connection:
        connection.execute("UPDATE auditentry SET user_name = 'mallory' WHERE seq = 2")
    assert main(["--user", "anna", "audit", "verify"]) == 1
    assert "Audit entry 2 was changed" in capsys.readouterr().err


def test_show_lists_who_printed_a_contract_as_text_and_json(
    accounts: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    _as(monkeypatch, COACH_PASSWORD)
    assert main(["--user", "an", "contract", "SO-beuken-buurtwerk", "-o",
                 str(tmp_path / "c.pdf")]) == 0
    capsys.readouterr()
    _as(monkeypatch, ADMIN_PASSWORD)
    assert main(["--user", "anna", "audit", "show", "--user", "an", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {row["user"] for row in rows} == {"an"}
    assert [row["record_ids"] for row in rows if row["action"] == "print_contract"] == [
        [accounts.agreements["beuken-buurtwerk"]]]
    assert main(["--user", "anna", "audit", "show", "--since", "2020-01-01"]) == 0
    out = capsys.readouterr().out
    assert "anna" in out and "logged in" in out


def test_only_an_administrator_may_read_the_trail(
    accounts: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    _as(monkeypatch, COACH_PASSWORD)
    assert main(["--user", "an", "audit", "show"]) == 1
    assert "Only an administrator" in capsys.readouterr().err
    assert main(["--user", "an", "audit", "verify"]) == 1
