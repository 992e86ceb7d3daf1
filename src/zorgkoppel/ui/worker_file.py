"""A worker's file in a window of its own: the timeline, tasks done per month, skills and
scores, open actions and evaluations; from here the progress report is printed, the next
evaluation goes to the office calendar and the transition trajectory is opened."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.codes import NOTE_KINDS, SKILL_LEVELS, TRAJECTORY_PHASES, label
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.core.services.calendar_export import evaluation_meeting_ics
from zorgkoppel.core.services.score_items import list_score_items
from zorgkoppel.core.services.tasks import task_labels
from zorgkoppel.core.services.worker_file import (
    NOTE,
    PLACEMENT_END,
    PLACEMENT_START,
    SKILL,
    MonthTasks,
    TimelineEntry,
    WorkerFile,
    worker_file,
)
from zorgkoppel.i18n import N_, _, current_language
from zorgkoppel.i18n.formatting import format_date
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.access_history_view import AccessHistoryTab
from zorgkoppel.ui.auto_lock import keep_open_while_locked
from zorgkoppel.ui.display import date_text
from zorgkoppel.ui.gdpr_buttons import GdprButtons
from zorgkoppel.ui.language import LANGUAGE_NAMES
from zorgkoppel.ui.look import muted
from zorgkoppel.ui.table_model import Column, RowTableModel
from zorgkoppel.ui.texts import Texts

EVALUATION_MINUTES = 60


def _table(model: RowTableModel[Any], name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table


class WorkerFileWindow(QDialog):
    """Not modal: a coach keeps it open beside the notes while preparing a meeting."""

    def __init__(
        self, ctx: ServiceContext, worker_id: str, parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        keep_open_while_locked(self)
        self.setObjectName("worker_file")
        self.ctx = ctx
        self.worker_id = worker_id
        self._today = today
        self.texts = Texts()
        self.file: WorkerFile | None = None
        self._tasks: dict[str, str] = {}
        self.resize(980, 680)

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        muted(self.subtitle)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)

        self.timeline_model: RowTableModel[TimelineEntry] = RowTableModel([
            Column(N_("Date"), lambda e: date_text(e.day)),
            Column(N_("What"), self._entry_title),
            Column(N_("Details"), self._entry_details, tooltip=lambda e: e.text),
        ], self)
        self.timeline = _table(self.timeline_model, "timeline")
        # The note's first line needs the room; the kind of entry is short.
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.timeline.setColumnWidth(1, 300)
        self.months_model: RowTableModel[MonthTasks] = RowTableModel([
            Column(N_("Month"), lambda m: format_date(dt.date.fromisoformat(f"{m.month}-01"),
                                                      fmt="MMMM yyyy")),
            Column(N_("Posts"), lambda m: str(m.total), align_right=True),
            Column(N_("Tasks"), lambda m: ", ".join(
                f"{self._tasks.get(code, code)} {count}" for code, count in m.counts.items())),
        ], self)
        self.months = _table(self.months_model, "roster_months")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.timeline, "")
        self.tabs.addTab(self.months, "")
        self.access_history = AccessHistoryTab(ctx, worker_id, self.tabs, self.texts)

        self.report_language = QComboBox()
        self.report_language.setObjectName("report_language")
        for code, name in LANGUAGE_NAMES.items():
            self.report_language.addItem(name, code)
        self.report_language.setCurrentIndex(
            max(0, self.report_language.findData(current_language()))
        )
        self.report_button = QPushButton()
        self.report_button.setObjectName("progress_report")
        self.report_button.clicked.connect(self.save_progress_report)
        self.calendar_button = QPushButton()
        self.calendar_button.setObjectName("plan_evaluation")
        self.calendar_button.clicked.connect(self.save_evaluation_ics)
        self.trajectory_button = QPushButton()
        self.trajectory_button.setObjectName("trajectory")
        self.trajectory_button.clicked.connect(self.open_trajectory)
        self.status = QLabel()
        self.status.setObjectName("status")
        muted(self.status)
        for setter, msgid in (
            (self.report_button.setText, N_("Progress report (PDF)…")),
            (self.calendar_button.setText, N_("Plan evaluation (.ics)…")),
            (self.trajectory_button.setText, N_("Transition trajectory…")),
            (lambda text: self.tabs.setTabText(0, text), N_("Timeline")),
            (lambda text: self.tabs.setTabText(1, text), N_("Tasks per month")),
        ):
            self.texts.bind(setter, msgid)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.summary)
        side_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.tabs)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([720, 300])

        buttons = QHBoxLayout()
        buttons.addWidget(self.trajectory_button)
        buttons.addWidget(self.calendar_button)
        self.gdpr = GdprButtons(ctx, worker_id, self.texts, self)
        buttons.addWidget(self.gdpr)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        buttons.addWidget(self.report_language)
        buttons.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.texts.on_retranslate(self.refresh)
        self.refresh()

    # -- showing

    def refresh(self) -> None:
        self.file = worker_file(self.ctx, self.worker_id, self._today)
        self._tasks = task_labels(self.ctx, current_language())
        file = self.file
        self.setWindowTitle(_("Worker file – {name}").format(name=file.worker.full_name))
        self.title.setText(file.worker.full_name)
        self.subtitle.setText(file.employer)
        self.timeline_model.set_rows(list(file.entries))
        self.months_model.set_rows(list(file.roster_months))
        self.access_history.refresh(file.worker)
        for model in (self.timeline_model, self.months_model):
            model.retranslate()
        self.summary.setText(self._summary_html(file))
        self.calendar_button.setEnabled(bool(file.evaluations))

    def _summary_html(self, file: WorkerFile) -> str:
        def escape(text: str) -> str:
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

        def heading(text: str, first: bool = False) -> str:
            return ("" if first else "<br>") + f"<b>{escape(text)}</b><br>"

        parts = [heading(_("Skills"), first=True)]
        parts += [f"{escape(self._tasks.get(code, code))}: "
                  f"{escape(label(SKILL_LEVELS, level))}<br>"
                  for code, level in sorted(file.skills.items())] or [
            escape(_("No skills recorded yet.")) + "<br>"]
        labels = {item.code: item.label for item in list_score_items(self.ctx)}
        parts.append(heading(_("Work attitude (1–4)")))
        if file.latest_scores:
            parts.append(escape(_("Scores of {date}").format(
                date=date_text(file.latest_scores_day))) + "<br>")
            not_observed = escape(_("not observed"))
            parts += [f"{escape(labels.get(item, item))}: "
                      f"{score if score is not None else not_observed}<br>"
                      for item, score in file.latest_scores.items()]
        else:
            parts.append(escape(_("No scores yet.")) + "<br>")
        hours, minutes = divmod(file.guidance_minutes, 60)
        parts.append(heading(_("Guidance")))
        parts.append(escape(_("Guidance time on file: {hours} h {minutes} min").format(
            hours=hours, minutes=f"{minutes:02d}")) + "<br>")
        for due in file.evaluations:
            line = _("Next evaluation ({reference}): {day}").format(
                reference=due.reference, day=date_text(due.due))
            colour = "#b3261e" if due.overdue else "inherit"
            parts.append(f"<span style='color:{colour}'>{escape(line)}</span><br>")
        if file.open_actions:
            parts.append(heading(_("Open actions")))
            for action in file.open_actions:
                overdue = action.due is not None and action.due < file.today
                colour = "#b3261e" if overdue else "inherit"
                due = date_text(action.due) if action.due else "–"
                parts.append(f"<span style='color:{colour}'>{escape(due)}: "
                             f"{escape(action.description)}</span><br>")
        return "".join(parts)

    def _entry_title(self, entry: TimelineEntry) -> str:
        if entry.kind == NOTE:
            text = label(NOTE_KINDS, entry.code)
            if entry.shared is False:
                text += " · " + _("confidential")
            if entry.locked:
                text += " · " + _("signed off")
            return text
        if entry.kind == SKILL:
            return _("{task}: {level}").format(task=self._tasks.get(entry.subject, entry.subject),
                                               level=label(SKILL_LEVELS, entry.code))
        if entry.kind == PLACEMENT_START:
            return _("Placed with {facility} ({reference})").format(
                facility=entry.text, reference=entry.code)
        if entry.kind == PLACEMENT_END:
            return _("Placement with {facility} ended ({reference})").format(
                facility=entry.text, reference=entry.code)
        return _("Transition trajectory: {phase}").format(
            phase=label(TRAJECTORY_PHASES, entry.code))

    def _entry_details(self, entry: TimelineEntry) -> str:
        if entry.kind != NOTE:
            return ""
        first_line = entry.text.strip().splitlines()[0] if entry.text.strip() else ""
        if entry.minutes:
            return _("{minutes} min – {text}").format(minutes=entry.minutes, text=first_line)
        return first_line

    # -- actions

    def save_progress_report(self) -> None:
        from zorgkoppel.documents.progress_report import progress_report_pdf

        assert self.file is not None
        language = self.report_language.currentData()
        path = dialogs.ask_pdf_path(self, _("Save the progress report"),
                                    f"{self.file.worker.full_name}.pdf")
        if path is None:
            return
        try:
            path.write_bytes(progress_report_pdf(self.ctx, self.worker_id, language,
                                                 self._today))
        except (OSError, ZorgkoppelError) as error:
            dialogs.show_error(self, _("Cannot save"), str(error))
            return
        self.status.setText(_("Saved to {path}.").format(path=path))

    def save_evaluation_ics(self) -> None:
        assert self.file is not None and self.file.evaluations
        due = self.file.evaluations[0]
        suggested_day = max(due.due, self.file.today)
        suggested = QDateTime(suggested_day, QTime(10, 0))
        chosen = dialogs.ask_meeting_time(self, _("When is the evaluation meeting?"), suggested)
        if chosen is None:
            return
        start = chosen.toPython()  # type: ignore[attr-defined]
        path = dialogs.ask_calendar_path(self, _("Save the meeting for the calendar"),
                                         f"{self.file.worker.full_name}.ics")
        if path is None:
            return
        try:
            path.write_bytes(evaluation_meeting_ics(
                self.ctx, self.worker_id, start, EVALUATION_MINUTES, due.agreement_id))
        except (OSError, ZorgkoppelError) as error:
            dialogs.show_error(self, _("Cannot save"), str(error))
            return
        self.status.setText(_("Saved to {path}.").format(path=path))

    def open_trajectory(self) -> None:
        from zorgkoppel.ui.trajectory_editor import TrajectoryDialog

        dialog = TrajectoryDialog(self.ctx, self.worker_id, self, today=self._today)
        dialog.show()
        self.trajectory_dialog = dialog
