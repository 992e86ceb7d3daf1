"""The `organisations` and `people` sections."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import asdict
from typing import Any

from sqlmodel import Session, col, select

from zorgkoppel.core.errors import Problem
from zorgkoppel.core.models import Organisation, Person
from zorgkoppel.core.rules.organisation import (
    OrganisationData,
    PersonData,
    validate_organisation,
    validate_person,
)
from zorgkoppel.exchange.reader import Reader
from zorgkoppel.exchange.sections.base import (
    Parsed,
    References,
    Section,
    Stored,
    remap,
)
from zorgkoppel.i18n import N_
from zorgkoppel.storage.bulk import batches

_ADDRESS_PATHS = {name: f"address.{name}" for name in ("street", "postcode", "city")}


def _rows(session: Session, model: type[Any], keys: Collection[str] | None) -> list[Any]:
    if keys is None:
        return list(session.exec(select(model)).all())
    rows = []
    for batch in batches(keys):
        rows.extend(session.exec(select(model).where(col(model.id).in_(batch))).all())
    return rows


class OrganisationsSection(Section[OrganisationData]):
    name = "organisations"
    area = "organisations"
    fields = frozenset(
        {"id", "name", "kind", "care_type", "enterprise_number", "joint_committee", "province",
         "address", "updated_at"}
    )

    def parse(self, reader: Reader, item: Mapping[str, Any]) -> Parsed[OrganisationData]:
        address = reader.child(item, "address", "", {"street", "postcode", "city"})
        data = OrganisationData(
            name=reader.text(item, "name", max_length=200) or "",
            kind=reader.text(item, "kind", max_length=32) or "",
            care_type=reader.text(item, "care_type", max_length=32),
            enterprise_number=reader.text(item, "enterprise_number", max_length=32),
            joint_committee=reader.text(item, "joint_committee", max_length=32),
            province=reader.text(item, "province", max_length=32),
            street=reader.text(address, "street", "address", 200),
            postcode=reader.text(address, "postcode", "address", 16),
            city=reader.text(address, "city", "address", 100),
        )
        key = reader.text(item, "id", max_length=64, required=True)
        return Parsed(key, reader.timestamp(item, "updated_at"), data)

    def validate(self, key: str, data: OrganisationData, refs: References) -> list[Problem]:
        return remap(validate_organisation(data), _ADDRESS_PATHS)

    def overlay(self, refs: References, key: str, data: OrganisationData) -> None:
        refs.organisation_kinds[key] = data.kind

    def render(self, key: str, data: OrganisationData) -> dict[str, Any]:
        return {
            "id": key,
            "name": data.name,
            "kind": data.kind,
            "care_type": data.care_type,
            "enterprise_number": data.enterprise_number,
            "joint_committee": data.joint_committee,
            "province": data.province,
            "address": {"street": data.street, "postcode": data.postcode, "city": data.city},
        }

    def load(
        self, session: Session, keys: Collection[str] | None
    ) -> dict[str, Stored[OrganisationData]]:
        return {
            o.id: Stored(
                o.updated_at,
                OrganisationData(o.name, o.kind, o.care_type, o.enterprise_number,
                                 o.joint_committee, o.province, o.street, o.postcode, o.city),
                o.id,
            )
            for o in _rows(session, Organisation, keys)
        }

    model = Organisation
    columns = staticmethod(asdict)  # type: ignore[assignment]


class PeopleSection(Section[PersonData]):
    name = "people"
    area = "people"
    fields = frozenset({"id", "name", "organisation", "role", "email", "phone", "updated_at"})

    def parse(self, reader: Reader, item: Mapping[str, Any]) -> Parsed[PersonData]:
        data = PersonData(
            name=reader.text(item, "name", max_length=200) or "",
            organisation_id=reader.text(item, "organisation", max_length=64) or None,
            role=reader.text(item, "role", max_length=32),
            email=reader.text(item, "email", max_length=200),
            phone=reader.text(item, "phone", max_length=50),
        )
        key = reader.text(item, "id", max_length=64, required=True)
        return Parsed(key, reader.timestamp(item, "updated_at"), data)

    def validate(self, key: str, data: PersonData, refs: References) -> list[Problem]:
        problems = validate_person(data)
        if data.organisation_id and refs.organisation_kind(data.organisation_id) is None:
            problems.append(Problem("organisation", N_("no organisation with id {key}"),
                                    {"key": data.organisation_id}))
        return problems

    def overlay(self, refs: References, key: str, data: PersonData) -> None:
        refs.people.add(key)

    def render(self, key: str, data: PersonData) -> dict[str, Any]:
        return {
            "id": key,
            "name": data.name,
            "organisation": data.organisation_id,
            "role": data.role,
            "email": data.email,
            "phone": data.phone,
        }

    def load(self, session: Session, keys: Collection[str] | None) -> dict[str, Stored[PersonData]]:
        return {
            p.id: Stored(
                p.updated_at,
                PersonData(p.name, p.organisation_id, p.role, p.email, p.phone),
                p.id,
            )
            for p in _rows(session, Person, keys)
        }

    model = Person
    columns = staticmethod(asdict)  # type: ignore[assignment]
