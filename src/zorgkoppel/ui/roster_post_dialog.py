"""A new post for the day: task, time window, places needed and a route label."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from zorgkoppel.core.rules.roster import PostData
from zorgkoppel.i18n import _
from zorgkoppel.ui.code_combo import CodeCombo
from zorgkoppel.ui.task_names import TaskNames


class PostDialog(QDialog):
    def __init__(self, task_names: TaskNames, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add a post"))
        self.task = CodeCombo(task_names.choices)
        self.task.setObjectName("task")
        self.start, self.end = QTimeEdit(QTime(9, 0)), QTimeEdit(QTime(12, 0))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.needed = QSpinBox()
        self.needed.setRange(1, 20)
        self.label = QLineEdit()
        self.label.setMaxLength(120)
        self.label.setPlaceholderText(_("e.g. Route Noord"))
        form = QFormLayout(self)
        form.addRow(_("&Task:"), self.task)
        form.addRow(_("&From:"), self.start)
        form.addRow(_("&To:"), self.end)
        form.addRow(_("&Places needed:"), self.needed)
        form.addRow(_("&Route or label:"), self.label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def post(self, key: str) -> PostData:
        start, end = self.start.time(), self.end.time()
        return PostData(
            key=key,
            task=self.task.code() or "",
            start=dt.time(start.hour(), start.minute()),
            end=dt.time(end.hour(), end.minute()),
            needed=self.needed.value(),
            label=self.label.text().strip() or None,
        )
