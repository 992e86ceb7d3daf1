"""The Access history tab of a worker file: when, who and what was done with the person's
data. Only administrators and the job coaches of the person's employer get the tab."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError
from zorgkoppel.core.models import Worker
from zorgkoppel.core.services.audit_listing import (
    AuditRow,
    may_see_access_history,
    worker_access_history,
)
from zorgkoppel.i18n import N_, _
from zorgkoppel.ui.display import datetime_text
from zorgkoppel.ui.look import muted
from zorgkoppel.ui.table_model import Column, RowTableModel
from zorgkoppel.ui.texts import Texts

TITLE = N_("Access history")


class AccessHistoryView(QWidget):
    """A short explanation above the entries, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("access_history")
        self.model: RowTableModel[AuditRow] = RowTableModel([
            Column(N_("When"), lambda row: datetime_text(row.at)),
            Column(N_("Who"), lambda row: row.user_name),
            Column(N_("What"), lambda row: _(row.action_label)),
        ], self)
        self.table = QTableView()
        self.table.setObjectName("access_history_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        muted(self.explanation)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)

    def show_rows(self, rows: list[AuditRow]) -> None:
        self.model.set_rows(rows)
        self.model.retranslate()
        self.explanation.setText(_(
            "Who opened, printed, exported or otherwise used this person's data, newest "
            "first."))

    def texts(self) -> list[str]:
        """Every cell as shown, row by row (for tests and screen readers alike)."""
        return [" | ".join(str(self.model.index(r, c).data())
                           for c in range(self.model.columnCount()))
                for r in range(self.model.rowCount())]


class AccessHistoryTab:
    """Keeps the tab in `tabs` for those the service allows, and away for everyone else."""

    def __init__(self, ctx: ServiceContext, worker_id: str, tabs: QTabWidget,
                 texts: Texts) -> None:
        self.ctx = ctx
        self.worker_id = worker_id
        self.tabs = tabs
        self.view = AccessHistoryView()
        self._title = ""
        texts.bind(self._set_title, TITLE)

    @property
    def shown(self) -> bool:
        return self.tabs.indexOf(self.view) >= 0

    def _set_title(self, text: str) -> None:
        self._title = text
        if self.shown:
            self.tabs.setTabText(self.tabs.indexOf(self.view), text)

    def refresh(self, worker: Worker) -> None:
        """After the file was read (so its own opening is in the list)."""
        rows: list[AuditRow] | None = None
        if may_see_access_history(self.ctx, worker):
            try:
                rows = worker_access_history(self.ctx, self.worker_id)
            except NotFoundError:  # no longer allowed (the role changed meanwhile)
                rows = None
        if rows is None:
            if self.shown:
                self.tabs.removeTab(self.tabs.indexOf(self.view))
            return
        if not self.shown:
            self.tabs.addTab(self.view, self._title)
        self.view.show_rows(rows)
