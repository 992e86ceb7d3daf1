"""Organisations through the form: create, validation next to the field, people, unsaved
changes, refused deletion."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import type_text
from zorgkoppel.core.services.organisations import list_organisations, list_people
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.dialogs import UnsavedChoice
from zorgkoppel.ui.screens.organisations import OrganisationsScreen


def open_screen(window) -> OrganisationsScreen:
    screen = window.show_screen("organisations")
    assert isinstance(screen, OrganisationsScreen)
    return screen


def test_create_an_organisation_by_typing(window, ctx, qtbot):
    screen = open_screen(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(screen.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = screen.form
    assert form.record_id is None
    assert form.name.hasFocus()
    type_text(form.name, "Woonzorgcentrum Sint-Jozef")
    form.kind.set_code("care_facility")
    form.care_type.set_code("residential")
    qtbot.keyClicks(form.enterprise_number, "BE 0403.199.702")
    form.province.set_code("west-vlaanderen")
    type_text(form.street, "Kapelstraat 3")
    qtbot.keyClicks(form.postcode, "8500")
    type_text(form.city, "Kortrijk-Hélène")
    assert screen.is_dirty() and window.save_action.isEnabled()

    qtbot.keyClick(form.city, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    (stored,) = list_organisations(ctx)
    assert stored.name == "Woonzorgcentrum Sint-Jozef"
    assert (stored.kind, stored.care_type, stored.province) == (
        "care_facility", "residential", "west-vlaanderen"
    )
    assert stored.enterprise_number == "0403.199.702"  # normalised by the service
    assert (stored.street, stored.postcode, stored.city) == (
        "Kapelstraat 3", "8500", "Kortrijk-Hélène"
    )
    assert not screen.is_dirty()
    assert form.enterprise_number.text() == "0403.199.702"
    assert screen.current_row().id == stored.id
    assert form.heading.text() == "Woonzorgcentrum Sint-Jozef"
    assert window.statusBar().currentMessage() == "Saved."


def test_bad_enterprise_number_is_shown_next_to_the_field_and_nothing_is_stored(
    window, ctx, qtbot
):
    screen = open_screen(window)
    screen.new_record()
    form = screen.form
    qtbot.keyClicks(form.name, "Dagcentrum Zonnebloem")
    qtbot.keyClicks(form.enterprise_number, "0123.456.789")
    qtbot.keyClicks(form.postcode, "12")
    assert screen.save_record() is False

    error = form.errors.label_for("enterprise_number")
    assert error.isVisibleTo(form)
    assert "'0123.456.789' is not a valid enterprise number" in error.text()
    assert form.errors.label_for("postcode").text() == "is not a Belgian postcode (4 digits)"
    assert not form.errors.label_for("name").isVisibleTo(form)
    assert list_organisations(ctx) == []
    assert form.name.text() == "Dagcentrum Zonnebloem"  # the input is kept to correct
    assert screen.is_dirty()

    form.enterprise_number.clear()
    form.postcode.clear()
    assert screen.save_record() is True
    assert not form.errors.label_for("enterprise_number").isVisibleTo(form)
    assert [o.name for o in list_organisations(ctx)] == ["Dagcentrum Zonnebloem"]


def test_care_type_only_for_care_facilities(window):
    form = open_screen(window).form
    form.kind.set_code("care_facility")
    assert form.care_type.isEnabled()
    form.care_type.set_code("day_care")
    form.kind.set_code("custom_work")
    assert not form.care_type.isEnabled()
    assert form.care_type.code() is None


def test_list_filters_by_kind_and_province(window, sample):
    screen = open_screen(window)
    assert screen.model.rowCount() == 5
    screen.kind_filter.set_code("care_facility")
    assert {o.name for o in screen.model.rows()} == {"Dagcentrum De Linde vzw", "WZC Ter Beuken"}
    screen.province_filter.set_code("antwerpen")
    assert [o.name for o in screen.model.rows()] == ["WZC Ter Beuken"]
    screen.kind_filter.set_code(None)
    assert {o.name for o in screen.model.rows()} == {"WZC Ter Beuken", "Maatwerk Schelde"}


def test_unsaved_changes_ask_before_another_record_is_shown(window, sample, monkeypatch):
    screen = open_screen(window)
    screen.select_record(sample.linde)
    screen.form.city.setText("Aalst")
    answers = [UnsavedChoice.CANCEL]
    monkeypatch.setattr(dialogs, "ask_unsaved_changes", lambda parent: answers.pop(0))

    screen.select_record(sample.beuken)
    assert screen.form.record_id == sample.linde
    assert screen.current_row().id == sample.linde
    assert screen.form.city.text() == "Aalst"

    answers.append(UnsavedChoice.DISCARD)
    screen.select_record(sample.beuken)
    assert screen.form.record_id == sample.beuken
    screen.select_record(sample.linde)
    assert screen.form.city.text() == "Dendermonde"

    screen.form.city.setText("Aalst")
    answers.append(UnsavedChoice.SAVE)
    screen.select_record(sample.beuken)
    assert screen.form.record_id == sample.beuken
    assert {o.id: o.city for o in list_organisations(screen.ctx)}[sample.linde] == "Aalst"
    assert answers == []


def test_closing_the_window_with_unsaved_changes_can_be_cancelled(window, sample, monkeypatch):
    screen = open_screen(window)
    screen.select_record(sample.linde)
    screen.form.name.setText("Changed")
    monkeypatch.setattr(dialogs, "ask_unsaved_changes", lambda parent: UnsavedChoice.CANCEL)
    assert window.close() is False
    assert window.isVisible()


def test_delete_is_refused_with_a_message_while_the_organisation_is_in_use(
    window, sample, ctx, monkeypatch
):
    screen = open_screen(window)
    screen.select_record(sample.buurtwerk)
    errors = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: True)
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    window.delete_action.trigger()
    assert len(errors) == 1
    assert "workers are employed here" in errors[0]
    assert screen.form.general_error.isVisibleTo(screen.form)
    assert sample.buurtwerk in {o.id for o in list_organisations(ctx)}


def test_delete_an_unused_organisation(window, sample, ctx, monkeypatch):
    screen = open_screen(window)
    screen.select_record(sample.city)
    # The city commissions an agreement: first a refusal, then a free one is deleted.
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: True)
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: None)
    screen.delete_record()
    assert sample.city in {o.id for o in list_organisations(ctx)}
    screen.new_record()
    screen.form.name.setText("Tijdelijk")
    screen.form.kind.set_code("other")
    assert screen.save_record()
    created = screen.form.record_id
    screen.delete_record()
    assert created not in {o.id for o in list_organisations(ctx)}
    assert screen.form.record_id is None


def test_people_of_the_organisation(window, sample, ctx, monkeypatch):
    screen = open_screen(window)
    screen.select_record(sample.linde)
    people = screen.people
    assert [p.name for p in people.model.rows()] == ["Greet Claes"]

    def fill_and_save(dialog):
        dialog.name.setText("Jan Verhoeven")
        dialog.set_role("coordinator")
        dialog.email.setText("not-an-address")
        dialog.save()
        assert dialog.result() == 0  # refused: the dialog stays open
        assert dialog.errors.label_for("email").text() == "is not an e-mail address"
        dialog.email.setText("jan@example.org")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(dialogs, "exec_dialog", fill_and_save)
    people.add_button.click()
    assert [p.name for p in people.model.rows()] == ["Greet Claes", "Jan Verhoeven"]
    stored = {p.name: p for p in list_people(ctx, sample.linde)}
    assert (stored["Jan Verhoeven"].role, stored["Jan Verhoeven"].email) == (
        "coordinator", "jan@example.org"
    )

    # Greet is the supervisor named in an agreement: removing her is refused.
    people.table.selectRow(0)
    errors = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: True)
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    people.remove_button.click()
    assert errors and "Still named in" in errors[0]
    people.table.selectRow(1)
    people.remove_button.click()
    assert [p.name for p in list_people(ctx, sample.linde)] == ["Greet Claes"]


def test_a_new_organisation_has_no_people_yet(window):
    screen = open_screen(window)
    screen.new_record()
    assert not screen.people.add_button.isEnabled()
    assert screen.people.hint.isVisibleTo(screen.people)


def test_the_delete_key_in_a_field_edits_text_not_the_record(window, sample, qtbot):
    screen = open_screen(window)
    screen.select_record(sample.linde)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    screen.form.city.setFocus()
    screen.form.city.setCursorPosition(0)
    qtbot.keyClick(screen.form.city, Qt.Key.Key_Delete)  # a confirm dialog would fail the test
    assert screen.form.city.text() == "endermonde"
