"""Record a worker's new level on a task from a date on (learning → with companion → alone)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from zorgkoppel.core.codes import SKILL_LEVELS
from zorgkoppel.i18n import _
from zorgkoppel.ui.code_combo import CodeCombo, code_choices
from zorgkoppel.ui.task_names import TaskNames


class SkillLevelDialog(QDialog):
    def __init__(self, name: str, task_names: TaskNames, day: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New skill level"))
        self.task = CodeCombo(task_names.choices)
        self.task.setObjectName("task")
        self.level = CodeCombo(code_choices(SKILL_LEVELS))
        self.level.setObjectName("level")
        self.since = QDateEdit(QDate(day.year, day.month, day.day))
        self.since.setDisplayFormat("dd/MM/yyyy")
        self.since.setCalendarPopup(True)
        form = QFormLayout(self)
        form.addRow(QLabel(name))
        form.addRow(_("&Task:"), self.task)
        form.addRow(_("&Level:"), self.level)
        form.addRow(_("&From:"), self.since)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def since_date(self) -> dt.date:
        return self.since.date().toPython()  # type: ignore[return-value]
