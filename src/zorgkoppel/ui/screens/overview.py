"""Overview: the first screen. Figures and short lists of what needs attention today.

It is the only screen built at start, so it stays light: one service call, small tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.codes import NOTE_KINDS, label
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.dashboard import WARNING_KINDS, DashboardWarning
from zorgkoppel.core.services.overview import Overview, overview
from zorgkoppel.i18n import N_, _, ngettext
from zorgkoppel.i18n.formatting import format_date
from zorgkoppel.ui.display import date_text
from zorgkoppel.ui.look import WARNING, muted, set_text_colour
from zorgkoppel.ui.screen import Screen
from zorgkoppel.ui.table_model import ROW_ROLE, Column, RowTableModel

# The screen that shows a warning's subject.
WARNING_SCREENS = {
    "agreement_expiring": "agreements",
    "evaluation_overdue": "workers",
    "integration_deadline": "workers",
    "action_overdue": "notes",
}


class Tile(QFrame):
    """A figure with its caption and an optional line of detail."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.figure = QLabel("–")
        self.figure.setObjectName(f"{name}_figure")
        font = self.figure.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.figure.setFont(font)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.detail = QLabel()
        muted(self.detail)
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        layout.addWidget(self.figure)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def set_value(self, value: int, warn: bool = False) -> None:
        self.figure.setText(str(value))
        set_text_colour(self.figure, WARNING if warn else None)


class Panel(QWidget):
    """A titled short list; says so when it is empty. Double-click opens the record."""

    def __init__(
        self,
        name: str,
        columns: Sequence[Column[Any]],
        on_open: Callable[[Any], None],
        stretch: int = -1,
        parent: QWidget | None = None,
    ) -> None:
        """`stretch`: the column that takes the remaining width (-1: the last one)."""
        super().__init__(parent)
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.model: RowTableModel[Any] = RowTableModel(columns, self)
        self.table = QTableView()
        self.table.setObjectName(name)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if stretch < 0:
            header.setStretchLastSection(True)
        else:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        self._on_open = on_open
        self.empty = QLabel()
        self.empty.setObjectName(f"{name}_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setFrameShape(QFrame.Shape.StyledPanel)
        muted(self.empty)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.model.set_rows(rows)
        self.stack.setCurrentWidget(self.table if rows else self.empty)

    def _open(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self._on_open(row)


class OverviewScreen(Screen):
    first_painted = Signal()

    def __init__(
        self,
        ctx: ServiceContext,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(ctx, parent)
        self._today = today
        self.figures: Overview | None = None
        self._painted = False

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.date_label = QLabel()
        muted(self.date_label)

        self.organisations = Tile("organisations")
        self.workers = Tile("workers")
        self.agreements = Tile("agreements")
        self.unfilled = Tile("unfilled")
        self.overdue = Tile("overdue")
        tiles = QHBoxLayout()
        tiles.setSpacing(10)
        for tile, caption in (
            (self.organisations, N_("Organisations")),
            (self.workers, N_("Social-economy workers")),
            (self.agreements, N_("Agreements in force")),
            (self.unfilled, N_("Unfilled places today")),
            (self.overdue, N_("Overdue agreed actions")),
        ):
            self.texts.bind(tile.caption.setText, caption)
            tiles.addWidget(tile, 1)

        self.warnings = Panel("warnings", [
            Column(N_("Warning"), lambda w: _(WARNING_KINDS[w.kind])),
            Column(N_("Due"), lambda w: date_text(w.due), "due",
                   warn=lambda w: self.figures is not None and w.due < self.figures.today),
            Column(N_("What"), lambda w: w.text(), tooltip=lambda w: w.text()),
        ], self._open_warning)
        self.roster = Panel("roster_today", [
            Column(N_("Site"), lambda r: r.site),
            Column(N_("Places"), lambda r: str(r.needed), align_right=True),
            Column(N_("Unfilled"), lambda r: str(r.unfilled), align_right=True,
                   warn=lambda r: r.unfilled > 0),
            Column(N_("Present"), lambda r: str(r.present), align_right=True),
        ], lambda r: self.open_record.emit("roster", r.id), stretch=0)
        self.notes = Panel("recent_notes", [
            Column(N_("Date"), lambda r: date_text(r.day)),
            Column(N_("Worker"), lambda r: r.worker),
            Column(N_("Kind"), lambda r: label(NOTE_KINDS, r.kind)),
            Column(N_("Summary"), lambda r: r.headline, tooltip=lambda r: r.summary),
        ], lambda r: self.open_record.emit("notes", r.id))
        for panel, title in (
            (self.warnings, N_("Warnings")),
            (self.roster, N_("Today's roster")),
            (self.notes, N_("Recent notes")),
        ):
            self.texts.bind(panel.title.setText, title)

        self.texts.bind(self.warnings.empty.setText, N_("Nothing is due or overdue."))
        self.texts.bind(self.roster.empty.setText, N_("No roster planned for today."))
        self.texts.bind(self.notes.empty.setText, N_("No notes yet."))
        self.texts.bind(self.heading.setText, N_("Overview"))

        panels = QGridLayout()
        panels.setHorizontalSpacing(16)
        panels.setVerticalSpacing(12)
        # The warnings come first and get the most room: they are what the screen is for.
        panels.addWidget(self.warnings, 0, 0, 1, 2)
        panels.addWidget(self.roster, 1, 0)
        panels.addWidget(self.notes, 1, 1)
        panels.setColumnStretch(0, 1)
        panels.setColumnStretch(1, 1)
        panels.setRowStretch(0, 3)
        panels.setRowStretch(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        title_row = QHBoxLayout()
        title_row.addWidget(self.heading)
        title_row.addStretch(1)
        title_row.addWidget(self.date_label)
        layout.addLayout(title_row)
        layout.addLayout(tiles)
        layout.addLayout(panels, 1)
        self.texts.on_retranslate(self._show_figures)
        self.refresh()

    def refresh(self) -> None:
        self.figures = overview(self.ctx, self._today())
        self._show_figures()

    def _show_figures(self) -> None:
        figures = self.figures
        if figures is None:
            return
        self.date_label.setText(format_date(figures.today, fmt="full"))
        self.organisations.set_value(figures.organisations)
        self.organisations.detail.setText(
            _("{care} care facilities, {enterprises} social-economy enterprises").format(
                care=figures.care_facilities, enterprises=figures.enterprises
            )
        )
        self.workers.set_value(figures.workers)
        deadline_count = len(figures.deadlines)
        self.workers.detail.setText(
            ngettext(
                "{count} near the five-year limit",
                "{count} near the five-year limit",
                deadline_count,
            ).format(count=deadline_count)
            if deadline_count
            else ""
        )
        self.agreements.set_value(figures.agreements_in_force)
        ending = len(figures.ending_soon)
        self.agreements.detail.setText(
            ngettext("{count} ends within 90 days", "{count} end within 90 days", ending).format(
                count=ending
            )
            if ending
            else ""
        )
        self.unfilled.set_value(figures.unfilled_today, warn=figures.unfilled_today > 0)
        days = len(figures.roster_today)
        self.unfilled.detail.setText(
            ngettext("on {count} roster day", "on {count} roster days", days).format(count=days)
            if days
            else _("no roster today")
        )
        self.overdue.set_value(figures.overdue_actions, warn=figures.overdue_actions > 0)
        self.warnings.set_rows(list(figures.warnings))
        self.roster.set_rows(list(figures.roster_today))
        self.notes.set_rows(list(figures.recent_notes))
        for panel in (self.warnings, self.roster, self.notes):
            panel.model.retranslate()

    def _open_warning(self, warning: DashboardWarning) -> None:
        """Each warning opens the record it is about."""
        if warning.kind == "trajectory_phase_overrun":
            self.open_record.emit("workers", warning.params["worker_id"])
        else:
            self.open_record.emit(WARNING_SCREENS[warning.kind], warning.subject)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted and self.figures is not None:
            self._painted = True
            self.first_painted.emit()
