"""Settings › Restore a backup: the backups with their date and what they hold, one to restore.

The dialog only chooses; the window does the restore (storage.restore: check first, safety
copy, atomic swap) because it must close and reopen its database around it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.i18n import N_, _
from zorgkoppel.i18n.formatting import format_datetime, format_number
from zorgkoppel.storage.backup import BackupInfo, BackupSummary, summarize
from zorgkoppel.ui import dialogs

COLUMNS = (N_("Date"), N_("Kind"), N_("Organisations"), N_("Workers"), N_("Agreements"),
           N_("Notes"), N_("Folder"))
KINDS = {"": N_("backup"), "before-restore": N_("before a restore")}


def kind_text(reason: str) -> str:
    if reason.startswith("before-upgrade"):
        return _("before an upgrade")
    return _(KINDS.get(reason, N_("backup")))


class RestoreDialog(QDialog):
    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None,
                 key: bytes | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle(_("Restore a backup"))
        self.resize(860, 420)
        self.backups = backups
        self.chosen: Path | None = None
        self.summaries: list[BackupSummary | None] = [summarize(b.path, key) for b in backups]

        intro = QLabel(_(
            "Choose the backup to put back. It is checked first, and the data as it is now is "
            "kept as a backup of its own, so a restore can be undone."
        ))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(backups), len(COLUMNS))
        self.table.setObjectName("backups")
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, (backup, summary) in enumerate(zip(backups, self.summaries, strict=True)):
            self._fill(row, backup, summary)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())

        self.empty = QLabel(_("There are no backups yet."))
        self.empty.setVisible(not backups)
        self.other_button = QPushButton(_("Other file…"))
        self.other_button.setObjectName("restore_other_file")
        self.other_button.clicked.connect(self.choose_other_file)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(_("Restore"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore")
        self.restore_button.setEnabled(False)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        if backups:
            self.table.selectRow(0)

    def _fill(self, row: int, backup: BackupInfo, summary: BackupSummary | None) -> None:
        if summary is None:
            counts = [_("unreadable")] + [""] * 3
        else:
            counts = [format_number(n) for n in (summary.organisations, summary.workers,
                                                 summary.agreements, summary.notes)]
        values = [format_datetime(backup.taken_at), kind_text(backup.reason), *counts,
                  str(backup.path.parent)]
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if 2 <= column <= 5:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _selection_changed(self) -> None:
        row = self.selected_row()
        self.restore_button.setEnabled(row is not None and self.summaries[row] is not None)

    def restore_selected(self) -> None:
        row = self.selected_row()
        if row is None or self.summaries[row] is None:
            return
        self._confirm(self.backups[row].path, format_datetime(self.backups[row].taken_at))

    def choose_other_file(self) -> None:
        start = self.backups[0].path.parent if self.backups else Path.home()
        path = dialogs.ask_restore_path(self, _("Restore a backup"), start)
        if path is not None:
            self._confirm(path, str(path))

    def _confirm(self, path: Path, label: str) -> None:
        if dialogs.confirm(self, _("Restore a backup"), _(
            "Replace the current data by the backup of {when}? The current data is kept as a "
            "backup first."
        ).format(when=label)):
            self.chosen = path
            self.accept()
