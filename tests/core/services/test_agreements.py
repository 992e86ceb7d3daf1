"""Saving, reading, listing and deleting agreements."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.core.services.conftest import Base
from zorgkoppel.core.context import Actor, ServiceContext
from zorgkoppel.core.errors import NotFoundError, PermissionDenied, ValidationError
from zorgkoppel.core.rules.agreement import AgreementData, AgreementTaskData
from zorgkoppel.core.services.agreements import (
    delete_agreement,
    get_agreement,
    list_agreements,
    save_agreement,
)


def service_agreement(base: Base, **changes: object) -> AgreementData:
    data = AgreementData(
        reference="SO-2024-007", phase="service", legal_form="service_contract",
        care_partner_id=base.wzc, se_partner_id=base.lde, commissioned_by_id=base.city,
        status="signed", start_date=dt.date(2024, 9, 1), end_date=dt.date(2025, 8, 31),
        rate_type="per_hour", rate=Decimal("17.50"), sites=["Ter Beuken"],
        job_coach_id=base.coach, supervisor_id=base.nurse,
        tasks=[AgreementTaskData("driver", "Ophalen"), AgreementTaskData("kitchen")],
        worker_ids=[base.samir],
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def test_save_and_read_back(ctx: ServiceContext, base: Base) -> None:
    outcome = save_agreement(ctx, service_agreement(base))
    assert outcome.changes.touches("agreements")
    detail = get_agreement(ctx, outcome.value.id)
    assert detail.data == service_agreement(base)
    assert detail.agreement.site_list == ["Ter Beuken"]


def test_update_replaces_tasks_and_workers(ctx: ServiceContext, base: Base) -> None:
    created = save_agreement(ctx, service_agreement(base)).value
    changed = service_agreement(base, tasks=[AgreementTaskData("kitchen", "Keuken")],
                                worker_ids=[base.els, base.samir], rate=Decimal("18.00"))

    updated = save_agreement(ctx, changed, created.id).value

    assert updated.updated_at > created.updated_at
    assert get_agreement(ctx, created.id).data == changed


def test_invalid_agreement_is_refused_with_fields(ctx: ServiceContext, base: Base) -> None:
    bad = service_agreement(base, commissioned_by_id=None, end_date=dt.date(2024, 1, 1),
                            worker_ids=["nobody"])
    with pytest.raises(ValidationError) as caught:
        save_agreement(ctx, bad)
    assert {p.field for p in caught.value.problems} == {"commissioned_by", "end", "workers[0]"}
    assert list_agreements(ctx) == []


def test_reference_is_unique_but_an_agreement_keeps_its_own(
    ctx: ServiceContext, base: Base
) -> None:
    first = save_agreement(ctx, service_agreement(base)).value
    save_agreement(ctx, service_agreement(base, status="active"), first.id)
    with pytest.raises(ValidationError) as caught:
        save_agreement(ctx, service_agreement(base))
    assert [p.field for p in caught.value.problems] == ["reference"]


def test_list_filters(ctx: ServiceContext, base: Base) -> None:
    save_agreement(ctx, service_agreement(base))
    save_agreement(ctx, service_agreement(
        base, reference="ENC-1", legal_form="enclave", se_partner_id=base.maatwerk,
        commissioned_by_id=None, status="draft", worker_ids=[base.els]))

    assert [a.reference for a in list_agreements(ctx)] == ["ENC-1", "SO-2024-007"]
    assert [a.reference for a in list_agreements(ctx, status="draft")] == ["ENC-1"]
    assert [a.reference for a in list_agreements(ctx, organisation_id=base.city)] == [
        "SO-2024-007"]
    assert [a.reference for a in list_agreements(ctx, search="enc")] == ["ENC-1"]


def test_only_drafts_can_be_deleted(ctx: ServiceContext, base: Base) -> None:
    signed = save_agreement(ctx, service_agreement(base)).value
    draft = save_agreement(ctx, service_agreement(base, reference="D-1", status="draft")).value

    with pytest.raises(ValidationError):
        delete_agreement(ctx, signed.id)
    assert delete_agreement(ctx, draft.id).touches("agreements")

    assert [a.id for a in list_agreements(ctx)] == [signed.id]
    with pytest.raises(NotFoundError):
        get_agreement(ctx, draft.id)


def test_partners_see_their_agreements_only(ctx: ServiceContext, base: Base) -> None:
    agreement = save_agreement(ctx, service_agreement(base)).value
    maatwerk_user = ServiceContext(ctx.db, Actor("mw", "coordinator",
                                                 frozenset({base.maatwerk})))
    lde_user = ServiceContext(ctx.db, Actor("lde", "job_coach", frozenset({base.lde})))

    assert list_agreements(maatwerk_user) == []
    with pytest.raises(NotFoundError):
        get_agreement(maatwerk_user, agreement.id)
    assert [a.id for a in list_agreements(lde_user)] == [agreement.id]


def test_nobody_writes_agreements_of_other_organisations(
    ctx: ServiceContext, base: Base
) -> None:
    outsider = ServiceContext(ctx.db, Actor("mw", "coordinator", frozenset({base.maatwerk})))
    with pytest.raises(PermissionDenied):
        save_agreement(outsider, service_agreement(base))
    assert list_agreements(ctx) == []
