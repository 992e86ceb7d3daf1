"""`audit verify`: walk the hash chain and compare its end with the heads kept outside.

A changed row no longer hashes to its stored hash; a removed row leaves a gap in `seq`; a
row slipped in (or a whole chain recomputed) no longer meets the head file of the data
folder or the head stored beside a backup. The first such row is named.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import AuditEntry
from zorgkoppel.core.services.access import require_admin
from zorgkoppel.core.services.audit import GENESIS, RESTORE, stamped_hash
from zorgkoppel.i18n import N_, _
from zorgkoppel.storage.audit_head import ChainHead, stamp

MSG_CHANGED = N_("Audit entry {seq} was changed: its contents no longer match its hash.")
MSG_REMOVED = N_("Audit entry {seq} is missing: it was removed.")
MSG_BROKEN_LINK = N_(
    "Audit entry {seq} does not follow the entry before it: a row was inserted, removed "
    "or changed there.")
MSG_HEAD_MISSING_ROWS = N_(
    "The audit trail ends at entry {last}, but the chain head in {place} records entry "
    "{seq}: entries from {first_missing} on were removed.")
MSG_HEAD_MISMATCH = N_(
    "Audit entry {seq} differs from the chain head in {place}: the trail was rewritten.")
MSG_HEAD_BEHIND = N_(
    "Audit entries from {seq} on are not confirmed by the chain head in {place}: they were "
    "added outside zorgkoppel.")

BATCH = 20_000


@dataclass(frozen=True)
class KnownHead:
    """A chain head kept outside the database, and where (shown in the verdict)."""

    head: ChainHead
    place: str
    # The data folder's head must be the very end of the chain; a backup's head only a
    # point on it (the trail went on after the backup).
    is_end: bool
    # The head of the last transaction, kept before its commit: the chain may end there
    # (the program stopped between the commit and moving the head on) or just before it.
    pending: bool = False


@dataclass(frozen=True)
class ChainVerdict:
    entries: int
    message: str | None = None
    seq: int | None = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def intact(self) -> bool:
        return self.message is None

    def text(self, translate: Callable[[str], str] = _) -> str:
        if self.message is None:
            return translate("The audit trail is intact: {count} entries.").format(
                count=self.entries)
        return translate(self.message).format(**self.params)


class _Row(NamedTuple):
    seq: int
    at: str  # as `stamp` writes it
    user_name: str
    action: str
    worker_id: str | None
    record_ids: str
    prev_hash: str
    hash: str


# SQLite keeps the time as "YYYY-MM-DD HH:MM:SS.ffffff" (UTC): read as text it is turned
# into the stamp by two slices, a million times faster than through datetime objects.
_SQLITE_ROWS = (
    "SELECT seq, at, user_name, action, worker_id, record_ids, prev_hash, hash "
    "FROM auditentry ORDER BY seq"
)


def _rows(ctx: ServiceContext) -> Iterator[_Row]:
    with ctx.db.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            cursor = connection.exec_driver_sql(_SQLITE_ROWS)
            while batch := cursor.fetchmany(BATCH):
                for row in batch:
                    text = row[1]
                    yield _Row(row[0], f"{text[:10]}T{text[11:26]}Z", *row[2:])
            return
        table = AuditEntry.__table__  # type: ignore[attr-defined]
        query = select(table.c.seq, table.c.at, table.c.user_name, table.c.action,
                       table.c.worker_id, table.c.record_ids, table.c.prev_hash,
                       table.c.hash).order_by(table.c.seq)
        result = connection.execution_options(yield_per=BATCH).execute(query)
        for typed in result:
            yield _Row(typed[0], stamp(typed[1]), *typed[2:])


def verify_chain(ctx: ServiceContext, heads: Iterable[KnownHead] = ()) -> ChainVerdict:
    """Check every entry and the chain's end; an administrator's task."""
    require_admin(ctx)
    heads = list(heads)
    points = {known.head.seq: known for known in heads if not known.is_end}
    end = next((known for known in heads if known.is_end and not known.pending), None)
    pending = next((known for known in heads if known.pending), None)
    pending_met = end_met = False
    seq, prev_hash, count = 0, GENESIS, 0
    restores: list[tuple[int, str]] = []
    mismatched: list[KnownHead] = []
    for row in _rows(ctx):
        count += 1
        if row.seq != seq + 1:
            return ChainVerdict(count, MSG_REMOVED, seq + 1, {"seq": seq + 1})
        if stamped_hash(row.prev_hash, row.seq, row.at, row.user_name, row.action,
                        row.worker_id, row.record_ids) != row.hash:
            return ChainVerdict(count, MSG_CHANGED, row.seq, {"seq": row.seq})
        if row.prev_hash != prev_hash:
            return ChainVerdict(count, MSG_BROKEN_LINK, row.seq, {"seq": row.seq})
        if row.action == RESTORE:
            restores.append((row.seq, row.at))
        point = points.get(row.seq)
        if point is not None and point.head.hash != row.hash:
            mismatched.append(point)
        if end is not None and row.seq == end.head.seq:
            end_met = row.hash == end.head.hash
        if pending is not None and row.seq == pending.head.seq:
            pending_met = row.hash == pending.head.hash
        seq, prev_hash = row.seq, row.hash
    if pending is not None and pending_met and seq == pending.head.seq:
        end, end_met = pending, True
    if end is not None and not end_met and end.head.seq <= seq:
        return ChainVerdict(count, MSG_HEAD_MISMATCH, end.head.seq,
                            {"seq": end.head.seq, "place": end.place})
    for point in mismatched:
        if not _abandoned(point.head, restores):
            return ChainVerdict(count, MSG_HEAD_MISMATCH, point.head.seq,
                                {"seq": point.head.seq, "place": point.place})
    for known in [*points.values(), *([end] if end else [])]:
        if known.head.seq > seq and not (known in points.values()
                                         and _abandoned(known.head, restores)):
            return ChainVerdict(count, MSG_HEAD_MISSING_ROWS, seq + 1, {
                "last": seq, "seq": known.head.seq, "first_missing": seq + 1,
                "place": known.place})
    if end is not None and seq > end.head.seq:
        return ChainVerdict(count, MSG_HEAD_BEHIND, end.head.seq + 1,
                            {"seq": end.head.seq + 1, "place": end.place})
    return ChainVerdict(count)


def _abandoned(head: ChainHead, restores: list[tuple[int, str]]) -> bool:
    """A backup taken before a later restore, past the point restored to: its part of the
    trail was replaced by the restore (the older branch lives on only in that backup)."""
    return any(head.at < at and head.seq >= seq for seq, at in restores if head.at)


def heads_of_folder(data_dir: Path, backups: Iterable[Path] = ()) -> list[KnownHead]:
    """The head file of the data folder and the heads stored beside these backups."""
    from zorgkoppel.storage.audit_head import (
        head_path,
        is_later,
        pending_path,
        read_head,
        sidecar_of,
    )

    found = []
    own = read_head(head_path(data_dir))
    if own is not None:
        found.append(KnownHead(own, str(head_path(data_dir)), is_end=True))
    pending = read_head(pending_path(data_dir))
    if pending is not None and pending != own and is_later(pending, own):
        found.append(KnownHead(pending, str(pending_path(data_dir)), is_end=True,
                               pending=True))
    for backup in backups:
        head = read_head(sidecar_of(backup))
        if head is not None:
            found.append(KnownHead(head, str(backup), is_end=False))
    return found
