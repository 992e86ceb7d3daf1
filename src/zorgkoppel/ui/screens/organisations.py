"""Organisations: care facilities, social-economy enterprises and authorities, with their people."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.codes import CARE_TYPES, ORGANISATION_KINDS, PERSON_ROLES, PROVINCES, label
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.core.models import Organisation, Person
from zorgkoppel.core.services.organisations import delete_person, list_organisations, list_people
from zorgkoppel.i18n import N_, _, ngettext
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.code_combo import CodeCombo, code_choices
from zorgkoppel.ui.editor_screen import EditorScreen
from zorgkoppel.ui.forms.organisation_form import OrganisationForm
from zorgkoppel.ui.forms.person_dialog import PersonDialog
from zorgkoppel.ui.look import muted
from zorgkoppel.ui.table_model import Column, RowTableModel


class PeopleSection(QWidget):
    """The people of the organisation shown in the form; changes are saved at once."""

    def __init__(self, screen: OrganisationsScreen) -> None:
        super().__init__()
        self.screen = screen
        self.organisation_id: str | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.model: RowTableModel[Person] = RowTableModel([
            Column(N_("Name"), lambda p: p.name, "name"),
            Column(N_("Role"), lambda p: label(PERSON_ROLES, p.role)),
            Column(N_("E-mail"), lambda p: p.email or ""),
            Column(N_("Phone"), lambda p: p.phone or ""),
        ], self)
        self.table = QTableView()
        self.table.setObjectName("people")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(120)
        self.table.doubleClicked.connect(lambda _index: self.edit_person())
        self.add_button = QPushButton()
        self.add_button.setObjectName("add_person")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("edit_person")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove_person")
        texts = screen.texts
        texts.bind(self.title.setText, N_("People"))
        texts.bind(self.add_button.setText, N_("&Add person…"))
        texts.bind(self.edit_button.setText, N_("Edit &person…"))
        texts.bind(self.remove_button.setText, N_("Re&move person"))
        texts.on_retranslate(self.model.retranslate)
        self.add_button.clicked.connect(self.add_person)
        self.edit_button.clicked.connect(self.edit_person)
        self.remove_button.clicked.connect(self.remove_person)
        self.hint = QLabel()
        muted(self.hint)
        texts.bind(self.hint.setText, N_("Save the organisation first to add people."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.show_for(None)

    def show_for(self, organisation_id: str | None) -> None:
        self.organisation_id = organisation_id
        people = list_people(self.screen.ctx, organisation_id) if organisation_id else []
        self.model.set_rows(people)
        for widget in (self.table, self.add_button, self.edit_button, self.remove_button):
            widget.setEnabled(organisation_id is not None)
        self.hint.setVisible(organisation_id is None)

    def selected(self) -> Person | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def add_person(self) -> None:
        if self.organisation_id is not None:
            self._run(PersonDialog(self.screen.ctx, self.organisation_id, None, self))

    def edit_person(self) -> None:
        person = self.selected()
        if person is not None and self.organisation_id is not None:
            self._run(PersonDialog(self.screen.ctx, self.organisation_id, person.id, self))

    def _run(self, dialog: PersonDialog) -> None:
        dialogs.exec_dialog(dialog)
        if dialog.changes is not None:
            self.show_for(self.organisation_id)
            self.screen.data_changed.emit(dialog.changes)
        dialog.deleteLater()

    def remove_person(self) -> None:
        person = self.selected()
        if person is None:
            return
        question = _("Remove {name} from this organisation?").format(name=person.name)
        if not dialogs.confirm(self, _("Remove person"), question):
            return
        try:
            changes = delete_person(self.screen.ctx, person.id)
        except ZorgkoppelError as error:
            dialogs.show_error(self, _("Cannot remove"), error.text())
            return
        self.show_for(self.organisation_id)
        self.screen.data_changed.emit(changes)


class OrganisationsScreen(EditorScreen[Organisation]):
    areas = frozenset({"organisations", "people"})
    search_placeholder = N_("Search by name, city or enterprise number…")
    list_share = 0.5

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.kind_filter = CodeCombo(code_choices(ORGANISATION_KINDS), N_("All kinds"))
        self.kind_filter.setObjectName("kind_filter")
        self.province_filter = CodeCombo(code_choices(PROVINCES), N_("All provinces"))
        self.province_filter.setObjectName("province_filter")
        self.add_filter(self.kind_filter, N_("&Kind:"))
        self.add_filter(self.province_filter, N_("P&rovince:"))
        self.texts.on_retranslate(self.kind_filter.reload)
        self.texts.on_retranslate(self.province_filter.reload)
        self.texts.on_retranslate(self.form.texts.retranslate)
        self.form.dirty_changed.connect(lambda _dirty: self._people_follow_form())
        self.refresh()

    def columns(self) -> Sequence[Column[Organisation]]:
        return [
            Column(N_("Name"), lambda o: o.name, "name"),
            Column(N_("Kind"), lambda o: label(ORGANISATION_KINDS, o.kind)),
            Column(N_("Care type"), lambda o: label(CARE_TYPES, o.care_type)),
            Column(N_("City"), lambda o: o.city or "", "city"),
            Column(N_("Province"), lambda o: label(PROVINCES, o.province)),
            Column(N_("Enterprise number"), lambda o: o.enterprise_number or "",
                   "enterprise_number"),
        ]

    def query(self) -> Sequence[Organisation]:
        rows = list_organisations(self.ctx, self.search_text(), self.kind_filter.code())
        province = self.province_filter.code()
        return [o for o in rows if o.province == province] if province else rows

    def count_text(self, count: int) -> str:
        return ngettext("{count} organisation", "{count} organisations", count).format(
            count=count
        )

    def build_side(self) -> QWidget:
        self.form = OrganisationForm(self.ctx)
        self.people = PeopleSection(self)
        return self.form_pane(self.form, self.button_bar(), self.people)

    def _people_follow_form(self) -> None:
        if self.people.organisation_id != self.form.record_id:
            self.people.show_for(self.form.record_id)

    def refresh(self) -> None:
        super().refresh()
        # People may have changed elsewhere (an import) while the same organisation is shown.
        self.people.show_for(self.form.record_id)

    def row_selected(self, row: Organisation | None) -> None:
        super().row_selected(row)
        self._people_follow_form()

    def new_record(self) -> None:
        super().new_record()
        self._people_follow_form()

    def save_record(self) -> bool:
        saved = super().save_record()
        self._people_follow_form()
        return saved

    def delete_record(self) -> None:
        super().delete_record()
        self._people_follow_form()

    def delete_question(self) -> str:
        return _("Delete this organisation? This cannot be undone.")
