"""The list model: sorting on values (missing ones last), keeping the selection."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from zorgkoppel.i18n import N_
from zorgkoppel.ui.table_model import ROW_ROLE, Column, RowTableModel


@dataclass(frozen=True)
class Row:
    id: str
    name: str
    day: dt.date | None


ROWS = [
    Row("a", "beta", dt.date(2025, 3, 1)),
    Row("b", "Alfa", None),
    Row("c", "gamma", dt.date(2024, 12, 31)),
]
COLUMNS = [
    Column(N_("Name"), lambda r: r.name),
    Column(N_("Date"), lambda r: r.day.isoformat() if r.day else "", "day", align_right=True,
           warn=lambda r: r.day is None),
]


def ids(model: RowTableModel) -> list[str]:
    return [r.id for r in model.rows()]


def test_sorts_text_without_case_and_dates_as_dates_with_missing_last(qapp):
    model = RowTableModel(COLUMNS)
    model.set_rows(ROWS)
    model.sort(0)
    assert ids(model) == ["b", "a", "c"]
    model.sort(1)
    assert ids(model) == ["c", "a", "b"]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert ids(model) == ["b", "a", "c"]
    # New rows keep the chosen order; no column brings back the query's order.
    model.set_rows(list(reversed(ROWS)))
    assert ids(model) == ["b", "a", "c"]
    model.sort(-1)
    model.set_rows(ROWS)
    assert ids(model) == ["a", "b", "c"]


def test_selection_follows_its_row_when_sorted(qtbot):
    model = RowTableModel(COLUMNS)
    model.set_rows(ROWS)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectRow(2)  # gamma
    model.sort(0)
    assert view.selectionModel().currentIndex().data(ROW_ROLE).id == "c"
    assert view.selectionModel().currentIndex().row() == 2
    model.sort(1)
    assert view.selectionModel().currentIndex().row() == 0


def test_cells_headers_and_warnings(qapp):
    model = RowTableModel(COLUMNS)
    model.set_rows(ROWS)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Date"
    assert model.index(0, 1).data() == "2025-03-01"
    assert model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.row_of("c") == 2 and model.row_of("zz") == -1
