"""Settings › note retention (administrators): erase notes N years after the person's last
placement ended. Off by default; nothing is removed without a preview and an explicit step.

A thin layer over core.services.retention: the setting is stored in the data folder's
settings, the preview lists the notes (person, date, kind; never their text), and only
the previewed notes that are still due go.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.codes import NOTE_KINDS, label
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.core.services.retention import (
    RetainedNote,
    apply_retention,
    retention_preview,
)
from zorgkoppel.i18n import N_, _
from zorgkoppel.settings import Settings, load_settings, save_settings
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.display import date_text
from zorgkoppel.ui.table_model import Column, RowTableModel

DEFAULT_YEARS = 5
MAX_YEARS = 50


class RetentionPreviewDialog(QDialog):
    """The notes retention would remove now, and the button that removes them."""

    def __init__(self, ctx: ServiceContext, years: int, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retention_preview")
        self.setWindowTitle(_("Notes past the retention period"))
        self.resize(640, 420)
        self.ctx, self.years, self.today = ctx, years, today
        self.notes: list[RetainedNote] = retention_preview(ctx, years, today)
        self.removed: list[RetainedNote] = []
        self.model: RowTableModel[RetainedNote] = RowTableModel([
            Column(N_("Person"), lambda n: n.worker_name),
            Column(N_("Date"), lambda n: date_text(n.day)),
            Column(N_("Kind"), lambda n: label(NOTE_KINDS, n.kind)),
            Column(N_("Last placement ended"), lambda n: date_text(n.placement_ended)),
        ], self)
        self.model.set_rows(self.notes)
        table = QTableView()
        table.setObjectName("retention_notes")
        table.setModel(self.model)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel(_("Notes that would be removed: {count}").format(
            count=len(self.notes)))
        self.summary.setObjectName("retention_summary")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.apply_button = buttons.addButton(_("Remove these notes…"),
                                              QDialogButtonBox.ButtonRole.DestructiveRole)
        self.apply_button.setObjectName("apply_retention")
        self.apply_button.setEnabled(bool(self.notes))
        self.apply_button.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)

    def apply(self) -> None:
        if not dialogs.confirm(self, _("Remove notes"), _(
                "Remove these {count} notes for good? They cannot be brought back.").format(
                count=len(self.notes))):
            return
        try:
            result = apply_retention(self.ctx, self.years, self.today, self.notes)
        except (OSError, ZorgkoppelError) as error:
            dialogs.show_error(self, _("Cannot remove"), str(error))
            return
        self.removed = result.removed
        self.summary.setText(_("Notes removed: {count}").format(count=len(result.removed)))
        self.model.set_rows([])
        self.apply_button.setEnabled(False)


class RetentionSection(QWidget):
    """The setting with its "Preview…" button, for the Settings dialog."""

    def __init__(self, ctx: ServiceContext, data_dir: Path, owner: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__()
        self.setObjectName("retention_settings")
        self.ctx, self.data_dir, self._today = ctx, data_dir, today
        # The main window keeps its own Settings and writes them back (language change):
        # its copy must hold the new period too, or the next save would drop it.
        self._owner = owner
        years = load_settings(data_dir).retention_years
        self.enabled = QCheckBox(_("Erase notes"))
        self.enabled.setObjectName("retention_enabled")
        self.enabled.setChecked(years is not None)
        self.years = QSpinBox()
        self.years.setObjectName("retention_years")
        self.years.setRange(1, MAX_YEARS)
        self.years.setValue(years or DEFAULT_YEARS)
        self.years.setEnabled(years is not None)
        after = QLabel(_("years after the person's last placement ended"))
        self.preview_button = QPushButton(_("Preview…"))
        self.preview_button.setObjectName("retention_preview_button")
        self.preview_button.setEnabled(years is not None)
        self.preview_button.clicked.connect(self.preview)
        self.enabled.toggled.connect(self._save)
        self.years.valueChanged.connect(self._save)
        after.setWordWrap(True)  # Dutch and French need more room than the dialog has
        row = QHBoxLayout()
        row.addWidget(self.enabled)
        row.addWidget(self.years)
        row.addWidget(after, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _save(self) -> None:
        on = self.enabled.isChecked()
        self.years.setEnabled(on)
        self.preview_button.setEnabled(on)
        settings = load_settings(self.data_dir)
        settings.retention_years = self.years.value() if on else None
        save_settings(self.data_dir, settings)
        kept = getattr(self._owner, "settings", None)
        if isinstance(kept, Settings):
            kept.retention_years = settings.retention_years

    def preview(self) -> RetentionPreviewDialog | None:
        try:
            dialog = RetentionPreviewDialog(self.ctx, self.years.value(),
                                            self._today or dt.date.today(), self)
        except ZorgkoppelError as error:
            dialogs.show_error(self, _("Note retention"), str(error))
            return None
        dialogs.exec_dialog(dialog)
        return dialog


def retention_section(parent: QWidget, data_dir: Path) -> RetentionSection | None:
    """The section when the window's user is an administrator with a writable session."""
    ctx = getattr(parent, "ctx", None)
    if not isinstance(ctx, ServiceContext) or not ctx.actor.is_admin or ctx.db.read_only:
        return None
    return RetentionSection(ctx, data_dir, parent)
