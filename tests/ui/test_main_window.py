"""The main window: navigation, lazily built screens, language switch, About, start-up."""

from __future__ import annotations

import gettext
import json

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.ui.guide_support import close_guide, finish_without_account
from tests.ui.login_support import answering, cancel
from zorgkoppel.i18n import catalog
from zorgkoppel.i18n.formatting import format_datetime
from zorgkoppel.settings import load_settings
from zorgkoppel.storage.backup import back_up_data_folder, parse_backup_name
from zorgkoppel.storage.schema import SCHEMA_REVISION
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.about import AboutDialog
from zorgkoppel.ui.app import run_gui
from zorgkoppel.ui.main_window import SCREEN_KEYS
from zorgkoppel.ui.screens.overview import OverviewScreen


def test_only_the_overview_is_built_at_start(window):
    assert list(window.screens) == ["overview"]
    assert isinstance(window.current_screen(), OverviewScreen)
    assert window.navigation.currentRow() == 0


def test_ctrl_number_and_the_navigation_list_switch_screens(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for number, key in enumerate(SCREEN_KEYS, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_key() == key
        assert window.navigation.currentRow() == number - 1
        assert window.view_actions[key].isChecked()
    window.navigation.setCurrentRow(1)
    assert window.current_key() == "agreements"
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.current_key() == "roster"
    assert set(window.screens) == set(SCREEN_KEYS)


def test_edit_actions_follow_the_screen(window, sample):
    assert not window.new_action.isEnabled()  # the Overview edits nothing
    window.show_screen("organisations")
    assert window.new_action.isEnabled()
    assert not window.save_action.isEnabled()
    screen = window.current_screen()
    screen.select_record(sample.linde)
    assert window.delete_action.isEnabled()
    screen.form.city.setText("Gent")
    assert window.save_action.isEnabled() and window.revert_action.isEnabled()
    window.revert_action.trigger()
    assert screen.form.city.text() == "Dendermonde"
    assert not window.save_action.isEnabled()


def test_language_switch_re_reads_every_visible_text(window, data_dir, monkeypatch):
    # The catalogs are translated at the end; a stand-in catalog proves the mechanism.
    class Marked(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return "NL:" + message

        def ngettext(self, singular: str, plural: str, n: int) -> str:
            return "NL:" + (singular if n == 1 else plural)

    real = catalog._translations
    monkeypatch.setattr(
        catalog, "_translations", lambda language: Marked() if language == "nl" else real(language)
    )
    organisations = window.show_screen("organisations")
    window.show_screen("overview")
    window.language_actions["nl"].trigger()

    assert window.navigation.item(0).text() == "NL:Overview"
    assert window.menuBar().actions()[0].text() == "NL:&File"
    assert window.import_action.text() == "NL:&Import exchange file…"
    assert window.screens["overview"].heading.text() == "NL:Overview"
    assert organisations.search.placeholderText().startswith("NL:")
    assert organisations.model.headerData(0, Qt.Orientation.Horizontal) == "NL:Name"
    assert organisations.form.kind.itemText(0).startswith("NL:")
    assert load_settings(data_dir).language == "nl"
    assert QLocale().name() == "nl_BE"
    assert window.language_actions["nl"].isChecked()

    window.language_actions["en"].trigger()
    assert window.navigation.item(0).text() == "Overview"
    assert organisations.model.headerData(0, Qt.Orientation.Horizontal) == "Name"


def test_about_shows_version_and_data_folder(window, data_dir, monkeypatch):
    shown = []

    def capture(dialog):
        shown.append(dialog.plain_text())
        return 0

    monkeypatch.setattr(dialogs, "exec_dialog", capture)
    window.about_action.trigger()
    (text,) = shown
    assert "zorgkoppel 0.1.0" in text
    assert str(data_dir) in text
    assert "zorgkoppel.sqlite" in text
    assert "Qt 6" in text


def test_about_shows_the_database_revision_and_the_last_backup(window, data_dir, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "exec_dialog", lambda dialog: shown.append(dialog.plain_text()))
    window.about_action.trigger()
    assert f"Database revision: {SCHEMA_REVISION}" in shown[-1]
    assert "Last backup: none yet" in shown[-1]

    made = back_up_data_folder(data_dir)
    window.about_action.trigger()
    taken = parse_backup_name(made.path)  # the name carries the time
    assert taken is not None
    assert f"Last backup: {format_datetime(taken[0])}" in shown[-1]


def test_about_dialog_closes_with_escape(qtbot, data_dir):
    dialog = AboutDialog(data_dir, "x")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


@pytest.fixture
def quit_soon():
    """For run_gui without exit_after_start: quit once the test's dialog was answered."""

    def schedule() -> None:
        QTimer.singleShot(50, QApplication.instance().quit)

    return schedule


def test_run_gui_exit_after_start_returns_zero_without_any_dialog(data_dir, qapp):
    # An empty database: the demo question must not appear (the patch raises if it does).
    assert run_gui(data_dir, language="en", exit_after_start=True) == 0


def test_first_start_shows_the_guide_until_it_is_finished(data_dir, qapp, monkeypatch,
                                                          quit_soon, qtbot):
    seen = []

    def closed(guide):
        close_guide(guide)
        quit_soon()

    def finished(guide):
        finish_without_account(qtbot, guide, demo=True)

    def not_now(dialog):  # the encryption offer after a guide without an account
        cancel(qtbot, dialog)
        quit_soon()

    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {
        "first_run_guide": [closed, finished], "encrypt": [not_now]}, seen))
    assert run_gui(data_dir, language="en") == 0
    assert seen == ["first_run_guide"] and not load_settings(data_dir).demo_offered
    assert run_gui(data_dir, language="en") == 0  # closed: it comes again
    assert seen == ["first_run_guide", "first_run_guide", "encrypt"]
    assert load_settings(data_dir).demo_offered

    def again(parent):
        raise AssertionError("asked twice")

    monkeypatch.setattr(dialogs, "ask_load_demo", again)
    monkeypatch.setattr(dialogs, "exec_dialog", again)
    QTimer.singleShot(200, QApplication.instance().quit)
    assert run_gui(data_dir, language="en") == 0


def test_a_database_that_cannot_be_opened_is_reported(data_dir, qapp, capsys):
    (data_dir / "zorgkoppel.sqlite").write_bytes(b"this is not a database" * 100)
    assert run_gui(data_dir, language="en", exit_after_start=True) == 1
    assert "cannot be opened" in capsys.readouterr().err


def test_settings_language_is_used_when_none_is_given(data_dir, qapp):
    (data_dir / "settings.json").write_text(json.dumps({"language": "fr", "demo_offered": True}))
    assert run_gui(data_dir, exit_after_start=True) == 0
    assert catalog.current_language() == "fr"
