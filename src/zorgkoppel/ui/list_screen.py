"""A screen with a searchable, filterable, sortable list and a pane for the selected row.

Search and filters go to the service query (the database does the work); the search waits
for a short pause in typing so a long list is not queried at every key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.i18n import N_, ngettext
from zorgkoppel.ui.look import muted
from zorgkoppel.ui.screen import Screen
from zorgkoppel.ui.table_model import Column, RowTableModel

R = TypeVar("R")
SEARCH_DELAY_MS = 250


class ListScreen(Screen, Generic[R]):
    search_placeholder = N_("Search…")
    list_share = 0.58  # of the width, for the list; the rest for the pane beside it

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._selected_id: str | None = None
        self._restoring = False
        self._shown_rows_once = False

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("search")
        self.search.setMinimumWidth(120)
        self.texts.bind(self.search.setPlaceholderText, self.search_placeholder)
        self.texts.bind(self.search.setAccessibleName, N_("Search"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)

        self.filter_bar = QHBoxLayout()
        self.filter_bar.setSpacing(8)
        self.filter_bar.addWidget(self.search, 2)

        self.model: RowTableModel[R] = RowTableModel(self.columns(), self)
        self.table = QTableView()
        self.table.setObjectName("list")
        self.table.setModel(self.model)
        # No sort column at first: the rows keep the query's order until a header is clicked.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self._columns_sized = False

        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        muted(self.count_label)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self.filter_bar)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.build_side())
        # Sizes and stretch in the same proportion keep the split as the window resizes.
        left_part = round(self.list_share * 100)
        self.splitter.setStretchFactor(0, left_part)
        self.splitter.setStretchFactor(1, 100 - left_part)
        self.splitter.setSizes([left_part * 10, (100 - left_part) * 10])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self.splitter)
        self.texts.on_retranslate(self._retranslate_list)

    # -- for subclasses

    def columns(self) -> Sequence[Column[R]]:
        raise NotImplementedError

    def query(self) -> Sequence[R]:
        """The rows for the current search text and filters."""
        raise NotImplementedError

    def build_side(self) -> QWidget:
        """The pane right of the list (details or an edit form)."""
        raise NotImplementedError

    def row_selected(self, row: R | None) -> None:
        """The selected row changed (None: nothing selected)."""

    def count_text(self, count: int) -> str:
        return ngettext("{count} record", "{count} records", count).format(count=count)

    def add_filter(self, widget: QComboBox | QCheckBox, label: str | None = None) -> None:
        """A filter widget in the bar above the list; changing it queries again at once."""
        if label is not None:
            caption = QLabel()
            self.texts.bind(caption.setText, label)
            caption.setBuddy(widget)
            self.filter_bar.addWidget(caption)
        self.filter_bar.addWidget(widget)
        if isinstance(widget, QComboBox):
            # Long choices (organisation names) must not widen the list beyond the window:
            # the closed combo may shrink; its drop-down still shows whole names.
            widget.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            widget.setMinimumContentsLength(6)
            widget.currentIndexChanged.connect(lambda _i: self.refresh())
        else:
            widget.toggled.connect(lambda _on: self.refresh())

    # -- behaviour

    def search_text(self) -> str:
        return self.search.text().strip()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def refresh(self) -> None:
        self._search_timer.stop()
        keep = self._selected_id
        self._restoring = True
        try:
            self.model.set_rows(self.query())
            position = self.model.row_of(keep) if keep else -1
            if position < 0 and not self._shown_rows_once and self.model.rowCount():
                # A first look at a screen shows a record, not an empty pane.
                position = 0
            if self.model.rowCount():
                self._shown_rows_once = True
            if position >= 0:
                self._select_position(position)
        finally:
            self._restoring = False
        if not self._columns_sized and self.model.rowCount():
            self._columns_sized = True
            self.table.resizeColumnsToContents()
            for column in range(self.model.columnCount()):
                width = self.table.columnWidth(column)
                self.table.setColumnWidth(column, min(max(width + 12, 60), 280))
        self.count_label.setText(self.count_text(self.model.rowCount()))
        current = self.current_row()
        if current is None:
            self._selected_id = None
            self.row_selected(None)
        else:
            self._selected_id = getattr(current, "id", None)
            self.row_refreshed(current)

    def row_refreshed(self, row: R) -> None:
        """The selected row is still there after a refresh, with fresh data."""
        self.row_selected(row)

    def current_row(self) -> R | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index.row())

    def select_record(self, record_id: str) -> None:
        position = self.model.row_of(record_id)
        if position < 0 and (self.search.text() or self._has_filters()):
            self._clear_filters()
            self.refresh()
            position = self.model.row_of(record_id)
        if position >= 0:
            self._select_position(position)

    def _has_filters(self) -> bool:
        return any(
            (isinstance(w, QComboBox) and w.currentIndex() > 0)
            or (isinstance(w, QCheckBox) and w.isChecked())
            for w in self._filter_widgets()
        )

    def _filter_widgets(self) -> list[QWidget]:
        widgets = []
        for i in range(self.filter_bar.count()):
            widget = self.filter_bar.itemAt(i).widget()
            if isinstance(widget, QComboBox | QCheckBox):
                widgets.append(widget)
        return widgets

    def _clear_filters(self) -> None:
        for widget in [self.search, *self._filter_widgets()]:
            blocked = widget.blockSignals(True)
            if isinstance(widget, QLineEdit):
                widget.clear()
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(0)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(False)
            widget.blockSignals(blocked)

    def _select_position(self, position: int) -> None:
        index = self.model.index(position, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._restoring:
            return
        row = self.model.row_at(current.row()) if current.isValid() else None
        if not self.accept_row_change(row, previous):
            return
        self._selected_id = getattr(row, "id", None) if row is not None else None
        self.row_selected(row)

    def accept_row_change(self, row: R | None, previous: QModelIndex) -> bool:
        """Editing screens ask about unsaved changes here; False keeps the previous row."""
        return True

    def restore_previous(self, previous: QModelIndex) -> None:
        self._restoring = True
        try:
            if previous.isValid():
                self._select_position(previous.row())
            else:
                self.table.selectionModel().clearSelection()
        finally:
            self._restoring = False

    def _retranslate_list(self) -> None:
        self.model.retranslate()
        self.count_label.setText(self.count_text(self.model.rowCount()))
        self.row_refreshed_after_language()

    def row_refreshed_after_language(self) -> None:
        current = self.current_row()
        if current is not None:
            self.row_refreshed(current)
        else:
            self.row_selected(None)

    def selected_id(self) -> str | None:
        return self._selected_id

    def rows_shown(self) -> list[Any]:
        return self.model.rows()
