"""A list with an edit form beside it: New / Save / Delete / Revert, and no edit lost silently
when another record is selected or the window closes."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.i18n import N_, _
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.dialogs import UnsavedChoice
from zorgkoppel.ui.forms.record_form import RecordForm
from zorgkoppel.ui.list_screen import ListScreen

R = TypeVar("R")


class EditorScreen(ListScreen[R], Generic[R]):
    form: RecordForm

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.form.dirty_changed.connect(lambda _dirty: self.edit_state_changed.emit())
        self.edit_state_changed.connect(self._update_buttons)
        self._update_buttons()

    def form_pane(self, *parts: QWidget) -> QScrollArea:
        """The form, its buttons and any sections below, in one scrolling pane.

        A pane narrower than the form scrolls sideways rather than cutting fields off.
        """
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 0, 12, 12)
        for part in parts:
            layout.addWidget(part)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("form_scroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setMinimumWidth(380)
        return scroll

    def button_bar(self) -> QWidget:
        """New, Save, Revert, Delete under the form (the Edit menu has the same, with keys)."""
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 8, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for key, caption, tip, slot in (
            ("new", N_("New"), N_("New record (Ctrl+N)"), self.new_record),
            ("save", N_("Save"), N_("Save the changes (Ctrl+S)"), self.save_record),
            ("revert", N_("Revert"), N_("Undo the changes not saved yet"), self.revert_record),
            ("delete", N_("Delete…"), N_("Delete this record"), self.delete_record),
        ):
            button = QPushButton()
            button.setObjectName(f"{key}_button")
            self.texts.bind(button.setText, caption)
            self.texts.bind(button.setToolTip, tip)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            self.buttons[key] = button
            row.addWidget(button)
            if key == "new":
                row.addStretch(1)
        self.buttons["save"].setDefault(True)
        return bar

    def _update_buttons(self) -> None:
        buttons = getattr(self, "buttons", None)
        if not buttons:
            return
        dirty = self.form.is_dirty()
        buttons["save"].setEnabled(dirty)
        buttons["revert"].setEnabled(dirty)
        buttons["delete"].setEnabled(self.form.record_id is not None)

    # -- Edit menu

    def can_edit(self) -> bool:
        return True

    def can_delete(self) -> bool:
        return self.form.record_id is not None

    def is_dirty(self) -> bool:
        return self.form.is_dirty()

    def new_record(self) -> None:
        if not self._settle_changes():
            return
        self._restoring = True
        try:
            self.table.selectionModel().clearSelection()
            self.table.selectionModel().setCurrentIndex(
                QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        finally:
            self._restoring = False
        self._selected_id = None
        self.form.load(None)
        self.edit_state_changed.emit()
        self.form.focus_first()

    def save_record(self) -> bool:
        changes = self.form.save()
        if changes is None:
            self.status_message.emit(_("Not saved: please correct the fields marked in red."))
            return False
        self._selected_id = self.form.record_id
        self.refresh()
        self.edit_state_changed.emit()
        self.data_changed.emit(changes)
        self.status_message.emit(_("Saved."))
        return True

    def delete_record(self) -> None:
        if self.form.record_id is None:
            return
        if not dialogs.confirm(self, _("Delete"), self.delete_question()):
            return
        changes = self.form.delete()
        if changes is None:
            dialogs.show_error(
                self,
                _("Cannot delete"),
                "\n".join(p.text() for p in self.form.errors.problems),
            )
            return
        self._selected_id = None
        self.refresh()
        self.edit_state_changed.emit()
        self.data_changed.emit(changes)
        self.status_message.emit(_("Deleted."))

    def revert_record(self) -> None:
        self.form.load(self.form.record_id)

    def confirm_leave(self) -> bool:
        return self._settle_changes()

    def delete_question(self) -> str:
        return _("Delete this record? This cannot be undone.")

    # -- selection

    def _settle_changes(self) -> bool:
        """Ask Save/Discard/Cancel when the form has changes; True when the user may go on."""
        if not self.form.is_dirty():
            return True
        choice = dialogs.ask_unsaved_changes(self)
        if choice is UnsavedChoice.SAVE:
            return self.save_record()
        if choice is UnsavedChoice.DISCARD:
            self.form.load(self.form.record_id)
            return True
        return False

    def accept_row_change(self, row: R | None, previous: QModelIndex) -> bool:
        if row is None or getattr(row, "id", None) == self.form.record_id:
            return True
        target = getattr(row, "id", None)
        if not self.form.is_dirty():
            return True
        choice = dialogs.ask_unsaved_changes(self)
        if choice is UnsavedChoice.CANCEL:
            self.restore_previous(previous)
            return False
        if choice is UnsavedChoice.DISCARD:
            self.form.set_dirty(False)
            return True
        if not self.save_record():
            self.restore_previous(previous)
            return False
        # Saving refreshed the list; now go where the user was going.
        if target is not None:
            self.select_record(target)
        return False

    def row_selected(self, row: R | None) -> None:
        # Nothing selected (a filter hid the record, or New) leaves the form as it is.
        if row is None:
            return
        key = getattr(row, "id", None)
        if key == self.form.record_id and self.form.is_dirty():
            return
        self.form.load(key)
        self.edit_state_changed.emit()

    def row_refreshed(self, row: R) -> None:
        self.row_selected(row)
