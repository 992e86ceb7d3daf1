"""`zorgkoppel report partnerships`: the counts of the 2023 call in table, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.core.services.call_2023 import call_2023_document
from zorgkoppel.cli.main import main
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.exchange.importer import import_exchange
from zorgkoppel.storage.opening import open_database

PERIOD = ["--from", "2024-01-01", "--to", "2024-12-31"]


@pytest.fixture
def call(data_dir: Path) -> Path:
    db = open_database(data_dir)
    try:
        import_exchange(ServiceContext(db), call_2023_document())
    finally:
        db.dispose()
    return data_dir


def test_json_per_province(call: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "partnerships", "--by", "province", *PERIOD,
                 "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["period"] == {"from": "2024-01-01", "to": "2024-12-31",
                                  "counted": "active"}
    assert {row["key"]["province"]: row["partnerships"] for row in document["rows"]} == {
        "antwerpen": 6, "brussel": 1, "limburg": 24, "oost-vlaanderen": 7,
        "west-vlaanderen": 6}
    assert document["totals"] == {"partnerships": 44, "care_facilities": 44,
                                  "se_organisations": 19, "workers": 0, "fte": "66.0"}
    assert document["se_organisations_by_kind"] == {"custom_work": 16, "local_services": 3}


def test_csv_for_excel_in_belgium(call: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "per-committee.csv"
    assert main(["--lang", "nl", "report", "partnerships", "--by", "joint_committee",
                 *PERIOD, "--format", "csv", "-o", str(target)]) == 0
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Paritair comité"
    counted = {row[0].strip().casefold(): int(row[1]) for row in rows[1:-1]}
    assert counted == {"330.01.20": 35, "319.01": 7, "331": 1, "welzijnsvereniging": 1}
    assert rows[-1][:2] == ["Totaal", "44"] and rows[-1][-1] == "66,0"


def test_table_in_french(call: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "report", "partnerships", "--by", "se_kind", *PERIOD]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Partenariats actifs du 1 janvier 2024 au 31 décembre 2024"
    assert "Entreprise de travail sur mesure (maatwerkbedrijf)" in out
    assert out.splitlines()[-1].startswith("Total")


def test_bad_input_is_explained(call: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "partnerships", "--by", "province", "--from", "2024-03-01",
                 "--to", "2024-02-01"]) == 1
    assert "ends (2024-02-01) before it starts (2024-03-01)" in capsys.readouterr().err
    assert main(["report", "partnerships", "--by", "colour"]) == 2
    assert "colour" in capsys.readouterr().err


def test_from_files_without_a_data_folder(tmp_path: Path, data_dir: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from tests.core.services.call_2023 import split_by_province

    paths = []
    for number, document in enumerate(split_by_province(call_2023_document())):
        path = tmp_path / f"partner-{number}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        paths.append(str(path))
    assert main(["report", "partnerships", "--by", "se_kind", *PERIOD, "--format", "json",
                 "--from-files", *paths]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["totals"]["partnerships"] == 44
    assert document["se_organisations_by_kind"] == {"custom_work": 16, "local_services": 3}
    assert not (data_dir / "zorgkoppel.sqlite").exists()  # the data folder was not opened
    assert main(["report", "partnerships", "--by", "se_kind", "--from-files",
                 str(tmp_path / "missing.json")]) == 1
    assert "missing.json" in capsys.readouterr().err


def test_xlsx_a_sheet_per_grouping_with_real_numbers(call: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    target = tmp_path / "report.xlsx"
    assert main(["--lang", "nl", "report", "partnerships", "--by", "province", "--by",
                 "se_kind", *PERIOD, "--format", "xlsx", "-o", str(target)]) == 0
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Provincie", "Soort SE", "Provincie × Soort SE",
                               "Samenwerkingen"]
    sheet = book["Provincie"]
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Provincie", "Samenwerkingen")
    by_province = {row[0]: row[1] for row in rows[1:6]}
    assert by_province == {"Antwerpen": 6, "Brussel": 1, "Limburg": 24,
                           "Oost-Vlaanderen": 7, "West-Vlaanderen": 6}
    assert rows[6][0] == "Totaal" and rows[6][1] == 44 and rows[6][5] == 66.0
    assert isinstance(rows[9][1], __import__("datetime").datetime)  # printed on, a real date
    assert sheet.column_dimensions["A"].width > 10
    listed = list(book["Samenwerkingen"].iter_rows(values_only=True))
    assert len(listed) == 45 and listed[1][0].startswith("PT-2023-")


def test_xlsx_needs_a_file(call: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for kind in ("xlsx", "pdf"):
        assert main(["report", "partnerships", "--by", "province", "--format", kind]) == 1
        assert "needs a file" in capsys.readouterr().err


def test_pdf_with_the_table_and_the_chart(call: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    import shutil
    import subprocess

    target = tmp_path / "report.pdf"
    assert main(["--lang", "fr", "report", "partnerships", "--by", "province", *PERIOD,
                 "--format", "pdf", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Partenariats actifs du 1 janvier 2024 au 31 décembre 2024" in text
    assert "Limbourg" in text and "Partenariats par province" in text
    assert "Total" in text and "44" in text


def test_trajectories_in_json_and_csv(data_dir: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    from zorgkoppel.demo.loading import load_demo

    db = open_database(data_dir)
    try:
        load_demo(ServiceContext(db))
    finally:
        db.dispose()
    year = ["--from", "2020-01-01", "--to", "2030-12-31"]
    assert main(["report", "trajectories", *year, "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["started"] == 1 and sum(document["outcomes"].values()) == 1
    assert sum(document["phase_reached"].values()) == 1
    target = tmp_path / "trajectories.csv"
    assert main(["--lang", "nl", "report", "trajectories", *year, "--format", "csv", "-o",
                 str(target)]) == 0
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig")),
                           delimiter=";"))
    assert rows[1] == ["Gestart", "1"] and rows[-1][0] == "Begeleidingsuren"
