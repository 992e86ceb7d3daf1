"""The planning screen: moves checked at once, undo/redo, Suggest, check-in, save, print."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt, QTime
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog

from tests.documents.pdf_text import pdf_text
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.rules.organisation import OrganisationData
from zorgkoppel.core.rules.roster import PostData, PresenceData, RosterDayData
from zorgkoppel.core.rules.worker import SkillData, WorkerData
from zorgkoppel.core.services.organisations import save_organisation
from zorgkoppel.core.services.roster import get_roster_day, save_roster_day
from zorgkoppel.core.services.roster_planning import save_template, template_posts
from zorgkoppel.core.services.skill_progression import record_skill_level, skill_history
from zorgkoppel.core.services.workers import save_worker
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.dialogs import UnsavedChoice
from zorgkoppel.ui.roster_board_widgets import worker_mime
from zorgkoppel.ui.screens.roster import RosterScreen

DAY = dt.date(2024, 10, 8)  # a Tuesday


@dataclass(frozen=True)
class Site:
    site: str
    samir: str  # independent driver
    els: str  # kitchen only
    lea: str  # drives with a companion, for four weeks already


@pytest.fixture
def site(ctx: ServiceContext) -> Site:
    site = save_organisation(ctx, OrganisationData("Dagcentrum De Linde", "care_facility"))
    lde = save_organisation(ctx, OrganisationData("Buurtwerk", "local_services")).value.id

    def worker(first: str, skills: list[SkillData], licence: bool = False) -> str:
        return save_worker(ctx, WorkerData(first, "Peeters", lde, "local_services",
                                           dutch_level="B1", driving_licence=licence,
                                           skills=skills)).value.id

    samir = worker("Samir", [SkillData("driver", "independent")], licence=True)
    els = worker("Els", [SkillData("kitchen", "independent")])
    lea = worker("Lea", [], licence=True)
    record_skill_level(ctx, lea, "driver", "with_companion", DAY - dt.timedelta(weeks=4))
    save_roster_day(ctx, RosterDayData(
        site.value.id, DAY,
        posts=[PostData("route", "driver", dt.time(7, 30), dt.time(9, 30), 1, "Route Noord"),
               PostData("kitchen", "kitchen", dt.time(10), dt.time(14), 1)],
        presence=[PresenceData(w, "present") for w in (samir, els, lea)],
        review=None,
    ))
    return Site(site.value.id, samir, els, lea)


@pytest.fixture
def screen(window, site: Site) -> RosterScreen:  # type: ignore[no-untyped-def]
    screen = window.show_screen("roster")
    assert isinstance(screen, RosterScreen)
    screen.show_day(site.site, DAY)
    return screen


def placed(screen: RosterScreen) -> dict[str, list[str]]:
    return {item.data(0, Qt.ItemDataRole.UserRole)[1]:
            [item.child(i).text(0) for i in range(item.childCount())]
            for item in screen.posts.post_items()}


def post_item(screen: RosterScreen, key: str):  # type: ignore[no-untyped-def]
    return next(i for i in screen.posts.post_items()
                if i.data(0, Qt.ItemDataRole.UserRole)[1] == key)


def drop(screen: RosterScreen, worker: str, post: str, from_post: str = "") -> None:
    """A real drop event on the post's row, as Qt delivers it at the end of a drag."""
    rect = screen.posts.visualItemRect(post_item(screen, post))
    mime = worker_mime(worker, from_post)  # the event does not own it: keep it alive
    event = QDropEvent(QPointF(rect.center()), Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    screen.posts.dropEvent(event)
    assert event.isAccepted()


def test_the_day_opens_with_presence_posts_and_the_three_week_hint(screen, site):
    assert placed(screen) == {"route": [], "kitchen": []}
    assert screen.presence.rowCount() == 3
    assert screen.people.count() == 3
    assert screen.hints.text() == (
        "Lea Peeters has done 'Driver' with a companion for 4 weeks: ready to go alone?")
    people = [screen.people.item(i).text() for i in range(screen.people.count())]
    assert "Lea Peeters · Driver: With companion" in people


def test_a_drop_that_breaks_a_rule_is_refused_with_the_reason(screen, site):
    drop(screen, site.els, "route")
    assert placed(screen)["route"] == []
    assert screen.message.text().startswith("Not possible: ")
    assert screen.message.text() == (
        "Not possible: worker Els Peeters has no skill for task 'Driver'")
    assert not screen.is_dirty()
    drop(screen, site.lea, "route")  # a learner alone on the route
    assert "needs an independent colleague" in screen.message.text()


def test_drop_then_undo_and_redo(screen, site, qtbot):
    drop(screen, site.samir, "route")
    assert placed(screen)["route"] == ["Samir Peeters"]
    assert post_item(screen, "route").text(1) == "1/1"
    drop(screen, site.lea, "route")
    assert placed(screen)["route"] == ["Samir Peeters", "Lea Peeters (learner)"]
    assert screen.is_dirty()

    screen.posts.setFocus()
    qtbot.keyClick(screen.posts, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert placed(screen)["route"] == ["Samir Peeters"]
    screen.undo_action.trigger()
    assert placed(screen)["route"] == []
    assert not screen.is_dirty()
    screen.redo_action.trigger()
    screen.redo_action.trigger()
    assert placed(screen)["route"] == ["Samir Peeters", "Lea Peeters (learner)"]


def test_moving_from_one_post_to_another_is_one_step(screen, site):
    drop(screen, site.els, "kitchen")
    drop(screen, site.els, "route", from_post="kitchen")  # refused: no driver skill
    assert placed(screen) == {"route": [], "kitchen": ["Els Peeters"]}


def test_keyboard_assign_pin_and_remove(screen, site, qtbot, window):
    screen.people.setCurrentRow(
        next(i for i in range(screen.people.count())
             if screen.people.item(i).data(Qt.ItemDataRole.UserRole) == site.els))
    screen.posts.select("kitchen")
    screen.posts.setFocus()
    qtbot.keyClick(screen.posts, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert placed(screen)["kitchen"] == ["Els Peeters"]
    screen.posts.select("kitchen", site.els)
    qtbot.keyClick(screen.posts, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert placed(screen)["kitchen"] == ["Els Peeters (pinned)"]
    assert window.delete_action.isEnabled()
    window.delete_action.trigger()
    assert placed(screen)["kitchen"] == []


def test_suggest_fills_the_day_with_reasons_and_undoes_in_one_step(screen, site):
    screen.suggest_button.click()
    assert placed(screen) == {"route": ["Samir Peeters", "Lea Peeters (learner)"],
                              "kitchen": ["Els Peeters"]}
    assert screen.message.text() == "Suggestion: 2 of 2 places filled."
    route = post_item(screen, "route")
    assert route.child(1).text(2) == "learns next to Samir Peeters"
    screen.undo_action.trigger()
    assert placed(screen) == {"route": [], "kitchen": []}


def test_suggest_explains_an_open_place(screen, site):
    screen.editor.set_presence(site.samir, "sick", None, None)
    screen.suggest()
    route = post_item(screen, "route")
    assert route.text(1) == "0/1"
    assert route.text(2) == "nobody present is independent on 'Driver'"


def test_checking_someone_out_frees_their_posts_and_undoes(screen, site):
    drop(screen, site.samir, "route")
    row = next(r for r in range(3) if screen.presence.item(r, 0).text() == "Samir Peeters")
    status = screen.presence.cellWidget(row, 1)
    status.setCurrentIndex(status.findData("sick"))
    status.activated.emit(status.currentIndex())
    assert placed(screen)["route"] == []
    assert screen.people.count() == 2
    screen.undo_action.trigger()
    assert placed(screen)["route"] == ["Samir Peeters"]


def test_save_stores_the_plan_and_the_review(screen, site, ctx, window):
    drop(screen, site.samir, "route")
    screen.review.setPlainText("Route Noord liep vlot.")
    assert window.save_action.isEnabled()
    window.save_action.trigger()
    assert not screen.is_dirty()
    stored = get_roster_day(ctx, site.site, DAY).data
    assert [(a.post_key, a.worker_id) for a in stored.assignments] == [("route", site.samir)]
    assert stored.review == "Route Noord liep vlot."


def test_leaving_a_changed_day_asks_first(screen, site, monkeypatch):
    drop(screen, site.samir, "route")
    monkeypatch.setattr(dialogs, "ask_unsaved_changes", lambda parent: UnsavedChoice.CANCEL)
    screen.date.setDate(screen.date.date().addDays(1))
    assert screen.day() == DAY  # stayed, with the change
    assert placed(screen)["route"] == ["Samir Peeters"]
    monkeypatch.setattr(dialogs, "ask_unsaved_changes", lambda parent: UnsavedChoice.DISCARD)
    screen.date.setDate(screen.date.date().addDays(1))
    assert screen.day() == DAY + dt.timedelta(days=1)


def test_a_new_day_starts_from_the_weekly_template(screen, site, ctx):
    wednesday = DAY + dt.timedelta(days=1)
    save_template(ctx, site.site, wednesday.weekday(),
                  [PostData("anim", "animation", dt.time(13), dt.time(15), 2, None)])
    screen.show_day(site.site, wednesday)
    assert placed(screen) == {"anim": []}
    assert screen.message.text().startswith("Not planned yet")
    assert not screen.is_dirty()  # only looked at: leaving it asks nothing
    screen.copy_previous()
    assert placed(screen) == {"route": [], "kitchen": []}
    screen.save_record()
    assert get_roster_day(ctx, site.site, wednesday).data.posts == get_roster_day(
        ctx, site.site, DAY).data.posts


def test_print_the_day_plan_and_the_week(screen, site, monkeypatch, tmp_path: Path):
    drop(screen, site.samir, "route")
    monkeypatch.setattr(dialogs, "ask_unsaved_changes", lambda parent: UnsavedChoice.SAVE)
    target = tmp_path / "plan.pdf"
    monkeypatch.setattr(dialogs, "ask_pdf_path", lambda parent, title, name: target)
    screen.print_day()
    text = pdf_text(target.read_bytes())
    assert "Route Noord" in text and "Samir Peeters" in text
    week = tmp_path / "week.pdf"
    monkeypatch.setattr(dialogs, "ask_pdf_path", lambda parent, title, name: week)
    screen.print_week()
    assert "Week overview Dagcentrum De Linde" in pdf_text(week.read_bytes())




def test_check_in_a_worker_the_agreements_did_not_list(screen, site, ctx):
    lde = save_organisation(ctx, OrganisationData("Maatwerk", "custom_work")).value.id
    extra = save_worker(ctx, WorkerData("Nora", "Claes", lde, "custom_work",
                                        skills=[SkillData("kitchen", "independent")])).value.id
    screen.refresh()
    assert screen.check_in.itemText(0) == "Check in another worker…"
    index = screen.check_in.findData(extra)
    screen.check_in.setCurrentIndex(index)
    screen.check_in.activated.emit(index)
    assert screen.presence.rowCount() == 4
    drop(screen, extra, "kitchen")
    assert placed(screen)["kitchen"] == ["Nora Claes"]
    screen.undo_action.trigger()
    screen.undo_action.trigger()
    assert screen.presence.rowCount() == 3


def test_add_and_remove_a_post_and_keep_the_posts_as_template(screen, site, ctx, monkeypatch):
    def fill(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.task.set_code("kitchen")
        dialog.start.setTime(QTime(15, 0))
        dialog.end.setTime(QTime(14, 0))  # before the start: refused
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "exec_dialog", fill)
    screen.add_post()
    assert list(placed(screen)) == ["route", "kitchen"]
    assert screen.message.text() == "Not possible: must be later than the start"

    def fill_well(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.task.set_code("kitchen")
        dialog.start.setTime(QTime(14, 0))
        dialog.end.setTime(QTime(16, 0))
        dialog.label.setText("Afwas")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "exec_dialog", fill_well)
    screen.add_post()
    assert list(placed(screen)) == ["route", "kitchen", "kitchen-2"]
    assert post_item(screen, "kitchen-2").text(0) == "14:00–16:00  Kitchen — Afwas"
    screen.save_as_template()
    assert screen.message.text() == "These posts are now the template for every Tuesday."
    assert [p.key for p in template_posts(ctx, site.site, DAY.weekday())] == [
        "route", "kitchen", "kitchen-2"]

    screen.posts.select("route")
    screen.remove_post()
    assert list(placed(screen)) == ["kitchen", "kitchen-2"]
    screen.undo_action.trigger()
    assert list(placed(screen)) == ["route", "kitchen", "kitchen-2"]


def test_record_a_new_level_from_the_roster(screen, site, ctx, monkeypatch):
    screen.people.setCurrentRow(
        next(i for i in range(screen.people.count())
             if screen.people.item(i).data(Qt.ItemDataRole.UserRole) == site.lea))

    def fill(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.task.set_code("driver")
        dialog.level.set_code("independent")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "exec_dialog", fill)
    screen.record_level()
    assert screen.hints.text() == ""  # she drives alone now
    assert [(c.level, c.since) for c in skill_history(ctx, site.lea)] == [
        ("with_companion", DAY - dt.timedelta(weeks=4)), ("independent", DAY)]
    drop(screen, site.lea, "route")
    assert placed(screen)["route"] == ["Lea Peeters"]


def test_undoing_a_move_keeps_the_review_typed_since(screen, site):
    drop(screen, site.samir, "route")
    screen.review.setPlainText("Vlot verlopen.")
    screen.undo_action.trigger()
    assert placed(screen)["route"] == []
    assert screen.review.toPlainText() == "Vlot verlopen."
    assert screen.is_dirty()


def test_a_day_another_coordinator_saved_meanwhile_opens_the_conflict_dialog(
    screen, site, ctx, monkeypatch
):
    from dataclasses import replace

    from zorgkoppel.ui.edit_conflict_dialog import EditConflictDialog

    drop(screen, site.els, "kitchen")
    other = get_roster_day(ctx, site.site, DAY)
    save_roster_day(ctx, replace(other.data, review="Keuken vroeg klaar."),
                    expected_version=other.roster_day.version)
    seen = []

    def keep_mine(dialog: EditConflictDialog) -> int:
        seen.append({f.name for f in dialog.conflict.differing()})
        dialog.keep_mine_button.click()
        return dialog.result()

    monkeypatch.setattr(dialogs, "exec_dialog", keep_mine)
    assert screen.save_record()
    assert seen == [{"assignments", "review"}]
    stored = get_roster_day(ctx, site.site, DAY).data
    assert [(a.post_key, a.worker_id) for a in stored.assignments] == [("kitchen", site.els)]
    assert stored.review is None
    assert not screen.is_dirty()
