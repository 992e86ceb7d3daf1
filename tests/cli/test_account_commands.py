"""`zorgkoppel user …` and `--user`: accounts, login failures (exit 3) and the matrix by command."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.matrix_world import World, build_world
from zorgkoppel.cli.main import main
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import AuditEntry, User
from zorgkoppel.storage.opening import open_database

ADMIN_PASSWORD = "admin-secret-1"
COORDINATOR_PASSWORD = "coord-secret-1"
COACH_PASSWORD = "coach-secret-1"
LOGIN_FAILED = "Cannot log in: unknown user, wrong password, or a disabled account."


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text + "\n"))


def _as(monkeypatch: pytest.MonkeyPatch, password: str) -> None:
    monkeypatch.setenv("ZORGKOPPEL_PASSWORD", password)


@pytest.fixture
def world(data_dir: Path) -> World:
    db = open_database(data_dir)
    try:
        return build_world(ServiceContext(db))
    finally:
        db.dispose()


@pytest.fixture
def accounts(world: World, monkeypatch: pytest.MonkeyPatch) -> World:
    """anna (admin), greet (coordinator of Ter Beuken), an (job coach of Buurtwerk)."""
    _stdin(monkeypatch, ADMIN_PASSWORD)
    assert main(["user", "add", "anna", "--role", "admin", "--display-name", "Anna",
                 "--new-password-stdin"]) == 0
    _as(monkeypatch, ADMIN_PASSWORD)
    for name, role, organisation, password in (
        ("greet", "coordinator", world.beuken, COORDINATOR_PASSWORD),
        ("an", "job_coach", world.buurtwerk, COACH_PASSWORD),
    ):
        _stdin(monkeypatch, password)
        assert main(["--user", "anna", "user", "add", name, "--role", role,
                     "--organisation", organisation, "--new-password-stdin"]) == 0
    return world


def _stored_users(data_dir: Path) -> dict[str, User]:
    db = open_database(data_dir)
    try:
        with db.session() as session:
            from sqlmodel import select

            return {u.user_name: u for u in session.exec(select(User)).all()}
    finally:
        db.dispose()


def test_without_accounts_commands_run_as_before(world, capsys):
    assert main(["dashboard", "--json"]) == 0
    assert main(["user", "list"]) == 0  # the local owner may look, and make the first one


def test_the_first_account_must_be_an_admin(world, monkeypatch, capsys):
    _stdin(monkeypatch, ADMIN_PASSWORD)
    assert main(["user", "add", "greet", "--role", "coordinator", "--organisation",
                 world.beuken, "--new-password-stdin"]) == 1
    assert "the first account must be an administrator" in capsys.readouterr().err
    assert main(["dashboard"]) == 0  # still no accounts: no login needed


def test_after_the_first_account_every_command_logs_in(accounts, monkeypatch, capsys, data_dir):
    monkeypatch.delenv("ZORGKOPPEL_PASSWORD", raising=False)
    assert main(["dashboard"]) == 3
    assert "--user" in capsys.readouterr().err
    stored = _stored_users(data_dir)
    assert stored["anna"].role == "admin" and stored["greet"].organisation_id == accounts.beuken
    assert stored["anna"].password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert ADMIN_PASSWORD not in stored["anna"].password_hash


def test_wrong_password_unknown_and_disabled_user_get_one_message(accounts, monkeypatch, capsys):
    _as(monkeypatch, "wrong-password")
    assert main(["--user", "greet", "dashboard"]) == 3
    wrong = capsys.readouterr().err
    assert main(["--user", "nobody", "dashboard"]) == 3
    unknown = capsys.readouterr().err
    _as(monkeypatch, ADMIN_PASSWORD)
    assert main(["--user", "anna", "user", "disable", "greet"]) == 0
    capsys.readouterr()
    _as(monkeypatch, COORDINATOR_PASSWORD)
    assert main(["--user", "greet", "dashboard"]) == 3
    disabled = capsys.readouterr().err
    assert wrong == unknown == disabled == LOGIN_FAILED + "\n"


def test_failures_are_counted_audited_and_then_throttled(accounts, monkeypatch, capsys, data_dir):
    _as(monkeypatch, "wrong-password")
    for _ in range(5):
        assert main(["--user", "greet", "dashboard"]) == 3
    capsys.readouterr()
    # The sixth try within the wait is refused without checking the password at all.
    _as(monkeypatch, COORDINATOR_PASSWORD)
    assert main(["--user", "greet", "dashboard"]) == 3
    assert "wait" in capsys.readouterr().err
    assert _stored_users(data_dir)["greet"].failed_logins == 5
    db = open_database(data_dir)
    try:
        with db.session() as session:
            from sqlmodel import select

            actions = [e.action for e in session.exec(select(AuditEntry)).all()]
    finally:
        db.dispose()
    assert actions.count("login_failed") == 6


def test_only_an_admin_manages_accounts(accounts, monkeypatch, capsys):
    _as(monkeypatch, COORDINATOR_PASSWORD)
    assert main(["--user", "greet", "user", "list"]) == 1
    assert "Only an administrator" in capsys.readouterr().err
    _stdin(monkeypatch, "another-secret")
    assert main(["--user", "greet", "user", "add", "x1", "--role", "viewer", "--organisation",
                 accounts.beuken, "--new-password-stdin"]) == 1
    _as(monkeypatch, ADMIN_PASSWORD)
    capsys.readouterr()
    assert main(["--user", "anna", "user", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [u["user_name"] for u in listed] == ["an", "anna", "greet"]
    assert all(key == "must_change_password" or "password" not in key
               for row in listed for key in row)


def test_a_reset_password_must_be_changed_first(accounts, monkeypatch, capsys):
    _as(monkeypatch, ADMIN_PASSWORD)
    _stdin(monkeypatch, "temporary-1")
    assert main(["--user", "anna", "user", "reset-password", "greet",
                 "--new-password-stdin"]) == 0
    _as(monkeypatch, "temporary-1")
    assert main(["--user", "greet", "dashboard"]) == 3
    assert "user passwd" in capsys.readouterr().err
    _stdin(monkeypatch, "my-own-secret")
    assert main(["--user", "greet", "user", "passwd", "--new-password-stdin"]) == 0
    _as(monkeypatch, "my-own-secret")
    assert main(["--user", "greet", "dashboard"]) == 0


def test_role_changes_and_organisation_checks(accounts, monkeypatch, capsys):
    _as(monkeypatch, ADMIN_PASSWORD)
    assert main(["--user", "anna", "user", "role", "greet", "--role", "job_coach",
                 "--organisation", accounts.beuken]) == 1
    assert "a job coach works for a social-economy enterprise" in capsys.readouterr().err
    assert main(["--user", "anna", "user", "role", "greet", "--role", "viewer",
                 "--organisation", accounts.beuken]) == 0
    assert main(["--user", "anna", "user", "disable", "anna"]) == 1  # the last admin stays


# The matrix by command ------------------------------------------------------------------

def test_dashboard_and_trajectory_by_role(accounts, monkeypatch, capsys):
    _as(monkeypatch, COORDINATOR_PASSWORD)
    assert main(["--user", "greet", "dashboard", "--json", "--today", "2025-06-02"]) == 0
    out = capsys.readouterr().out
    assert "Jonas" not in out and "Els" not in out and "confidential" not in out
    assert main(["--user", "greet", "trajectory", accounts.trajectories["samir"]]) == 0
    capsys.readouterr()
    assert main(["--user", "greet", "trajectory", accounts.trajectories["jonas"]]) == 1
    assert "No trajectory with id" in capsys.readouterr().err
    _as(monkeypatch, COACH_PASSWORD)
    assert main(["--user", "an", "dashboard", "--json", "--today", "2025-06-02"]) == 0
    assert "Samir" in capsys.readouterr().out
    assert main(["--user", "an", "trajectory", accounts.trajectories["jonas"]]) == 0


def test_contract_by_role(accounts, monkeypatch, capsys, tmp_path):
    _as(monkeypatch, COORDINATOR_PASSWORD)
    own = tmp_path / "own.pdf"
    assert main(["--user", "greet", "contract", "SO-beuken-buurtwerk", "-o", str(own)]) == 0
    assert own.read_bytes().startswith(b"%PDF")
    other = tmp_path / "other.pdf"
    assert main(["--user", "greet", "contract", "SO-linde-schelde", "-o", str(other)]) == 1
    # The same answer as for an agreement that does not exist.
    refused = capsys.readouterr().err
    assert main(["--user", "greet", "contract", "SO-does-not-exist", "-o", str(other)]) == 1
    missing = capsys.readouterr().err
    assert refused.replace("SO-linde-schelde", "X") == missing.replace("SO-does-not-exist", "X")
    assert not other.exists()


def test_export_by_role(accounts, monkeypatch, capsys, tmp_path):
    _as(monkeypatch, COACH_PASSWORD)
    target = tmp_path / "all.json"
    assert main(["--user", "an", "export", str(target)]) == 1
    assert not target.exists()
    _as(monkeypatch, COORDINATOR_PASSWORD)
    package = tmp_path / "package.json"
    assert main(["--user", "greet", "export", str(package), "--for-organisation",
                 accounts.beuken]) == 0
    text = package.read_text(encoding="utf-8")
    assert "shared samir" in text and "confidential" not in text and "Jonas" not in text
    assert main(["--user", "greet", "export", str(target), "--for-organisation",
                 accounts.linde]) == 1
    _as(monkeypatch, ADMIN_PASSWORD)
    assert main(["--user", "anna", "export", str(target)]) == 0
    assert "confidential jonas" in target.read_text(encoding="utf-8")


def test_backup_and_restore_need_an_administrator(accounts, monkeypatch, capsys, tmp_path):
    _as(monkeypatch, COORDINATOR_PASSWORD)
    copy = tmp_path / "copy.sqlite3"
    assert main(["--user", "greet", "backup", "-o", str(copy)]) == 1
    assert "Only an administrator" in capsys.readouterr().err
    assert not copy.exists()
    _as(monkeypatch, ADMIN_PASSWORD)
    assert main(["--user", "anna", "backup", "-o", str(copy)]) == 0
    _as(monkeypatch, COORDINATOR_PASSWORD)
    assert main(["--user", "greet", "restore", str(copy)]) == 1
