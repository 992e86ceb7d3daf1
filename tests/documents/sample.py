"""Organisations, people, workers and agreements of each legal form, for the contract tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.rules.agreement import AgreementData, AgreementTaskData
from zorgkoppel.core.rules.contract_terms import ContractTerms
from zorgkoppel.core.rules.organisation import OrganisationData, PersonData
from zorgkoppel.core.rules.worker import SkillData, WorkerData
from zorgkoppel.core.services.agreement_workflow import save_draft
from zorgkoppel.core.services.organisations import save_organisation, save_person
from zorgkoppel.core.services.workers import save_worker


@dataclass(frozen=True)
class Sample:
    wzc: str
    lde: str
    maatwerk: str
    city: str
    coach: str
    nurse: str
    samir: str
    els: str
    service: str  # service contract with the LDE, commissioned by the city (nl)
    enclave: str  # enclave with the custom-work company (fr)
    transition: str  # transition phase with the custom-work company (en)


def organisation(ctx: ServiceContext, name: str, kind: str, number: str | None,
                 street: str, city: str) -> str:
    postcode, town = city.split(" ", 1)
    return save_organisation(ctx, OrganisationData(
        name, kind, care_type="residential" if kind == "care_facility" else None,
        enterprise_number=number, street=street, postcode=postcode, city=town,
    )).value.id


def service_data(s: Sample | dict[str, str], **changes: object) -> AgreementData:
    get = s.__getitem__ if isinstance(s, dict) else lambda k: getattr(s, k)
    data = AgreementData(
        reference="SO-2024-007", phase="service", legal_form="service_contract",
        care_partner_id=get("wzc"), se_partner_id=get("lde"), commissioned_by_id=get("city"),
        language="nl", start_date=dt.date(2024, 9, 1), end_date=dt.date(2025, 8, 31),
        notice_days=90, scope_workers=3, scope_fte=Decimal("2.5"),
        scope_hours_per_week=Decimal("95"), sites=["WZC Ter Beuken, Kerkstraat 1"],
        schedule="ma-vr 7u30-17u", job_coach_id=get("coach"), supervisor_id=get("nurse"),
        evaluation_every_weeks=8, rate_type="per_hour", rate=Decimal("17.50"),
        guidance_hours_per_month=Decimal("6"), training_hours_per_year=Decimal("24"),
        index_base_month="2024-08",
        tasks=[AgreementTaskData("driver", "Ophalen en terugbrengen van bezoekers"),
               AgreementTaskData("kitchen", "Hulp bij maaltijden")],
        worker_ids=[get("samir")],
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def make_sample(ctx: ServiceContext) -> Sample:
    wzc = organisation(ctx, "WZC Ter Beuken", "care_facility", "0412.345.614",
                       "Kerkstraat 1", "9200 Dendermonde")
    lde = organisation(ctx, "Buurtwerk Plus vzw", "local_services", "0876.543.270",
                       "Markt 3", "9200 Dendermonde")
    maatwerk = organisation(ctx, "Maatwerk Schelde", "custom_work", "0440.123.444",
                            "Industrieweg 21", "9100 Sint-Niklaas")
    city = organisation(ctx, "Stad Dendermonde", "local_authority", "0207.001.265",
                        "Stadhuis, Grote Markt 1", "9200 Dendermonde")
    save_person(ctx, PersonData("Marleen Van Hove", wzc, "director"))
    save_person(ctx, PersonData("Johan De Wolf", lde, "representative"))
    save_person(ctx, PersonData("Hélène Dubois", maatwerk, "director"))
    save_person(ctx, PersonData("Piet Buyse", city, "representative"))
    coach = save_person(ctx, PersonData("An Peeters", lde, "job_coach")).value.id
    nurse = save_person(ctx, PersonData("Greet Claes", wzc, "supervisor")).value.id
    samir = save_worker(ctx, WorkerData(
        "Samir", "El Amrani", lde, "local_services", dt.date(2021, 3, 1), "B1", True,
        [SkillData("driver", "independent")])).value.id
    els = save_worker(ctx, WorkerData(
        "Els", "Maes", maatwerk, "custom_work", dutch_level="native",
        skills=[SkillData("kitchen", "independent")])).value.id
    ids = {"wzc": wzc, "lde": lde, "maatwerk": maatwerk, "city": city, "coach": coach,
           "nurse": nurse, "samir": samir, "els": els}
    service = save_draft(ctx, service_data(ids), ContractTerms(
        renewal="tacit", via_reduction_days_per_year=Decimal("3"))).value.id
    enclave = save_draft(ctx, service_data(
        ids, reference="ENC-2024-002", legal_form="enclave", se_partner_id=maatwerk,
        commissioned_by_id=None, language="fr", rate_type="per_fte", rate=Decimal("2950"),
        job_coach_id=None, worker_ids=[els], tasks=[AgreementTaskData("laundry", "Linnen")],
    ), ContractTerms(disputes="mediation", invoicing_frequency="quarterly",
                     payment_term_days=45)).value.id
    transition = save_draft(ctx, service_data(
        ids, reference="TR-2025-001", phase="transition", se_partner_id=maatwerk,
        commissioned_by_id=None, language="en", end_date=None, notice_days=None,
        evaluation_every_weeks=None, worker_ids=[els],
    ), ContractTerms(confidentiality=False, gdpr_processing=False,
                     liability_insurance=False)).value.id
    return Sample(wzc, lde, maatwerk, city, coach, nurse, samir, els, service, enclave,
                  transition)
