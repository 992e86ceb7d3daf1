"""Two people edit the same worker: the second save shows both versions side by side, and
each choice (keep mine, take theirs, merge) stores what it says."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from tests.ui.conftest import type_text
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.workers import get_worker, save_worker
from zorgkoppel.storage.opening import open_database
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.edit_conflict_dialog import COLUMN_MINE, COLUMN_THEIRS, EditConflictDialog
from zorgkoppel.ui.screens.workers import WorkersScreen


@pytest.fixture
def colleague(data_dir: Path) -> Iterator[ServiceContext]:
    """A second user on the same data, in their own connection."""
    db = open_database(data_dir)
    yield ServiceContext(db)
    db.dispose()


def _two_edits(window, sample, colleague: ServiceContext) -> WorkersScreen:
    """This window changes Samir's first name and Dutch level; meanwhile the colleague
    saves a new last name and Dutch level."""
    screen = window.show_screen("workers")
    screen.select_record(sample.samir)
    form = screen.form
    form.first_name.clear()
    type_text(form.first_name, "Sami")
    form.dutch_level.set_code("B2")
    assert screen.is_dirty()
    theirs = get_worker(colleague, sample.samir)
    save_worker(colleague, replace(theirs.as_data(), last_name="El Amrani-Peeters",
                                   dutch_level="C1"),
                sample.samir, expected_version=theirs.worker.version)
    return screen


def _answer(monkeypatch, qtbot, button: str, untick: tuple[str, ...] = ()) -> list:
    seen: list[EditConflictDialog] = []

    def answer(dialog: EditConflictDialog) -> int:
        seen.append(dialog)
        table: QTableWidget = dialog.table
        rows = {table.item(r, 0).text(): (table.item(r, COLUMN_MINE).text(),
                                          table.item(r, COLUMN_THEIRS).text())
                for r in dialog.differing_rows()}
        assert rows == {"First name": ("Sami", "Samir"),
                        "Last name": ("El Amrani", "El Amrani-Peeters"),
                        "Dutch level": ("B2", "C1")}
        # The differing rows stand out; an equal one does not.
        differing = dialog.differing_rows()
        same = next(r for r in range(table.rowCount()) if r not in differing)
        assert table.item(differing[0], 0).font().bold()
        assert not table.item(same, 0).font().bold()
        for name in untick:
            dialog.keep_boxes[name].setChecked(False)
        qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(dialogs, "exec_dialog", answer)
    return seen


def test_keep_mine_stores_the_form_over_the_colleagues_change(
    window, sample, ctx, colleague, qtbot, monkeypatch
) -> None:
    screen = _two_edits(window, sample, colleague)
    seen = _answer(monkeypatch, qtbot, "keep_mine_button")
    assert screen.save_record()
    assert len(seen) == 1
    stored = get_worker(ctx, sample.samir).worker
    assert (stored.first_name, stored.last_name, stored.dutch_level) == ("Sami", "El Amrani", "B2")
    assert not screen.is_dirty()


def test_take_theirs_reloads_the_stored_worker(
    window, sample, ctx, colleague, qtbot, monkeypatch
) -> None:
    screen = _two_edits(window, sample, colleague)
    _answer(monkeypatch, qtbot, "take_theirs_button")
    screen.save_record()
    stored = get_worker(ctx, sample.samir).worker
    assert (stored.first_name, stored.last_name, stored.dutch_level) == (
        "Samir", "El Amrani-Peeters", "C1")
    assert screen.form.last_name.text() == "El Amrani-Peeters"
    assert screen.form.first_name.text() == "Samir"
    assert not screen.is_dirty()


def test_merge_keeps_mine_where_ticked_and_theirs_elsewhere(
    window, sample, ctx, colleague, qtbot, monkeypatch
) -> None:
    screen = _two_edits(window, sample, colleague)
    _answer(monkeypatch, qtbot, "merge_button", untick=("last_name", "dutch_level"))
    assert screen.save_record()
    stored = get_worker(ctx, sample.samir).worker
    assert (stored.first_name, stored.last_name, stored.dutch_level) == (
        "Sami", "El Amrani-Peeters", "C1")
    assert screen.form.first_name.text() == "Sami"


def test_cancel_keeps_what_was_typed_and_saves_nothing(
    window, sample, ctx, colleague, qtbot, monkeypatch
) -> None:
    screen = _two_edits(window, sample, colleague)
    monkeypatch.setattr(dialogs, "exec_dialog", lambda dialog: dialog.reject() or 0)
    assert not screen.save_record()
    assert screen.form.first_name.text() == "Sami" and screen.is_dirty()
    assert "changed by someone else" in screen.form.general_error.text()
    assert get_worker(ctx, sample.samir).worker.first_name == "Samir"


def test_a_person_changed_meanwhile_is_merged_in_the_person_dialog(
    window, sample, ctx, colleague, qtbot, monkeypatch
) -> None:
    from zorgkoppel.core.rules.organisation import PersonData
    from zorgkoppel.core.services.organisations import get_person, save_person
    from zorgkoppel.ui.forms.person_dialog import PersonDialog

    dialog = PersonDialog(ctx, sample.buurtwerk, sample.coach)
    qtbot.addWidget(dialog)
    dialog.phone.setText("052 11 22 33")
    theirs = get_person(colleague, sample.coach)
    save_person(colleague, PersonData(theirs.name, theirs.organisation_id, theirs.role,
                                      "an@buurtwerk.be", theirs.phone),
                sample.coach, expected_version=theirs.version)

    def merge(conflict_dialog: EditConflictDialog) -> int:
        assert set(conflict_dialog.keep_boxes) == {"email", "phone"}
        conflict_dialog.keep_boxes["email"].setChecked(False)
        qtbot.mouseClick(conflict_dialog.merge_button, Qt.MouseButton.LeftButton)
        return conflict_dialog.result()

    monkeypatch.setattr(dialogs, "exec_dialog", merge)
    dialog.save()
    stored = get_person(ctx, sample.coach)
    assert (stored.email, stored.phone) == ("an@buurtwerk.be", "052 11 22 33")
    assert dialog.result() == 1
