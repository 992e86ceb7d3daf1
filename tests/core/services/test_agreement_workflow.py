"""Draft → signed → active → ended/terminated; a signed agreement changes only by amendment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.documents.sample import Sample, make_sample, service_data
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, ValidationError
from zorgkoppel.core.rules.agreement import AgreementTaskData
from zorgkoppel.core.rules.contract_terms import ContractTerms
from zorgkoppel.core.services.agreement_workflow import (
    activate_agreement,
    agreement_file,
    agreement_id_by_reference,
    amend_agreement,
    amendment_changes,
    end_agreement,
    find_issue,
    list_amendments,
    list_issues,
    record_issue,
    save_draft,
    sign_agreement,
    terminate_agreement,
)

SIGNED = dt.date(2024, 8, 20)


@pytest.fixture
def sample(ctx: ServiceContext) -> Sample:
    return make_sample(ctx)


def fields_of(error: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {p.field for p in error.value.problems}


def test_draft_saves_terms_with_the_agreement(ctx: ServiceContext, sample: Sample) -> None:
    file = agreement_file(ctx, sample.service)
    assert file.agreement.status == "draft"
    assert file.terms == ContractTerms(renewal="tacit", via_reduction_days_per_year=Decimal("3"))
    assert file.data.rate == Decimal("17.50")
    assert not file.locked and file.version == 0


def test_bad_terms_and_data_are_refused_together(ctx: ServiceContext, sample: Sample) -> None:
    bad = service_data(sample, commissioned_by_id=None, rate=Decimal("-1"))
    with pytest.raises(ValidationError) as caught:
        save_draft(ctx, bad, ContractTerms(renewal="forever", payment_term_days=-3),
                   sample.service)
    assert fields_of(caught) == {"commissioned_by", "financing.rate", "terms.renewal",
                                 "terms.payment_term_days"}
    assert agreement_file(ctx, sample.service).data.rate == Decimal("17.50")


def test_the_full_life_of_an_agreement(ctx: ServiceContext, sample: Sample) -> None:
    assert sign_agreement(ctx, sample.service, SIGNED).value.status == "signed"
    assert agreement_file(ctx, sample.service).agreement.signed_on == SIGNED
    assert activate_agreement(ctx, sample.service).value.status == "active"
    assert end_agreement(ctx, sample.service).value.status == "ended"
    with pytest.raises(ValidationError) as caught:
        activate_agreement(ctx, sample.service)
    assert fields_of(caught) == {"status"}


def test_termination_sets_the_end_date(ctx: ServiceContext, sample: Sample) -> None:
    sign_agreement(ctx, sample.enclave, SIGNED)
    terminated = terminate_agreement(ctx, sample.enclave, dt.date(2025, 3, 31)).value
    assert (terminated.status, terminated.end_date) == ("terminated", dt.date(2025, 3, 31))
    with pytest.raises(ValidationError):
        terminate_agreement(ctx, sample.enclave, dt.date(2025, 4, 30))


def test_a_draft_cannot_be_terminated_or_activated(ctx: ServiceContext, sample: Sample) -> None:
    with pytest.raises(ValidationError):
        terminate_agreement(ctx, sample.service, dt.date(2025, 1, 1))
    with pytest.raises(ValidationError):
        activate_agreement(ctx, sample.service)
    assert agreement_file(ctx, sample.service).agreement.status == "draft"


def test_signing_needs_a_start_and_tasks(ctx: ServiceContext, sample: Sample) -> None:
    save_draft(ctx, service_data(sample, start_date=None, end_date=None, tasks=[]),
               ContractTerms(), sample.service)
    with pytest.raises(ValidationError) as caught:
        sign_agreement(ctx, sample.service, SIGNED)
    assert fields_of(caught) == {"start", "tasks"}


def test_a_signed_agreement_is_locked(ctx: ServiceContext, sample: Sample) -> None:
    sign_agreement(ctx, sample.service, SIGNED)
    with pytest.raises(ValidationError) as caught:
        save_draft(ctx, service_data(sample, rate=Decimal("1")), ContractTerms(),
                   sample.service)
    assert fields_of(caught) == {"status"}
    file = agreement_file(ctx, sample.service)
    assert (file.agreement.status, file.data.rate) == ("signed", Decimal("17.50"))


def test_amendments_are_numbered_and_record_what_changed(
    ctx: ServiceContext, sample: Sample
) -> None:
    sign_agreement(ctx, sample.service, SIGNED)
    terms = agreement_file(ctx, sample.service).terms
    first = amend_agreement(
        ctx, sample.service, service_data(sample, rate=Decimal("18.20")), terms,
        dt.date(2025, 1, 6), "Indexation agreed early",
    ).value
    terms.payment_term_days = 60
    second = amend_agreement(
        ctx, sample.service,
        service_data(sample, rate=Decimal("18.20"), tasks=[AgreementTaskData("kitchen")]),
        terms, dt.date(2025, 2, 3), "Only the kitchen from February",
    ).value

    assert (first.number, second.number) == (1, 2)
    assert amendment_changes(first) == [("rate", "17.50", "18.20")]
    assert [c[0] for c in amendment_changes(second)] == ["tasks", "payment_term_days"]
    file = agreement_file(ctx, sample.service)
    assert file.version == 2 and file.data.rate == Decimal("18.20")
    assert file.terms.payment_term_days == 60
    assert file.agreement.status == "signed" and file.agreement.signed_on == SIGNED
    assert [a.reason for a in list_amendments(ctx, sample.service)] == [
        "Indexation agreed early", "Only the kitchen from February"]


def test_an_amendment_needs_a_reason_a_change_and_a_signed_agreement(
    ctx: ServiceContext, sample: Sample
) -> None:
    data = service_data(sample)
    with pytest.raises(ValidationError) as caught:
        amend_agreement(ctx, sample.service, data, ContractTerms(), SIGNED, "x")
    assert "status" in fields_of(caught)
    sign_agreement(ctx, sample.service, SIGNED)
    terms = agreement_file(ctx, sample.service).terms
    with pytest.raises(ValidationError) as caught:
        amend_agreement(ctx, sample.service, service_data(sample), terms, SIGNED, "  ")
    assert fields_of(caught) == {"reason", ""}
    with pytest.raises(ValidationError) as caught:
        amend_agreement(ctx, sample.service, service_data(sample, reference="X", rate=None),
                        terms, dt.date(2024, 1, 1), "why")
    assert fields_of(caught) == {"reference", "amended_on"}
    assert list_amendments(ctx, sample.service) == []


def test_issues_are_recorded_once_and_found_by_content(
    ctx: ServiceContext, sample: Sample
) -> None:
    pdf = b"%PDF-1.4 pretend"
    first = record_issue(ctx, sample.service, pdf, "nl", 0, issued_on=dt.date(2025, 1, 2))
    again = record_issue(ctx, sample.service, pdf, "nl", 0, issued_on=dt.date(2025, 3, 1))
    assert again.id == first.id and again.issued_on == dt.date(2025, 1, 2)
    assert len(first.sha256) == 64
    assert [i.id for i in list_issues(ctx, sample.service)] == [first.id]
    found = find_issue(ctx, pdf)
    assert found is not None and found.agreement_id == sample.service
    assert find_issue(ctx, pdf + b" changed") is None


def test_reference_lookup(ctx: ServiceContext, sample: Sample) -> None:
    assert agreement_id_by_reference(ctx, " ENC-2024-002 ") == sample.enclave
    with pytest.raises(NotFoundError) as caught:
        agreement_id_by_reference(ctx, "NOPE-1")
    assert str(caught.value) == "No agreement with reference NOPE-1."
