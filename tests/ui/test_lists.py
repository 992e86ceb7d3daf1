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
    warnings = [(w.kind, w.subject) for w in overview.warnings.model.rows()]
    assert ("agreement_expiring", sample.active) in warnings
    assert ("integration_deadline", sample.samir) in warnings
    assert ("action_overdue", sample.shared_note) in warnings
    assert overview.warnings.stack.currentWidget() is overview.warnings.table
    assert overview.notes.model.rowCount() == 2


def test_overview_says_so_when_a_list_is_empty(window):
    overview = window.screen("overview")
    assert overview.warnings.stack.currentWidget() is overview.warnings.empty
    assert overview.warnings.empty.text() == "Nothing is due or overdue."


def test_double_click_in_the_overview_opens_the_record(window, sample, qtbot):
    overview = window.screen("overview")
    overview.refresh()
    rows = overview.warnings.model.rows()
    row = next(i for i, w in enumerate(rows) if w.kind == "agreement_expiring")
    index = overview.warnings.model.index(row, 0)
    overview.warnings.table.doubleClicked.emit(index)
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
    screen.select_record(sample.today_day)
    posts = {item.text(0): item for item in screen.posts.post_items()}
    driver = posts["07:30–09:30  Driver — Route Noord"]
    assert driver.text(1) == "0/1"  # Samir drives with a companion: he does not count
    assert driver.child(0).text(0) == "Samir El Amrani (learner, pinned)"
    assert posts["10:00–14:00  Kitchen"].text(1) == "1/2"
    statuses = {screen.presence.item(row, 0).text():
                screen.presence.cellWidget(row, 1).currentText()
                for row in range(screen.presence.rowCount())}
    assert statuses["Jonas Wouters"] == "Sick"
    assert "Route Noord liep vlot." in screen.yesterday.toPlainText()


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
    form = screen.form
    assert form.worker.currentText() == "Samir El Amrani"
    assert form.summary.toPlainText().startswith("Rijdt zelfstandig route Noord.")
    assert form.score_combos["punctuality"].currentText() == "4 very good"
    assert form.actions.actions()[0].description == "Route Zuid leren"


def test_ctrl_f_puts_the_cursor_in_the_search_field(window, qtbot):
    screen = window.show_screen("notes")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(screen.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(screen.search.hasFocus)
