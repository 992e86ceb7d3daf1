"""The role × record matrix: which records an actor may read, as SQL clauses and checks.

An administrator and the local owner (no accounts yet) see everything. A user bound to an
organisation sees by the side it is on:

- care side (coordinator, or viewer of a care facility): the facility's agreements and roster
  days, the workers placed there by an agreement (current or past), their `shared` notes, and
  the trajectories that target the facility;
- enterprise side (job coach, or viewer of a social-economy enterprise): the enterprise's
  workers with all their notes and trajectories, the agreements in which it is a partner,
  and those agreements' roster days.

Every clause is a WHERE condition on the record's own columns (subqueries, no joins), so
each listing can add it without changing its shape. A record outside the clause is answered
exactly as a missing one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, or_, true
from sqlmodel import Session, col, select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import (
    Agreement,
    AgreementWorker,
    Note,
    Trajectory,
    Worker,
)


def _own(ctx: ServiceContext) -> list[str]:
    return sorted(ctx.actor.organisation_ids or ())


def agreement_clause(ctx: ServiceContext) -> ColumnElement[bool]:
    actor = ctx.actor
    if actor.unrestricted:
        return true()
    if actor.on_care_side:
        return col(Agreement.care_partner_id).in_(_own(ctx))
    return col(Agreement.se_partner_id).in_(_own(ctx))


def may_see_agreement(ctx: ServiceContext, agreement: Agreement) -> bool:
    actor = ctx.actor
    if actor.unrestricted:
        return True
    partner = agreement.care_partner_id if actor.on_care_side else agreement.se_partner_id
    return actor.works_for(partner)


def placed_worker_ids(ctx: ServiceContext) -> Select[Any]:
    """The workers placed with the actor's facility under any of its agreements."""
    return (
        select(AgreementWorker.worker_id)
        .join(Agreement, col(Agreement.id) == col(AgreementWorker.agreement_id))
        .where(col(Agreement.care_partner_id).in_(_own(ctx)))
    )


def worker_clause(
    ctx: ServiceContext, worker_id: Any = None, employer_id: Any = None
) -> ColumnElement[bool]:
    """Workers the actor may see, on `worker_id` (default Worker.id) or on a row's worker column.

    `employer_id` (Worker.employer_id when the Worker table itself is queried) lets the
    enterprise side filter without a subquery.
    """
    actor = ctx.actor
    if actor.unrestricted:
        return true()
    worker_id = Worker.id if worker_id is None else worker_id
    if actor.on_care_side:
        return col(worker_id).in_(placed_worker_ids(ctx))
    if employer_id is not None:
        return col(employer_id).in_(_own(ctx))
    if worker_id is Worker.id:
        return col(Worker.employer_id).in_(_own(ctx))
    return col(worker_id).in_(
        select(Worker.id).where(col(Worker.employer_id).in_(_own(ctx)))
    )


def may_see_worker(session: Session, ctx: ServiceContext, worker_id: str) -> bool:
    """The worker exists and the actor may see it."""
    found = session.exec(
        select(Worker.id).where(Worker.id == worker_id, worker_clause(ctx))
    ).first()
    return found is not None


def employs(ctx: ServiceContext, worker: Worker) -> bool:
    """The actor may act for the worker's employer (an enterprise-side user of it, or all)."""
    return ctx.actor.unrestricted or (
        ctx.actor.on_enterprise_side and ctx.actor.works_for(worker.employer_id)
    )


def employer_clause(ctx: ServiceContext, employer_id: Any) -> ColumnElement[bool]:
    """Matters of the employment itself (the five-year LDE term): the employer's side only."""
    actor = ctx.actor
    if actor.unrestricted:
        return true()
    if actor.on_care_side:
        return false()
    return col(employer_id).in_(_own(ctx))


def note_clause(ctx: ServiceContext) -> ColumnElement[bool]:
    """Notes the actor may read; the care side never sees an `enterprise_only` note."""
    actor = ctx.actor
    if actor.unrestricted:
        return true()
    visible_worker = worker_clause(ctx, Note.worker_id)
    if actor.on_care_side:
        return and_(Note.visibility == "shared", visible_worker)
    return visible_worker


def trajectory_clause(ctx: ServiceContext) -> ColumnElement[bool]:
    actor = ctx.actor
    if actor.unrestricted:
        return true()
    if actor.on_care_side:
        return col(Trajectory.target_employer_id).in_(_own(ctx))
    return worker_clause(ctx, Trajectory.worker_id)


def may_see_trajectory(session: Session, ctx: ServiceContext, trajectory: Trajectory) -> bool:
    actor = ctx.actor
    if actor.unrestricted:
        return True
    if actor.on_care_side:
        return actor.works_for(trajectory.target_employer_id)
    worker = session.get(Worker, trajectory.worker_id)
    return worker is not None and actor.works_for(worker.employer_id)


def partner_sites(ctx: ServiceContext) -> Select[Any]:
    """The care facilities of the agreements in which the actor's enterprise is a partner."""
    return select(Agreement.care_partner_id).where(col(Agreement.se_partner_id).in_(_own(ctx)))


def roster_site_clause(ctx: ServiceContext, site_id: Any) -> ColumnElement[bool]:
    """Roster days (by their site column) the actor may read."""
    actor = ctx.actor
    if actor.unrestricted:
        return true()
    if actor.on_care_side:
        return col(site_id).in_(_own(ctx))
    return col(site_id).in_(partner_sites(ctx))


def may_see_roster_site(session: Session, ctx: ServiceContext, site_id: str | None) -> bool:
    actor = ctx.actor
    if actor.unrestricted:
        return True
    if site_id is None:
        return False
    if actor.on_care_side:
        return actor.works_for(site_id)
    return site_id in set(session.exec(partner_sites(ctx)).all())


def may_plan_roster(ctx: ServiceContext, site_id: str | None) -> bool:
    """Roster days are written by their own facility's coordinators (and an administrator)."""
    actor = ctx.actor
    if not actor.may_write:
        return False
    return actor.unrestricted or (actor.role == "coordinator" and actor.works_for(site_id))


def organisation_clause(ctx: ServiceContext, organisation_id: Any) -> ColumnElement[bool]:
    """The actor's own organisation and the partners and authorities of its agreements."""
    actor = ctx.actor
    if actor.unrestricted:
        return true()
    visible = agreement_clause(ctx)
    return or_(
        col(organisation_id).in_(_own(ctx)),
        col(organisation_id).in_(select(Agreement.care_partner_id).where(visible)),
        col(organisation_id).in_(select(Agreement.se_partner_id).where(visible)),
        col(organisation_id).in_(select(Agreement.commissioned_by_id).where(visible)),
    )


def may_see_organisation_record(
    session: Session, ctx: ServiceContext, organisation_id: str | None
) -> bool:
    if ctx.actor.unrestricted:
        return True
    if organisation_id is None:
        return False
    from zorgkoppel.core.models import Organisation

    found = session.exec(
        select(Organisation.id).where(
            Organisation.id == organisation_id, organisation_clause(ctx, Organisation.id)
        )
    ).first()
    return found is not None
