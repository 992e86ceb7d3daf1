"""The window's lists show what the role may see, nothing more (README "Who may see what")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.actors import acting_for
from tests.matrix_world import build_world
from tests.ui.conftest import discard_edits
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.settings import Settings
from zorgkoppel.ui.main_window import MainWindow


def all_text(screen) -> str:
    model = screen.model
    return "\n".join(
        str(model.index(row, column).data() or "")
        for row in range(model.rowCount()) for column in range(model.columnCount())
    )


@pytest.fixture
def open_as(qtbot, ctx: ServiceContext, data_dir: Path):
    world = build_world(ctx)

    def make(organisation: str, role: str) -> MainWindow:
        actor_ctx = acting_for(ctx, getattr(world, organisation), role)
        window = MainWindow(actor_ctx, data_dir, Settings(language="en", demo_offered=True))
        qtbot.addWidget(window, before_close_func=discard_edits)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.mark.parametrize("role", ["coordinator", "viewer"])
def test_a_care_facility_sees_its_placed_worker_and_shared_notes_only(open_as, qtbot, role):
    window = open_as("beuken", role)
    assert [r.reference for r in window.show_screen("agreements").model.rows()] == [
        "SO-beuken-buurtwerk"]
    assert [w.first_name for w in window.show_screen("workers").model.rows()] == ["Samir"]
    notes = window.show_screen("notes")
    assert all_text(notes).count("shared samir") == 1
    for hidden in ("confidential", "jonas", "els", "Jonas", "Els"):
        assert hidden not in all_text(notes)
    qtbot.keyClicks(notes.search, "confidential")
    qtbot.waitUntil(lambda: notes.model.rowCount() == 0)
    roster = window.show_screen("roster")
    sites = [roster.site.itemText(i) for i in range(roster.site.count())]
    assert sites == ["WZC Ter Beuken"]  # never another facility's roster
    organisations = all_text(window.show_screen("organisations"))
    assert "Maatwerk Schelde" not in organisations and "De Linde" not in organisations


@pytest.mark.parametrize("role", ["job_coach", "viewer"])
def test_an_enterprise_sees_its_workers_with_all_their_notes(open_as, qtbot, role):
    window = open_as("buurtwerk", role)
    assert sorted(r.reference for r in window.show_screen("agreements").model.rows()) == [
        "SO-beuken-buurtwerk", "SO-linde-buurtwerk"]
    assert sorted(w.first_name for w in window.show_screen("workers").model.rows()) == [
        "Jonas", "Samir"]
    notes = all_text(window.show_screen("notes"))
    for seen in ("shared samir", "confidential samir", "shared jonas", "confidential jonas"):
        assert seen in notes
    assert "els" not in notes and "Els" not in notes
    roster = window.show_screen("roster")
    sites = sorted(roster.site.itemText(i) for i in range(roster.site.count()))
    assert sites == ["Dagcentrum De Linde", "WZC Ter Beuken"]  # partners, read only
