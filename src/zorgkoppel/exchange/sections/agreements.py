"""The `agreements` section: the five topics of a cooperation agreement."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from sqlmodel import Session

from zorgkoppel.core.errors import Problem
from zorgkoppel.core.models import Agreement
from zorgkoppel.core.rules.agreement import AgreementData, AgreementTaskData, validate_agreement
from zorgkoppel.core.services.agreements import (
    agreement_child_rows,
    agreement_columns,
    delete_agreement_children,
    load_agreements,
)
from zorgkoppel.exchange.reader import Reader
from zorgkoppel.exchange.sections.base import (
    Parsed,
    References,
    Section,
    Stored,
)
from zorgkoppel.exchange.values import date_text, decimal_text

_SCOPE = frozenset({"workers", "fte", "hours_per_week"})
_PERFORMANCE = frozenset(
    {"sites", "schedule", "job_coach", "supervisor", "evaluation_every_weeks"}
)
_FINANCING = frozenset(
    {"rate_type", "rate", "guidance_hours_per_month", "training_hours_per_year",
     "index_base_month"}
)


class AgreementsSection(Section[AgreementData]):
    name = "agreements"
    area = "agreements"
    fields = frozenset(
        {"id", "reference", "phase", "legal_form", "status", "language", "care_partner",
         "se_partner", "commissioned_by", "signed_on", "start", "end", "notice_days", "tasks",
         "scope", "performance", "financing", "workers", "updated_at"}
    )

    def parse(self, reader: Reader, item: Mapping[str, Any]) -> Parsed[AgreementData]:
        scope = reader.child(item, "scope", "", _SCOPE)
        performance = reader.child(item, "performance", "", _PERFORMANCE)
        financing = reader.child(item, "financing", "", _FINANCING)
        tasks = []
        for where, raw in reader.items(item, "tasks"):
            task = reader.fields(raw, where, {"task", "description"})
            if task is not None:
                tasks.append(
                    AgreementTaskData(
                        reader.text(task, "task", where, 64) or "",
                        reader.text(task, "description", where),
                    )
                )
        data = AgreementData(
            reference=reader.text(item, "reference", max_length=64) or "",
            phase=reader.text(item, "phase", max_length=20) or "",
            legal_form=reader.text(item, "legal_form", max_length=32) or "",
            status=_default(reader.text(item, "status", max_length=20), "draft"),
            language=_default(reader.text(item, "language", max_length=8), "nl"),
            care_partner_id=reader.text(item, "care_partner", max_length=64) or "",
            se_partner_id=reader.text(item, "se_partner", max_length=64) or "",
            commissioned_by_id=reader.text(item, "commissioned_by", max_length=64) or None,
            signed_on=reader.date(item, "signed_on"),
            start_date=reader.date(item, "start"),
            end_date=reader.date(item, "end"),
            notice_days=reader.integer(item, "notice_days"),
            scope_workers=reader.integer(scope, "workers", "scope"),
            scope_fte=reader.decimal(scope, "fte", "scope"),
            scope_hours_per_week=reader.decimal(scope, "hours_per_week", "scope"),
            sites=reader.texts(performance, "sites", "performance", 200),
            schedule=reader.text(performance, "schedule", "performance", 500),
            # An empty reference means "nobody", never a person with an empty id.
            job_coach_id=reader.text(performance, "job_coach", "performance", 64) or None,
            supervisor_id=reader.text(performance, "supervisor", "performance", 64) or None,
            evaluation_every_weeks=reader.integer(
                performance, "evaluation_every_weeks", "performance"
            ),
            rate_type=reader.text(financing, "rate_type", "financing", 20),
            rate=reader.decimal(financing, "rate", "financing"),
            guidance_hours_per_month=reader.decimal(
                financing, "guidance_hours_per_month", "financing"
            ),
            training_hours_per_year=reader.decimal(
                financing, "training_hours_per_year", "financing"
            ),
            index_base_month=reader.text(financing, "index_base_month", "financing", 7),
            tasks=tasks,
            worker_ids=reader.texts(item, "workers"),
        )
        key = reader.text(item, "id", max_length=64, required=True)
        return Parsed(key, reader.timestamp(item, "updated_at"), data)

    def validate(self, key: str, data: AgreementData, refs: References) -> list[Problem]:
        return validate_agreement(
            data,
            organisation_kind=refs.organisation_kind,
            person_exists=refs.people.__contains__,
            task_exists=refs.tasks.__contains__,
            worker_exists=refs.workers.__contains__,
            reference_taken=lambda reference: refs.reference_taken(reference, key),
        )

    def overlay(self, refs: References, key: str, data: AgreementData) -> None:
        refs.agreements[key] = (
            data.reference,
            data.care_partner_id,
            data.se_partner_id,
            data.commissioned_by_id,
        )

    def render(self, key: str, data: AgreementData) -> dict[str, Any]:
        return {
            "id": key,
            "reference": data.reference,
            "phase": data.phase,
            "legal_form": data.legal_form,
            "status": data.status,
            "language": data.language,
            "care_partner": data.care_partner_id,
            "se_partner": data.se_partner_id,
            "commissioned_by": data.commissioned_by_id,
            "signed_on": date_text(data.signed_on),
            "start": date_text(data.start_date),
            "end": date_text(data.end_date),
            "notice_days": data.notice_days,
            "tasks": [{"task": t.task, "description": t.description} for t in data.tasks],
            "scope": {
                "workers": data.scope_workers,
                "fte": decimal_text(data.scope_fte),
                "hours_per_week": decimal_text(data.scope_hours_per_week),
            },
            "performance": {
                "sites": list(data.sites),
                "schedule": data.schedule,
                "job_coach": data.job_coach_id,
                "supervisor": data.supervisor_id,
                "evaluation_every_weeks": data.evaluation_every_weeks,
            },
            "financing": {
                "rate_type": data.rate_type,
                "rate": decimal_text(data.rate),
                "guidance_hours_per_month": decimal_text(data.guidance_hours_per_month),
                "training_hours_per_year": decimal_text(data.training_hours_per_year),
                "index_base_month": data.index_base_month,
            },
            "workers": list(data.worker_ids),
        }

    def load(
        self, session: Session, keys: Collection[str] | None
    ) -> dict[str, Stored[AgreementData]]:
        return {
            key: Stored(detail.agreement.updated_at, detail.data, key)
            for key, detail in load_agreements(session, keys).items()
        }

    model = Agreement
    columns = staticmethod(agreement_columns)  # type: ignore[assignment]
    children = staticmethod(agreement_child_rows)  # type: ignore[assignment]
    delete_children = staticmethod(delete_agreement_children)  # type: ignore[assignment]


def _default(value: str | None, default: str) -> str:
    """The default for an absent field; an empty one stays empty, for the rules to report."""
    return default if value is None else value
