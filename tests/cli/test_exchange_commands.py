"""`import`, `export` and `demo` through the command line, against a real data folder."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from zorgkoppel.cli.main import main
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.organisations import list_organisations
from zorgkoppel.core.services.workers import get_worker, save_worker
from zorgkoppel.storage.opening import open_database

ORGANISATION = {"id": "org-1", "name": "Dagcentrum De Linde vzw", "kind": "care_facility",
                "care_type": "day_care", "enterprise_number": "0412.345.614"}
LDE = {"id": "org-2", "name": "Buurtwerk Plus vzw", "kind": "local_services"}


def _write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _document(**sections: Any) -> dict[str, Any]:
    return {"format": "zorgkoppel-exchange", "version": 1, **sections}


def _organisation_names(folder: Path) -> list[str]:
    db = open_database(folder)
    try:
        return [o.name for o in list_organisations(ServiceContext(db))]
    finally:
        db.dispose()


def test_import_a_valid_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write(tmp_path / "in.json", _document(organisations=[ORGANISATION]))
    assert main(["import", str(source)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Created: 1 organisation") and len(out.splitlines()) == 1
    assert _organisation_names(data_dir) == ["Dagcentrum De Linde vzw"]


def test_invalid_file_changes_nothing_and_names_the_json_path(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agreement = {"id": "ag-1", "reference": "SO-1", "phase": "service",
                 "legal_form": "service_contract", "status": "draft", "care_partner": "org-1",
                 "se_partner": "org-2", "financing": {"rate": "zeventien"}}
    source = _write(tmp_path / "bad.json",
                    _document(organisations=[ORGANISATION, LDE], agreements=[agreement]))
    assert main(["import", str(source)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0] == f"{source} was not imported; nothing was changed:"
    assert "agreements[0].financing.rate: not a decimal" in lines
    assert "Traceback" not in captured.err
    assert _organisation_names(data_dir) == []


def test_malformed_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "broken.json"
    source.write_text('{"format": "zorgkoppel-exchange",\n "version": 1,,}', encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(source)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{source} was not imported; nothing was changed:\n")
    assert "not valid JSON at line 2" in err


def test_unwritable_export_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Root may write anywhere; a path below a file cannot be written by anyone.
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    target = blocker / "out.json"
    assert main(["--data-dir", str(tmp_path / "data"), "export", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Cannot write the file {target}: ")
    assert len(err.splitlines()) == 1
    assert not target.exists()


def test_data_dir_option_wins_over_environment(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write(tmp_path / "in.json", _document(organisations=[ORGANISATION]))
    elsewhere = tmp_path / "elsewhere"
    assert main(["--data-dir", str(elsewhere), "import", str(source)]) == 0
    assert (elsewhere / "zorgkoppel.sqlite").exists()
    assert _organisation_names(elsewhere) == ["Dagcentrum De Linde vzw"]
    # Without the option, ZORGKOPPEL_DATA_DIR (set by the data_dir fixture) is used.
    assert not (data_dir / "zorgkoppel.sqlite").exists()
    assert main(["export", str(tmp_path / "out.json")]) == 0
    assert (data_dir / "zorgkoppel.sqlite").exists()
    assert _organisation_names(data_dir) == []
    assert capsys.readouterr().out.endswith(f"All data was exported to {tmp_path / 'out.json'}.\n")


def test_demo_twice_then_export_and_import_into_an_empty_folder(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == 0
    first = capsys.readouterr().out
    assert first.startswith(f"The demo data was loaded into {data_dir}.\nCreated: ")
    assert "16 workers" in first and "20 roster days" in first

    assert main(["demo"]) == 0
    second = capsys.readouterr().out.splitlines()
    assert second[0] == "The demo data was already loaded; loading it again added no duplicates."
    assert "up to date" in second[1]
    assert "Created" not in second[1] and "Updated" not in second[1]

    exported = tmp_path / "all.json"
    assert main(["export", str(exported)]) == 0
    empty = tmp_path / "restored"
    assert main(["--data-dir", str(empty), "import", str(exported)]) == 0
    again = tmp_path / "again.json"
    assert main(["--data-dir", str(empty), "export", str(again)]) == 0
    assert json.loads(again.read_text("utf-8")) == json.loads(exported.read_text("utf-8"))


def test_import_lists_conflicts(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == 0
    exported = tmp_path / "partner.json"
    assert main(["export", str(exported)]) == 0
    capsys.readouterr()
    worker_id = "demo-worker-senait-tesfaye"
    # Changed here after the export …
    db = open_database(data_dir)
    ctx = ServiceContext(db)
    data = get_worker(ctx, worker_id).as_data()
    data.dutch_level = "A2"
    save_worker(ctx, data, worker_id)
    db.dispose()
    # … and in the partner's file, later.
    document = json.loads(exported.read_text("utf-8"))
    worker = next(w for w in document["workers"] if w["id"] == worker_id)
    worker["dutch_level"], worker["updated_at"] = "B1", "2099-01-01T00:00:00+00:00"
    _write(exported, document)

    assert main(["import", str(exported)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "changed both here and in the file" in out[0]
    assert len(out) == 2
    assert out[1].startswith("- ") and worker_id in out[1] and "from the file" in out[1]


def test_export_refuses_a_pipe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Written beside the target and renamed over it, a pipe or device would be replaced.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert main(["--data-dir", str(tmp_path / "data"), "export", str(pipe)]) == 1
    assert capsys.readouterr().err == f"{pipe} is not a regular file.\n"
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_export_through_a_link_writes_the_linked_file(tmp_path: Path) -> None:
    real = tmp_path / "backup.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    assert main(["--data-dir", str(tmp_path / "data"), "export", str(link)]) == 0
    assert link.is_symlink()
    assert json.loads(real.read_text("utf-8"))["format"] == "zorgkoppel-exchange"
