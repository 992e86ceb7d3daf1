"""Service contexts of users bound to an organisation, as a login would make them."""

from __future__ import annotations

from zorgkoppel.core.codes import SOCIAL_ECONOMY_KINDS
from zorgkoppel.core.context import CARE_SIDE, ENTERPRISE_SIDE, Actor, ServiceContext
from zorgkoppel.core.models import Organisation


def acting_for(ctx: ServiceContext, organisation_id: str, role: str | None = None,
               name: str = "someone") -> ServiceContext:
    """A coordinator of a care facility or a job coach of an enterprise (or `role`)."""
    with ctx.db.session() as session:
        organisation = session.get(Organisation, organisation_id)
    enterprise = organisation is not None and organisation.kind in SOCIAL_ECONOMY_KINDS
    role = role or ("job_coach" if enterprise else "coordinator")
    side = ENTERPRISE_SIDE if enterprise else CARE_SIDE
    return ServiceContext(ctx.db, Actor(name, role, frozenset({organisation_id}), side))
