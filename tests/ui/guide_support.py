"""Driving the first-run guide in tests: clicks on its buttons, filled pages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt

from zorgkoppel.ui.first_run_guide import FirstRunGuide


def pick(qtbot: Any, button: Any) -> None:
    """Click a radio button or check box on its box (a wide button's middle is empty)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def click_next(qtbot: Any, guide: FirstRunGuide) -> None:
    qtbot.mouseClick(guide.button(guide.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def click_finish(qtbot: Any, guide: FirstRunGuide) -> None:
    qtbot.mouseClick(guide.button(guide.WizardButton.FinishButton), Qt.MouseButton.LeftButton)


def type_into(qtbot: Any, widget: Any, text: str) -> None:
    widget.clear()
    qtbot.keyClicks(widget, text)


def fill_organisation(qtbot: Any, guide: FirstRunGuide, number: str) -> None:
    type_into(qtbot, guide.who.form.name, "WZC De Linde")
    type_into(qtbot, guide.who.form.enterprise_number, number)


def finish_without_account(qtbot: Any, guide: FirstRunGuide, demo: bool = False) -> None:
    """Through every page as exec would show it: an organisation, no account, Finish."""
    guide.show()
    click_next(qtbot, guide)
    fill_organisation(qtbot, guide, "0404.616.494")
    click_next(qtbot, guide)
    pick(qtbot, guide.account.make)
    click_next(qtbot, guide)
    if demo:
        pick(qtbot, guide.start.demo)
    click_next(qtbot, guide)
    click_next(qtbot, guide)
    click_finish(qtbot, guide)


def close_guide(guide: FirstRunGuide) -> None:
    guide.show()
    guide.close()  # the title bar's ×
