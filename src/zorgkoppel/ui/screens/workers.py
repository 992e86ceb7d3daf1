"""Workers: the social-economy workers, their skills and preferences."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from zorgkoppel.core.codes import PROGRAMMES, SOCIAL_ECONOMY_KINDS, label
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import Worker
from zorgkoppel.core.services.organisations import list_organisations
from zorgkoppel.core.services.workers import list_workers
from zorgkoppel.i18n import N_, _, ngettext
from zorgkoppel.ui.code_combo import CodeCombo, code_choices
from zorgkoppel.ui.display import date_text, dutch_level_text, yes_no
from zorgkoppel.ui.editor_screen import EditorScreen
from zorgkoppel.ui.forms.worker_form import WorkerForm
from zorgkoppel.ui.table_model import Column
from zorgkoppel.ui.worker_file_button import worker_file_button


class WorkersScreen(EditorScreen[Worker]):
    areas = frozenset({"workers", "organisations", "tasks"})
    search_placeholder = N_("Search by name…")
    list_share = 0.4

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        self._employer_names: dict[str, str] = {}
        super().__init__(ctx, parent)
        self.employer_filter = CodeCombo(self._employers, N_("All employers"))
        self.employer_filter.setObjectName("employer_filter")
        self.programme_filter = CodeCombo(code_choices(PROGRAMMES), N_("All programmes"))
        self.programme_filter.setObjectName("programme_filter")
        self.add_filter(self.employer_filter, N_("&Employer:"))
        self.add_filter(self.programme_filter, N_("Pro&gramme:"))
        self.texts.on_retranslate(self.employer_filter.reload)
        self.texts.on_retranslate(self.programme_filter.reload)
        self.texts.on_retranslate(self.form.texts.retranslate)
        self.refresh()

    def _employers(self) -> list[tuple[str, str]]:
        return [
            (o.id, o.name)
            for o in list_organisations(self.ctx)
            if o.kind in SOCIAL_ECONOMY_KINDS
        ]

    def columns(self) -> Sequence[Column[Worker]]:
        return [
            Column(N_("Last name"), lambda w: w.last_name, "last_name"),
            Column(N_("First name"), lambda w: w.first_name, "first_name"),
            Column(N_("Employer"), lambda w: self._employer_names.get(w.employer_id, "")),
            Column(N_("Programme"), lambda w: label(PROGRAMMES, w.programme)),
            Column(N_("Dutch"), lambda w: dutch_level_text(w.dutch_level), "dutch_level"),
            Column(N_("Licence"), lambda w: yes_no(w.driving_licence), "driving_licence"),
            Column(N_("Integration started"), lambda w: date_text(w.integration_start),
                   "integration_start"),
        ]

    def query(self) -> Sequence[Worker]:
        return list_workers(
            self.ctx,
            search=self.search_text(),
            employer_id=self.employer_filter.code(),
            programme=self.programme_filter.code(),
        )

    def refresh(self) -> None:
        self._employer_names = dict(
            (o.id, o.name) for o in list_organisations(self.ctx)
        )
        self.employer_filter.reload()
        self.form.reload_choices()
        super().refresh()

    def count_text(self, count: int) -> str:
        return ngettext("{count} worker", "{count} workers", count).format(count=count)

    def build_side(self) -> QWidget:
        self.form = WorkerForm(self.ctx)
        self.file_button = worker_file_button(self)
        return self.form_pane(self.form, self.button_bar(), self.file_button)

    def delete_question(self) -> str:
        return _("Delete this worker? This cannot be undone.")
