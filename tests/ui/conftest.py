"""Fixtures for driving the real widgets offscreen, with every modal dialog patched."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

import zorgkoppel.ui  # noqa: F401  (applies the binding work-around before any Qt call)
from tests.core.listing_data import Sample, build_sample
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.settings import Settings
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.language import apply_language
from zorgkoppel.ui.main_window import MainWindow


class UnexpectedDialog(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that reaches a modal dialog it did not patch fails instead of hanging."""

    def refuse(name: str) -> Callable[..., Any]:
        def raiser(*args: Any, **kwargs: Any) -> Any:
            raise UnexpectedDialog(f"unexpected modal dialog: {name}{args[1:]}")

        return raiser

    for name in ("exec_dialog", "ask_unsaved_changes", "confirm", "ask_load_demo", "inform",
                 "show_error", "ask_open_path", "ask_save_path", "ask_pdf_path",
                 "ask_report_path"):
        monkeypatch.setattr(dialogs, name, refuse(name))


@pytest.fixture(autouse=True)
def english_interface() -> Iterator[None]:
    """Our texts, Qt's own dialogs and the locale in English, whatever a test switched to."""
    apply_language("en")
    yield
    apply_language("en")


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()


@pytest.fixture
def sample(ctx: ServiceContext, today: dt.date) -> Sample:
    return build_sample(ctx, today)


def discard_edits(window: MainWindow) -> None:
    """Edits a test left behind would make closing the window ask about them."""
    for screen in window.screens.values():
        if screen.is_dirty():
            screen.revert_record()


@pytest.fixture
def make_window(qtbot: Any, ctx: ServiceContext, data_dir: Path) -> Callable[[], MainWindow]:
    def make() -> MainWindow:
        window = MainWindow(ctx, data_dir, Settings(language="en", demo_offered=True))
        qtbot.addWidget(window, before_close_func=discard_edits)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, accents and € included (qtbot.keyClicks aborts on non-ASCII)."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                              character)
            QApplication.sendEvent(widget, event)
