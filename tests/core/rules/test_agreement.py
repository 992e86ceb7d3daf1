"""validate_agreement with lookups standing in for the database or the file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from zorgkoppel.core.rules.agreement import (
    AgreementData,
    AgreementTaskData,
    validate_agreement,
)

KINDS = {"wzc": "care_facility", "lde": "local_services", "mw": "custom_work",
         "city": "local_authority"}


def check(data: AgreementData, taken: bool = False) -> dict[str, str]:
    problems = validate_agreement(
        data,
        organisation_kind=KINDS.get,
        person_exists=lambda key: key == "coach",
        task_exists=lambda code: code in ("kitchen", "driver"),
        worker_exists=lambda key: key in ("w1", "w2"),
        reference_taken=lambda reference: taken,
    )
    return {p.field: p.text() for p in problems}


def agreement(**changes: object) -> AgreementData:
    data = AgreementData(reference="SO-1", phase="service", legal_form="service_contract",
                         care_partner_id="wzc", se_partner_id="mw")
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def test_a_complete_agreement_is_valid() -> None:
    data = agreement(
        se_partner_id="lde", commissioned_by_id="city", start_date=dt.date(2024, 9, 1),
        end_date=dt.date(2025, 8, 31), rate_type="per_hour", rate=Decimal("17.50"),
        index_base_month="2024-08", job_coach_id="coach", sites=["De Linde"],
        tasks=[AgreementTaskData("kitchen", "Hulp")], worker_ids=["w1", "w2"])
    assert check(data) == {}


def test_transition_with_local_services_needs_no_commission() -> None:
    assert check(agreement(phase="transition", se_partner_id="lde")) == {}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"care_partner_id": "lde"}, "care_partner", "must be a care facility"),
        ({"se_partner_id": "wzc"}, "se_partner",
         "must be a custom-work company or a local-services enterprise"),
        ({"se_partner_id": "lde", "commissioned_by_id": "city", "legal_form": "enclave"},
         "legal_form", "an enclave is only possible with a custom-work company"),
        ({"commissioned_by_id": "wzc"}, "commissioned_by", "must be a local authority"),
        ({"care_partner_id": "nowhere"}, "care_partner", "no organisation with id nowhere"),
        ({"se_partner_id": ""}, "se_partner", "is required"),
        ({"index_base_month": "2024-13"}, "financing.index_base_month",
         "is not a month (YYYY-MM)"),
        ({"scope_hours_per_week": Decimal("-1")}, "scope.hours_per_week",
         "must not be negative"),
        ({"rate_type": "per_minute"}, "financing.rate_type",
         "'per_minute' is not one of: per_hour, per_fte, lump_sum"),
        ({"supervisor_id": "nurse"}, "performance.supervisor", "no person with id nurse"),
        ({"sites": ["A\nB"]}, "performance.sites[0]", "must be one non-empty line"),
        ({"tasks": [AgreementTaskData("kitchen"), AgreementTaskData("kitchen")]},
         "tasks[1].task", "task 'kitchen' appears twice"),
        ({"worker_ids": ["w1", "w1"]}, "workers[1]", "worker w1 appears twice"),
        ({"language": "de"}, "language", "'de' is not one of: nl, fr, en"),
        ({"reference": " "}, "reference", "is required"),
    ],
)
def test_each_rule(changes: dict[str, object], field: str, message: str) -> None:
    assert check(agreement(**changes)) == {field: message}


def test_reference_must_be_unique() -> None:
    assert check(agreement(), taken=True) == {
        "reference": "another agreement has reference 'SO-1'"}
