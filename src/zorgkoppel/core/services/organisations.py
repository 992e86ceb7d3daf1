"""Organisations and the people who work there."""

from __future__ import annotations

from dataclasses import asdict
from functools import partial

from sqlalchemy import func, or_
from sqlmodel import Session, select

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, PermissionDenied, Problems, ValidationError
from zorgkoppel.core.models import Agreement, Note, Organisation, Person, RosterDay, Worker
from zorgkoppel.core.models.types import utcnow
from zorgkoppel.core.rules.organisation import (
    OrganisationData,
    PersonData,
    validate_organisation,
    validate_person,
)
from zorgkoppel.core.services.access import organisation_filter, require_admin, require_write
from zorgkoppel.core.services.outcome import Outcome
from zorgkoppel.core.services.record_versions import check_version, stale_as_conflict
from zorgkoppel.core.services.visibility import may_see_organisation_record
from zorgkoppel.i18n import N_, NP_

MSG_NO_ORGANISATION = N_("No organisation with id {key}.")
MSG_NO_PERSON = N_("No person with id {key}.")
MSG_OWN_ORGANISATION = N_("You may only change your own organisation and its people.")


def list_organisations(
    ctx: ServiceContext, search: str = "", kind: str | None = None
) -> list[Organisation]:
    with ctx.db.session() as session:
        query = select(Organisation).where(organisation_filter(ctx, Organisation.id))
        if kind:
            query = query.where(Organisation.kind == kind)
        if search:
            pattern = f"%{search.lower()}%"
            query = query.where(
                or_(
                    func.lower(Organisation.name).like(pattern),
                    func.lower(Organisation.city).like(pattern),
                    Organisation.enterprise_number.like(pattern),
                )
            )
        return list(session.exec(query.order_by(func.lower(Organisation.name))).all())


def get_organisation(ctx: ServiceContext, organisation_id: str) -> Organisation:
    with ctx.db.session() as session:
        organisation = session.get(Organisation, organisation_id)
        if organisation is None or not may_see_organisation_record(session, ctx, organisation_id):
            raise NotFoundError(MSG_NO_ORGANISATION, key=organisation_id)
    return organisation


def _check_kind_change(session: object, organisation: Organisation, data: OrganisationData) -> None:
    """Refuse a kind change that would break a rule for records already pointing here."""
    if organisation.kind == data.kind:
        return
    problems = Problems()
    if organisation.kind in ("custom_work", "local_services") and data.kind not in (
        "custom_work",
        "local_services",
    ):
        employs = session.exec(  # type: ignore[attr-defined]
            select(func.count()).select_from(Worker).where(Worker.employer_id == organisation.id)
        ).one()
        if employs:
            problems.add(
                "kind", N_("workers are employed here; it must stay a social-economy enterprise")
            )
    if organisation.kind == "care_facility" and data.kind != "care_facility":
        partners = session.exec(  # type: ignore[attr-defined]
            select(func.count())
            .select_from(Agreement)
            .where(Agreement.care_partner_id == organisation.id)
        ).one()
        if partners:
            problems.add("kind", N_("agreements name it as care facility; it must stay one"))
    problems.raise_if_any()


def _require_own(session: Session, ctx: ServiceContext, organisation: Organisation | None,
                 organisation_id: str) -> None:
    if organisation is None or not may_see_organisation_record(session, ctx, organisation_id):
        raise NotFoundError(MSG_NO_ORGANISATION, key=organisation_id)
    if not ctx.actor.works_for(organisation_id):
        raise PermissionDenied(MSG_OWN_ORGANISATION)


def stored_organisation(ctx: ServiceContext, organisation_id: str) -> tuple[int, OrganisationData]:
    organisation = get_organisation(ctx, organisation_id)
    names = OrganisationData.__dataclass_fields__
    return organisation.version, OrganisationData(
        **{name: getattr(organisation, name) for name in names}
    )


def save_organisation(
    ctx: ServiceContext, data: OrganisationData, organisation_id: str | None = None,
    expected_version: int | None = None,
) -> Outcome[Organisation]:
    """Create (no id) or update an organisation.

    An administrator makes organisations; a user may keep their own organisation's data.
    With `expected_version`, one changed meanwhile raises EditConflict and is kept.
    """
    require_write(ctx)
    if organisation_id is None:
        require_admin(ctx)
    problems = validate_organisation(data)
    if problems:
        raise ValidationError(problems)
    load = partial(stored_organisation, ctx, organisation_id or "")
    with stale_as_conflict("organisation", organisation_id, expected_version, data, load), \
            ctx.db.transaction() as session:
        if organisation_id is None:
            organisation = Organisation(**asdict(data))
        else:
            found = session.get(Organisation, organisation_id)
            _require_own(session, ctx, found, organisation_id)
            assert found is not None
            check_version("organisation", organisation_id, found.version, expected_version,
                          data, load)
            _check_kind_change(session, found, data)
            organisation = found
            for name, value in asdict(data).items():
                setattr(organisation, name, value)
            organisation.updated_at = utcnow()
        session.add(organisation)
    return Outcome(organisation, Changes.of("organisations"))


def delete_organisation(ctx: ServiceContext, organisation_id: str) -> Changes:
    """Delete an organisation nothing else refers to; otherwise explain what still does."""
    require_write(ctx)
    with ctx.db.transaction() as session:
        organisation = session.get(Organisation, organisation_id)
        _require_own(session, ctx, organisation, organisation_id)
        require_admin(ctx)
        # One message per kind of use, so each reads naturally in every language.
        uses = (
            (
                NP_(
                    "{count} worker is employed here; move them to another employer first.",
                    "{count} workers are employed here; move them to another employer first.",
                ),
                select(func.count()).select_from(Worker).where(
                    Worker.employer_id == organisation_id
                ),
            ),
            (
                NP_(
                    "{count} person works here; remove them first.",
                    "{count} people work here; remove them first.",
                ),
                select(func.count()).select_from(Person).where(
                    Person.organisation_id == organisation_id
                ),
            ),
            (
                NP_(
                    "{count} agreement names this organisation; it is kept for the record.",
                    "{count} agreements name this organisation; they are kept for the record.",
                ),
                select(func.count()).select_from(Agreement).where(
                    or_(
                        Agreement.care_partner_id == organisation_id,
                        Agreement.se_partner_id == organisation_id,
                        Agreement.commissioned_by_id == organisation_id,
                    )
                ),
            ),
            (
                NP_(
                    "{count} roster day was planned at this site; it is kept for the record.",
                    "{count} roster days were planned at this site; they are kept for the record.",
                ),
                select(func.count()).select_from(RosterDay).where(
                    RosterDay.site_id == organisation_id
                ),
            ),
        )
        problems = Problems()
        for forms, query in uses:
            count = session.exec(query).one()
            if count:
                problems.add_counted("", forms, count)
        problems.raise_if_any()
        session.delete(organisation)
    return Changes.of("organisations")


def list_people(
    ctx: ServiceContext, organisation_id: str | None = None, search: str = ""
) -> list[Person]:
    with ctx.db.session() as session:
        query = select(Person).where(organisation_filter(ctx, Person.organisation_id))
        if organisation_id:
            query = query.where(Person.organisation_id == organisation_id)
        if search:
            query = query.where(func.lower(Person.name).like(f"%{search.lower()}%"))
        return list(session.exec(query.order_by(func.lower(Person.name))).all())


def get_person(ctx: ServiceContext, person_id: str) -> Person:
    with ctx.db.session() as session:
        person = session.get(Person, person_id)
        if person is None or not may_see_organisation_record(session, ctx,
                                                             person.organisation_id):
            raise NotFoundError(MSG_NO_PERSON, key=person_id)
    return person


def _require_own_person(session: Session, ctx: ServiceContext, person: Person | None,
                        person_id: str) -> None:
    """People are kept by their own organisation (or an administrator)."""
    if person is None or not may_see_organisation_record(session, ctx, person.organisation_id):
        raise NotFoundError(MSG_NO_PERSON, key=person_id)
    if not ctx.actor.works_for(person.organisation_id):
        raise PermissionDenied(MSG_OWN_ORGANISATION)


def stored_person(ctx: ServiceContext, person_id: str) -> tuple[int, PersonData]:
    person = get_person(ctx, person_id)
    names = PersonData.__dataclass_fields__
    return person.version, PersonData(**{name: getattr(person, name) for name in names})


def save_person(
    ctx: ServiceContext, data: PersonData, person_id: str | None = None,
    expected_version: int | None = None,
) -> Outcome[Person]:
    require_write(ctx)
    problems = Problems()
    problems.extend(validate_person(data))
    load = partial(stored_person, ctx, person_id or "")
    with stale_as_conflict("person", person_id, expected_version, data, load), \
            ctx.db.transaction() as session:
        if data.organisation_id and session.get(Organisation, data.organisation_id) is None:
            problems.add("organisation", MSG_NO_ORGANISATION, key=data.organisation_id)
        problems.raise_if_any()
        if not ctx.actor.unrestricted and not ctx.actor.works_for(data.organisation_id):
            raise PermissionDenied(MSG_OWN_ORGANISATION)
        if person_id is None:
            person = Person(**asdict(data))
        else:
            found = session.get(Person, person_id)
            _require_own_person(session, ctx, found, person_id)
            assert found is not None
            check_version("person", person_id, found.version, expected_version, data, load)
            person = found
            for name, value in asdict(data).items():
                setattr(person, name, value)
            person.updated_at = utcnow()
        session.add(person)
    return Outcome(person, Changes.of("people"))


def delete_person(ctx: ServiceContext, person_id: str) -> Changes:
    require_write(ctx)
    with ctx.db.transaction() as session:
        person = session.get(Person, person_id)
        _require_own_person(session, ctx, person, person_id)
        referenced = session.exec(
            select(func.count())
            .select_from(Agreement)
            .where(or_(Agreement.job_coach_id == person_id, Agreement.supervisor_id == person_id))
        ).one() + session.exec(
            select(func.count()).select_from(Note).where(Note.author_id == person_id)
        ).one()
        if referenced:
            raise _still_used(referenced)
        session.delete(person)
    return Changes.of("people")


def _still_used(count: int) -> ValidationError:
    problems = Problems()
    problems.add_counted(
        "",
        NP_(
            "Still named in {count} agreement or note; change that first.",
            "Still named in {count} agreements or notes; change those first.",
        ),
        count,
    )
    return ValidationError(problems.items)
