"""Every failure ends in one message on stderr and exit code 1, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

import zorgkoppel.demo
from zorgkoppel.cli.main import main
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.rules.organisation import OrganisationData
from zorgkoppel.core.services.organisations import list_organisations, save_organisation
from zorgkoppel.storage.opening import open_database


def test_unexpected_error_is_logged_not_shown(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(zorgkoppel.demo, "load_demo", broken)
    assert main(["demo"]) == 1
    err = capsys.readouterr().err
    log = data_dir / "zorgkoppel.log"
    assert err == f"Something unexpected went wrong: boom\nThe details were written to {log}.\n"
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: boom" in text and "zorgkoppel demo" in text


def test_data_folder_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("x", encoding="utf-8")
    assert main(["--data-dir", str(not_a_folder), "demo"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Cannot use the data folder {not_a_folder}: ")
    assert len(err.splitlines()) == 1


def test_damaged_database(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data_dir / "zorgkoppel.sqlite").write_bytes(b"this is no database" * 100)
    assert main(["demo"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Cannot open the database in {data_dir}: ")
    assert "Traceback" not in err


def test_import_of_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"{tmp_path} is a folder, not a file.\n"


def test_export_onto_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "data"), "export", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"{tmp_path} is a folder, not a file.\n"


def test_demo_refuses_to_mix_with_other_data(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(data_dir)
    save_organisation(ServiceContext(db), OrganisationData(name="Eigen vzw", kind="other"))
    db.dispose()

    def must_not_run(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the demo must not be loaded")

    monkeypatch.setattr(zorgkoppel.demo, "load_demo", must_not_run)
    assert main(["demo"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("This database already holds other data")
    assert "--force" in err
    db = open_database(data_dir)
    assert [o.name for o in list_organisations(ServiceContext(db))] == ["Eigen vzw"]
    db.dispose()


def test_window_without_qt_is_explained(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_qt(name: str, *args: object, **kwargs: object) -> object:
        if name == "zorgkoppel.ui.app":
            raise ImportError("libEGL.so.1: cannot open shared object file",
                              name="PySide6.QtWidgets")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_qt)
    assert main(["gui", "--exit-after-start"]) == 1
    assert capsys.readouterr().err == (
        "The window cannot start because part of Qt is missing: "
        "libEGL.so.1: cannot open shared object file\n"
    )



def test_demo_that_breaks_a_changed_rule_is_refused_whole(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from zorgkoppel.core.services.tasks import TaskData, save_task

    db = open_database(data_dir)
    # The user decides drivers need B2 Dutch; several demo drivers have less.
    save_task(ServiceContext(db), TaskData("driver", "Chauffeur", "Chauffeur", "Driver",
                                           client_contact=True, needs_licence=True,
                                           min_dutch_level="B2"))
    db.dispose()
    assert main(["demo"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "The demo data was not loaded; nothing was changed:"
    assert any(line.startswith("roster_days[") and "needs Dutch level B2" in line
               for line in lines[1:])
    db = open_database(data_dir)
    assert list_organisations(ServiceContext(db)) == []
    db.dispose()
