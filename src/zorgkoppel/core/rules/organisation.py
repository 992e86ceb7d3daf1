"""Rules for organisations and people."""

from __future__ import annotations

from dataclasses import dataclass

from zorgkoppel.core.codes import CARE_TYPES, ORGANISATION_KINDS, PERSON_ROLES, PROVINCES
from zorgkoppel.core.errors import Problem, Problems
from zorgkoppel.core.rules.enterprise_number import normalise_enterprise_number
from zorgkoppel.core.rules.values import check_code, check_email, require_text
from zorgkoppel.i18n import N_


@dataclass
class OrganisationData:
    name: str
    kind: str
    care_type: str | None = None
    enterprise_number: str | None = None
    joint_committee: str | None = None
    province: str | None = None
    street: str | None = None
    postcode: str | None = None
    city: str | None = None


@dataclass
class PersonData:
    name: str
    organisation_id: str | None = None
    role: str | None = None
    email: str | None = None
    phone: str | None = None


def validate_organisation(data: OrganisationData) -> list[Problem]:
    """Check and normalise in place (the enterprise number gets its dotted form)."""
    problems = Problems()
    require_text(problems, "name", data.name)
    check_code(problems, "kind", data.kind, ORGANISATION_KINDS)
    check_code(problems, "care_type", data.care_type, CARE_TYPES, required=False)
    if data.care_type and data.kind != "care_facility":
        problems.add("care_type", N_("only a care facility has a care type"))
    check_code(problems, "province", data.province, PROVINCES, required=False)
    if data.enterprise_number:
        normal = normalise_enterprise_number(data.enterprise_number)
        if normal is None:
            problems.add(
                "enterprise_number",
                N_("'{value}' is not a valid enterprise number (10 digits, mod-97 check)"),
                value=data.enterprise_number,
            )
        else:
            data.enterprise_number = normal
    if data.postcode and not (data.postcode.isdigit() and len(data.postcode) == 4):
        problems.add("postcode", N_("is not a Belgian postcode (4 digits)"))
    return problems.items


def validate_person(data: PersonData) -> list[Problem]:
    problems = Problems()
    require_text(problems, "name", data.name)
    # Roles outside the known list are kept as written: EXCHANGE.md does not close the list.
    if data.role is not None:
        require_text(problems, "role", data.role, 32)
    check_email(problems, "email", data.email)
    return problems.items


def role_is_known(role: str | None) -> bool:
    return role in PERSON_ROLES
