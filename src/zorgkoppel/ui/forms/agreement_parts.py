"""Pieces of the agreement form: the tasks table, the placed-workers list and number fields."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
)

from zorgkoppel.core.errors import Problems
from zorgkoppel.core.rules.agreement import AgreementTaskData
from zorgkoppel.i18n import N_, _
from zorgkoppel.ui.code_combo import CodeCombo
from zorgkoppel.ui.row_table import RowWidgetsTable

MSG_NOT_A_NUMBER = N_("is not a number")
MSG_NOT_A_WHOLE_NUMBER = N_("is not a whole number")
TASK, DESCRIPTION = range(2)


def decimal_field(problems: Problems, name: str, editor: QLineEdit) -> Decimal | None:
    """The field's number (a comma or a point as decimal sign), None when empty."""
    text = editor.text().strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if "," in text and "." in text:  # 1.234,5 as written in Belgium
        text = text.replace(".", "")
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        problems.add(name, MSG_NOT_A_NUMBER)
        return None
    if not value.is_finite():
        problems.add(name, MSG_NOT_A_NUMBER)
        return None
    return value


def int_field(problems: Problems, name: str, editor: QLineEdit) -> int | None:
    value = decimal_field(problems, name, editor)
    if value is None:
        return None
    if value != value.to_integral_value():
        problems.add(name, MSG_NOT_A_WHOLE_NUMBER)
        return None
    return int(value)


def number_text(value: Decimal | int | None) -> str:
    return "" if value is None else format(value, "f") if isinstance(value, Decimal) else str(value)


class TasksTable(RowWidgetsTable):
    """Content: one row per task, with what it means at this facility."""

    def __init__(self, task_choices: Callable[[], list[tuple[str, str]]],
                 on_change: Callable[[], None]) -> None:
        super().__init__(2, on_change, "tasks", min_height=130)
        self._task_choices = task_choices
        header = self.horizontalHeader()
        header.setSectionResizeMode(TASK, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TASK, 170)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([_("Task"), _("What it means here")])
        for row in range(self.rowCount()):
            combo = self.cellWidget(row, TASK)
            if isinstance(combo, CodeCombo):
                combo.reload()

    def add_task(self, task: AgreementTaskData | None = None) -> int:
        row = self.rowCount()
        self.insertRow(row)
        combo = CodeCombo(self._task_choices)
        combo.setObjectName(f"task_{row}")
        description = QLineEdit()
        description.setObjectName(f"task_description_{row}")
        if task is not None:
            combo.set_code(task.task)
            description.setText(task.description or "")
        self.setCellWidget(row, TASK, combo)
        self.setCellWidget(row, DESCRIPTION, description)
        self.setRowHeight(row, max(combo.sizeHint().height(), description.sizeHint().height()))
        combo.currentIndexChanged.connect(lambda _i: self._on_change())
        description.textChanged.connect(lambda _t: self._on_change())
        return row

    def set_tasks(self, tasks: list[AgreementTaskData]) -> None:
        self.setRowCount(0)
        for task in tasks:
            self.add_task(task)

    def tasks(self) -> list[AgreementTaskData]:
        result = []
        for row in range(self.rowCount()):
            combo = self.cellWidget(row, TASK)
            description = self.cellWidget(row, DESCRIPTION)
            assert isinstance(combo, CodeCombo) and isinstance(description, QLineEdit)
            result.append(AgreementTaskData(combo.code() or "",
                                            description.text().strip() or None))
        return result


class WorkersChecklist(QListWidget):
    """The placed workers: every worker of the social-economy partner, ticked or not."""

    def __init__(self, on_change: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("workers")
        self.setMinimumHeight(90)
        self._on_change = on_change
        self._filling = False
        self.itemChanged.connect(self._changed)

    def _changed(self, _item: QListWidgetItem) -> None:
        if not self._filling:
            self._on_change()

    def set_workers(self, choices: list[tuple[str, str]], chosen: list[str]) -> None:
        """(id, name) of the workers on offer; chosen ones keep their order and come first."""
        self._filling = True
        try:
            self.clear()
            names = dict(choices)
            ordered = [k for k in chosen] + [k for k, _n in choices if k not in chosen]
            for key in ordered:
                item = QListWidgetItem(names.get(key, key))
                item.setData(Qt.ItemDataRole.UserRole, key)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if key in chosen
                                   else Qt.CheckState.Unchecked)
                self.addItem(item)
        finally:
            self._filling = False

    def chosen(self) -> list[str]:
        return [
            str(self.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, key: str, checked: bool) -> None:
        for i in range(self.count()):
            item = self.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
