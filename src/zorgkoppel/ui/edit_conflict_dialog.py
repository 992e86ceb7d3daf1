"""The dialog shown when a save meets a record someone else changed meanwhile: both
versions side by side, field by field, and Keep mine / Take theirs / Merge."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ConflictField, EditConflict
from zorgkoppel.core.services import edit_conflicts
from zorgkoppel.core.services.edit_conflicts import Pick
from zorgkoppel.i18n import _
from zorgkoppel.i18n.formatting import format_date

COLUMN_FIELD, COLUMN_MINE, COLUMN_THEIRS, COLUMN_KEEP_MINE = range(4)
# A soft amber that marks a differing row in light and dark themes alike.
DIFFERS = QColor(255, 214, 102, 110)


class Resolution(Enum):
    KEEP_MINE = "keep_mine"
    TAKE_THEIRS = "take_theirs"
    MERGE = "merge"
    CANCEL = "cancel"


def caption(label: str) -> str:
    """A form caption as a column value: without its shortcut marker and colon."""
    return _(label).replace("&", "").rstrip(":").strip()


def shown(value: Any) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return format_date(value)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dict):
        return "; ".join(f"{key}: {shown(item)}" for key, item in value.items())
    if isinstance(value, list | tuple):
        return "; ".join(shown(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return " ".join(shown(getattr(value, f.name)) for f in dataclasses.fields(value)
                        if getattr(value, f.name) not in (None, "", False))
    return str(value)


class EditConflictDialog(QDialog):
    def __init__(self, conflict: EditConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("edit_conflict_dialog")
        self.conflict = conflict
        self.resolution = Resolution.CANCEL
        self.setWindowTitle(_("Changed by someone else"))
        layout = QVBoxLayout(self)
        message = QLabel(conflict.text() + "\n" + _(
            "Compare both versions and choose what to keep. Under Merge, tick the fields "
            "whose value of yours to keep."))
        message.setObjectName("conflict_message")
        message.setWordWrap(True)
        layout.addWidget(message)
        self.table = QTableWidget(len(conflict.fields), 4)
        self.table.setObjectName("conflict_table")
        self.table.setHorizontalHeaderLabels(
            [_("Field"), _("Yours"), _("Stored now"), _("Keep yours")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.keep_boxes: dict[str, QCheckBox] = {}
        for row, field in enumerate(conflict.fields):
            self._fill_row(row, field)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.keep_mine_button = self._button("keep_mine_button", _("Keep mine"),
                                             Resolution.KEEP_MINE)
        self.take_theirs_button = self._button("take_theirs_button", _("Take theirs"),
                                               Resolution.TAKE_THEIRS)
        self.merge_button = self._button("merge_button", _("Merge"), Resolution.MERGE)
        cancel = QPushButton(_("Cancel"))
        cancel.setObjectName("cancel_button")
        cancel.clicked.connect(self.reject)
        for button in (self.keep_mine_button, self.take_theirs_button, self.merge_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self.keep_mine_button.setDefault(True)
        self.resize(720, 420)

    def _fill_row(self, row: int, field: ConflictField) -> None:
        items = [QTableWidgetItem(caption(field.label)), QTableWidgetItem(shown(field.mine)),
                 QTableWidgetItem(shown(field.theirs))]
        for column, item in enumerate(items):
            if field.differs:
                item.setBackground(QBrush(DIFFERS))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row, column, item)
        if field.differs:
            box = QCheckBox()
            box.setObjectName(f"keep_{field.name}")
            box.setChecked(True)  # nothing typed is dropped unless the user says so
            self.keep_boxes[field.name] = box
            self.table.setCellWidget(row, COLUMN_KEEP_MINE, box)

    def _button(self, name: str, text: str, resolution: Resolution) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: self._choose(resolution))
        return button

    def _choose(self, resolution: Resolution) -> None:
        self.resolution = resolution
        self.accept()

    def differing_rows(self) -> list[int]:
        return [row for row, field in enumerate(self.conflict.fields) if field.differs]

    def picks(self) -> dict[str, Pick]:
        return {name: Pick.MINE if box.isChecked() else Pick.THEIRS
                for name, box in self.keep_boxes.items()}


def resolve_conflict(parent: QWidget, ctx: ServiceContext, conflict: EditConflict) -> Resolution:
    """Ask how to resolve, and store Keep mine or Merge; a further conflict (a third person
    saved meanwhile) asks again. Take theirs and Cancel store nothing: the caller reloads
    or leaves the form as typed. Other refusals (a rule the merge breaks) propagate."""
    from zorgkoppel.ui import dialogs

    while True:
        dialog = EditConflictDialog(conflict, parent)
        dialogs.exec_dialog(dialog)
        try:
            if dialog.resolution is Resolution.KEEP_MINE:
                edit_conflicts.keep_mine(ctx, conflict)
            elif dialog.resolution is Resolution.MERGE:
                edit_conflicts.merge(ctx, conflict, dialog.picks())
        except EditConflict as again:
            conflict = again
            continue
        return dialog.resolution
