"""A table model over the rows a service query returns.

Cells are formatted when the view asks for them (only the visible ones), in the current
language, so a language switch needs no reload. Sorting is done on each column's sort key
(dates as dates, amounts as numbers), not on the formatted text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from zorgkoppel.core.services.listings import sort_value
from zorgkoppel.i18n import _

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
WARNING_COLOUR = QColor("#b3261e")


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str  # English msgid, marked with N_ where written
    text: Callable[[R], str]
    # Sort on this field's value (row.sort_key(field) or the attribute); else on the text.
    sort_field: str | None = None
    align_right: bool = False
    warn: Callable[[R], bool] | None = None
    tooltip: Callable[[R], str] | None = None


class RowTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- contents

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._rows.sort(key=self._key(self._sort[0]),
                            reverse=self._sort[1] == Qt.SortOrder.DescendingOrder)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int:
        """The position of the row whose `id` is `key`, -1 when absent."""
        for position, row in enumerate(self._rows):
            if getattr(row, "id", None) == key:
                return position
        return -1

    def retranslate(self) -> None:
        """Headers and cells are translated on demand: tell the views to ask again."""
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1)
            )

    # -- Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.align_right else (
                Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.warn and column.warn(row):
            return QBrush(WARNING_COLOUR)
        if role == Qt.ItemDataRole.FontRole and column.warn and column.warn(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return _(self._columns[section].header)
            if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[section].align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)

    def _key(self, column_number: int) -> Callable[[R], Any]:
        column = self._columns[column_number]
        field = column.sort_field
        if field is None:
            return lambda row: sort_value(column.text(row))
        # Listing rows know their own keys; a stored record is sorted on its attribute.
        return lambda row: (
            row.sort_key(field) if hasattr(row, "sort_key") else sort_value(getattr(row, field))
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            self._sort = None  # back to the query's order from the next refresh on
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        old_rows = [index.row() for index in before]
        tagged = list(enumerate(self._rows))
        key = self._key(column)
        tagged.sort(key=lambda pair: key(pair[1]), reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [row for _old, row in tagged]
        new_position = {old: new for new, (old, _row) in enumerate(tagged)}
        self.changePersistentIndexList(
            before,
            [
                self.index(new_position[r], i.column())
                for r, i in zip(old_rows, before, strict=True)
            ],
        )
        self.layoutChanged.emit()
