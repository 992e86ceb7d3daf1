"""The worker file window, its progress report and calendar file, the trajectory dialog."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDateTime, QTime

from zorgkoppel.core.rules.trajectory import IndexValueData
from zorgkoppel.core.services.index_values import list_index_values, save_index_value
from zorgkoppel.core.services.trajectories import get_trajectory, list_trajectories
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.trajectory_editor import TrajectoryDialog
from zorgkoppel.ui.trajectory_index_values import IndexValuesDialog
from zorgkoppel.ui.worker_file import WorkerFileWindow


def test_opened_from_the_workers_screen(window, sample, qtbot):
    screen = window.show_screen("workers")
    screen.select_record(sample.samir)
    assert screen.file_button.isEnabled()
    screen.file_button.click()
    file_window = screen.worker_file_window
    qtbot.addWidget(file_window)
    assert isinstance(file_window, WorkerFileWindow)
    assert file_window.title.text() == "Samir El Amrani"
    whats = [file_window.timeline_model.index(r, 1).data()
             for r in range(file_window.timeline_model.rowCount())]
    assert "Evaluation meeting" in whats
    assert "Contact moment · confidential" in whats
    assert any(w.startswith("Placed with Dagcentrum De Linde vzw") for w in whats)
    assert file_window.months_model.rowCount() == 1
    assert "Route Zuid leren" in file_window.summary.text()


def test_progress_report_and_calendar_file(ctx, sample, qtbot, tmp_path, monkeypatch):
    file_window = WorkerFileWindow(ctx, sample.samir, today=sample.today)
    qtbot.addWidget(file_window)
    file_window.report_language.setCurrentIndex(file_window.report_language.findData("fr"))
    monkeypatch.setattr(dialogs, "ask_pdf_path", lambda *a: tmp_path / "report.pdf")
    file_window.report_button.click()
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert "report.pdf" in file_window.status.text()

    assert file_window.calendar_button.isEnabled()
    start = QDateTime(sample.today + dt.timedelta(days=3), QTime(10, 30))
    monkeypatch.setattr(dialogs, "ask_meeting_time", lambda *a: start)
    monkeypatch.setattr(dialogs, "ask_calendar_path", lambda *a: tmp_path / "meeting.ics")
    file_window.calendar_button.click()
    content = (tmp_path / "meeting.ics").read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in content and "Samir El Amrani" in content
    assert "DTSTART;TZID=Europe/Brussels:" in content


def test_trajectory_dialog_computes_and_saves(ctx, sample, qtbot):
    save_index_value(ctx, IndexValueData("2018-12", Decimal("107.89")))
    save_index_value(ctx, IndexValueData("2024-08", Decimal("131.44")))
    dialog = TrajectoryDialog(ctx, sample.jonas, today=dt.date(2025, 3, 1))
    qtbot.addWidget(dialog)
    # Jonas has a trajectory in the sample without phases; fill it in.
    dialog.base_month.setText("2018-12")
    row = dialog.rows["pre_trajectory"]
    row.used.setChecked(True)
    row.start.set_date_value(dt.date(2025, 1, 6))
    assert row.indexed.text() == "€511.68"
    assert row.overrun.text() == "runs too long"  # open since 6 January, today 1 March
    row.end.set_date_value(dt.date(2025, 2, 5))
    assert row.overrun.text() == ""
    assert dialog.save()
    (trajectory,) = list_trajectories(ctx, worker_id=sample.jonas)
    data = get_trajectory(ctx, trajectory.id).data
    assert data.index_base_month == "2018-12"
    assert [(p.phase, p.start, p.end) for p in data.phases] == [
        ("pre_trajectory", dt.date(2025, 1, 6), dt.date(2025, 2, 5))]
    dialog.base_month.setText("2018-13")
    assert not dialog.save()
    assert "index_base_month" in dialog.error.text()


def test_index_values_table(ctx, qtbot):
    dialog = IndexValuesDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.add_row("2024-08", "131,44")
    dialog.add_row("2024-09", "nul")
    assert not dialog.save()
    assert "2" in dialog.error.text()
    assert [v.month for v in list_index_values(ctx)] == ["2024-08"]
    dialog.table.item(1, 1).setText("131.90")
    assert dialog.save()
    assert [(v.month, str(v.value)) for v in list_index_values(ctx)] == [
        ("2024-08", "131.44"), ("2024-09", "131.90")]
    dialog.table.setCurrentCell(0, 0)
    dialog.remove_current()
    assert dialog.save()
    assert [v.month for v in list_index_values(ctx)] == ["2024-09"]


def test_export_sharing_package_from_the_file_menu(window, sample, tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_choice", lambda parent, title, text, choices: next(
        key for key, name in choices if name == "Dagcentrum De Linde vzw"))
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: tmp_path / "linde.json")
    window.findChild(type(window.export_action), "export_sharing").trigger()
    text = (tmp_path / "linde.json").read_text(encoding="utf-8")
    assert "Rijdt zelfstandig route Noord." in text
    assert "Financiële zorgen" not in text
    assert "WZC Ter Beuken" not in text
    assert "sharing package" in window.statusBar().currentMessage()
