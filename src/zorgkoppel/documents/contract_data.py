"""Everything a contract printout needs, read from core in one go (no Qt, no reportlab)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, col, select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import Organisation, Person, Task, Worker
from zorgkoppel.core.services.agreement_workflow import (
    AgreementFile,
    agreement_file,
    amendment_changes,
)

REPRESENTATIVE_ROLES = ("director", "representative")


@dataclass(frozen=True)
class Party:
    name: str
    kind: str
    enterprise_number: str | None
    address: str
    representatives: list[tuple[str, str]]  # (name, role code)


@dataclass(frozen=True)
class ContractSource:
    file: AgreementFile
    care: Party
    enterprise: Party
    authority: Party | None
    job_coach: str | None
    supervisor: str | None
    workers: list[str]
    tasks: dict[str, Task]
    # Names of the organisations, people and workers that amendments mention by id.
    names: dict[str, str]


def _party(session: Session, organisation_id: str) -> Party:
    organisation = session.get(Organisation, organisation_id)
    assert organisation is not None  # foreign keys guarantee it
    place = " ".join(p for p in (organisation.postcode, organisation.city) if p)
    address = ", ".join(p for p in (organisation.street, place) if p)
    people = session.exec(
        select(Person)
        .where(Person.organisation_id == organisation_id,
               col(Person.role).in_(REPRESENTATIVE_ROLES))
        .order_by(col(Person.role), col(Person.name))
    ).all()
    return Party(
        organisation.name, organisation.kind, organisation.enterprise_number, address,
        [(p.name, p.role or "representative") for p in people],
    )


def _person_name(session: Session, person_id: str | None) -> str | None:
    if person_id is None:
        return None
    person = session.get(Person, person_id)
    return person.name if person else None


def _workers(session: Session, ids: Iterable[str]) -> list[str]:
    names = []
    for worker_id in ids:
        worker = session.get(Worker, worker_id)
        if worker is not None:
            names.append(f"{worker.first_name} {worker.last_name}")
    return names


def load_contract_source(ctx: ServiceContext, agreement_id: str) -> ContractSource:
    """The agreement (visible to the actor, else NotFoundError) with its parties and names."""
    file = agreement_file(ctx, agreement_id)
    data = file.data
    with ctx.db.session() as session:
        # The whole catalogue: amendments may name tasks the agreement no longer has.
        tasks = {t.code: t for t in session.exec(select(Task)).all()}
        return ContractSource(
            file=file,
            care=_party(session, data.care_partner_id),
            enterprise=_party(session, data.se_partner_id),
            authority=(_party(session, data.commissioned_by_id)
                       if data.commissioned_by_id else None),
            job_coach=_person_name(session, data.job_coach_id),
            supervisor=_person_name(session, data.supervisor_id),
            workers=_workers(session, data.worker_ids),
            tasks=tasks,
            names=_amendment_names(session, file),
        )


_ID_MODELS: dict[str, type[Organisation] | type[Person] | type[Worker]] = {
    "care_partner_id": Organisation, "se_partner_id": Organisation,
    "commissioned_by_id": Organisation, "job_coach_id": Person, "supervisor_id": Person,
    "worker_ids": Worker,
}


def _amendment_names(session: Session, file: AgreementFile) -> dict[str, str]:
    names: dict[str, str] = {}
    for amendment in file.amendments:
        for name, old, new in amendment_changes(amendment):
            model = _ID_MODELS.get(name)
            if model is None:
                continue
            for value in (old, new):
                for key in (value or "").splitlines():
                    row = session.get(model, key)
                    if row is not None:
                        names[key] = (row.name if not isinstance(row, Worker)
                                      else f"{row.first_name} {row.last_name}")
    return names
