"""The organisation form: every field of OrganisationData, code lists as combo boxes."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.codes import CARE_TYPES, ORGANISATION_KINDS, PROVINCES
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.rules.organisation import OrganisationData
from zorgkoppel.core.services.organisations import (
    delete_organisation,
    get_organisation,
    save_organisation,
)
from zorgkoppel.i18n import N_, _
from zorgkoppel.ui.code_combo import CodeCombo, code_choices
from zorgkoppel.ui.forms.record_form import RecordForm, optional_text


class OrganisationForm(RecordForm):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._name = ""
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.kind = CodeCombo(code_choices(ORGANISATION_KINDS))
        self.kind.setObjectName("kind")
        self.care_type = CodeCombo(code_choices(CARE_TYPES), N_("(none)"))
        self.care_type.setObjectName("care_type")
        self.enterprise_number = QLineEdit()
        self.enterprise_number.setObjectName("enterprise_number")
        self.enterprise_number.setPlaceholderText("0123.456.749")
        self.joint_committee = QLineEdit()
        self.joint_committee.setObjectName("joint_committee")
        self.joint_committee.setPlaceholderText("330.01.20")
        self.province = CodeCombo(code_choices(PROVINCES), N_("(none)"))
        self.province.setObjectName("province")
        self.street = QLineEdit()
        self.street.setObjectName("street")
        self.postcode = QLineEdit()
        self.postcode.setObjectName("postcode")
        self.postcode.setMaxLength(4)
        self.city = QLineEdit()
        self.city.setObjectName("city")

        fields = QFormLayout()
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.field_row(fields, N_("&Name:"), self.name, "name")
        self.field_row(fields, N_("&Kind:"), self.kind, "kind")
        self.field_row(fields, N_("Care t&ype:"), self.care_type, "care_type")
        self.field_row(fields, N_("E&nterprise number:"), self.enterprise_number,
                       "enterprise_number")
        self.field_row(fields, N_("&Joint committee:"), self.joint_committee, "joint_committee")
        self.field_row(fields, N_("Pro&vince:"), self.province, "province")
        self.field_row(fields, N_("St&reet:"), self.street, "street")
        self.field_row(fields, N_("Postco&de:"), self.postcode, "postcode")
        self.field_row(fields, N_("C&ity:"), self.city, "city")
        self.texts.bind(self.enterprise_number.setToolTip, N_(
            "Belgian enterprise number (KBO): 10 digits, the last two a mod-97 check."
        ))
        self.texts.bind(self.joint_committee.setToolTip, N_(
            "Joint committee (paritair comité), e.g. 330.01.20 for elderly care."
        ))
        self.texts.on_retranslate(self.kind.reload)
        self.texts.on_retranslate(self.care_type.reload)
        self.texts.on_retranslate(self.province.reload)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.general_error)
        layout.addLayout(fields)

        self.watch(self.name, self.kind, self.care_type, self.enterprise_number,
                   self.joint_committee, self.province, self.street, self.postcode, self.city)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.load(None)

    def _kind_changed(self) -> None:
        # Only a care facility has a care type (validate_organisation).
        is_care = self.kind.code() == "care_facility"
        self.care_type.setEnabled(is_care)
        if not is_care:
            self.care_type.set_code(None)

    def fill(self, record_id: str | None) -> None:
        if record_id is None:
            self._name = ""
            for editor in (self.name, self.enterprise_number, self.joint_committee, self.street,
                           self.postcode, self.city):
                editor.clear()
            self.kind.set_code("care_facility")
            self.care_type.set_code(None)
            self.province.set_code(None)
        else:
            organisation = get_organisation(self.ctx, record_id)
            self._name = organisation.name
            self.loaded_version = organisation.version
            self.name.setText(organisation.name)
            self.kind.set_code(organisation.kind)
            self.care_type.set_code(organisation.care_type)
            self.enterprise_number.setText(organisation.enterprise_number or "")
            self.joint_committee.setText(organisation.joint_committee or "")
            self.province.set_code(organisation.province)
            self.street.setText(organisation.street or "")
            self.postcode.setText(organisation.postcode or "")
            self.city.setText(organisation.city or "")
        self._kind_changed()

    def data(self) -> OrganisationData:
        return OrganisationData(
            name=self.name.text().strip(),
            kind=self.kind.code() or "",
            care_type=self.care_type.code(),
            enterprise_number=optional_text(self.enterprise_number),
            joint_committee=optional_text(self.joint_committee),
            province=self.province.code(),
            street=optional_text(self.street),
            postcode=optional_text(self.postcode),
            city=optional_text(self.city),
        )

    def write(self) -> tuple[str, Changes]:
        outcome = save_organisation(self.ctx, self.data(), self.record_id,
                                    expected_version=self.loaded_version)
        return outcome.value.id, outcome.changes

    def conflict_sections(self) -> tuple[str, ...]:
        return ("organisations",)

    def remove(self, record_id: str) -> Changes:
        return delete_organisation(self.ctx, record_id)

    def heading_text(self) -> str:
        return self._name if self.record_id else _("New organisation")

    def focus_first(self) -> None:
        self.name.setFocus()
