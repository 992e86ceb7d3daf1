"""`backup`, `restore` and `check` from the command line, and writes refused while the data
is open elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.storage.support import add_organisations, organisation_names
from zorgkoppel.cli.main import main
from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.storage import instance_lock
from zorgkoppel.storage.backup import backup_folder, list_backups
from zorgkoppel.storage.instance_lock import InstanceLock


def test_backup_to_the_backups_folder(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_organisations(data_dir, "A")
    assert main(["backup"]) == 0
    [backup] = list_backups([backup_folder(data_dir)])
    assert capsys.readouterr().out == f"Backup written and checked: {backup.path}\n"
    assert organisation_names(backup.path) == ["A"]


def test_backup_to_a_file(data_dir: Path, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    add_organisations(data_dir, "A")
    target = tmp_path / "copy.sqlite"
    assert main(["backup", "-o", str(target)]) == 0
    assert organisation_names(target) == ["A"]
    assert str(target) in capsys.readouterr().out


def test_backup_without_data(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backup"]) == 1
    assert capsys.readouterr().err == f"There is no database in {data_dir}.\n"


def test_backup_while_the_window_holds_the_data(data_dir: Path) -> None:
    add_organisations(data_dir, "A")
    with InstanceLock(data_dir):  # a backup only reads: it may run beside the window
        assert main(["backup"]) == 0


def test_check_a_whole_database(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_organisations(data_dir, "A")
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"The database {data_dir / DATABASE_FILE} is whole.\n")
    assert "There is no backup yet" in out


def test_check_a_damaged_database_names_the_newest_good_backup(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_organisations(data_dir, "A")
    assert main(["backup"]) == 0
    [backup] = list_backups([backup_folder(data_dir)])
    capsys.readouterr()
    for name in (DATABASE_FILE, DATABASE_FILE + "-wal", DATABASE_FILE + "-shm"):
        (data_dir / name).unlink(missing_ok=True)
    (data_dir / DATABASE_FILE).write_bytes(b"damaged" * 2000)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert f"The database {data_dir / DATABASE_FILE} is damaged:" in err
    assert f"The newest good backup is {backup.path}" in err
    assert main(["restore", str(backup.path)]) == 0
    out = capsys.readouterr().out
    assert f"{backup.path} was restored." in out
    assert "The data as it was before is kept in" in out
    assert main(["check"]) == 0
    assert organisation_names(data_dir / DATABASE_FILE) == ["A"]


def test_restore_of_a_bad_file_changes_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_organisations(data_dir, "A")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"x" * 5000)
    assert main(["restore", str(bad)]) == 1
    assert "damaged and was not restored" in capsys.readouterr().err
    assert organisation_names(data_dir / DATABASE_FILE) == ["A"]


def test_writes_are_refused_while_the_window_holds_the_data(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(instance_lock, "COMMAND_WAIT_SECONDS", 0.2)
    add_organisations(data_dir, "A")
    assert main(["backup"]) == 0
    [backup] = list_backups([backup_folder(data_dir)])
    capsys.readouterr()
    with InstanceLock(data_dir):
        assert main(["demo", "--force"]) == 1
        err = capsys.readouterr().err
        assert "is open in zorgkoppel on" in err and "nothing was changed" in err
        assert main(["restore", str(backup.path)]) == 1
        assert "is open in zorgkoppel on" in capsys.readouterr().err
    assert organisation_names(data_dir / DATABASE_FILE) == ["A"]


def test_while_the_window_holds_the_data_commands_read_but_never_write(data_dir: Path) -> None:
    from sqlalchemy import text

    from zorgkoppel.cli.commands import opened
    from zorgkoppel.core.rules.organisation import OrganisationData
    from zorgkoppel.core.services.organisations import list_organisations, save_organisation
    from zorgkoppel.storage.instance_lock import DataInUseError

    add_organisations(data_dir, "A")
    with InstanceLock(data_dir):
        with opened(data_dir) as ctx:
            assert [o.name for o in list_organisations(ctx)] == ["A"]
        with pytest.raises(DataInUseError), opened(data_dir) as ctx:
            save_organisation(ctx, OrganisationData(name="B", kind="other"))
        with pytest.raises(DataInUseError), opened(data_dir) as ctx, ctx.db.transaction() as s:
            # Even a write past the services is refused by SQLite itself.
            s.execute(text("DELETE FROM organisation"))
    assert organisation_names(data_dir / DATABASE_FILE) == ["A"]
