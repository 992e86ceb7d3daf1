"""The Reports screen: the counts for a period and grouping, the same chart as the PDF, the
partnerships behind a row, and the exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QListWidget

from tests.core.services.call_2023 import call_2023_document
from tests.ui.login_support import answering
from zorgkoppel.exchange.importer import import_exchange
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.screens.reports import ReportsScreen


@pytest.fixture
def screen(ctx, qtbot) -> ReportsScreen:
    import_exchange(ctx, call_2023_document())
    shown = ReportsScreen(ctx, today=dt.date(2024, 5, 1))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def cells(screen: ReportsScreen) -> list[list[str]]:
    table = screen.table
    return [[table.item(row, column).text() for column in range(table.columnCount())]
            for row in range(table.rowCount())]


def test_per_province_with_totals_and_the_chart(screen):
    lines = cells(screen)
    assert [line[:2] for line in lines] == [["Antwerp", "6"], ["Brussels", "1"],
                                            ["Limburg", "24"], ["East Flanders", "7"],
                                            ["West Flanders", "6"], ["Total", "44"]]
    assert screen.title.text() == "Partnerships active from 1 January 2024 to 31 December 2024"
    assert b"Limburg" in screen.chart.svg and screen.chart.renderer.isValid()


def test_a_second_grouping_and_a_period_without_partnerships(screen, qtbot):
    screen.second.setCurrentIndex(screen.second.findData("phase"))
    assert screen.table.columnCount() == 7
    assert sum(int(line[2]) for line in cells(screen)[:-1]) == 44
    screen.start.setDate(QDate(2026, 1, 1))
    screen.end.setDate(QDate(2026, 12, 31))
    assert cells(screen) == [["Total", "", "0", "0", "0", "0", "0"]]
    assert b"No partnerships in this period." in screen.chart.svg


def test_an_end_before_the_start_is_explained(screen):
    screen.end.setDate(QDate(2023, 1, 1))
    assert "before it starts" in screen.message.text()
    assert screen.table.rowCount() == 0 and not screen.pdf_button.isEnabled()


def test_double_click_lists_the_partnerships_behind_a_row(screen, qtbot, monkeypatch):
    seen: list[list[str]] = []

    def read(dialog):
        names = dialog.findChild(QListWidget, "report_partnership_list")
        seen.append([names.item(i).text() for i in range(names.count())])
        dialog.reject()

    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {
        "report_partnerships": [read]}))
    screen.show_partnerships(1)  # Brussels
    assert seen == [["PT-2023-006 — Woonzorgcentrum 6 ✕ Maatwerkbedrijf 3 (Active)"]]


@pytest.mark.parametrize("kind", ["csv", "xlsx", "pdf"])
def test_the_exports_write_the_shown_report(screen, tmp_path: Path, monkeypatch, kind):
    target = tmp_path / f"report.{kind}"
    monkeypatch.setattr(dialogs, "ask_report_path", lambda parent, title, name: target)
    messages: list[str] = []
    screen.status_message.connect(messages.append)
    {"csv": screen.csv_button, "xlsx": screen.xlsx_button,
     "pdf": screen.pdf_button}[kind].click()
    assert target.stat().st_size > 100
    assert messages == [f"The report was written to {target}."]
