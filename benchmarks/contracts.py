"""Batch printing of cooperation agreements: milliseconds per contract.

Creates AGREEMENTS agreements (half service contracts with an LDE and its commissioning
authority, half enclaves; every third one signed) in a temporary folder, then prints all of
them one by one as the window does (load, lay out, record the SHA-256 in its own
transaction), then all at once as `zorgkoppel contract --all` does (one transaction).
Target (issue 3): at most 50 ms per contract.

    .venv/bin/python benchmarks/contracts.py [AGREEMENTS]
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.rules.agreement import AgreementData, AgreementTaskData
from zorgkoppel.core.rules.contract_terms import ContractTerms
from zorgkoppel.core.rules.organisation import OrganisationData, PersonData
from zorgkoppel.core.rules.worker import WorkerData
from zorgkoppel.core.services.agreement_workflow import save_draft, sign_agreement
from zorgkoppel.core.services.agreements import list_agreements
from zorgkoppel.core.services.organisations import save_organisation, save_person
from zorgkoppel.core.services.workers import save_worker
from zorgkoppel.documents.contract import issue_contract, issue_contracts
from zorgkoppel.storage.opening import open_database

TASKS = ("driver", "kitchen", "laundry", "meal_distribution", "room_care", "logistics")


def build(ctx: ServiceContext, count: int) -> None:
    def organisation(name: str, kind: str, number: str) -> str:
        return save_organisation(ctx, OrganisationData(
            name, kind, enterprise_number=number, street="Kerkstraat 1", postcode="9200",
            city="Dendermonde")).value.id

    wzc = organisation("WZC De Linde", "care_facility", "0412.345.614")
    lde = organisation("Buurtwerk Plus vzw", "local_services", "0876.543.270")
    custom = organisation("Maatwerk Schelde", "custom_work", "0440.123.444")
    city = organisation("Stad Dendermonde", "local_authority", "0207.001.265")
    for org, name in ((wzc, "Marleen Van Hove"), (lde, "Johan De Wolf"),
                      (custom, "Hélène Dubois"), (city, "Piet Buyse")):
        save_person(ctx, PersonData(name, org, "director"))
    coach = save_person(ctx, PersonData("An Peeters", lde, "job_coach")).value.id
    nurse = save_person(ctx, PersonData("Greet Claes", wzc, "supervisor")).value.id
    workers = [save_worker(ctx, WorkerData(f"Werknemer{i}", "Test", custom, "custom_work"))
               .value.id for i in range(8)]
    for i in range(count):
        enclave = i % 2 == 1
        data = AgreementData(
            reference=f"SO-{i:04d}", phase="service",
            legal_form="enclave" if enclave else "service_contract",
            care_partner_id=wzc, se_partner_id=custom if enclave else lde,
            commissioned_by_id=None if enclave else city, language=("nl", "fr", "en")[i % 3],
            start_date=dt.date(2024, 9, 1), end_date=dt.date(2025, 8, 31), notice_days=90,
            scope_workers=4, scope_fte=Decimal("3.2"), scope_hours_per_week=Decimal("121.6"),
            sites=["WZC De Linde"], schedule="ma-vr 7u30-16u", job_coach_id=coach,
            supervisor_id=nurse, evaluation_every_weeks=8, rate_type="per_hour",
            rate=Decimal("17.50"), guidance_hours_per_month=Decimal("6"),
            training_hours_per_year=Decimal("24"), index_base_month="2024-08",
            tasks=[AgreementTaskData(code, "Omschrijving van de taak") for code in TASKS],
            worker_ids=workers[:4] if enclave else [],
        )
        agreement = save_draft(ctx, data, ContractTerms(renewal="tacit")).value
        if i % 3 == 0:
            sign_agreement(ctx, agreement.id, dt.date(2024, 8, 20))


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder))
        ctx = ServiceContext(db)
        build(ctx, count)
        agreements = list_agreements(ctx)
        issue_contract(ctx, agreements[0].id)  # fonts and caches, as after the first print
        timings = []
        pages = 0
        started = time.perf_counter()
        cpu_started = time.process_time()
        for agreement in agreements:
            begin = time.perf_counter()
            issued = issue_contract(ctx, agreement.id)
            timings.append((time.perf_counter() - begin) * 1000)
            pages += issued.pdf.count(b"/Type /Page\n")
        total = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        # A second print gives the same bytes, so the batch records nothing new but looks.
        batch_started = time.perf_counter()
        issue_contracts(ctx, [a.id for a in agreements])
        batch = time.perf_counter() - batch_started
        db.dispose()
    # CPU time is printed too: on a shared machine the wall clock also counts other programs.
    print(f"contracts printed: {len(timings)} ({pages} pages), total {total:.2f} s")
    print(f"per contract: mean {statistics.mean(timings):.1f} ms, "
          f"median {statistics.median(timings):.1f} ms, max {max(timings):.1f} ms, "
          f"CPU {cpu / len(timings) * 1000:.1f} ms (target ≤ 50 ms)")
    print(f"batch (contract --all): {batch / len(timings) * 1000:.1f} ms per contract")


if __name__ == "__main__":
    main()
