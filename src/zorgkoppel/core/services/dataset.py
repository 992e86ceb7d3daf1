"""Questions about the data set as a whole."""

from __future__ import annotations

from sqlmodel import select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import Organisation, Worker


def is_empty(ctx: ServiceContext) -> bool:
    """True when nobody has entered or imported anything yet (built-in tasks do not count)."""
    with ctx.db.session() as session:
        return (
            session.exec(select(Organisation.id).limit(1)).first() is None
            and session.exec(select(Worker.id).limit(1)).first() is None
        )
