"""Workers through the form: employer limited to social-economy organisations, skills and
preferences, problems next to the field, refused deletion."""

from __future__ import annotations

import datetime as dt

from tests.ui.conftest import type_text
from zorgkoppel.core.services.workers import get_worker, list_workers
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.forms.worker_form import SKILL_LEVEL, SKILL_SINCE, SKILL_TASK
from zorgkoppel.ui.screens.workers import WorkersScreen


def open_screen(window) -> WorkersScreen:
    screen = window.show_screen("workers")
    assert isinstance(screen, WorkersScreen)
    return screen


def test_employer_choices_are_social_economy_organisations_only(window, sample):
    form = open_screen(window).form
    choices = {form.employer.itemData(i) for i in range(form.employer.count())}
    assert choices == {None, sample.buurtwerk, sample.schelde}


def test_create_a_worker_with_skills_and_preferences(window, sample, ctx, qtbot):
    screen = open_screen(window)
    screen.new_record()
    form = screen.form
    type_text(form.first_name, "Zoë")
    type_text(form.last_name, "Van Hoeck")
    form.employer.set_code(sample.schelde)
    form.programme.set_code("individual_custom_work")
    form.integration_start.set_date_value(dt.date(2023, 9, 4))
    form.dutch_level.set_code("A2")
    form.driving_licence.setChecked(True)

    form.add_skill_button.click()
    form.add_skill_button.click()
    skills = form.skills
    assert skills.rowCount() == 2
    skills.cellWidget(0, SKILL_TASK).set_code("laundry")
    skills.cellWidget(0, SKILL_LEVEL).set_code("independent")
    skills.cellWidget(0, SKILL_SINCE).set_date_value(dt.date(2024, 1, 15))
    skills.cellWidget(1, SKILL_TASK).set_code("driver")
    skills.cellWidget(1, SKILL_LEVEL).set_code("learning")
    form.preferences.combos["laundry"].setCurrentIndex(
        form.preferences.combos["laundry"].findData(2)
    )
    form.preferences.combos["kitchen"].setCurrentIndex(
        form.preferences.combos["kitchen"].findData(-1)
    )
    assert screen.save_record()

    (worker,) = [w for w in list_workers(ctx) if w.last_name == "Van Hoeck"]
    detail = get_worker(ctx, worker.id)
    assert detail.worker.first_name == "Zoë"
    assert detail.worker.employer_id == sample.schelde
    assert detail.worker.programme == "individual_custom_work"
    assert detail.worker.integration_start == dt.date(2023, 9, 4)
    assert (detail.worker.dutch_level, detail.worker.driving_licence) == ("A2", True)
    assert {(s.task_code, s.level, s.since) for s in detail.skills} == {
        ("laundry", "independent", dt.date(2024, 1, 15)),
        ("driver", "learning", None),
    }
    assert detail.preferences == {"laundry": 2, "kitchen": -1}
    assert screen.current_row().id == worker.id


def test_a_stored_worker_is_shown_whole_and_a_skill_removed(window, sample, ctx):
    screen = open_screen(window)
    screen.select_record(sample.samir)
    form = screen.form
    assert (form.first_name.text(), form.last_name.text()) == ("Samir", "El Amrani")
    assert form.employer.code() == sample.buurtwerk
    assert form.skills.rowCount() == 2
    assert form.preferences.preferences() == {"kitchen": 1, "laundry": -1}
    assert not screen.is_dirty()

    form.skills.setCurrentCell(0, SKILL_TASK)
    form.remove_skill_button.click()
    assert screen.is_dirty()
    assert screen.save_record()
    assert [s.task_code for s in get_worker(ctx, sample.samir).skills] == ["kitchen"]


def test_problems_appear_under_their_fields_and_nothing_is_stored(window, sample, ctx):
    screen = open_screen(window)
    screen.new_record()
    form = screen.form
    form.first_name.setText("Lotte")
    form.add_skill_button.click()
    form.add_skill_button.click()
    form.skills.cellWidget(0, SKILL_TASK).set_code("kitchen")
    form.skills.cellWidget(1, SKILL_TASK).set_code("kitchen")
    before = len(list_workers(ctx))

    assert screen.save_record() is False
    assert form.errors.label_for("last_name").text() == "is required"
    assert form.errors.label_for("employer").text() == "is required"
    assert form.skills_error.isVisibleTo(form)
    assert form.skills_error.text() == "Skill 2: task 'kitchen' appears twice"
    assert not form.errors.label_for("first_name").isVisibleTo(form)
    assert len(list_workers(ctx)) == before
    assert window.statusBar().currentMessage().startswith("Not saved")


def test_list_filters_by_employer_and_programme(window, sample):
    screen = open_screen(window)
    assert screen.model.rowCount() == 3
    screen.employer_filter.set_code(sample.buurtwerk)
    assert {w.first_name for w in screen.model.rows()} == {"Samir", "Jonas"}
    screen.employer_filter.set_code(None)
    screen.programme_filter.set_code("custom_work")
    assert [w.first_name for w in screen.model.rows()] == ["Els"]


def test_deleting_a_worker_with_notes_is_refused(window, sample, ctx, monkeypatch):
    screen = open_screen(window)
    screen.select_record(sample.samir)
    errors = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: True)
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    screen.delete_record()
    assert errors and "cannot be deleted" in errors[0]
    assert sample.samir in {w.id for w in list_workers(ctx)}


def test_saving_a_worker_refreshes_the_overview(window, sample):
    overview = window.screen("overview")
    overview.refresh()
    assert overview.workers.figure.text() == "3"
    screen = open_screen(window)
    screen.new_record()
    screen.form.first_name.setText("Nieuw")
    screen.form.last_name.setText("Iemand")
    screen.form.employer.set_code(sample.buurtwerk)
    assert screen.save_record()
    window.show_screen("overview")
    assert overview.workers.figure.text() == "4"
