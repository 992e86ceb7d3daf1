"""The table of monthly health-index values (gezondheidsindex) that index trajectory fees.

Months and values are typed in; exchange files may bring them too. Each row is saved through
the index-value service, so a wrong month or value is refused with its reason."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import Problem, ZorgkoppelError
from zorgkoppel.core.rules.trajectory import IndexValueData
from zorgkoppel.core.services.index_values import (
    delete_index_value,
    list_index_values,
    save_index_value,
)
from zorgkoppel.i18n import N_, _
from zorgkoppel.ui.auto_lock import keep_open_while_locked
from zorgkoppel.ui.field_errors import error_label
from zorgkoppel.ui.forms.record_form import problems_of
from zorgkoppel.ui.texts import Texts

MONTH, VALUE = range(2)


class IndexValuesDialog(QDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_open_while_locked(self)
        self.setObjectName("index_values_dialog")
        self.ctx = ctx
        self.texts = Texts()
        self.setWindowTitle(_("Health index values"))
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("values")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalHeaderLabels([_("Month (YYYY-MM)"), _("Value")])
        self.error = error_label()
        self.error.setObjectName("error")
        add = self.texts.button(N_("Add month"), lambda: self.add_row("", ""), "add")
        remove = self.texts.button(N_("Remove month"), self.remove_current, "remove")
        save = self.texts.button(N_("Save"), self.save, "save")
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(380, 420)
        self._removed: set[str] = set()
        self.load()

    def load(self) -> None:
        self.table.setRowCount(0)
        self._stored = {v.month: Decimal(v.value) for v in list_index_values(self.ctx)}
        for month, value in self._stored.items():
            self.add_row(month, str(value))
        self._removed = set()

    def add_row(self, month: str, value: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, MONTH, QTableWidgetItem(month))
        self.table.setItem(row, VALUE, QTableWidgetItem(value))

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        item = self.table.item(row, MONTH)
        if item is not None and item.text() in self._stored:
            self._removed.add(item.text())
        self.table.removeRow(row)

    def rows(self) -> list[tuple[str, str]]:
        found = []
        for row in range(self.table.rowCount()):
            month, value = (self.table.item(row, c) for c in (MONTH, VALUE))
            found.append(((month.text() if month else "").strip(),
                          (value.text() if value else "").strip().replace(",", ".")))
        return found

    def save(self) -> bool:
        """Save every changed row; rows after a refused one are kept for correction."""
        problems: list[str] = []
        for month in sorted(self._removed):
            try:
                delete_index_value(self.ctx, month)
            except ZorgkoppelError as error:
                problems.append(str(error))
        for number, (month, text) in enumerate(self.rows(), start=1):
            try:
                value: Decimal | None = Decimal(text) if text else None
            except InvalidOperation:
                problems.append(str(Problem(str(number), N_("not a decimal"))))
                continue
            if self._stored.get(month) == value:
                continue
            try:
                save_index_value(self.ctx, IndexValueData(month, value))
            except ZorgkoppelError as error:
                problems += [f"{number}: {p.text()}" for p in problems_of(error)]
        self.error.setText("\n".join(problems))
        if not problems:
            self.load()
        return not problems
