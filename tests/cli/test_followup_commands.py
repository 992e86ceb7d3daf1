"""`trajectory`, `dashboard` and `export --for-organisation` through the command line."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from zorgkoppel.cli.main import main
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import Note
from zorgkoppel.core.rules.organisation import OrganisationData
from zorgkoppel.core.rules.trajectory import IndexValueData, TrajectoryData, TrajectoryPhaseData
from zorgkoppel.core.rules.worker import WorkerData
from zorgkoppel.core.services.index_values import save_index_value
from zorgkoppel.core.services.organisations import save_organisation
from zorgkoppel.core.services.trajectories import save_trajectory
from zorgkoppel.core.services.workers import save_worker
from zorgkoppel.storage.opening import open_database


@pytest.fixture
def sample(data_dir: Path) -> dict[str, str]:
    db = open_database(data_dir)
    ctx = ServiceContext(db)
    try:
        lde = save_organisation(ctx, OrganisationData("Buurtwerk", "local_services")).value.id
        wzc = save_organisation(ctx, OrganisationData("WZC", "care_facility")).value.id
        worker = save_worker(ctx, WorkerData("Samir", "El Amrani", lde, "local_services",
                                             dt.date(2021, 3, 1))).value.id
        for month, value in (("2018-12", "107.89"), ("2024-08", "131.44")):
            save_index_value(ctx, IndexValueData(month, Decimal(value)))
        trajectory = save_trajectory(ctx, TrajectoryData(
            worker, lde, wzc, "2018-12",
            [TrajectoryPhaseData("pre_trajectory", dt.date(2025, 1, 6), dt.date(2025, 2, 5))],
        )).value.id
        with ctx.db.transaction() as session:
            session.add(Note(worker_id=worker, day=dt.date(2025, 1, 20), kind="contact",
                             duration_minutes=90, visibility="enterprise_only",
                             summary="Geheim"))
    finally:
        db.dispose()
    return {"trajectory": trajectory, "worker": worker, "wzc": wzc, "lde": lde}


def test_trajectory_json(sample: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trajectory", sample["trajectory"], "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "id": sample["trajectory"],
        "phases": [{"phase": "pre_trajectory", "start": "2025-01-06", "end": "2025-02-05",
                    "fee": "420.00", "indexed_fee": "511.68", "overrun": False}],
        "total_fee": "420.00",
        "total_indexed": "511.68",
        "guidance_minutes": 90,
        "guidance_target_minutes": 8400,
    }


def test_trajectory_text_and_unknown_id(
    sample: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["trajectory", sample["trajectory"]]) == 0
    out = capsys.readouterr().out
    assert "Pre-trajectory" in out or "pre" in out.lower()
    assert "90 of 8400 minutes" in out
    assert main(["trajectory", "nope"]) == 1
    assert "No trajectory with id nope." in capsys.readouterr().err


def test_dashboard_json(sample: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dashboard", "--today", "2025-12-01", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["today"] == "2025-12-01"
    # The trajectory has no outcome: the five-year deadline is answered, no warning.
    assert document["warnings"] == []
    assert main(["dashboard", "--today", "2025-13-01"]) == 2
    assert "not a date" in capsys.readouterr().err


def test_export_for_organisation(
    sample: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "wzc.json"
    assert main(["export", "--for-organisation", sample["wzc"], str(target)]) == 0
    assert "sharing package" in capsys.readouterr().out
    text = target.read_text(encoding="utf-8")
    assert "Geheim" not in text
    assert json.loads(text)["notes"] == []
    assert main(["export", "--for-organisation", sample["lde"], str(tmp_path / "x.json")]) == 1
    assert "not a care facility" in capsys.readouterr().err
