"""File menu: import (report, or the problems with their JSON paths), export, demo data."""

from __future__ import annotations

import json

from zorgkoppel.core.services.organisations import list_organisations
from zorgkoppel.ui import background, dialogs
from zorgkoppel.ui.problems_dialog import ProblemsDialog

VALID = {
    "format": "zorgkoppel-exchange",
    "version": 1,
    "organisations": [
        {"id": "org-a", "name": "Dagcentrum Amaryllis", "kind": "care_facility",
         "care_type": "day_care", "province": "limburg"},
        {"id": "org-b", "name": "Maatwerk Maas", "kind": "custom_work"},
    ],
}
INVALID = {
    "format": "zorgkoppel-exchange",
    "version": 1,
    "organisations": [
        {"id": "org-a", "name": "Dagcentrum Amaryllis", "kind": "castle"},
        {"id": "org-b", "name": "Maatwerk Maas", "kind": "custom_work",
         "enterprise_number": "0123.456.789"},
    ],
}


def wait_until_done(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not background.is_busy() and window.isEnabled(), timeout=10_000)


def test_import_shows_the_report_and_refreshes_the_screens(window, ctx, qtbot, tmp_path,
                                                          monkeypatch):
    path = tmp_path / "data.json"
    path.write_text(json.dumps(VALID), encoding="utf-8")
    organisations = window.show_screen("organisations")
    window.show_screen("overview")
    reports = []
    monkeypatch.setattr(dialogs, "ask_open_path", lambda parent, title: path)
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: reports.append(text))

    window.import_action.trigger()
    wait_until_done(qtbot, window)

    assert reports and "Created" in reports[0]
    assert {o.name for o in list_organisations(ctx)} == {"Dagcentrum Amaryllis", "Maatwerk Maas"}
    assert window.screens["overview"].organisations.figure.text() == "2"
    window.show_screen("organisations")
    assert organisations.model.rowCount() == 2


def test_a_refused_import_lists_every_problem_with_its_json_path(window, ctx, qtbot, tmp_path,
                                                                monkeypatch):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(INVALID), encoding="utf-8")
    shown: list[list[str]] = []

    def capture(dialog):
        assert isinstance(dialog, ProblemsDialog)
        shown.append(dialog.lines())
        return 0

    monkeypatch.setattr(dialogs, "ask_open_path", lambda parent, title: path)
    monkeypatch.setattr(dialogs, "exec_dialog", capture)
    window.import_action.trigger()
    wait_until_done(qtbot, window)

    (lines,) = shown
    assert any(line.startswith("organisations[0].kind:") for line in lines)
    assert any(line.startswith("organisations[1].enterprise_number:") for line in lines)
    assert list_organisations(ctx) == []


def test_a_file_that_is_not_json_is_refused_with_a_message(window, qtbot, tmp_path,
                                                          monkeypatch):
    path = tmp_path / "notes.txt"
    path.write_text("hello", encoding="utf-8")
    messages = []
    monkeypatch.setattr(dialogs, "ask_open_path", lambda parent, title: path)
    monkeypatch.setattr(dialogs, "exec_dialog", lambda dialog: messages.extend(dialog.lines()))
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: messages.append(text))
    window.import_action.trigger()
    wait_until_done(qtbot, window)
    assert messages


def test_export_writes_an_exchange_file(window, sample, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    done = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, title, suggested: target)
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: done.append(text))
    window.export_action.trigger()
    wait_until_done(qtbot, window)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "zorgkoppel-exchange"
    assert len(document["organisations"]) == 5
    assert str(target) in done[0]


def test_cancelled_file_dialogs_do_nothing(window, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_open_path", lambda parent, title: None)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, title, suggested: None)
    window.import_action.trigger()
    window.export_action.trigger()
    assert not background.is_busy()
    assert window.isEnabled()


def test_load_demo_data_from_the_menu(window, ctx, qtbot):
    window.demo_action.trigger()  # an empty database: no question
    wait_until_done(qtbot, window)
    overview = window.screens["overview"]
    assert int(overview.organisations.figure.text()) >= 4
    assert int(overview.workers.figure.text()) >= 10
    assert overview.notes.model.rowCount() > 0
