"""What this database and an exchange partner last agreed on, per record (SyncState).

After an import or an export, each record's `updated_at` is stored as agreed. A later
import compares against it: a side whose `updated_at` is newer than the agreed one has
changed the record since. Sections are the exchange file's section names; record keys are
ids, task codes, months, or `site|date` for roster days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping

from sqlmodel import Session, col, select

from zorgkoppel.core.models import SyncState
from zorgkoppel.core.models.types import utcnow
from zorgkoppel.storage.bulk import batches, insert_rows


def agreed_times(
    session: Session, section: str, keys: Collection[str] | None = None
) -> dict[str, dt.datetime]:
    query = select(SyncState.record_key, SyncState.agreed_updated_at).where(
        SyncState.section == section
    )
    if keys is None:
        return dict(session.exec(query).all())
    found: dict[str, dt.datetime] = {}
    for batch in batches(keys):
        found.update(session.exec(query.where(col(SyncState.record_key).in_(batch))).all())
    return found


def record_agreed(session: Session, section: str, times: Mapping[str, dt.datetime]) -> None:
    """Store (replacing) the agreed `updated_at` of each record key."""
    forget_agreed(session, section, list(times))
    now = utcnow()
    insert_rows(
        session,
        SyncState,
        [
            {"section": section, "record_key": key, "agreed_updated_at": agreed,
             "created_at": now, "updated_at": now}
            for key, agreed in times.items()
        ],
    )


def forget_agreed(session: Session, section: str, keys: Collection[str]) -> None:
    for batch in batches(keys):
        session.execute(
            SyncState.__table__.delete().where(  # type: ignore[attr-defined]
                (SyncState.section == section) & col(SyncState.record_key).in_(batch)
            )
        )


def roster_day_key(site_id: str, day: dt.date) -> str:
    return f"{site_id}|{day.isoformat()}"
