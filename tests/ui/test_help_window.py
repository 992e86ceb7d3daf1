"""Help ▸ User guide (F1): the guide of the window's language, on the current screen's page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from zorgkoppel.ui.help_window import HelpWindow
from zorgkoppel.ui.main_window import SCREEN_KEYS
from zorgkoppel.user_guide import SCREEN_TOPICS, TOPICS


def shown_page(help_window: HelpWindow) -> tuple[str, str]:
    """(language, topic) of the page in the browser."""
    path = Path(help_window.browser.source().toLocalFile())
    return path.parent.name, path.stem


def press_f1(window, qtbot) -> HelpWindow:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.help_window is not None
    qtbot.waitUntil(window.help_window.isVisible)
    return window.help_window


def test_f1_opens_the_guide_in_the_window_language(window, qtbot):
    help_window = press_f1(window, qtbot)
    assert shown_page(help_window) == ("en", "index")
    assert "zorgkoppel user guide" in help_window.browser.toPlainText()
    assert help_window.contents.count() == len(TOPICS)
    assert help_window.contents.item(0).text() == "Contents"
    assert help_window.parent() is window  # closes with the main window

    window.language_actions["nl"].trigger()  # an open guide follows the language
    assert shown_page(help_window) == ("nl", "index")
    assert "Handleiding van zorgkoppel" in help_window.browser.toPlainText()
    assert help_window.contents.item(1).text() == "De ochtendplanning"


def test_f1_in_french_opens_the_french_guide(window, qtbot):
    window.language_actions["fr"].trigger()
    help_window = press_f1(window, qtbot)
    assert shown_page(help_window) == ("fr", "index")
    assert "Guide de l'utilisateur de zorgkoppel" in help_window.browser.toPlainText()


def test_f1_on_a_screen_opens_its_topic_and_the_menu_entry_too(window, qtbot):
    window.show_screen("roster")
    help_window = press_f1(window, qtbot)
    assert shown_page(help_window) == ("en", "roster")
    assert help_window.contents.currentItem().text() == "The morning roster"

    window.show_screen("agreements")
    window.help_action.trigger()
    assert window.help_window is help_window  # one guide window, brought forward
    assert shown_page(help_window) == ("en", "agreements")
    assert "Contract preview" in help_window.browser.toPlainText()


def test_every_screen_has_a_topic():
    assert set(SCREEN_TOPICS) == set(SCREEN_KEYS)


def test_links_contents_and_back_move_through_the_guide(qtbot):
    help_window = HelpWindow()
    qtbot.addWidget(help_window)
    help_window.show()
    qtbot.waitExposed(help_window)
    assert shown_page(help_window) == ("en", "index")

    # Follow the first link with the keyboard, as a user without a mouse would.
    help_window.browser.setFocus()
    qtbot.keyClick(help_window.browser, Qt.Key.Key_Tab)
    qtbot.keyClick(help_window.browser, Qt.Key.Key_Return)
    assert shown_page(help_window) == ("en", "roster")
    assert help_window.back_button.isEnabled()

    item = help_window.contents.item(4)  # Backups and restore
    qtbot.mouseClick(help_window.contents.viewport(), Qt.MouseButton.LeftButton,
                     pos=help_window.contents.visualItemRect(item).center())
    assert shown_page(help_window) == ("en", "backups")
    assert "Second backup folder" in help_window.browser.toPlainText()

    qtbot.mouseClick(help_window.back_button, Qt.MouseButton.LeftButton)
    assert shown_page(help_window) == ("en", "roster")
    qtbot.mouseClick(help_window.home_button, Qt.MouseButton.LeftButton)
    assert shown_page(help_window) == ("en", "index")


def test_a_link_to_an_anchor_on_another_page_opens_there(qtbot):
    help_window = HelpWindow()
    qtbot.addWidget(help_window)
    help_window.show_topic("notes", "visibility")
    assert shown_page(help_window) == ("en", "notes")
    assert help_window.browser.source().fragment() == "visibility"
