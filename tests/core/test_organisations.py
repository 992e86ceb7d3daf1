from __future__ import annotations

import pytest

from zorgkoppel.core.context import Actor, ServiceContext
from zorgkoppel.core.errors import NotFoundError, PermissionDenied, ValidationError
from zorgkoppel.core.rules.organisation import OrganisationData, PersonData
from zorgkoppel.core.rules.worker import WorkerData
from zorgkoppel.core.services import organisations, workers


def lde(**changes: object) -> OrganisationData:
    data = OrganisationData(
        name="Buurtwerk Plus vzw",
        kind="local_services",
        enterprise_number="0876 543 270",
        province="oost-vlaanderen",
        postcode="9200",
        city="Dendermonde",
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def test_create_normalises_enterprise_number_and_lists(ctx: ServiceContext) -> None:
    created = organisations.save_organisation(ctx, lde()).value
    assert created.enterprise_number == "0876.543.270"
    assert [o.name for o in organisations.list_organisations(ctx)] == ["Buurtwerk Plus vzw"]
    assert organisations.list_organisations(ctx, search="dender")[0].id == created.id
    assert organisations.list_organisations(ctx, kind="care_facility") == []


def test_invalid_input_names_every_field_and_stores_nothing(ctx: ServiceContext) -> None:
    bad = lde(name=" ", kind="bakery", enterprise_number="0876.543.271", postcode="92")
    with pytest.raises(ValidationError) as caught:
        organisations.save_organisation(ctx, bad)
    fields = {p.field for p in caught.value.problems}
    assert fields == {"name", "kind", "enterprise_number", "postcode"}
    assert organisations.list_organisations(ctx) == []


def test_care_type_only_for_care_facility(ctx: ServiceContext) -> None:
    with pytest.raises(ValidationError) as caught:
        organisations.save_organisation(ctx, lde(care_type="day_care"))
    assert caught.value.for_field("care_type")


def test_update_changes_stamp_and_fields(ctx: ServiceContext) -> None:
    created = organisations.save_organisation(ctx, lde()).value
    updated = organisations.save_organisation(ctx, lde(city="Lebbeke"), created.id).value
    assert organisations.get_organisation(ctx, created.id).city == "Lebbeke"
    assert updated.updated_at >= created.updated_at


def test_delete_refused_while_workers_are_employed(ctx: ServiceContext) -> None:
    employer = organisations.save_organisation(ctx, lde()).value
    workers.save_worker(ctx, WorkerData("Samir", "El Amrani", employer.id, "local_services"))
    with pytest.raises(ValidationError) as caught:
        organisations.delete_organisation(ctx, employer.id)
    assert "1 worker is employed here" in str(caught.value)
    assert organisations.get_organisation(ctx, employer.id).name == "Buurtwerk Plus vzw"


def test_kind_change_refused_when_it_would_orphan_workers(ctx: ServiceContext) -> None:
    employer = organisations.save_organisation(ctx, lde()).value
    workers.save_worker(ctx, WorkerData("Samir", "El Amrani", employer.id, "local_services"))
    with pytest.raises(ValidationError):
        organisations.save_organisation(ctx, lde(kind="care_facility"), employer.id)
    assert organisations.get_organisation(ctx, employer.id).kind == "local_services"


def test_people_belong_to_an_existing_organisation(ctx: ServiceContext) -> None:
    employer = organisations.save_organisation(ctx, lde()).value
    coach = organisations.save_person(
        ctx, PersonData("An Peeters", employer.id, "job_coach", "an@example.org")
    ).value
    assert [p.name for p in organisations.list_people(ctx, employer.id)] == ["An Peeters"]
    with pytest.raises(ValidationError) as caught:
        organisations.save_person(ctx, PersonData("X", "nope", email="not-an-address"))
    assert {p.field for p in caught.value.problems} == {"organisation", "email"}
    organisations.delete_person(ctx, coach.id)
    assert organisations.list_people(ctx) == []


def test_actor_sees_only_own_organisations(ctx: ServiceContext) -> None:
    mine = organisations.save_organisation(ctx, lde()).value
    other = organisations.save_organisation(ctx, lde(name="Andere vzw")).value
    restricted = ServiceContext(ctx.db, Actor("coach", "job_coach", frozenset({mine.id})))
    assert [o.id for o in organisations.list_organisations(restricted)] == [mine.id]
    with pytest.raises(NotFoundError):
        organisations.get_organisation(restricted, other.id)


def test_viewer_cannot_write(ctx: ServiceContext) -> None:
    viewer = ServiceContext(ctx.db, Actor("guest", "viewer"))
    with pytest.raises(PermissionDenied):
        organisations.save_organisation(viewer, lde())
    assert organisations.list_organisations(ctx) == []
