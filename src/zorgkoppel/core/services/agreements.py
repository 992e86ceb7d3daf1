"""Cooperation agreements with their tasks and placed workers.

The row mapping (`agreement_columns`, `agreement_child_rows`, `load_agreements`) is public
because the exchange importer and exporter write and read agreements in bulk the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, or_
from sqlmodel import Session, col, select

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import (
    NotFoundError,
    PermissionDenied,
    Problem,
    Problems,
    ValidationError,
)
from zorgkoppel.core.models import (
    Agreement,
    AgreementTask,
    AgreementWorker,
    Organisation,
    Person,
    Task,
    Worker,
)
from zorgkoppel.core.models.types import new_id, utcnow
from zorgkoppel.core.rules.agreement import AgreementData, AgreementTaskData, validate_agreement
from zorgkoppel.core.services.access import require_role
from zorgkoppel.core.services.outcome import Outcome
from zorgkoppel.core.services.sync import forget_agreed
from zorgkoppel.core.services.visibility import agreement_clause, may_see_agreement
from zorgkoppel.i18n import N_
from zorgkoppel.storage.bulk import batches, delete_where_in, insert_rows

MSG_NO_AGREEMENT = N_("No agreement with id {key}.")
SYNC_SECTION = "agreements"
CHILD_MODELS: tuple[type[Any], ...] = (AgreementTask, AgreementWorker)

# Agreement columns that hold an AgreementData field of the same name.
_PLAIN_FIELDS = (
    "reference", "phase", "legal_form", "status", "language", "signed_on", "start_date",
    "end_date", "notice_days", "scope_workers", "scope_fte", "scope_hours_per_week", "schedule",
    "evaluation_every_weeks", "rate_type", "rate", "guidance_hours_per_month",
    "training_hours_per_year", "index_base_month", "care_partner_id", "se_partner_id",
    "commissioned_by_id", "job_coach_id", "supervisor_id",
)


@dataclass(frozen=True)
class AgreementDetail:
    agreement: Agreement
    data: AgreementData


def agreement_columns(data: AgreementData) -> dict[str, Any]:
    """The agreement row's own columns (no id, no timestamps)."""
    columns = {name: getattr(data, name) for name in _PLAIN_FIELDS}
    columns["sites"] = "\n".join(data.sites) if data.sites else None
    return columns


def agreement_child_rows(
    agreement_id: str, data: AgreementData, now: dt.datetime
) -> dict[type[Any], list[dict[str, Any]]]:
    stamp = {"created_at": now, "updated_at": now}
    return {
        AgreementTask: [
            {"id": new_id(), "agreement_id": agreement_id, "task_code": t.task,
             "description": t.description, "position": i, **stamp}
            for i, t in enumerate(data.tasks)
        ],
        AgreementWorker: [
            {"id": new_id(), "agreement_id": agreement_id, "worker_id": worker_id,
             "position": i, **stamp}
            for i, worker_id in enumerate(data.worker_ids)
        ],
    }


def delete_agreement_children(session: Session, agreement_ids: Collection[str]) -> None:
    delete_where_in(session, AgreementTask.agreement_id, agreement_ids)
    delete_where_in(session, AgreementWorker.agreement_id, agreement_ids)


def load_agreements(
    session: Session, ids: Collection[str] | None = None
) -> dict[str, AgreementDetail]:
    """Agreements with their children, all of them or those with the given ids."""
    rows: list[Agreement] = []
    tasks: dict[str, list[AgreementTaskData]] = {}
    workers: dict[str, list[str]] = {}
    for batch in [None] if ids is None else batches(ids):
        query = select(Agreement)
        task_query = select(AgreementTask).order_by(AgreementTask.position)
        worker_query = select(AgreementWorker).order_by(AgreementWorker.position)
        if batch is not None:
            query = query.where(col(Agreement.id).in_(batch))
            task_query = task_query.where(col(AgreementTask.agreement_id).in_(batch))
            worker_query = worker_query.where(col(AgreementWorker.agreement_id).in_(batch))
        rows.extend(session.exec(query).all())
        for task in session.exec(task_query).all():
            tasks.setdefault(task.agreement_id, []).append(
                AgreementTaskData(task.task_code, task.description)
            )
        for placed in session.exec(worker_query).all():
            workers.setdefault(placed.agreement_id, []).append(placed.worker_id)
    return {
        row.id: AgreementDetail(row, _data(row, tasks.get(row.id, []), workers.get(row.id, [])))
        for row in rows
    }


def _data(row: Agreement, tasks: list[AgreementTaskData], worker_ids: list[str]) -> AgreementData:
    fields = {name: getattr(row, name) for name in _PLAIN_FIELDS}
    return AgreementData(**fields, sites=row.site_list, tasks=tasks, worker_ids=worker_ids)


def validate_in_session(
    session: Session, data: AgreementData, agreement_id: str | None
) -> list[Problem]:
    def organisation_kind(key: str) -> str | None:
        organisation = session.get(Organisation, key)
        return organisation.kind if organisation else None

    def reference_taken(reference: str) -> bool:
        query = select(Agreement.id).where(Agreement.reference == reference.strip())
        if agreement_id is not None:
            query = query.where(Agreement.id != agreement_id)
        return session.exec(query.limit(1)).first() is not None

    return validate_agreement(
        data,
        organisation_kind=organisation_kind,
        person_exists=lambda key: session.get(Person, key) is not None,
        task_exists=lambda code: session.get(Task, code) is not None,
        worker_exists=lambda key: session.get(Worker, key) is not None,
        reference_taken=reference_taken,
    )


def _visible(ctx: ServiceContext, agreement: Agreement) -> bool:
    return may_see_agreement(ctx, agreement)


def require_draft_writer(ctx: ServiceContext, care_partner_id: str | None,
                          statuses: tuple[str | None, ...]) -> None:
    """Who writes agreements: an administrator, or a coordinator for its facility's drafts."""
    require_role(ctx, "coordinator")
    if ctx.actor.unrestricted:
        return
    if not ctx.actor.works_for(care_partner_id) or any(s != "draft" for s in statuses):
        raise PermissionDenied(N_("A coordinator may only write draft agreements of their own "
                                  "care facility."))


def agreement_conditions(
    ctx: ServiceContext,
    status: str | None = None,
    phase: str | None = None,
    organisation_id: str | None = None,
) -> list[ColumnElement[bool]]:
    """WHERE clauses for agreements the actor may see, filtered as the lists offer.

    `organisation_id` matches either partner or the commissioning authority.
    """
    conditions = [agreement_clause(ctx)]
    if status:
        conditions.append(Agreement.status == status)
    if phase:
        conditions.append(Agreement.phase == phase)
    if organisation_id:
        conditions.append(
            or_(
                Agreement.care_partner_id == organisation_id,
                Agreement.se_partner_id == organisation_id,
                Agreement.commissioned_by_id == organisation_id,
            )
        )
    return conditions


def list_agreements(
    ctx: ServiceContext,
    search: str = "",
    status: str | None = None,
    phase: str | None = None,
    organisation_id: str | None = None,
) -> list[Agreement]:
    """Agreements by reference; `search` looks in the reference and the sites."""
    with ctx.db.session() as session:
        query = select(Agreement).where(
            *agreement_conditions(ctx, status, phase, organisation_id)
        )
        if search:
            pattern = f"%{search.lower()}%"
            query = query.where(
                or_(
                    func.lower(Agreement.reference).like(pattern),
                    func.lower(Agreement.sites).like(pattern),
                )
            )
        return list(session.exec(query.order_by(Agreement.reference)).all())


def get_agreement(ctx: ServiceContext, agreement_id: str) -> AgreementDetail:
    with ctx.db.session() as session:
        detail = load_agreements(session, [agreement_id]).get(agreement_id)
    if detail is None or not _visible(ctx, detail.agreement):
        raise NotFoundError(MSG_NO_AGREEMENT, key=agreement_id)
    return detail


def save_agreement(
    ctx: ServiceContext, data: AgreementData, agreement_id: str | None = None
) -> Outcome[Agreement]:
    """Create (no id) or update an agreement; its tasks and workers are replaced."""
    require_role(ctx, "coordinator")
    with ctx.db.transaction() as session:
        if agreement_id is not None:
            found = session.get(Agreement, agreement_id)
            if found is None or not _visible(ctx, found):
                raise NotFoundError(MSG_NO_AGREEMENT, key=agreement_id)
        problems = validate_in_session(session, data, agreement_id)
        if problems:
            raise ValidationError(problems)
        require_draft_writer(ctx, data.care_partner_id, (
            data.status, *((found.status,) if agreement_id is not None else ())))
        now = utcnow()
        if agreement_id is None:
            agreement = Agreement(**agreement_columns(data))
        else:
            agreement = found
            for name, value in agreement_columns(data).items():
                setattr(agreement, name, value)
            agreement.updated_at = now
            delete_agreement_children(session, [agreement.id])
        session.add(agreement)
        session.flush()
        for model, rows in agreement_child_rows(agreement.id, data, now).items():
            insert_rows(session, model, rows)
    return Outcome(agreement, Changes.of("agreements"))


def delete_agreement(ctx: ServiceContext, agreement_id: str) -> Changes:
    """Delete a draft; a signed agreement stays on file (it is ended or terminated instead)."""
    require_role(ctx, "coordinator")
    with ctx.db.transaction() as session:
        agreement = session.get(Agreement, agreement_id)
        if agreement is None or not _visible(ctx, agreement):
            raise NotFoundError(MSG_NO_AGREEMENT, key=agreement_id)
        require_draft_writer(ctx, agreement.care_partner_id, (agreement.status,))
        if agreement.status != "draft":
            problems = Problems()
            problems.add(
                "status",
                N_("Only a draft agreement can be deleted; set a signed one to ended or "
                   "terminated instead."),
            )
            problems.raise_if_any()
        delete_agreement_children(session, [agreement_id])
        session.delete(agreement)
        forget_agreed(session, SYNC_SECTION, [agreement_id])
    return Changes.of("agreements")

