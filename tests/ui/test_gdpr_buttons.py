"""The worker file's GDPR buttons: export the person's data, erase the person (admins)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.core.listing_data import Sample
from tests.ui.conftest import type_text
from zorgkoppel.core.context import Actor, ServiceContext
from zorgkoppel.core.models import Note, Worker
from zorgkoppel.storage.backup import make_backup
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.gdpr_buttons import ErasureDialog
from zorgkoppel.ui.main_window import MainWindow
from zorgkoppel.ui.worker_file import WorkerFileWindow


def _messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "inform", lambda _parent, title, text: shown.append(
        (title, text)))
    return shown


def test_export_writes_the_three_files(ctx: ServiceContext, sample: Sample, qtbot: Any,
                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file_window = WorkerFileWindow(ctx, sample.samir, today=sample.today)
    qtbot.addWidget(file_window)
    monkeypatch.setattr(dialogs, "ask_folder", lambda *a: tmp_path / "out")
    shown = _messages(monkeypatch)
    assert file_window.gdpr.export_button is not None
    qtbot.mouseClick(file_window.gdpr.export_button, Qt.MouseButton.LeftButton)
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(written) == 3
    assert any(name.endswith(".pdf") for name in written)
    assert (tmp_path / "out" / f"{sample.samir}-personal-data.pdf").read_bytes().startswith(
        b"%PDF")
    [(title, text)] = shown
    assert title == "Personal data exported"
    assert all(name in text for name in written)
    assert "not encrypted" in text


def test_no_erase_button_for_others_than_administrators(
    ctx: ServiceContext, sample: Sample, qtbot: Any
) -> None:
    coach = ServiceContext(ctx.db, Actor("an", role="job_coach",
                                         organisation_ids=frozenset({sample.buurtwerk}),
                                         side="enterprise"))
    file_window = WorkerFileWindow(coach, sample.samir, today=sample.today)
    qtbot.addWidget(file_window)
    assert file_window.gdpr.erase_button is None
    assert file_window.findChild(type(file_window.report_button), "gdpr_erase") is None
    # The employer's job coach may still give the person their data.
    assert file_window.gdpr.export_button is not None


def test_erasing_needs_the_name_typed_and_removes_the_person_everywhere(
    window: MainWindow, ctx: ServiceContext, sample: Sample, qtbot: Any, data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_backup(data_dir)
    screen = window.show_screen("workers")
    screen.select_record(sample.samir)
    screen.file_button.click()
    file_window = screen.worker_file_window
    qtbot.addWidget(file_window)
    seen: dict[str, Any] = {}

    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, ErasureDialog)
        seen["preview"] = dialog.preview.text()
        seen["backups"] = dialog.backups_label.text()
        assert not dialog.erase_button.isEnabled()
        type_text(dialog.typed, "Samir El")
        assert not dialog.erase_button.isEnabled()
        type_text(dialog.typed, " Amrani")
        assert dialog.erase_button.isEnabled()
        assert dialog.purge.isChecked()
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(dialogs, "exec_dialog", answer)
    shown = _messages(monkeypatch)
    assert file_window.gdpr.erase_button is not None
    qtbot.mouseClick(file_window.gdpr.erase_button, Qt.MouseButton.LeftButton)
    assert "Notes: 2" in seen["preview"] and "Roster assignments: 1" in seen["preview"]
    assert seen["backups"].endswith(": 1")
    [(title, text)] = shown
    assert title == "Erased" and "Samir El Amrani was erased." in text
    assert "Backups rewritten without the person: 1" in text
    assert not file_window.isVisible()
    with ctx.db.session() as session:
        assert session.get(Worker, sample.samir) is None
        assert session.get(Note, sample.shared_note) is None
    assert sample.samir not in [row.id for row in screen.rows_shown()]
    assert screen.form.record_id != sample.samir


def test_cancelling_the_erasure_changes_nothing(
    ctx: ServiceContext, sample: Sample, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    file_window = WorkerFileWindow(ctx, sample.samir, today=sample.today)
    qtbot.addWidget(file_window)
    monkeypatch.setattr(dialogs, "exec_dialog", lambda dialog: QDialog.DialogCode.Rejected)
    assert file_window.gdpr.erase_button is not None
    file_window.gdpr.erase_button.click()
    with ctx.db.session() as session:
        assert session.get(Worker, sample.samir) is not None
