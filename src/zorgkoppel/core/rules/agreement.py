"""Rules for cooperation agreements (samenwerkingsovereenkomsten).

Problems name the field as the exchange file does (`financing.rate`, `tasks[1].task`), so the
importer only prefixes them with the record's path and the UI can place them next to a field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from zorgkoppel.core.codes import (
    AGREEMENT_PHASES,
    AGREEMENT_STATUSES,
    CONTRACT_LANGUAGES,
    LEGAL_FORMS,
    RATE_TYPES,
    SOCIAL_ECONOMY_KINDS,
)
from zorgkoppel.core.errors import Problem, Problems
from zorgkoppel.core.rules.values import (
    MSG_REQUIRED,
    check_code,
    check_month,
    check_not_negative,
    check_period,
    require_text,
)
from zorgkoppel.i18n import N_

MSG_NO_ORGANISATION = N_("no organisation with id {key}")
MSG_NO_PERSON = N_("no person with id {key}")
MSG_NO_WORKER = N_("no worker with id {key}")
MSG_UNKNOWN_TASK = N_("unknown task '{value}'")


@dataclass
class AgreementTaskData:
    """Content (inhoud): a task and what it means at this facility."""

    task: str
    description: str | None = None


@dataclass
class AgreementData:
    reference: str
    phase: str
    legal_form: str
    care_partner_id: str
    se_partner_id: str
    status: str = "draft"
    language: str = "nl"
    commissioned_by_id: str | None = None
    signed_on: dt.date | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    notice_days: int | None = None
    scope_workers: int | None = None
    scope_fte: Decimal | None = None
    scope_hours_per_week: Decimal | None = None
    sites: list[str] = field(default_factory=list)
    schedule: str | None = None
    job_coach_id: str | None = None
    supervisor_id: str | None = None
    evaluation_every_weeks: int | None = None
    rate_type: str | None = None
    rate: Decimal | None = None
    guidance_hours_per_month: Decimal | None = None
    training_hours_per_year: Decimal | None = None
    index_base_month: str | None = None
    tasks: list[AgreementTaskData] = field(default_factory=list)
    worker_ids: list[str] = field(default_factory=list)


def validate_agreement(
    data: AgreementData,
    *,
    organisation_kind: Callable[[str], str | None],
    person_exists: Callable[[str], bool],
    task_exists: Callable[[str], bool],
    worker_exists: Callable[[str], bool],
    reference_taken: Callable[[str], bool],
) -> list[Problem]:
    """Check an agreement against every rule; lookups see the database or the file.

    `reference_taken(reference)` is True when ANOTHER agreement already uses the reference.
    """
    problems = Problems()
    require_text(problems, "reference", data.reference, 64)
    if data.reference and data.reference.strip() and reference_taken(data.reference):
        problems.add("reference", N_("another agreement has reference '{value}'"),
                     value=data.reference)
    check_code(problems, "phase", data.phase, AGREEMENT_PHASES)
    check_code(problems, "legal_form", data.legal_form, LEGAL_FORMS)
    check_code(problems, "status", data.status, AGREEMENT_STATUSES)
    check_code(problems, "language", data.language, CONTRACT_LANGUAGES)
    check_code(problems, "financing.rate_type", data.rate_type, RATE_TYPES, required=False)
    _check_partners(problems, data, organisation_kind)

    check_period(problems, "end", data.start_date, data.end_date)
    for name, value in (
        ("notice_days", data.notice_days),
        ("scope.workers", data.scope_workers),
        ("scope.fte", data.scope_fte),
        ("scope.hours_per_week", data.scope_hours_per_week),
        ("performance.evaluation_every_weeks", data.evaluation_every_weeks),
        ("financing.rate", data.rate),
        ("financing.guidance_hours_per_month", data.guidance_hours_per_month),
        ("financing.training_hours_per_year", data.training_hours_per_year),
    ):
        check_not_negative(problems, name, value)
    check_month(problems, "financing.index_base_month", data.index_base_month)
    if data.schedule is not None and len(data.schedule) > 500:
        problems.add("performance.schedule", N_("is longer than {max} characters"), max=500)
    for i, site in enumerate(data.sites):
        # Sites are stored one per line, so a line break would split one site into two.
        if not site.strip() or "\n" in site or "\r" in site:
            problems.add(f"performance.sites[{i}]", N_("must be one non-empty line"))
    for name, key in (
        ("performance.job_coach", data.job_coach_id),
        ("performance.supervisor", data.supervisor_id),
    ):
        if key and not person_exists(key):
            problems.add(name, MSG_NO_PERSON, key=key)

    seen_tasks: set[str] = set()
    for i, task in enumerate(data.tasks):
        where = f"tasks[{i}].task"
        if not task.task:
            problems.add(where, MSG_REQUIRED)
        elif not task_exists(task.task):
            problems.add(where, MSG_UNKNOWN_TASK, value=task.task)
        elif task.task in seen_tasks:
            problems.add(where, N_("task '{value}' appears twice"), value=task.task)
        seen_tasks.add(task.task)
    seen_workers: set[str] = set()
    for i, worker_id in enumerate(data.worker_ids):
        if not worker_exists(worker_id):
            problems.add(f"workers[{i}]", MSG_NO_WORKER, key=worker_id)
        elif worker_id in seen_workers:
            problems.add(f"workers[{i}]", N_("worker {key} appears twice"), key=worker_id)
        seen_workers.add(worker_id)
    return problems.items


def _check_partners(
    problems: Problems, data: AgreementData, organisation_kind: Callable[[str], str | None]
) -> None:
    care_kind = _partner_kind(problems, "care_partner", data.care_partner_id, organisation_kind)
    if care_kind is not None and care_kind != "care_facility":
        problems.add("care_partner", N_("must be a care facility"))
    se_kind = _partner_kind(problems, "se_partner", data.se_partner_id, organisation_kind)
    if se_kind is not None and se_kind not in SOCIAL_ECONOMY_KINDS:
        problems.add(
            "se_partner", N_("must be a custom-work company or a local-services enterprise")
        )
    if data.legal_form == "enclave" and se_kind is not None and se_kind != "custom_work":
        problems.add("legal_form", N_("an enclave is only possible with a custom-work company"))
    if data.commissioned_by_id:
        kind = organisation_kind(data.commissioned_by_id)
        if kind is None:
            problems.add("commissioned_by", MSG_NO_ORGANISATION, key=data.commissioned_by_id)
        elif kind != "local_authority":
            problems.add("commissioned_by", N_("must be a local authority"))
    elif data.phase == "service" and se_kind == "local_services":
        problems.add(
            "commissioned_by",
            N_("a service by a local-services enterprise must be commissioned by a local "
               "authority"),
        )


def _partner_kind(
    problems: Problems,
    name: str,
    key: str | None,
    organisation_kind: Callable[[str], str | None],
) -> str | None:
    if not key:
        problems.add(name, MSG_REQUIRED)
        return None
    kind = organisation_kind(key)
    if kind is None:
        problems.add(name, MSG_NO_ORGANISATION, key=key)
    return kind
