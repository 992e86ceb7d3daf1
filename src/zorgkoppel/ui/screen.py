"""What every screen of the main window offers: refresh by change area, retranslation, and
the Edit menu's actions when it edits records."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from zorgkoppel.core.changes import AREAS, Changes
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.ui.texts import Texts


class Screen(QWidget):
    # Change areas whose changes this screen shows; it refreshes when one of them changes.
    areas: frozenset[str] = frozenset(AREAS)
    # What the screen changed: the main window refreshes the other screens concerned.
    data_changed = Signal(object)
    # The Edit menu's actions may have become (un)available.
    edit_state_changed = Signal()
    # Ask the main window to open a record on another screen: (screen key, record id).
    open_record = Signal(str, str)
    status_message = Signal(str)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.texts = Texts()
        self._stale = False

    def refresh(self) -> None:
        """Read the data again."""

    def changed_elsewhere(self, changes: Changes) -> None:
        """Refresh now when shown, else the next time the screen is opened."""
        if not changes.touches(*self.areas):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def retranslate(self) -> None:
        self.texts.retranslate()

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search field."""

    def select_record(self, record_id: str) -> None:
        """Show one record (from a link on another screen)."""

    # -- editing; screens that only show data keep these defaults

    def can_edit(self) -> bool:
        return False

    def can_delete(self) -> bool:
        return False

    def is_dirty(self) -> bool:
        return False

    def new_record(self) -> None:
        pass

    def save_record(self) -> bool:
        return True

    def delete_record(self) -> None:
        pass

    def revert_record(self) -> None:
        pass

    def confirm_leave(self) -> bool:
        """May the window close (unsaved changes saved or discarded)?"""
        return True
