"""What the edit forms share: load a record, notice edits, save through the service and show
its validation problems next to the fields, leaving the stored data unchanged."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import EditConflict, Problem, ValidationError, ZorgkoppelError
from zorgkoppel.ui.edit_conflict_dialog import Resolution, resolve_conflict
from zorgkoppel.ui.field_errors import FieldErrors, error_label
from zorgkoppel.ui.texts import Texts


def optional_text(editor: QLineEdit) -> str | None:
    """The trimmed text, None when empty: optional fields are stored as NULL, not ''."""
    text = editor.text().strip()
    return text or None


def problems_of(error: ZorgkoppelError) -> list[Problem]:
    if isinstance(error, ValidationError):
        return error.problems
    return [Problem("", error.message, error.params)]


class RecordForm(QWidget):
    dirty_changed = Signal(bool)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.texts = Texts()
        self.record_id: str | None = None
        self._dirty = False
        self._loading = False
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.general_error = error_label()
        self.general_error.setObjectName("general_error")
        self.errors = FieldErrors(self.general_error)
        self.texts.on_retranslate(self.errors.retranslate)
        self.texts.on_retranslate(self._retranslate_heading)

    # -- building

    def field_row(self, layout: QFormLayout, caption: str, editor: QWidget, field: str) -> QLabel:
        """A row `caption: editor`, with the red problem text of `field` under the editor."""
        label = QLabel()
        self.texts.bind(label.setText, caption)
        label.setBuddy(editor)
        holder = QWidget()
        holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        problem = error_label()
        problem.setObjectName(f"error_{field}")
        column.addWidget(problem)
        self.errors.add(field, problem)
        layout.addRow(label, holder)
        return label

    def watch(self, *widgets: QWidget) -> None:
        """Mark the form changed when the user edits one of these widgets."""
        for widget in widgets:
            signal: Any
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                signal = widget.textChanged
            elif isinstance(widget, QComboBox):
                signal = widget.currentIndexChanged
            elif isinstance(widget, QCheckBox | QAbstractButton):
                signal = widget.toggled
            elif isinstance(widget, QDateEdit):
                signal = widget.dateChanged
            elif isinstance(widget, QSpinBox):
                signal = widget.valueChanged
            else:
                raise TypeError(f"cannot watch {type(widget).__name__}")
            signal.connect(self.mark_changed)

    # -- state

    def mark_changed(self, *_args: Any) -> None:
        if not self._loading:
            self.set_dirty(True)

    def set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def is_dirty(self) -> bool:
        return self._dirty

    def load(self, record_id: str | None) -> None:
        """Show a stored record, or an empty form for a new one (None).

        `fill` sets `loaded_version` to the stored version, which the save sends along.
        """
        self.loaded_version: int | None = None
        self._loading = True
        try:
            self.fill(record_id)
        finally:
            self._loading = False
        self.record_id = record_id
        self.errors.clear()
        self._retranslate_heading()
        self.set_dirty(False)

    def save(self) -> Changes | None:
        """Write the form; None when the service refused (problems shown, nothing stored).

        When someone else saved the record meanwhile, the conflict dialog decides: keep
        mine, take theirs (the form reloads) or merge; cancelled, the form stays as typed.
        """
        try:
            record_id, changes = self.write()
        except EditConflict as conflict:
            return self.resolve_conflict(conflict)
        except ZorgkoppelError as error:
            self.errors.show(problems_of(error))
            return None
        self.load(record_id)
        return changes

    def resolve_conflict(self, conflict: EditConflict) -> Changes | None:
        try:
            resolution = resolve_conflict(self, self.ctx, conflict)
        except ZorgkoppelError as error:
            self.errors.show(problems_of(error))
            return None
        if resolution is Resolution.CANCEL:
            self.errors.show([Problem("", conflict.message, conflict.params)])
            return None
        self.load(conflict.record_id)
        return Changes.of(*self.conflict_sections())

    def conflict_sections(self) -> tuple[str, ...]:
        """The Changes sections a resolved save touches (the form's own write's)."""
        return ()

    def delete(self) -> Changes | None:
        if self.record_id is None:
            return None
        try:
            changes = self.remove(self.record_id)
        except ZorgkoppelError as error:
            self.errors.show(problems_of(error))
            return None
        self.load(None)
        return changes

    def _retranslate_heading(self) -> None:
        self.heading.setText(self.heading_text())

    # -- for subclasses

    def fill(self, record_id: str | None) -> None:
        raise NotImplementedError

    def write(self) -> tuple[str, Changes]:
        """Save through the service; returns the record's id and what changed."""
        raise NotImplementedError

    def remove(self, record_id: str) -> Changes:
        raise NotImplementedError

    def heading_text(self) -> str:
        raise NotImplementedError

    def focus_first(self) -> None:
        self.focusNextChild()
