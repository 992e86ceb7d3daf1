"""Agreements: the cooperation agreements, and every field of the selected one (read-only)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from zorgkoppel.core.codes import (
    AGREEMENT_PHASES,
    AGREEMENT_STATUSES,
    LEGAL_FORMS,
    RATE_TYPES,
    label,
)
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError
from zorgkoppel.core.services.listings import (
    AgreementDetail,
    AgreementRow,
    agreement_detail,
    list_agreement_rows,
)
from zorgkoppel.i18n import N_, _, ngettext
from zorgkoppel.ui.code_combo import CodeCombo, code_choices
from zorgkoppel.ui.detail_view import DetailView, Section
from zorgkoppel.ui.display import date_text, long_date_text, money_text, number_text
from zorgkoppel.ui.language import LANGUAGE_NAMES
from zorgkoppel.ui.list_screen import ListScreen
from zorgkoppel.ui.table_model import Column
from zorgkoppel.ui.task_names import TaskNames


class AgreementsScreen(ListScreen[AgreementRow]):
    areas = frozenset({"agreements", "organisations", "people", "workers", "tasks"})
    search_placeholder = N_("Search by reference or partner…")

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        self.task_names = TaskNames(ctx)
        super().__init__(ctx, parent)
        self.status_filter = CodeCombo(code_choices(AGREEMENT_STATUSES), N_("All statuses"))
        self.status_filter.setObjectName("status_filter")
        self.phase_filter = CodeCombo(code_choices(AGREEMENT_PHASES), N_("All phases"))
        self.phase_filter.setObjectName("phase_filter")
        self.add_filter(self.status_filter, N_("S&tatus:"))
        self.add_filter(self.phase_filter, N_("&Phase:"))
        self.texts.on_retranslate(self.status_filter.reload)
        self.texts.on_retranslate(self.phase_filter.reload)
        self.refresh()

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
        ]

    def query(self) -> Sequence[AgreementRow]:
        return list_agreement_rows(
            self.ctx,
            search=self.search_text(),
            status=self.status_filter.code(),
            phase=self.phase_filter.code(),
        )

    def count_text(self, count: int) -> str:
        return ngettext("{count} agreement", "{count} agreements", count).format(count=count)

    def build_side(self) -> QWidget:
        self.detail = DetailView()
        self.detail.setObjectName("detail")
        return self.detail

    def refresh(self) -> None:
        self.task_names.reload()
        super().refresh()

    def row_selected(self, row: AgreementRow | None) -> None:
        if row is None:
            self.detail.show_message(_("Select an agreement to see all its details."))
            return
        try:
            detail = agreement_detail(self.ctx, row.id)
        except NotFoundError as error:
            self.detail.show_message(error.text())
            return
        self.detail.show_record(row.reference, self.sections(detail))

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
                (_("Index base month"), a.index_base_month or ""),
            ]),
            Section(_("Placed workers"), lines=list(detail.workers),
                    empty=_("No workers placed yet.")),
        ]
