"""Reading the audit trail: `audit show` for administrators, and a person's access
history in their worker file (administrators and the employer's job coaches)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import col, select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError
from zorgkoppel.core.models import AuditEntry, Worker
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.access import require_admin
from zorgkoppel.core.services.visibility import employs, may_see_worker
from zorgkoppel.core.services.workers import MSG_NO_WORKER
from zorgkoppel.i18n import N_

ACTION_LABELS: dict[str, str] = {
    audit.OPEN_WORKER_FILE: N_("opened the worker file"),
    audit.READ_NOTE: N_("read a note"),
    audit.PRINT_CONTRACT: N_("printed a contract"),
    audit.EXPORT: N_("exported"),
    audit.IMPORT: N_("imported"),
    audit.LOGIN: N_("logged in"),
    audit.LOGIN_FAILED: N_("failed to log in"),
    audit.LOGOUT: N_("logged out"),
    audit.UNLOCK: N_("unlocked the window"),
    audit.USER_CHANGE: N_("changed a user"),
    audit.PASSWORD_CHANGE: N_("changed a password"),
    audit.RESTORE: N_("restored a backup"),
    audit.ERASURE: N_("erased a person"),
    audit.GDPR_EXPORT: N_("exported a person's data"),
    audit.ENCRYPT: N_("encrypted the data folder"),
    audit.DECRYPT: N_("decrypted the data folder"),
}


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: dt.datetime
    user_name: str
    action: str
    worker_id: str | None
    record_ids: tuple[str, ...]

    @property
    def action_label(self) -> str:
        """The msgid of the action (translate it to show it)."""
        return ACTION_LABELS.get(self.action, self.action)

    def as_dict(self) -> dict[str, object]:
        return {
            "seq": self.seq, "at": self.at.astimezone(dt.UTC).isoformat(),
            "user": self.user_name, "action": self.action, "worker_id": self.worker_id,
            "record_ids": list(self.record_ids),
        }


def _row(entry: AuditEntry) -> AuditRow:
    return AuditRow(entry.seq or 0, entry.at, entry.user_name, entry.action, entry.worker_id,
                    tuple(entry.record_ids.split()))


def list_entries(
    ctx: ServiceContext,
    worker_id: str | None = None,
    user_name: str | None = None,
    since: dt.date | None = None,
    limit: int | None = None,
) -> list[AuditRow]:
    """Entries, newest first, filtered by person, user and first day (administrators only)."""
    require_admin(ctx)
    query = select(AuditEntry).order_by(col(AuditEntry.seq).desc())
    if worker_id is not None:
        query = query.where(AuditEntry.worker_id == worker_id)
    if user_name is not None:
        query = query.where(AuditEntry.user_name == user_name.strip().lower())
    if since is not None:
        start = dt.datetime.combine(since, dt.time()).astimezone(dt.UTC)
        query = query.where(col(AuditEntry.at) >= start)
    if limit is not None:
        query = query.limit(limit)
    with ctx.db.session() as session:
        return [_row(entry) for entry in session.exec(query)]


def may_see_access_history(ctx: ServiceContext, worker: Worker) -> bool:
    """Administrators, and the job coaches of the person's employer."""
    actor = ctx.actor
    return actor.unrestricted or (actor.role == "job_coach" and employs(ctx, worker))


def worker_access_history(
    ctx: ServiceContext, worker_id: str, limit: int | None = 500
) -> list[AuditRow]:
    """Who accessed this person's data, newest first; refused like a missing worker."""
    with ctx.db.session() as session:
        worker = session.get(Worker, worker_id)
        if (worker is None or not may_see_worker(session, ctx, worker_id)
                or not may_see_access_history(ctx, worker)):
            raise NotFoundError(MSG_NO_WORKER, key=worker_id)
        query = (select(AuditEntry).where(AuditEntry.worker_id == worker_id)
                 .order_by(col(AuditEntry.seq).desc()))
        if limit is not None:
            query = query.limit(limit)
        return [_row(entry) for entry in session.exec(query)]
