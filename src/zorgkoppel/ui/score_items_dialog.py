"""The work-attitude items notes score: rename, hide or show the built-in six, add own ones."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.codes import SCORE_ITEMS
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.core.services.score_items import list_score_items, save_score_item
from zorgkoppel.i18n import N_, _
from zorgkoppel.ui.auto_lock import keep_open_while_locked
from zorgkoppel.ui.field_errors import error_label
from zorgkoppel.ui.forms.record_form import problems_of
from zorgkoppel.ui.texts import Texts

CODE, LABEL, SHOWN = range(3)


class ScoreItemsDialog(QDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_open_while_locked(self)
        self.setObjectName("score_items_dialog")
        self.ctx = ctx
        self.texts = Texts()
        self.setWindowTitle(_("Work-attitude items"))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("items")
        self.table.verticalHeader().setVisible(False)
        self.table.setHorizontalHeaderLabels([_("Code"), _("Name"), _("Shown")])
        self.table.horizontalHeader().setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        self.error = error_label()
        self.error.setObjectName("error")
        add = self.texts.button(
            N_("Add item"), lambda: self.add_row("", "", True, builtin=False), "add"
        )
        save = self.texts.button(N_("Save"), self.save, "save")
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addStretch(1)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(460, 380)
        self.load()

    def load(self) -> None:
        self.table.setRowCount(0)
        for item in list_score_items(self.ctx):
            self.add_row(item.code, item.label, item.active, item.builtin)

    def add_row(self, code: str, name: str, shown: bool, builtin: bool) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        code_item = QTableWidgetItem(code)
        if builtin or code:
            # A stored code is what notes refer to: it cannot be renamed.
            code_item.setFlags(code_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, CODE, code_item)
        self.table.setItem(row, LABEL, QTableWidgetItem(name))
        shown_item = QTableWidgetItem()
        shown_item.setFlags(shown_item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        shown_item.setCheckState(Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)
        self.table.setItem(row, SHOWN, shown_item)

    def save(self) -> bool:
        problems: list[str] = []
        for row in range(self.table.rowCount()):
            code, name, shown = (self.table.item(row, c) for c in (CODE, LABEL, SHOWN))
            key = code.text().strip() if code else ""
            text = name.text().strip() if name else ""
            if key in SCORE_ITEMS and text == _(SCORE_ITEMS[key]):
                text = ""  # not renamed: keep following the language
            try:
                save_score_item(
                    self.ctx, key, text,
                    position=row, active=shown is not None
                    and shown.checkState() == Qt.CheckState.Checked,
                )
            except ZorgkoppelError as error:
                problems += [f"{row + 1}: {p}" for p in problems_of(error)]
        self.error.setText("\n".join(problems))
        if not problems:
            self.load()
        return not problems
