"""A table whose rows are edited through widgets in the cells (skills, tasks, actions)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractItemView, QTableWidget


class RowWidgetsTable(QTableWidget):
    """Rows are added by the subclass; removing one reports the change to the form."""

    def __init__(
        self, columns: int, on_change: Callable[[], None], name: str, min_height: int
    ) -> None:
        super().__init__(0, columns)
        self._on_change = on_change
        self.setObjectName(name)
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumHeight(min_height)

    def remove_current(self) -> None:
        """Remove the selected row, or the last one when none is selected."""
        row = self.currentRow() if self.currentRow() >= 0 else self.rowCount() - 1
        if row >= 0:
            self.removeRow(row)
            self._on_change()
