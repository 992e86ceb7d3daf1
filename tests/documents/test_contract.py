"""The printed contract: every clause, per legal form and language, read back from the PDF."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

import pytest

from tests.documents.pdf_text import body_text, normalise, pdf_info, pdf_text
from tests.documents.sample import Sample, service_data
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError
from zorgkoppel.core.services.agreement_workflow import (
    agreement_file,
    amend_agreement,
    find_issue,
    list_issues,
    sign_agreement,
)
from zorgkoppel.documents import contract_text as ct
from zorgkoppel.documents.contract import amendment_pdf, contract_pdf, issue_contract
from zorgkoppel.documents.contract_data import load_contract_source
from zorgkoppel.documents.pages import PAGE_LABEL
from zorgkoppel.i18n import gettext_for
from zorgkoppel.i18n.formatting import format_date, format_money

LANGUAGES = ("nl", "fr", "en")
KINDS = ("service", "enclave", "transition")


def printed(ctx: ServiceContext, agreement_id: str, language: str) -> str:
    return pdf_text(contract_pdf(load_contract_source(ctx, agreement_id), language))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_clause_is_printed(
    ctx: ServiceContext, sample: Sample, kind: str, language: str
) -> None:
    agreement_id = getattr(sample, kind)
    source = load_contract_source(ctx, agreement_id)
    pdf = contract_pdf(source, language)
    text = body_text(pdf)
    t = gettext_for(language)
    w = ct.Wording(language, t)

    articles = ct.articles(source, w)
    for number, article in enumerate(articles, start=1):
        assert normalise(t(ct.ARTICLE).format(number=number, title=article.title)) in text
        for paragraph in article.paragraphs + article.closing:
            assert normalise(paragraph) in text, paragraph
        for label, value in article.rows:
            assert normalise(value) in text and normalise(label).split()[0] in text
    for party in ct.signing_parties(source):
        assert party.name in text and t(ct.FOR_PARTY).format(name=party.name) in text
        assert party.enterprise_number and party.enterprise_number in text
        for name, _role in party.representatives:
            assert name in text
    assert normalise(t(ct.TITLE)) in text
    assert source.file.data.reference in text
    pages = int(pdf_info(pdf)["Pages"])
    assert normalise(t(PAGE_LABEL).format(page=pages, pages=pages)) in pdf_text(pdf)
    start = source.file.data.start_date
    assert normalise(format_date(start, language)) in text
    assert normalise(format_money(source.file.data.rate, language)) in text


def test_legal_forms_are_worded_apart(ctx: ServiceContext, sample: Sample) -> None:
    t = gettext_for("en")
    service = printed(ctx, sample.service, "en")
    enclave = printed(ctx, sample.enclave, "en")
    for text in (service, enclave):
        assert "not a making-available of workers" in text
        assert "terbeschikkingstelling" in text and "Law of 24 July 1987" in text
        assert "sole employer of the workers" in text
        assert "health index" in text
    assert normalise(t(ct.FORM_ENCLAVE)) in enclave
    assert normalise(t(ct.AUTHORITY_ENCLAVE)) in enclave
    assert normalise(t(ct.FORM_SERVICE_CONTRACT)) not in enclave
    assert normalise(t(ct.FORM_SERVICE_CONTRACT)) in service
    assert normalise(t(ct.AUTHORITY_SERVICE_CONTRACT)) in service
    assert normalise(t(ct.FORM_ENCLAVE)) not in service


def test_lde_service_has_the_authority_as_third_party(ctx: ServiceContext, sample: Sample) -> None:
    service = printed(ctx, sample.service, "en")
    enclave = printed(ctx, sample.enclave, "en")
    assert "For Stad Dendermonde" in service and "commissioning authority" in service
    assert "in 3 originals" in service and "in 2 originals" in enclave
    assert "Stad Dendermonde" not in enclave


def test_clause_options_show_only_when_chosen(ctx: ServiceContext, sample: Sample) -> None:
    transition = printed(ctx, sample.transition, "en")
    service = printed(ctx, sample.service, "en")
    for title in ("Confidentiality", "Protection of personal data", "Liability and insurance"):
        assert title in service and title not in transition
    assert "renewed tacitly" in service
    assert "indefinite period" in transition
    enclave = printed(ctx, sample.enclave, "en")
    assert "mediation by an accredited mediator" in enclave
    assert "invoices quarterly" in enclave and "within 45 days" in enclave


def test_dates_and_money_in_the_contracts_locale(ctx: ServiceContext, sample: Sample) -> None:
    assert "1 september 2024" in printed(ctx, sample.service, "nl")
    assert "€ 17,50" in printed(ctx, sample.service, "nl")
    french = printed(ctx, sample.enclave, "fr")
    assert "1 septembre 2024" in french and "2 950,00 €" in french
    assert "€17.50" in printed(ctx, sample.service, "en")


def test_the_agreements_own_language_is_the_default(ctx: ServiceContext, sample: Sample) -> None:
    source = load_contract_source(ctx, sample.enclave)
    assert contract_pdf(source) == contract_pdf(source, "fr")
    assert pdf_info(contract_pdf(source))["Title"].endswith("ENC-2024-002")


def test_draft_watermark_until_signed(ctx: ServiceContext, sample: Sample) -> None:
    draft = printed(ctx, sample.service, "en")
    assert "D R A F T" in draft and "Drawn up at" in draft
    sign_agreement(ctx, sample.service, dt.date(2024, 8, 20))
    signed = printed(ctx, sample.service, "en")
    assert "D R A F T" not in signed and "on 20 August 2024" in signed


def test_same_data_and_version_give_identical_bytes(ctx: ServiceContext, sample: Sample) -> None:
    first = contract_pdf(load_contract_source(ctx, sample.service))
    assert contract_pdf(load_contract_source(ctx, sample.service)) == first
    assert contract_pdf(load_contract_source(ctx, sample.service), "fr") != first


def test_metadata(ctx: ServiceContext, sample: Sample) -> None:
    meta = pdf_info(contract_pdf(load_contract_source(ctx, sample.service), "en"))
    assert meta["Title"] == "Cooperation agreement SO-2024-007"
    assert meta["Author"] == "WZC Ter Beuken"
    assert "SO-2024-007" in meta["Keywords"] and "Buurtwerk Plus vzw" in meta["Keywords"]


def test_issuing_records_the_sha256(ctx: ServiceContext, sample: Sample) -> None:
    sign_agreement(ctx, sample.service, dt.date(2024, 8, 20))
    issued = issue_contract(ctx, sample.service, issued_on=dt.date(2024, 8, 21))
    assert issued.issue.sha256 == hashlib.sha256(issued.pdf).hexdigest()
    assert (issued.issue.language, issued.issue.version, issued.issue.issued_on) == (
        "nl", 0, dt.date(2024, 8, 21))
    again = issue_contract(ctx, sample.service)
    assert again.pdf == issued.pdf and again.issue.id == issued.issue.id
    found = find_issue(ctx, issued.pdf)
    assert found is not None and found.id == issued.issue.id

    terms = agreement_file(ctx, sample.service).terms
    amend_agreement(ctx, sample.service, service_data(sample, rate=Decimal("18.20")), terms,
                    dt.date(2025, 1, 6), "Nieuw tarief")
    amended = issue_contract(ctx, sample.service)
    assert amended.issue.version == 1 and amended.pdf != issued.pdf
    assert "amendments up to no. 1" in pdf_text(contract_pdf(
        load_contract_source(ctx, sample.service), "en"))
    printout = issue_contract(ctx, sample.service, "en", amendment=1)
    assert printout.issue.amendment_number == 1
    assert len(list_issues(ctx, sample.service)) == 3


def test_amendment_printout(ctx: ServiceContext, sample: Sample) -> None:
    sign_agreement(ctx, sample.service, dt.date(2024, 8, 20))
    terms = agreement_file(ctx, sample.service).terms
    terms.confidentiality = False
    amend_agreement(ctx, sample.service, service_data(
        sample, rate=Decimal("18.20"), supervisor_id=None, worker_ids=[sample.samir, sample.els],
    ), terms, dt.date(2025, 1, 6), "New rate and a second worker")
    source = load_contract_source(ctx, sample.service)

    text = pdf_text(amendment_pdf(source, 1, "en"))
    assert "Amendment no. 1" in text and "to cooperation agreement SO-2024-007" in text
    assert "New rate and a second worker" in text
    assert "Date of the amendment: 6 January 2025" in text
    assert "€17.50" in text and "€18.20" in text
    assert "Greet Claes" in text and "(none)" in text
    assert "Samir El Amrani Els Maes" in text
    assert "Confidentiality yes no" in text
    assert "All other provisions of the agreement remain unchanged" in text
    assert "D R A F T" not in text
    assert "€ 18,20" in pdf_text(amendment_pdf(source, 1, "nl"))
    with pytest.raises(NotFoundError):
        amendment_pdf(source, 2)
