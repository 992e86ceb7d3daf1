"""The Overview and the read-only lists: search, filters, sorting and the detail pane."""

from __future__ import annotations

from PySide6.QtCore import Qt

from zorgkoppel.ui.screens.agreements import AgreementsScreen
from zorgkoppel.ui.screens.notes import NotesScreen
from zorgkoppel.ui.screens.overview import OverviewScreen
from zorgkoppel.ui.screens.roster import RosterScreen


def column_texts(screen, column: int) -> list[str]:
    model = screen.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_overview_shows_the_figures_and_lists(window, sample, qtbot):
    overview = window.screen("overview")
    assert isinstance(overview, OverviewScreen)
    overview.refresh()
    assert overview.organisations.figure.text() == "5"
    assert overview.workers.figure.text() == "3"
    assert overview.agreements.figure.text() == "1"
    assert overview.unfilled.figure.text() == "2"
    assert overview.overdue.figure.text() == "1"
    assert overview.ending.model.rows()[0].reference == "SO-2024-007"
    assert overview.ending.stack.currentWidget() is overview.ending.table
    assert [r.worker for r in overview.deadlines.model.rows()] == ["Samir El Amrani"]
    assert overview.notes.model.rowCount() == 2


def test_overview_says_so_when_a_list_is_empty(window):
    overview = window.screen("overview")
    assert overview.ending.stack.currentWidget() is overview.ending.empty
    assert overview.ending.empty.text() == "No agreement in force ends within 90 days."


def test_double_click_in_the_overview_opens_the_record(window, sample, qtbot):
    overview = window.screen("overview")
    overview.refresh()
    index = overview.ending.model.index(0, 0)
    overview.ending.table.doubleClicked.emit(index)
    screen = window.current_screen()
    assert isinstance(screen, AgreementsScreen)
    assert screen.current_row().id == sample.active


def test_agreements_search_filter_sort_and_details(window, sample, qtbot):
    screen = window.show_screen("agreements")
    assert screen.model.rowCount() == 3
    assert screen.count_label.text() == "3 agreements"

    qtbot.keyClicks(screen.search, "schelde")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    screen.search.clear()
    screen.refresh()

    screen.status_filter.set_code("draft")
    assert column_texts(screen, 0) == ["SO-2025-001"]
    screen.status_filter.set_code(None)
    screen.phase_filter.set_code("transition")
    assert column_texts(screen, 0) == ["DS-2022-003"]
    screen.phase_filter.set_code(None)

    end_column = 6
    screen.table.sortByColumn(end_column, Qt.SortOrder.AscendingOrder)
    assert column_texts(screen, 0) == ["DS-2022-003", "SO-2024-007", "SO-2025-001"]
    screen.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert column_texts(screen, 0) == ["SO-2025-001", "SO-2024-007", "DS-2022-003"]

    screen.select_record(sample.active)
    text = screen.detail.toPlainText()
    for expected in ("SO-2024-007", "Stad Dendermonde", "An Peeters", "Greet Claes",
                     "Driver — Ophalen en terugbrengen", "every 8 weeks", "€17.50",
                     "Samir El Amrani", "Bijhuis Oost"):
        assert expected in text


def test_roster_shows_unfilled_places_and_the_posts_of_a_day(window, sample):
    screen = window.show_screen("roster")
    assert isinstance(screen, RosterScreen)
    assert screen.model.rowCount() == 2
    screen.unfilled_only.setChecked(True)
    assert [r.id for r in screen.model.rows()] == [sample.today_day]
    screen.select_record(sample.today_day)
    text = screen.detail.toPlainText()
    assert "07:30–09:30 Driver (Route Noord): Samir El Amrani [With companion] (pinned)" in text
    assert "1 place unfilled" in text
    assert "Jonas Wouters: Sick" in text
    screen.site_filter.set_code(sample.linde)
    assert screen.model.rowCount() == 1


def test_notes_filters_and_the_note_itself(window, sample):
    screen = window.show_screen("notes")
    assert isinstance(screen, NotesScreen)
    assert screen.model.rowCount() == 2
    screen.visibility_filter.set_code("enterprise_only")
    assert [r.id for r in screen.model.rows()] == [sample.confidential_note]
    screen.visibility_filter.set_code(None)
    screen.kind_filter.set_code("evaluation_meeting")
    assert [r.id for r in screen.model.rows()] == [sample.shared_note]
    screen.select_record(sample.shared_note)
    text = screen.detail.toPlainText()
    assert "Evaluation meeting with Samir El Amrani" in text
    assert "Punctuality" in text
    assert "Route Zuid leren — owner: Greet Claes" in text


def test_ctrl_f_puts_the_cursor_in_the_search_field(window, qtbot):
    screen = window.show_screen("notes")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(screen.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(screen.search.hasFocus)
