"""The agreement form: parties, phase and legal form, the five topics, placed workers,
clause options and the contract's language.

A draft is edited and saved freely. A signed or active agreement is locked: its fields are
read-only until the user starts an amendment; saving then writes the next numbered
amendment with its date and reason. Ended and terminated agreements stay read-only.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.codes import (
    AGREEMENT_PHASES,
    AGREEMENT_STATUSES,
    LEGAL_FORMS,
    RATE_TYPES,
    SOCIAL_ECONOMY_KINDS,
    label,
)
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import Problem, Problems, ValidationError
from zorgkoppel.core.rules.agreement import AgreementData
from zorgkoppel.core.rules.contract_terms import (
    DISPUTE_RESOLUTIONS,
    INVOICING_FREQUENCIES,
    RENEWALS,
    ContractTerms,
)
from zorgkoppel.core.rules.values import MSG_REQUIRED
from zorgkoppel.core.services.agreement_workflow import (
    agreement_file,
    amend_agreement,
    save_draft,
)
from zorgkoppel.core.services.agreements import delete_agreement
from zorgkoppel.core.services.organisations import list_organisations, list_people
from zorgkoppel.core.services.workers import list_workers
from zorgkoppel.i18n import N_, _
from zorgkoppel.ui.code_combo import CodeCombo, code_choices
from zorgkoppel.ui.date_edit import TOOLTIP as DATE_TOOLTIP
from zorgkoppel.ui.date_edit import OptionalDateEdit
from zorgkoppel.ui.field_errors import error_label
from zorgkoppel.ui.forms.agreement_parts import (
    TasksTable,
    WorkersChecklist,
    decimal_field,
    int_field,
    number_text,
)
from zorgkoppel.ui.forms.record_form import RecordForm, optional_text
from zorgkoppel.ui.language import LANGUAGE_NAMES
from zorgkoppel.ui.task_names import TaskNames

EDITABLE_STATUSES = ("draft",)
AMENDABLE_STATUSES = ("signed", "active")


def _row_number(rest: str) -> str:
    try:
        return str(int(rest[1:rest.index("]")]) + 1)
    except ValueError:
        return rest


class AgreementForm(RecordForm):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.status = "draft"
        self.amending = False
        self._reference = ""
        self.task_names = TaskNames(ctx)
        self._organisations: list[tuple[str, str, str]] = []  # id, name, kind
        self.groups: list[QGroupBox] = []

        # Agreement
        self.reference = QLineEdit()
        self.reference.setObjectName("reference")
        self.phase = CodeCombo(code_choices(AGREEMENT_PHASES))
        self.phase.setObjectName("phase")
        self.legal_form = CodeCombo(code_choices(LEGAL_FORMS))
        self.legal_form.setObjectName("legal_form")
        self.language = CodeCombo(lambda: list(LANGUAGE_NAMES.items()))
        self.language.setObjectName("language")
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        general = self._group(N_("Agreement"))
        self.field_row(general, N_("&Reference:"), self.reference, "reference")
        self.field_row(general, N_("P&hase:"), self.phase, "phase")
        self.field_row(general, N_("&Legal form:"), self.legal_form, "legal_form")
        self.field_row(general, N_("Contract lan&guage:"), self.language, "language")
        self.field_row(general, N_("Status:"), self.status_label, "status")

        # Parties
        self.care_partner = CodeCombo(lambda: self._organisations_of("care_facility"),
                                      N_("(choose)"))
        self.care_partner.setObjectName("care_partner")
        self.se_partner = CodeCombo(lambda: self._organisations_of(*SOCIAL_ECONOMY_KINDS),
                                    N_("(choose)"))
        self.se_partner.setObjectName("se_partner")
        self.commissioned_by = CodeCombo(lambda: self._organisations_of("local_authority"),
                                         N_("(none)"))
        self.commissioned_by.setObjectName("commissioned_by")
        parties = self._group(N_("Parties"))
        self.field_row(parties, N_("&Care facility:"), self.care_partner, "care_partner")
        self.field_row(parties, N_("&Social-economy enterprise:"), self.se_partner,
                       "se_partner")
        self.field_row(parties, N_("Co&mmissioned by (LDE):"), self.commissioned_by,
                       "commissioned_by")

        # Content
        self.tasks = TasksTable(self.task_names.choices, self.mark_changed)
        self.add_task_button = QPushButton()
        self.add_task_button.setObjectName("add_task")
        self.remove_task_button = QPushButton()
        self.remove_task_button.setObjectName("remove_task")
        self.texts.bind(self.add_task_button.setText, N_("Add &task"))
        self.texts.bind(self.remove_task_button.setText, N_("Remove task"))
        self.add_task_button.clicked.connect(self._add_task)
        self.remove_task_button.clicked.connect(self.tasks.remove_current)
        self.tasks_error = error_label()
        self.tasks_error.setObjectName("error_tasks")
        self.errors.add("tasks", self.tasks_error, self._describe_task_problem)
        content_box = QGroupBox()
        self.texts.bind(content_box.setTitle, N_("Content: tasks"))
        content = QVBoxLayout(content_box)
        content.addWidget(self.tasks)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_task_button)
        buttons.addWidget(self.remove_task_button)
        buttons.addStretch(1)
        content.addLayout(buttons)
        content.addWidget(self.tasks_error)
        self.groups.append(content_box)

        # Scope
        self.scope_workers = self._line("scope_workers")
        self.scope_fte = self._line("scope_fte")
        self.scope_hours = self._line("scope_hours")
        scope = self._group(N_("Scope"))
        self.field_row(scope, N_("&Workers:"), self.scope_workers, "scope.workers")
        self.field_row(scope, N_("&FTE:"), self.scope_fte, "scope.fte")
        self.field_row(scope, N_("Hours per wee&k:"), self.scope_hours, "scope.hours_per_week")

        # Duration
        self.start_date = OptionalDateEdit()
        self.start_date.setObjectName("start_date")
        self.end_date = OptionalDateEdit()
        self.end_date.setObjectName("end_date")
        for editor in (self.start_date, self.end_date):
            self.texts.bind(editor.setToolTip, DATE_TOOLTIP)
        self.notice_days = self._line("notice_days")
        self.renewal = CodeCombo(code_choices(RENEWALS))
        self.renewal.setObjectName("renewal")
        duration = self._group(N_("Duration"))
        self.field_row(duration, N_("St&art:"), self.start_date, "start")
        self.field_row(duration, N_("&End:"), self.end_date, "end")
        self.field_row(duration, N_("&Notice (days):"), self.notice_days, "notice_days")
        self.field_row(duration, N_("Re&newal:"), self.renewal, "terms.renewal")

        # Performance
        self.sites = QPlainTextEdit()
        self.sites.setObjectName("sites")
        self.sites.setFixedHeight(60)
        self.texts.bind(self.sites.setPlaceholderText, N_("One site per line"))
        self.schedule = self._line("schedule")
        self.job_coach = CodeCombo(lambda: self._people_of(self.se_partner.code()), N_("(none)"))
        self.job_coach.setObjectName("job_coach")
        self.supervisor = CodeCombo(lambda: self._people_of(self.care_partner.code()),
                                    N_("(none)"))
        self.supervisor.setObjectName("supervisor")
        self.evaluation_weeks = self._line("evaluation_weeks")
        performance = self._group(N_("Performance"))
        self.field_row(performance, N_("S&ites:"), self.sites, "performance.sites")
        self.field_row(performance, N_("Sc&hedule:"), self.schedule, "performance.schedule")
        self.field_row(performance, N_("&Job coach:"), self.job_coach, "performance.job_coach")
        self.field_row(performance, N_("Direct su&pervisor:"), self.supervisor,
                       "performance.supervisor")
        self.field_row(performance, N_("Evaluation every (weeks):"), self.evaluation_weeks,
                       "performance.evaluation_every_weeks")

        # Financing
        self.rate_type = CodeCombo(code_choices(RATE_TYPES), N_("(none)"))
        self.rate_type.setObjectName("rate_type")
        self.rate = self._line("rate")
        self.guidance_hours = self._line("guidance_hours")
        self.training_hours = self._line("training_hours")
        self.via_days = self._line("via_days")
        self.index_base_month = self._line("index_base_month")
        self.texts.bind(self.index_base_month.setPlaceholderText, N_("YYYY-MM"))
        financing = self._group(N_("Financing"))
        self.field_row(financing, N_("Rate t&ype:"), self.rate_type, "financing.rate_type")
        self.field_row(financing, N_("Rate (EUR):"), self.rate, "financing.rate")
        self.field_row(financing, N_("Guidance hours per month:"), self.guidance_hours,
                       "financing.guidance_hours_per_month")
        self.field_row(financing, N_("Training hours per year:"), self.training_hours,
                       "financing.training_hours_per_year")
        self.field_row(financing, N_("VIA working-time reduction (days per year):"),
                       self.via_days, "financing.via_reduction_days_per_year")
        self.field_row(financing, N_("Index base month:"), self.index_base_month,
                       "financing.index_base_month")

        # Placed workers
        self.workers = WorkersChecklist(self.mark_changed)
        self.workers_error = error_label()
        self.workers_error.setObjectName("error_workers")
        self.errors.add("workers", self.workers_error)
        workers_box = QGroupBox()
        self.texts.bind(workers_box.setTitle, N_("Placed workers"))
        workers_layout = QVBoxLayout(workers_box)
        workers_layout.addWidget(self.workers)
        workers_layout.addWidget(self.workers_error)
        self.groups.append(workers_box)

        # Clauses
        self.confidentiality = QCheckBox()
        self.confidentiality.setObjectName("confidentiality")
        self.texts.bind(self.confidentiality.setText, N_("Confidentiality clause"))
        self.gdpr = QCheckBox()
        self.gdpr.setObjectName("gdpr_processing")
        self.texts.bind(self.gdpr.setText, N_("Processing of personal data (GDPR)"))
        self.liability = QCheckBox()
        self.liability.setObjectName("liability_insurance")
        self.texts.bind(self.liability.setText, N_("Liability and insurance"))
        self.invoicing = CodeCombo(code_choices(INVOICING_FREQUENCIES))
        self.invoicing.setObjectName("invoicing_frequency")
        self.payment_term = self._line("payment_term_days")
        self.disputes = CodeCombo(code_choices(DISPUTE_RESOLUTIONS))
        self.disputes.setObjectName("disputes")
        clauses = self._group(N_("Clauses"))
        clauses.addRow("", self.confidentiality)
        clauses.addRow("", self.gdpr)
        clauses.addRow("", self.liability)
        self.field_row(clauses, N_("In&voicing:"), self.invoicing, "terms.invoicing_frequency")
        self.field_row(clauses, N_("Payment term (days):"), self.payment_term,
                       "terms.payment_term_days")
        self.field_row(clauses, N_("&Disputes:"), self.disputes, "terms.disputes")

        # Amendment (shown while amending a signed agreement)
        self.amended_on = OptionalDateEdit()
        self.amended_on.setObjectName("amended_on")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setFixedHeight(60)
        self.amendment_box = QGroupBox()
        self.amendment_box.setObjectName("amendment_box")
        self.texts.bind(self.amendment_box.setTitle, N_("Amendment"))
        amendment = QFormLayout(self.amendment_box)
        self.field_row(amendment, N_("Date of the amendment:"), self.amended_on, "amended_on")
        self.field_row(amendment, N_("Reas&on:"), self.reason, "reason")
        self.amendment_box.setVisible(False)

        self.lock_note = QLabel()
        self.lock_note.setObjectName("lock_note")
        self.lock_note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.lock_note)
        layout.addWidget(self.general_error)
        layout.addWidget(self.amendment_box)
        for box in self.groups:
            layout.addWidget(box)

        self.watch(self.reference, self.phase, self.legal_form, self.language,
                   self.care_partner, self.se_partner, self.commissioned_by,
                   self.scope_workers, self.scope_fte, self.scope_hours, self.start_date,
                   self.end_date, self.notice_days, self.renewal, self.sites, self.schedule,
                   self.job_coach, self.supervisor, self.evaluation_weeks, self.rate_type,
                   self.rate, self.guidance_hours, self.training_hours, self.via_days,
                   self.index_base_month, self.confidentiality, self.gdpr, self.liability,
                   self.invoicing, self.payment_term, self.disputes, self.amended_on,
                   self.reason)
        self.se_partner.currentIndexChanged.connect(lambda _i: self._partner_changed())
        self.care_partner.currentIndexChanged.connect(lambda _i: self._partner_changed())
        self.texts.on_retranslate(self._retranslate_choices)
        self.texts.on_retranslate(self._show_status)
        self.reload_choices()
        self.load(None)

    # -- building

    def _group(self, title: str) -> QFormLayout:
        box = QGroupBox()
        self.texts.bind(box.setTitle, title)
        layout = QFormLayout(box)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.groups.append(box)
        return layout

    @staticmethod
    def _line(name: str) -> QLineEdit:
        editor = QLineEdit()
        editor.setObjectName(name)
        return editor

    # -- choices

    def _organisations_of(self, *kinds: str) -> list[tuple[str, str]]:
        return [(key, name) for key, name, kind in self._organisations if kind in kinds]

    def _people_of(self, organisation_id: str | None) -> list[tuple[str, str]]:
        if not organisation_id:
            return []
        return [(p.id, p.name) for p in list_people(self.ctx, organisation_id)]

    def reload_choices(self) -> None:
        """Organisations, people, workers and tasks may have changed elsewhere."""
        self.task_names.reload()
        self._organisations = [(o.id, o.name, o.kind) for o in list_organisations(self.ctx)]
        was_loading = self._loading
        self._loading = True
        try:
            for combo in (self.care_partner, self.se_partner, self.commissioned_by,
                          self.job_coach, self.supervisor):
                combo.reload()
        finally:
            self._loading = was_loading

    def _retranslate_choices(self) -> None:
        was_loading = self._loading
        self._loading = True
        try:
            for combo in (self.phase, self.legal_form, self.care_partner, self.se_partner,
                          self.commissioned_by, self.renewal, self.job_coach, self.supervisor,
                          self.rate_type, self.invoicing, self.disputes):
                combo.reload()
            self.tasks.retranslate()
        finally:
            self._loading = was_loading

    def _partner_changed(self) -> None:
        was_loading = self._loading
        self._loading = True
        try:
            self.job_coach.reload()
            self.supervisor.reload()
            self._fill_workers(self.workers.chosen())
        finally:
            self._loading = was_loading

    def _fill_workers(self, chosen: list[str]) -> None:
        employer = self.se_partner.code()
        offered = [(w.id, w.full_name) for w in list_workers(self.ctx, employer_id=employer)
                   ] if employer else []
        known = dict(offered)
        # Placed workers of another employer stay visible (and can be unticked).
        for worker in list_workers(self.ctx):
            if worker.id in chosen and worker.id not in known:
                offered.append((worker.id, worker.full_name))
        self.workers.set_workers(offered, chosen)

    def _add_task(self) -> None:
        row = self.tasks.add_task()
        self.tasks.setCurrentCell(row, 0)
        self.mark_changed()

    @staticmethod
    def _describe_task_problem(rest: str, message: str) -> str:
        return _("Task {row}: {message}").format(row=_row_number(rest), message=message)

    # -- state

    @property
    def locked(self) -> bool:
        return self.record_id is not None and self.status not in EDITABLE_STATUSES

    def can_amend(self) -> bool:
        return self.record_id is not None and self.status in AMENDABLE_STATUSES

    def start_amendment(self) -> None:
        """Open the locked fields for the next amendment."""
        if not self.can_amend() or self.amending:
            return
        self.amending = True
        self._loading = True
        try:
            self.amended_on.set_date_value(dt.date.today())
            self.reason.setPlainText("")
        finally:
            self._loading = False
        self._apply_lock()

    def _apply_lock(self) -> None:
        editable = not self.locked or self.amending
        for box in self.groups:
            box.setEnabled(editable)
        # The reference identifies a signed contract: an amendment keeps it.
        self.reference.setEnabled(not self.locked)
        self.amendment_box.setVisible(self.amending)
        self._show_status()

    def _show_status(self) -> None:
        self.status_label.setText(label(AGREEMENT_STATUSES, self.status))
        if self.amending:
            note = _("Amending: change what the amendment changes, give its date and reason, "
                     "then save.")
        elif self.locked and self.status in AMENDABLE_STATUSES:
            note = _("This agreement is signed and locked. Changes go through an amendment.")
        elif self.locked:
            note = _("This agreement has ended; it can no longer change.")
        else:
            note = ""
        self.lock_note.setText(note)
        self.lock_note.setVisible(bool(note))

    # -- RecordForm

    def fill(self, record_id: str | None) -> None:
        self.amending = False
        if record_id is None:
            data = AgreementData("", "service", "service_contract", "", "")
            terms = ContractTerms()
            self.status, self._reference = "draft", ""
        else:
            file = agreement_file(self.ctx, record_id)
            data, terms = file.data, file.terms
            self.status, self._reference = file.agreement.status, data.reference
        self.reference.setText(data.reference)
        self.phase.set_code(data.phase)
        self.legal_form.set_code(data.legal_form)
        self.language.set_code(data.language)
        self.care_partner.set_code(data.care_partner_id or None)
        self.se_partner.set_code(data.se_partner_id or None)
        self.commissioned_by.set_code(data.commissioned_by_id)
        self.tasks.set_tasks(data.tasks)
        self.scope_workers.setText(number_text(data.scope_workers))
        self.scope_fte.setText(number_text(data.scope_fte))
        self.scope_hours.setText(number_text(data.scope_hours_per_week))
        self.start_date.set_date_value(data.start_date)
        self.end_date.set_date_value(data.end_date)
        self.notice_days.setText(number_text(data.notice_days))
        self.renewal.set_code(terms.renewal)
        self.sites.setPlainText("\n".join(data.sites))
        self.schedule.setText(data.schedule or "")
        self.job_coach.reload()
        self.supervisor.reload()
        self.job_coach.set_code(data.job_coach_id)
        self.supervisor.set_code(data.supervisor_id)
        self.evaluation_weeks.setText(number_text(data.evaluation_every_weeks))
        self.rate_type.set_code(data.rate_type)
        self.rate.setText(number_text(data.rate))
        self.guidance_hours.setText(number_text(data.guidance_hours_per_month))
        self.training_hours.setText(number_text(data.training_hours_per_year))
        self.via_days.setText(number_text(terms.via_reduction_days_per_year))
        self.index_base_month.setText(data.index_base_month or "")
        self._fill_workers(list(data.worker_ids))
        self.confidentiality.setChecked(terms.confidentiality)
        self.gdpr.setChecked(terms.gdpr_processing)
        self.liability.setChecked(terms.liability_insurance)
        self.invoicing.set_code(terms.invoicing_frequency)
        self.payment_term.setText(number_text(terms.payment_term_days))
        self.disputes.set_code(terms.disputes)
        self.amended_on.clear_date()
        self.reason.setPlainText("")
        # The lock depends on the record being shown; set record_id early for it.
        self.record_id = record_id
        self._apply_lock()

    def data_and_terms(self) -> tuple[AgreementData, ContractTerms]:
        """What the form holds; numbers that are not numbers are refused field by field."""
        problems = Problems()
        sites = [line.strip() for line in self.sites.toPlainText().splitlines() if line.strip()]
        data = AgreementData(
            reference=self.reference.text().strip(),
            phase=self.phase.code() or "",
            legal_form=self.legal_form.code() or "",
            care_partner_id=self.care_partner.code() or "",
            se_partner_id=self.se_partner.code() or "",
            language=self.language.code() or "nl",
            commissioned_by_id=self.commissioned_by.code(),
            start_date=self.start_date.date_value(),
            end_date=self.end_date.date_value(),
            notice_days=int_field(problems, "notice_days", self.notice_days),
            scope_workers=int_field(problems, "scope.workers", self.scope_workers),
            scope_fte=decimal_field(problems, "scope.fte", self.scope_fte),
            scope_hours_per_week=decimal_field(problems, "scope.hours_per_week",
                                               self.scope_hours),
            sites=sites,
            schedule=optional_text(self.schedule),
            job_coach_id=self.job_coach.code(),
            supervisor_id=self.supervisor.code(),
            evaluation_every_weeks=int_field(problems, "performance.evaluation_every_weeks",
                                             self.evaluation_weeks),
            rate_type=self.rate_type.code(),
            rate=decimal_field(problems, "financing.rate", self.rate),
            guidance_hours_per_month=decimal_field(
                problems, "financing.guidance_hours_per_month", self.guidance_hours),
            training_hours_per_year=decimal_field(
                problems, "financing.training_hours_per_year", self.training_hours),
            index_base_month=optional_text(self.index_base_month),
            tasks=self.tasks.tasks(),
            worker_ids=self.workers.chosen(),
        )
        terms = ContractTerms(
            renewal=self.renewal.code() or "none",
            via_reduction_days_per_year=decimal_field(
                problems, "financing.via_reduction_days_per_year", self.via_days),
            confidentiality=self.confidentiality.isChecked(),
            gdpr_processing=self.gdpr.isChecked(),
            liability_insurance=self.liability.isChecked(),
            invoicing_frequency=self.invoicing.code() or "monthly",
            payment_term_days=int_field(problems, "terms.payment_term_days",
                                        self.payment_term) or 0,
            disputes=self.disputes.code() or "courts",
        )
        if self.payment_term.text().strip() == "":
            problems.add("terms.payment_term_days", MSG_REQUIRED)
        problems.raise_if_any()
        return data, terms

    def write(self) -> tuple[str, Changes]:
        data, terms = self.data_and_terms()
        if self.record_id is not None and self.amending:
            amended_on = self.amended_on.date_value()
            if amended_on is None:
                raise ValidationError([Problem("amended_on", MSG_REQUIRED)])
            outcome = amend_agreement(self.ctx, self.record_id, data, terms, amended_on,
                                      self.reason.toPlainText().strip())
            return self.record_id, outcome.changes
        saved = save_draft(self.ctx, data, terms, self.record_id)
        return saved.value.id, saved.changes

    def remove(self, record_id: str) -> Changes:
        return delete_agreement(self.ctx, record_id)

    def heading_text(self) -> str:
        if not self.record_id:
            return _("New agreement")
        return self._reference

    def focus_first(self) -> None:
        self.reference.setFocus()

