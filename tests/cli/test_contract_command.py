"""`zorgkoppel contract`: one agreement or all of them, as PDF files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.documents.pdf_text import pdf_info, pdf_text
from tests.documents.sample import make_sample
from zorgkoppel.cli.main import main
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.agreement_workflow import find_issue
from zorgkoppel.documents.contract import contract_file_name
from zorgkoppel.storage.opening import open_database


@pytest.fixture
def with_agreements(data_dir: Path) -> Path:
    db = open_database(data_dir)
    try:
        make_sample(ServiceContext(db))
    finally:
        db.dispose()
    return data_dir


def test_one_contract_in_its_own_language(
    with_agreements: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "so.pdf"
    assert main(["contract", "SO-2024-007", "-o", str(target)]) == 0
    pdf = target.read_bytes()
    out = capsys.readouterr().out
    assert str(target) in out and hashlib.sha256(pdf).hexdigest() in out
    assert pdf_info(pdf)["Title"].endswith("SO-2024-007")
    db = open_database(with_agreements)
    try:
        issue = find_issue(ServiceContext(db), pdf)
    finally:
        db.dispose()
    assert issue is not None and issue.language == "nl"


def test_language_chosen_at_print_time(with_agreements: Path, tmp_path: Path) -> None:
    assert main(["contract", "SO-2024-007", "--lang", "en", "-o", str(tmp_path)]) == 0
    text = pdf_text((tmp_path / "SO-2024-007-en.pdf").read_bytes())
    assert "Cooperation agreement" in text and "1 September 2024" in text


def test_all_contracts_into_a_folder(
    with_agreements: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    assert main(["contract", "--all", "-o", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "ENC-2024-002-fr.pdf", "SO-2024-007-nl.pdf", "TR-2025-001-en.pdf"]
    assert "3 contracts were written" in capsys.readouterr().out
    db = open_database(with_agreements)
    try:
        issue = find_issue(ServiceContext(db), (folder / "ENC-2024-002-fr.pdf").read_bytes())
    finally:
        db.dispose()
    assert issue is not None and issue.language == "fr"


def test_unknown_reference_is_a_clear_error(
    with_agreements: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["contract", "NOPE-9", "-o", str(tmp_path / "x.pdf")]) == 1
    assert capsys.readouterr().err.strip() == "No agreement with reference NOPE-9."
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("arguments", [["contract"], ["contract", "SO-1", "--all"],
                                       ["contract", "--all"]])
def test_wrong_combinations(
    data_dir: Path, arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(arguments) == 1
    assert capsys.readouterr().err.strip().startswith(("Give either", "With --all"))


def test_file_names_are_safe() -> None:
    assert contract_file_name("SO/2024 007", "fr") == "SO_2024_007-fr.pdf"
    assert contract_file_name("../..", "nl") == "contract-nl.pdf"
    assert contract_file_name("SO-1", "en", amendment=2) == "SO-1-2-en.pdf"
