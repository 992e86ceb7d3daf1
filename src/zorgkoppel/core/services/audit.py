"""The audit trail: every access leaves an entry (who, when, what, which ids) in a hash chain.

Each entry's hash covers the previous entry's hash and its own fields, so a changed,
removed or inserted row breaks the chain from that row on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from sqlmodel import Session, col, select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import AuditEntry
from zorgkoppel.core.models.types import utcnow

GENESIS = "0" * 64

# What can be recorded; the values are stored, the msgids shown in `audit show`.
OPEN_WORKER_FILE = "open_worker_file"
READ_NOTE = "read_note"
PRINT_CONTRACT = "print_contract"
EXPORT = "export"
IMPORT = "import"
LOGIN = "login"
LOGIN_FAILED = "login_failed"
LOGOUT = "logout"
UNLOCK = "unlock"
USER_CHANGE = "user_change"
PASSWORD_CHANGE = "password_change"
RESTORE = "restore"
ERASURE = "erasure"
GDPR_EXPORT = "gdpr_export"
ENCRYPT = "encrypt"
DECRYPT = "decrypt"


def entry_hash(
    prev_hash: str,
    seq: int,
    at: dt.datetime,
    user_name: str,
    action: str,
    worker_id: str | None,
    record_ids: str,
) -> str:
    """SHA-256 over the previous hash and this entry's fields, one per line."""
    stamp = at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    text = "\n".join(
        (prev_hash, str(seq), stamp, user_name, action, worker_id or "", record_ids)
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def append_entry(
    session: Session,
    user_name: str,
    action: str,
    record_ids: Iterable[str] = (),
    worker_id: str | None = None,
    at: dt.datetime | None = None,
) -> AuditEntry:
    """Add one entry inside the caller's write transaction (which holds the write lock)."""
    last = session.exec(select(AuditEntry).order_by(col(AuditEntry.seq).desc()).limit(1)).first()
    prev_hash = last.hash if last is not None else GENESIS
    seq = (last.seq or 0) + 1 if last is not None else 1
    # Whole microseconds survive every backend, so the stored time rehashes to the same value.
    at = (at or utcnow()).astimezone(dt.UTC)
    ids = " ".join(record_ids)
    entry = AuditEntry(
        seq=seq, at=at, user_name=user_name, action=action, worker_id=worker_id,
        record_ids=ids, prev_hash=prev_hash,
        hash=entry_hash(prev_hash, seq, at, user_name, action, worker_id, ids),
    )
    session.add(entry)
    session.flush()
    return entry


def record(
    ctx: ServiceContext,
    action: str,
    record_ids: Iterable[str] = (),
    worker_id: str | None = None,
) -> None:
    """Record an access by the context's actor in its own transaction."""
    with ctx.db.transaction() as session:
        append_entry(session, ctx.actor.name, action, record_ids, worker_id)
