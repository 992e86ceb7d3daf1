"""The audit trail: every access leaves an entry (who, when, what, which ids) in a hash chain.

Each entry's hash covers the previous entry's hash and its own fields, so a changed,
removed or inserted row breaks the chain from that row on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import event
from sqlalchemy import insert as sa_insert
from sqlalchemy import select as sa_select
from sqlalchemy import text as sa_text
from sqlmodel import Session

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import AuditEntry
from zorgkoppel.core.models.types import utcnow
from zorgkoppel.storage.audit_head import (
    ChainHead,
    advance_head,
    head_path,
    pending_path,
    stamp,
    write_head,
)

if TYPE_CHECKING:
    from zorgkoppel.storage.database import Database

_log = logging.getLogger(__name__)

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
    return stamped_hash(prev_hash, seq, stamp(at), user_name, action, worker_id, record_ids)


def stamped_hash(
    prev_hash: str, seq: int, at_stamp: str, user_name: str, action: str,
    worker_id: str | None, record_ids: str,
) -> str:
    """`entry_hash` with the time already written as `stamp` writes it."""
    text = "\n".join(
        (prev_hash, str(seq), at_stamp, user_name, action, worker_id or "", record_ids)
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_TABLE = AuditEntry.__table__  # type: ignore[attr-defined]


# Any fixed number: the key of the PostgreSQL advisory lock that orders audit writers.
_CHAIN_LOCK = 0x7A6B_A0D1


def _chain_end(session: Session) -> tuple[int, str]:
    if session.get_bind().dialect.name == "postgresql":
        # Two writers must not both read the same end and fork the chain: on PostgreSQL a
        # read takes no write lock (SQLite's INSERT does), so hold this one until commit.
        session.execute(sa_text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CHAIN_LOCK})
    last = session.execute(
        sa_select(_TABLE.c.seq, _TABLE.c.hash).order_by(_TABLE.c.seq.desc()).limit(1)
    ).first()
    return (0, GENESIS) if last is None else (last[0] or 0, last[1])


def append_entries(
    session: Session,
    user_name: str,
    action: str,
    items: Iterable[tuple[Iterable[str], str | None]],
    at: dt.datetime | None = None,
) -> ChainHead | None:
    """Add one entry per (record ids, worker id) inside the caller's write transaction.

    The INSERT takes SQLite's write lock (on PostgreSQL an advisory lock, taken before the
    chain end is read), so two programs never chain onto the same row;
    the head file outside the database is moved on under that lock too. Returns the new
    head (None when there was nothing to add).
    """
    seq, prev_hash = _chain_end(session)
    # Whole microseconds survive every backend, so the stored time rehashes to the same value.
    at = (at or utcnow()).astimezone(dt.UTC)
    at_stamp = stamp(at)
    rows = []
    for record_ids, worker_id in items:
        seq += 1
        ids = " ".join(record_ids)
        digest = stamped_hash(prev_hash, seq, at_stamp, user_name, action, worker_id, ids)
        rows.append({"seq": seq, "at": at, "user_name": user_name, "action": action,
                     "worker_id": worker_id, "record_ids": ids, "prev_hash": prev_hash,
                     "hash": digest})
        prev_hash = digest
    if not rows:
        return None
    # Core, not ORM objects: an access entry is on the path of every file opened.
    session.execute(sa_insert(_TABLE), rows)
    head = ChainHead(seq, prev_hash, at_stamp)
    _move_head(session, head)
    return head


def append_entry(
    session: Session,
    user_name: str,
    action: str,
    record_ids: Iterable[str] = (),
    worker_id: str | None = None,
    at: dt.datetime | None = None,
) -> None:
    """Add one entry inside the caller's write transaction (which holds the write lock)."""
    append_entries(session, user_name, action, [(record_ids, worker_id)], at)


def _head_file(session: Session) -> Path | None:
    url = session.get_bind().engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None  # a server database keeps its head with its own backups (issue 10)
    return head_path(Path(url.database).parent)


def _move_head(session: Session, head: ChainHead) -> None:
    """Keep the new head beside the database now and make it the head once committed.

    Written as the data folder's head before the commit, a crash before the commit would
    leave a head past the chain's end ("entries were removed"); written only after it, a
    crash in between would leave entries past the head ("added outside zorgkoppel").
    The pending file is the bridge: `audit verify` accepts a chain that ends exactly at it.
    """
    path = _head_file(session)
    if path is None:
        return
    try:
        write_head(pending_path(path.parent), head)
    except OSError:
        # The entry itself is what counts; `audit verify` reports the stale head.
        _log.warning("The audit chain head could not be written to %s", path)
        return
    session.info["audit_head_new"] = (path, head)


def _promote_head(session: Session) -> None:
    pending = session.info.pop("audit_head_new", None)
    if pending is None:
        return
    path, head = pending
    try:
        advance_head(path, head)
    except OSError:
        _log.warning("The audit chain head could not be written to %s", path)


def _forget_head(session: Session) -> None:
    # The pending file may keep the head that never committed: it only counts when the
    # chain ends exactly there.
    session.info.pop("audit_head_new", None)


event.listen(Session, "after_commit", _promote_head)
event.listen(Session, "after_rollback", _forget_head)


def record(
    ctx: ServiceContext,
    action: str,
    record_ids: Iterable[str] = (),
    worker_id: str | None = None,
) -> None:
    """Record an access by the context's actor in its own transaction."""
    record_many(ctx, action, [(record_ids, worker_id)])


def record_many(
    ctx: ServiceContext, action: str, items: Iterable[tuple[Iterable[str], str | None]]
) -> None:
    """Record several entries (one per person, say) by the context's actor at once.

    A read-only session (another window holds the data folder) still leaves its trace:
    through a separate, writable connection, as the login's bookkeeping does.
    """
    record_as(ctx.db, ctx.actor.name, action, items)


def record_as(
    db: Database, user_name: str, action: str,
    items: Iterable[tuple[Iterable[str], str | None]] = (((), None),),
) -> None:
    """Record entries by `user_name` (a restore records itself in the restored database)."""
    items = list(items)
    if not db.read_only:
        _append_lightly(db, user_name, action, items)
        return
    from zorgkoppel.storage.database import Database

    writable = Database(db.url, key=db.data_key)
    try:
        _append_lightly(writable, user_name, action, items)
    finally:
        writable.dispose()


def _append_lightly(
    db: Database, user_name: str, action: str,
    items: list[tuple[Iterable[str], str | None]],
) -> None:
    """An access entry without its own fsync: opening a file stays as fast as before.

    In WAL mode with synchronous=NORMAL the commit survives a crash of the program; only a
    power cut in the next moment could lose it, until the next ordinary (fully synced)
    write or checkpoint carries it to the disk.
    """
    sqlite = db.engine.dialect.name == "sqlite"
    with db.engine.connect() as connection:
        # On the driver's connection: SQLAlchemy would open a transaction first, and
        # SQLite does not change the safety level inside one.
        raw = connection.connection.driver_connection
        if sqlite and raw is not None:
            raw.execute("PRAGMA synchronous=NORMAL")
        try:
            with Session(bind=connection, expire_on_commit=False) as session, \
                    session.begin():
                append_entries(session, user_name, action, items)
        finally:
            if sqlite and raw is not None:
                if raw.in_transaction:  # a failed commit (a full disk) leaves it open
                    raw.rollback()
                raw.execute("PRAGMA synchronous=FULL")
