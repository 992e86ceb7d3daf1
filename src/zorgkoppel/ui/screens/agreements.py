"""Agreements: the list, the editor with the workflow (sign, activate, end, terminate, amend),
a read-only summary, the amendment history, and the contract preview."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.codes import (
    AGREEMENT_PHASES,
    AGREEMENT_STATUSES,
    LEGAL_FORMS,
    RATE_TYPES,
    label,
)
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, ZorgkoppelError
from zorgkoppel.core.services.agreement_workflow import (
    activate_agreement,
    amendment_changes,
    end_agreement,
    list_amendments,
    list_issues,
    sign_agreement,
    terminate_agreement,
)
from zorgkoppel.core.services.listings import (
    AgreementDetail,
    AgreementRow,
    agreement_detail,
    list_agreement_rows,
)
from zorgkoppel.core.services.outcome import Outcome
from zorgkoppel.i18n import N_, _, ngettext
from zorgkoppel.ui import agreement_dialogs, dialogs
from zorgkoppel.ui.code_combo import CodeCombo, code_choices
from zorgkoppel.ui.contract_preview import ContractPreview
from zorgkoppel.ui.detail_view import DetailView, Section
from zorgkoppel.ui.display import date_text, long_date_text, money_text, number_text
from zorgkoppel.ui.editor_screen import EditorScreen
from zorgkoppel.ui.forms.agreement_form import AgreementForm
from zorgkoppel.ui.language import LANGUAGE_NAMES
from zorgkoppel.ui.table_model import Column
from zorgkoppel.ui.task_names import TaskNames

IN_FORCE = ("signed", "active")


def days_to_expiry(row: AgreementRow, today: dt.date | None = None) -> int | None:
    """Days until the end of an agreement in force; None when open-ended or not in force."""
    if row.status not in IN_FORCE or row.end is None:
        return None
    return (row.end - (today or dt.date.today())).days


def _expiry_text(row: AgreementRow) -> str:
    days = days_to_expiry(row)
    return "" if days is None else str(days)


class AgreementsScreen(EditorScreen[AgreementRow]):
    areas = frozenset({"agreements", "organisations", "people", "workers", "tasks"})
    search_placeholder = N_("Search by reference or partner…")
    list_share = 0.5

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        self.task_names = TaskNames(ctx)
        self.previews: list[ContractPreview] = []
        super().__init__(ctx, parent)
        self.status_filter = CodeCombo(code_choices(AGREEMENT_STATUSES), N_("All statuses"))
        self.status_filter.setObjectName("status_filter")
        self.phase_filter = CodeCombo(code_choices(AGREEMENT_PHASES), N_("All phases"))
        self.phase_filter.setObjectName("phase_filter")
        self.form_filter = CodeCombo(code_choices(LEGAL_FORMS), N_("All legal forms"))
        self.form_filter.setObjectName("legal_form_filter")
        self.add_filter(self.status_filter, N_("S&tatus:"))
        self.add_filter(self.phase_filter, N_("&Phase:"))
        self.add_filter(self.form_filter, N_("Le&gal form:"))
        for combo in (self.status_filter, self.phase_filter, self.form_filter):
            self.texts.on_retranslate(combo.reload)
        self.texts.on_retranslate(self.form.texts.retranslate)
        self.texts.on_retranslate(self._retranslate_history)
        self.edit_state_changed.connect(self._update_workflow)
        self.refresh()

    # -- list

    def columns(self) -> Sequence[Column[AgreementRow]]:
        return [
            Column(N_("Reference"), lambda r: r.reference, "reference"),
            Column(N_("Care facility"), lambda r: r.care_partner, "care_partner"),
            Column(N_("Social-economy partner"), lambda r: r.se_partner, "se_partner"),
            Column(N_("Phase"), lambda r: label(AGREEMENT_PHASES, r.phase)),
            Column(N_("Status"), lambda r: label(AGREEMENT_STATUSES, r.status)),
            Column(N_("Start"), lambda r: date_text(r.start), "start"),
            Column(N_("End"), lambda r: date_text(r.end), "end"),
            Column(N_("Workers"), lambda r: str(r.workers), "workers", align_right=True),
            Column(N_("Legal form"), lambda r: label(LEGAL_FORMS, r.legal_form), "legal_form"),
            Column(N_("Days to expiry"), _expiry_text, align_right=True),
        ]

    def query(self) -> Sequence[AgreementRow]:
        rows = list_agreement_rows(
            self.ctx,
            search=self.search_text(),
            status=self.status_filter.code(),
            phase=self.phase_filter.code(),
        )
        legal_form = self.form_filter.code() if hasattr(self, "form_filter") else None
        return [r for r in rows if legal_form is None or r.legal_form == legal_form]

    def count_text(self, count: int) -> str:
        return ngettext("{count} agreement", "{count} agreements", count).format(count=count)

    def refresh(self) -> None:
        self.task_names.reload()
        self.form.reload_choices()
        super().refresh()

    def delete_question(self) -> str:
        return _("Delete this draft agreement? This cannot be undone.")

    # -- side pane

    def build_side(self) -> QWidget:
        self.form = AgreementForm(self.ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("agreement_tabs")
        # The workflow first: on a locked agreement it is what the user came for.
        self.tabs.addTab(self.form_pane(self._workflow_bar(), self.form, self.button_bar()), "")
        self.detail = DetailView()
        self.detail.setObjectName("detail")
        self.tabs.addTab(self.detail, "")
        self.tabs.addTab(self._history_pane(), "")
        for index, caption in enumerate((N_("Agreement"), N_("Summary"), N_("History"))):
            self.texts.bind(lambda text, i=index: self.tabs.setTabText(i, text), caption)
        return self.tabs

    def _workflow_bar(self) -> QWidget:
        bar = QWidget()
        layout = QVBoxLayout(bar)
        layout.setContentsMargins(0, 6, 0, 6)
        title = QLabel()
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.texts.bind(title.setText, N_("Workflow and contract"))
        layout.addWidget(title)
        row = QHBoxLayout()
        second = QHBoxLayout()
        self.workflow: dict[str, QPushButton] = {}
        actions: list[tuple[str, str, str, Callable[[], object]]] = [
            ("sign", N_("Si&gn…"), N_("Record the signing date; the agreement is then locked"),
             self.sign),
            ("activate", N_("Acti&vate"), N_("The signed agreement is now in force"),
             self.activate),
            ("end", N_("E&nd"), N_("The agreement ran its course"), self.end),
            ("terminate", N_("Te&rminate…"), N_("End the agreement early, by notice"),
             self.terminate),
            ("amend", N_("A&mend"), N_("Change a signed agreement through a numbered amendment"),
             self.amend),
            ("preview", N_("Contract &preview…"), N_("Preview, print or save the contract"),
             self.preview_contract),
        ]
        for position, (key, caption, tip, slot) in enumerate(actions):
            button = QPushButton()
            button.setObjectName(f"{key}_button")
            self.texts.bind(button.setText, caption)
            self.texts.bind(button.setToolTip, tip)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            self.workflow[key] = button
            (row if position < 4 else second).addWidget(button)
        row.addStretch(1)
        second.addStretch(1)
        layout.addLayout(row)
        layout.addLayout(second)
        return bar

    def _history_pane(self) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        self.amendments = QTableWidget(0, 4)
        self.amendments.setObjectName("amendments")
        self.amendments.verticalHeader().setVisible(False)
        self.amendments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.amendments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.amendments.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.amendments.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        self.amendments.doubleClicked.connect(lambda _i: self.preview_amendment())
        self.amendment_preview = QPushButton()
        self.amendment_preview.setObjectName("amendment_preview_button")
        self.texts.bind(self.amendment_preview.setText, N_("Amendment p&rintout…"))
        self.amendment_preview.clicked.connect(self.preview_amendment)
        self.issues = QLabel()
        self.issues.setObjectName("issues")
        self.issues.setWordWrap(True)
        self.amendments_title = QLabel()
        self.issues_title = QLabel()
        for title in (self.amendments_title, self.issues_title):
            font = title.font()
            font.setBold(True)
            title.setFont(font)
        self.texts.bind(self.amendments_title.setText, N_("Amendments"))
        self.texts.bind(self.issues_title.setText, N_("Issued printouts (SHA-256)"))
        layout.addWidget(self.amendments_title)
        layout.addWidget(self.amendments, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.amendment_preview)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.issues_title)
        layout.addWidget(self.issues)
        layout.addStretch(1)
        return pane

    # -- selection

    def row_selected(self, row: AgreementRow | None) -> None:
        super().row_selected(row)
        self._show_extras()

    def _show_extras(self) -> None:
        self._update_workflow()
        self._show_summary()
        self._show_history()

    def _show_summary(self) -> None:
        record_id = self.form.record_id
        if record_id is None:
            self.detail.show_message(_("Select an agreement to see all its details."))
            return
        try:
            detail = agreement_detail(self.ctx, record_id)
        except NotFoundError as error:
            self.detail.show_message(error.text())
            return
        self.detail.show_record(detail.agreement.reference, self.sections(detail))

    def _retranslate_history(self) -> None:
        self._show_extras()

    def _show_history(self) -> None:
        record_id = self.form.record_id
        self.amendments.setHorizontalHeaderLabels(
            [_("No."), _("Date"), _("Reason"), _("Changes")])
        self.amendments.setRowCount(0)
        self.issues.setText("")
        if record_id is None:
            self.amendment_preview.setEnabled(False)
            return
        amendments = list_amendments(self.ctx, record_id)
        for amendment in amendments:
            row = self.amendments.rowCount()
            self.amendments.insertRow(row)
            count = len(amendment_changes(amendment))
            for column, text in enumerate((
                str(amendment.number), date_text(amendment.amended_on), amendment.reason,
                ngettext("{count} provision", "{count} provisions", count).format(count=count),
            )):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setData(256, amendment.number)  # Qt.UserRole
                self.amendments.setItem(row, column, item)
        if amendments:
            self.amendments.selectRow(len(amendments) - 1)
        self.amendment_preview.setEnabled(bool(amendments))
        lines = []
        for issue in list_issues(self.ctx, record_id):
            what = (_("amendment {number}").format(number=issue.amendment_number)
                    if issue.amendment_number else _("contract"))
            lines.append(_("{date}: {what}, version {version}, {language} — {sha256}").format(
                date=date_text(issue.issued_on), what=what, version=issue.version,
                language=issue.language, sha256=issue.sha256))
        self.issues.setText("\n".join(lines) or _("Nothing printed yet."))

    def _update_workflow(self) -> None:
        workflow = getattr(self, "workflow", None)
        if not workflow:
            return
        form = self.form
        saved = form.record_id is not None and not form.is_dirty() and not form.amending
        status = form.status
        workflow["sign"].setEnabled(saved and status == "draft")
        workflow["activate"].setEnabled(saved and status == "signed")
        workflow["end"].setEnabled(saved and status in IN_FORCE)
        workflow["terminate"].setEnabled(saved and status in IN_FORCE)
        workflow["amend"].setEnabled(form.can_amend() and not form.amending)
        workflow["preview"].setEnabled(saved)
        if hasattr(self, "buttons"):
            self.buttons["delete"].setEnabled(form.record_id is not None and status == "draft")
            # Revert also leaves an amendment that has no changes yet.
            self.buttons["revert"].setEnabled(form.is_dirty() or form.amending)

    # -- workflow actions

    def _run(self, step: Callable[[], Outcome[object]], done: str) -> bool:
        record_id = self.form.record_id
        if record_id is None or not self._settle_changes():
            return False
        try:
            outcome = step()
        except ZorgkoppelError as error:
            problems = getattr(error, "problems", None)
            text = "\n".join(p.text() for p in problems) if problems else error.text()
            dialogs.show_error(self, _("Not possible"), text)
            return False
        self._after_change(record_id, outcome.changes)
        self.status_message.emit(done)
        return True

    def _after_change(self, record_id: str, changes: Changes) -> None:
        self.form.load(record_id)
        self._selected_id = record_id
        self.refresh()
        self._show_extras()
        self.edit_state_changed.emit()
        self.data_changed.emit(changes)

    def sign(self) -> bool:
        record_id = self.form.record_id
        if record_id is None:
            return False
        day = agreement_dialogs.ask_date(self, _("Sign the agreement"),
                                         _("Date on which all parties signed:"))
        if day is None:
            return False
        return self._run(lambda: sign_agreement(self.ctx, record_id, day),
                         _("Signed. The agreement is now locked."))

    def activate(self) -> bool:
        record_id = self.form.record_id
        return record_id is not None and self._run(
            lambda: activate_agreement(self.ctx, record_id), _("Active."))

    def end(self) -> bool:
        record_id = self.form.record_id
        if record_id is None or not dialogs.confirm(
                self, _("End"), _("Mark this agreement as ended? It can no longer change.")):
            return False
        return self._run(lambda: end_agreement(self.ctx, record_id), _("Ended."))

    def terminate(self) -> bool:
        record_id = self.form.record_id
        if record_id is None:
            return False
        day = agreement_dialogs.ask_date(
            self, _("Terminate the agreement"),
            _("Date on which the termination takes effect (end of the notice period):"))
        if day is None:
            return False
        return self._run(lambda: terminate_agreement(self.ctx, record_id, day),
                         _("Terminated."))

    def amend(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.form.start_amendment()
        self.edit_state_changed.emit()
        self.form.reason.setFocus()

    def save_record(self) -> bool:
        amending = self.form.amending
        saved = super().save_record()
        if saved:
            self._show_extras()
            if amending:
                self.status_message.emit(_("The amendment was saved."))
        return saved

    def revert_record(self) -> None:
        super().revert_record()
        self._show_extras()

    # -- printouts

    def _open_preview(self, amendment: int) -> ContractPreview | None:
        record_id = self.form.record_id
        if record_id is None or not self._settle_changes():
            return None
        preview = ContractPreview(self.ctx, record_id, amendment, self)
        preview.finished.connect(lambda _r: self._show_history())
        preview.print_button.clicked.connect(self._show_history)
        preview.save_button.clicked.connect(self._show_history)
        self.previews = [p for p in self.previews if p.isVisible()] + [preview]
        preview.show()
        return preview

    def preview_contract(self) -> ContractPreview | None:
        return self._open_preview(0)

    def preview_amendment(self) -> ContractPreview | None:
        row = self.amendments.currentRow()
        if row < 0:
            return None
        item = self.amendments.item(row, 0)
        return self._open_preview(int(item.data(256)))

    # -- summary

    def sections(self, detail: AgreementDetail) -> list[Section]:
        a = detail.agreement
        weeks = a.evaluation_every_weeks
        return [
            Section(_("Agreement"), [
                (_("Phase"), label(AGREEMENT_PHASES, a.phase)),
                (_("Legal form"), label(LEGAL_FORMS, a.legal_form)),
                (_("Status"), label(AGREEMENT_STATUSES, a.status)),
                (_("Contract language"), LANGUAGE_NAMES.get(a.language, a.language)),
                (_("Care facility"), detail.care_partner),
                (_("Social-economy partner"), detail.se_partner),
                (_("Commissioned by"), detail.commissioned_by or ""),
                (_("Signed on"), long_date_text(a.signed_on)),
            ]),
            Section(_("Content: tasks"), lines=[
                self.task_names.label(t.task_code)
                + (f" — {t.description}" if t.description else "")
                for t in detail.tasks
            ], empty=_("No tasks named.")),
            Section(_("Scope"), [
                (_("Workers"), number_text(a.scope_workers)),
                (_("FTE"), number_text(a.scope_fte)),
                (_("Hours per week"), number_text(a.scope_hours_per_week)),
            ]),
            Section(_("Duration"), [
                (_("Start"), long_date_text(a.start_date)),
                (_("End"), long_date_text(a.end_date) or _("open-ended")),
                (_("Notice (days)"), number_text(a.notice_days)),
            ]),
            Section(_("Performance"), [
                (_("Sites"), "\n".join(a.site_list)),
                (_("Schedule"), a.schedule or ""),
                (_("Job coach"), detail.job_coach or ""),
                (_("Direct supervisor"), detail.supervisor or ""),
                (_("Evaluation"), ngettext("every {count} week", "every {count} weeks",
                                           weeks).format(count=weeks) if weeks else ""),
            ]),
            Section(_("Financing"), [
                (_("Rate type"), label(RATE_TYPES, a.rate_type)),
                (_("Rate"), money_text(a.rate)),
                (_("Guidance hours per month"), number_text(a.guidance_hours_per_month)),
                (_("Training hours per year"), number_text(a.training_hours_per_year)),
                (_("VIA working-time reduction (days per year)"),
                 number_text(a.via_reduction_days_per_year)),
                (_("Index base month"), a.index_base_month or ""),
            ]),
            Section(_("Placed workers"), lines=list(detail.workers),
                    empty=_("No workers placed yet.")),
        ]
