"""Adding or changing a person of an organisation, in a small dialog (Enter saves, Escape
cancels). The dialog stays open, with the problems next to the fields, until the service
accepts the input."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.codes import PERSON_ROLES, label
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import EditConflict, ZorgkoppelError
from zorgkoppel.core.rules.organisation import PersonData
from zorgkoppel.core.services.organisations import get_person, save_person
from zorgkoppel.i18n import N_
from zorgkoppel.ui.edit_conflict_dialog import Resolution, resolve_conflict
from zorgkoppel.ui.field_errors import FieldErrors, error_label
from zorgkoppel.ui.forms.record_form import optional_text, problems_of
from zorgkoppel.ui.texts import Texts


class PersonDialog(QDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        organisation_id: str,
        person_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.organisation_id = organisation_id
        self.person_id = person_id
        self.changes: Changes | None = None
        self.texts = Texts()
        self.texts.bind(
            self.setWindowTitle, N_("Add a person") if person_id is None else N_("Edit person")
        )

        self.name = QLineEdit()
        self.name.setObjectName("person_name")
        # Roles outside the list are kept as written (the exchange file does not close it).
        self.role = QComboBox()
        self.role.setObjectName("person_role")
        self.role.setEditable(True)
        self.role.addItem("", None)
        for code in PERSON_ROLES:
            self.role.addItem(label(PERSON_ROLES, code), code)
        self.email = QLineEdit()
        self.email.setObjectName("person_email")
        self.phone = QLineEdit()
        self.phone.setObjectName("person_phone")

        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)
        form = QFormLayout()
        for caption, editor, field in (
            (N_("&Name:"), self.name, "name"),
            (N_("&Role:"), self.role, "role"),
            (N_("&E-mail:"), self.email, "email"),
            (N_("&Phone:"), self.phone, "phone"),
        ):
            caption_label = QLabel()
            self.texts.bind(caption_label.setText, caption)
            caption_label.setBuddy(editor)
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor)
            problem = error_label()
            problem.setObjectName(f"person_error_{field}")
            column.addWidget(problem)
            self.errors.add(field, problem)
            form.addRow(caption_label, holder)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

        self.loaded_version: int | None = None
        if person_id is not None:
            person = get_person(ctx, person_id)
            self.loaded_version = person.version
            self.name.setText(person.name)
            self.set_role(person.role)
            self.email.setText(person.email or "")
            self.phone.setText(person.phone or "")

    def set_role(self, role: str | None) -> None:
        position = self.role.findData(role) if role else 0
        if position < 0:
            self.role.setEditText(role or "")
        else:
            self.role.setCurrentIndex(position)

    def role_code(self) -> str | None:
        text = self.role.currentText().strip()
        if not text:
            return None
        # A chosen item gives its code; typed text that matches a label gives that code too.
        for position in range(self.role.count()):
            if self.role.itemText(position) == text and self.role.itemData(position):
                return str(self.role.itemData(position))
        return text

    def data(self) -> PersonData:
        return PersonData(
            name=self.name.text().strip(),
            organisation_id=self.organisation_id,
            role=self.role_code(),
            email=optional_text(self.email),
            phone=optional_text(self.phone),
        )

    def save(self) -> None:
        try:
            outcome = save_person(self.ctx, self.data(), self.person_id,
                                  expected_version=self.loaded_version)
        except EditConflict as conflict:
            self._resolve(conflict)
            return
        except ZorgkoppelError as error:
            self.errors.show(problems_of(error))
            return
        self.person_id = outcome.value.id
        self.changes = outcome.changes
        self.accept()

    def _resolve(self, conflict: EditConflict) -> None:
        """Someone changed the person meanwhile: Keep mine and Merge save and close; Take
        theirs closes without saving (the list shows theirs); Cancel keeps the dialog."""
        try:
            resolution = resolve_conflict(self, self.ctx, conflict)
        except ZorgkoppelError as error:
            self.errors.show(problems_of(error))
            return
        if resolution is Resolution.CANCEL:
            self.errors.show(problems_of(conflict))
            return
        self.changes = Changes.of("people")
        self.accept()
