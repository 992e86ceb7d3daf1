"""`zorgkoppel encrypt` / `decrypt`, and every command opening an encrypted folder."""

from __future__ import annotations

import io
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.storage.encryption_support import (
    all_rows,
    database_of,
    found_secrets,
    plain_folder,
)
from zorgkoppel.cli.main import main
from zorgkoppel.storage import key_slots
from zorgkoppel.storage.encryption import is_encrypted, slot_user_names

PASSPHRASE = "a passphrase long enough"
ANNA = "anna-secret-1"
BERT = "bert-secret-1"
EXIT_LOGIN = 3


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text + "\n"))


def _prompts(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[str]:
    """Answer every terminal prompt with `answer`; the prompts asked."""
    asked: list[str] = []

    def getpass(prompt: str = "") -> str:
        asked.append(prompt)
        return answer

    monkeypatch.setattr("getpass.getpass", getpass)
    return asked


@pytest.fixture
def people(data_dir: Path) -> Path:
    plain_folder(data_dir)
    return data_dir


@pytest.fixture
def accounts(people: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """anna (admin) and bert (job coach)."""
    _stdin(monkeypatch, ANNA)
    assert main(["user", "add", "anna", "--role", "admin", "--new-password-stdin"]) == 0
    monkeypatch.setenv("ZORGKOPPEL_PASSWORD", ANNA)
    _stdin(monkeypatch, BERT)
    with closing(sqlite3.connect(database_of(people))) as connection:
        [(organisation,)] = connection.execute("SELECT id FROM organisation").fetchall()
    assert main(["--user", "anna", "user", "add", "bert", "--role", "viewer",
                 "--organisation", organisation, "--new-password-stdin"]) == 0
    return people


def test_without_accounts_a_passphrase_encrypts_and_opens(
    people: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = all_rows(database_of(people))
    _stdin(monkeypatch, "too short")
    assert main(["encrypt", "--passphrase-stdin"]) == 1
    assert "at least 12 characters" in capsys.readouterr().err
    assert not is_encrypted(people)
    _stdin(monkeypatch, PASSPHRASE)
    assert main(["encrypt", "--passphrase-stdin"]) == 0
    out = capsys.readouterr().out
    assert f"The data in {people} is encrypted" in out
    assert "anyone who has such a file can read it" in out
    assert is_encrypted(people) and found_secrets(database_of(people).read_bytes()) == []
    # Asked on the terminal once, or taken from the environment.
    asked = _prompts(monkeypatch, PASSPHRASE)
    assert main(["dashboard"]) == 0
    assert asked == ["Passphrase of the encrypted data: "]
    monkeypatch.setenv("ZORGKOPPEL_PASSPHRASE", PASSPHRASE)
    assert main(["decrypt"]) == 0
    assert "stored unencrypted again" in capsys.readouterr().out
    assert not is_encrypted(people)
    assert all_rows(database_of(people)) == before


def test_a_wrong_passphrase_is_exit_code_3_and_changes_nothing(
    people: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, PASSPHRASE)
    assert main(["encrypt", "--passphrase-stdin"]) == 0
    before = database_of(people).read_bytes()
    monkeypatch.setenv("ZORGKOPPEL_PASSPHRASE", "not the passphrase")
    capsys.readouterr()
    assert main(["dashboard"]) == EXIT_LOGIN
    assert "Cannot unlock the encrypted data" in capsys.readouterr().err
    assert database_of(people).read_bytes() == before


def test_a_backup_asks_the_passphrase_once(
    people: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, PASSPHRASE)
    assert main(["encrypt", "--passphrase-stdin"]) == 0
    asked = _prompts(monkeypatch, PASSPHRASE)
    assert main(["backup"]) == 0
    assert "Backup written and checked" in capsys.readouterr().out
    assert len(asked) == 1


def test_the_admin_encrypts_and_the_others_get_their_key_by_a_reset(
    accounts: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--user", "bert", "encrypt"]) != 0  # a viewer may not
    assert not is_encrypted(accounts)
    assert main(["--user", "anna", "encrypt"]) == 0
    out = capsys.readouterr().out
    assert "anna unlocks it with their password." in out
    assert "cannot log in: bert" in out
    assert slot_user_names(accounts) == ["anna"]
    assert main(["--user", "anna", "dashboard"]) == 0
    monkeypatch.setenv("ZORGKOPPEL_PASSWORD", "not-annas-password")
    capsys.readouterr()
    assert main(["--user", "anna", "dashboard"]) == EXIT_LOGIN
    assert "Cannot unlock the encrypted data" in capsys.readouterr().err
    monkeypatch.setenv("ZORGKOPPEL_PASSWORD", BERT)
    assert main(["--user", "bert", "dashboard"]) == EXIT_LOGIN  # no key slot yet
    monkeypatch.setenv("ZORGKOPPEL_PASSWORD", ANNA)
    _stdin(monkeypatch, "bert-temporary-1")
    assert main(["--user", "anna", "user", "reset-password", "bert",
                 "--new-password-stdin"]) == 0
    assert slot_user_names(accounts) == ["anna", "bert"]
    monkeypatch.setenv("ZORGKOPPEL_PASSWORD", "bert-temporary-1")
    _stdin(monkeypatch, "bert-own-password-1")
    assert main(["--user", "bert", "user", "passwd", "--new-password-stdin"]) == 0
    monkeypatch.setenv("ZORGKOPPEL_PASSWORD", "bert-own-password-1")
    assert main(["--user", "bert", "dashboard"]) == 0
    monkeypatch.setenv("ZORGKOPPEL_PASSWORD", ANNA)
    assert main(["--user", "anna", "user", "disable", "bert"]) == 0
    assert slot_user_names(accounts) == ["anna"]  # a disabled account loses its key
    assert main(["--user", "anna", "decrypt"]) == 0
    assert not is_encrypted(accounts)
    assert not key_slots.slots_path(database_of(accounts)).exists()


def test_a_database_copied_without_its_key_file_says_so(
    people: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _stdin(monkeypatch, PASSPHRASE)
    assert main(["encrypt", "--passphrase-stdin"]) == 0
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copyfile(database_of(people), database_of(copy))
    before = database_of(copy).read_bytes()
    monkeypatch.setenv("ZORGKOPPEL_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    assert main(["--data-dir", str(copy), "dashboard"]) == 1
    err = capsys.readouterr().err
    assert "the key file" in err and "is missing or belongs to another database" in err
    assert database_of(copy).read_bytes() == before
    # Only the folder's lock was taken; no key file, -wal or backup appeared.
    assert sorted(p.name for p in copy.iterdir()) == ["zorgkoppel.lock",
                                                       database_of(copy).name]
