"""Notes through the editor: a new note with scores and actions, sign-off locks it, addenda."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime

from tests.ui.conftest import type_text
from zorgkoppel.core.services.note_signoff import list_addenda
from zorgkoppel.core.services.notes import get_note, list_notes
from zorgkoppel.core.services.overview import overview
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.screens.notes import NotesScreen


def open_screen(window) -> NotesScreen:
    screen = window.show_screen("notes")
    assert isinstance(screen, NotesScreen)
    return screen


def test_write_a_note_with_scores_actions_and_participants(window, sample, ctx):
    screen = open_screen(window)
    screen.new_record()
    form = screen.form
    assert form.visibility.code() == "enterprise_only"  # confidential unless said otherwise
    form.worker.set_code(sample.els)
    form.day.set_date_value(dt.date(2025, 3, 4))
    form.time.setTime(QTime(14, 30))
    form.kind.set_code("performance_meeting")
    form.duration.setValue(50)
    form.author.set_code(sample.coach)
    form.agreement.set_code(sample.ended)
    for i in range(form.participants.count()):
        item = form.participants.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in (sample.coach, sample.nurse):
            item.setCheckState(Qt.CheckState.Checked)
    type_text(form.summary, "Werkt zelfstandig in de keuken; één keer te laat.")
    score = form.score_combos["punctuality"]
    score.setCurrentIndex(score.findData("2"))
    pace = form.score_combos["pace"]
    pace.setCurrentIndex(pace.findData("0"))
    form.findChild(type(form.sign_off_button), "add_action").click()
    type_text(form.actions.cellWidget(0, 0), "Wekker zetten")
    form.actions.cellWidget(0, 2).set_date_value(dt.date(2025, 3, 11))
    assert screen.save_record()

    (note,) = [n for n in list_notes(ctx, worker_id=sample.els)]
    data = get_note(ctx, note.id).data
    assert data.kind == "performance_meeting" and data.start_time == dt.time(14, 30)
    assert data.duration_minutes == 50 and data.agreement_id == sample.ended
    assert set(data.participant_ids) == {sample.coach, sample.nurse}
    assert data.scores == {"punctuality": 2, "pace": None}
    assert [(a.description, a.due) for a in data.actions] == [
        ("Wekker zetten", dt.date(2025, 3, 11))]
    assert data.summary == "Werkt zelfstandig in de keuken; één keer te laat."


def test_a_missing_worker_is_shown_next_to_the_field(window, sample):
    screen = open_screen(window)
    screen.new_record()
    type_text(screen.form.summary, "x")
    assert not screen.save_record()
    assert screen.form.findChild(type(screen.form.locked_label), "error_worker").text()


def test_sign_off_locks_the_note_and_addenda_follow(window, sample, ctx, monkeypatch):
    screen = open_screen(window)
    screen.select_record(sample.shared_note)
    form = screen.form
    assert form.sign_off_button.isEnabled() and not form.addenda_box.isVisible()
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)
    form.sign_off_button.click()
    assert get_note(ctx, sample.shared_note).note.signed_off_at is not None
    assert not form.sign_off_button.isEnabled()
    assert form.summary.isReadOnly() and not form.actions.isEnabled()
    assert "locked" in form.locked_label.text()
    assert form.addenda_box.isVisible()
    type_text(form.addendum_text, "Correctie: route Zuid.")
    form.add_addendum_button.click()
    assert [a.text for a in list_addenda(ctx, sample.shared_note)] == ["Correctie: route Zuid."]
    assert "Correctie: route Zuid." in form.addenda.text()
    assert not form.is_dirty()


def test_the_overview_lists_warnings_that_open_their_record(window, sample, ctx):
    overview_screen = window.screen("overview")
    overview_screen.refresh()
    rows = overview_screen.warnings.model.rows()
    assert {w.kind for w in rows} >= {"agreement_expiring", "integration_deadline",
                                      "action_overdue"}
    assert len(rows) == len(overview(ctx, sample.today).warnings)
    row = next(i for i, w in enumerate(rows) if w.kind == "action_overdue")
    overview_screen.warnings.table.doubleClicked.emit(overview_screen.warnings.model.index(row, 0))
    screen = window.current_screen()
    assert isinstance(screen, NotesScreen)
    assert screen.form.record_id == sample.shared_note


def test_own_work_attitude_items(window, sample, ctx, qtbot):
    from zorgkoppel.core.services.score_items import list_score_items
    from zorgkoppel.ui.score_items_dialog import SHOWN, ScoreItemsDialog

    screen = open_screen(window)
    screen.score_items_button.click()
    dialog = screen.score_items_dialog
    assert isinstance(dialog, ScoreItemsDialog)
    assert dialog.table.rowCount() == 6
    dialog.table.item(5, SHOWN).setCheckState(Qt.CheckState.Unchecked)  # hide "pace"
    dialog.add_row("", "Hygiëne", True, builtin=False)
    assert not dialog.save()  # an own item needs a code
    dialog.table.item(6, 0).setText("hygiene")
    assert dialog.save()
    items = {i.code: i for i in list_score_items(ctx)}
    assert not items["pace"].active and items["hygiene"].label == "Hygiëne"
    assert items["punctuality"].label == "Punctuality"
    dialog.close()
    screen.new_record()
    assert "hygiene" in screen.form.score_combos and "pace" not in screen.form.score_combos
