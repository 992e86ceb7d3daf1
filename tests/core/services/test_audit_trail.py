"""The audit trail: which accesses leave an entry, and `verify` catching every tampering."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import col, select

from tests.actors import acting_for
from tests.matrix_world import World, build_world
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, PermissionDenied
from zorgkoppel.core.models import AuditEntry
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.audit_check import heads_of_folder, verify_chain
from zorgkoppel.core.services.audit_listing import list_entries, worker_access_history
from zorgkoppel.core.services.notes import get_note
from zorgkoppel.core.services.worker_file import worker_file
from zorgkoppel.documents.contract import issue_contract
from zorgkoppel.exchange.exporter import export_exchange
from zorgkoppel.exchange.importer import import_exchange
from zorgkoppel.storage.audit_head import (
    head_path,
    pending_path,
    read_head,
    sidecar_of,
    write_head,
)
from zorgkoppel.storage.backup import make_backup
from zorgkoppel.storage.database import Database
from zorgkoppel.storage.opening import open_database


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    return build_world(ctx)


def entries(ctx: ServiceContext) -> list[AuditEntry]:
    with ctx.db.session() as session:
        return list(session.exec(select(AuditEntry).order_by(col(AuditEntry.seq))))


def last(ctx: ServiceContext) -> AuditEntry:
    return entries(ctx)[-1]


def verdict(ctx: ServiceContext, data_dir: Path, backups: list[Path] | None = None) -> str:
    result = verify_chain(ctx, heads_of_folder(data_dir, backups or []))
    return "intact" if result.intact else result.text()


def test_opening_a_file_and_reading_a_note_leave_ids_never_text(ctx, world):
    coach = acting_for(ctx, world.buurtwerk, name="kim")
    worker_file(coach, world.samir)
    entry = last(ctx)
    assert (entry.user_name, entry.action, entry.worker_id, entry.record_ids) == (
        "kim", audit.OPEN_WORKER_FILE, world.samir, world.samir)
    get_note(coach, world.confidential["samir"])
    entry = last(ctx)
    assert (entry.action, entry.worker_id, entry.record_ids) == (
        audit.READ_NOTE, world.samir, world.confidential["samir"])
    stored = " ".join(f"{e.user_name} {e.action} {e.record_ids}" for e in entries(ctx))
    assert "Samir" not in stored and "confidential" not in stored


def test_a_refused_file_leaves_no_read_entry(ctx, world):
    before = len(entries(ctx))
    with pytest.raises(NotFoundError):
        worker_file(acting_for(ctx, world.linde), world.samir)
    assert len(entries(ctx)) == before


def test_contract_export_and_import_are_recorded_per_person(ctx, world, tmp_path):
    issue_contract(ctx, world.agreements["beuken-buurtwerk"], "nl")
    assert (last(ctx).action, last(ctx).record_ids) == (
        audit.PRINT_CONTRACT, world.agreements["beuken-buurtwerk"])
    document = export_exchange(ctx)
    exported = {e.worker_id for e in entries(ctx) if e.action == audit.EXPORT}
    assert exported == {world.samir, world.jonas, world.els}
    other = ServiceContext(open_database(tmp_path / "other"))
    import_exchange(other, document)
    imported = {e.worker_id for e in entries(other) if e.action == audit.IMPORT}
    assert imported == {world.samir, world.jonas, world.els}
    other.db.dispose()


@pytest.mark.sqlite_only
def test_a_read_only_session_still_leaves_its_trace(ctx, world, data_dir):
    reader = Database.in_folder(data_dir, read_only=True)
    try:
        worker_file(ServiceContext(reader), world.samir)
    finally:
        reader.dispose()
    assert last(ctx).action == audit.OPEN_WORKER_FILE


@pytest.mark.sqlite_only
def test_the_head_file_follows_the_chain_and_a_rollback_puts_it_back(ctx, world, data_dir):
    worker_file(ctx, world.samir)
    head = read_head(head_path(data_dir))
    assert head is not None and (head.seq, head.hash) == (last(ctx).seq, last(ctx).hash)
    with pytest.raises(RuntimeError), ctx.db.transaction() as session:
        audit.append_entry(session, "local", audit.EXPORT)
        raise RuntimeError("the export failed")
    assert read_head(head_path(data_dir)) == head
    assert verdict(ctx, data_dir) == "intact"


@pytest.mark.sqlite_only
def test_a_stop_between_writing_the_head_and_committing_is_no_tampering(
        ctx, world, data_dir, monkeypatch):
    worker_file(ctx, world.samir)
    committed = read_head(head_path(data_dir))

    def die(_connection: object) -> None:
        raise RuntimeError("stopped")  # after the pending head was written, before the commit

    monkeypatch.setattr(ctx.db.engine.dialect, "do_commit", die)
    with pytest.raises(RuntimeError):
        worker_file(ctx, world.jonas)
    monkeypatch.undo()
    assert read_head(pending_path(data_dir)).seq == committed.seq + 1
    assert read_head(head_path(data_dir)) == committed
    assert verdict(ctx, data_dir) == "intact"


@pytest.mark.sqlite_only
def test_a_stop_between_committing_and_moving_the_head_is_no_tampering(ctx, world, data_dir):
    worker_file(ctx, world.samir)
    before = read_head(head_path(data_dir))
    worker_file(ctx, world.jonas)
    # As if the program died right after the commit: the head file still has the old head.
    write_head(head_path(data_dir), before)
    assert verdict(ctx, data_dir) == "intact"
    # But rows added past both heads are still noticed.
    row = last(ctx)
    raw(data_dir, "INSERT INTO auditentry (seq, at, user_name, action, worker_id, record_ids,"
        " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", *forged(ctx, row.seq + 1, row.hash))
    assert "added outside zorgkoppel" in verdict(ctx, data_dir)
    # The next access moves both heads on again.
    worker_file(ctx, world.samir)
    assert read_head(head_path(data_dir)) == read_head(pending_path(data_dir))


def raw(data_dir: Path, sql: str, *args: object) -> None:
    with sqlite3.connect(data_dir / "zorgkoppel.sqlite") as connection:
        connection.execute(sql, args)


@pytest.mark.sqlite_only
def test_verify_names_a_changed_row(ctx, world, data_dir):
    worker_file(ctx, world.samir)
    worker_file(ctx, world.jonas)
    target = entries(ctx)[-2].seq
    raw(data_dir, "UPDATE auditentry SET user_name = 'nobody' WHERE seq = ?", target)
    result = verify_chain(ctx, heads_of_folder(data_dir))
    assert not result.intact and result.seq == target
    assert f"entry {target} was changed" in result.text()


@pytest.mark.sqlite_only
def test_verify_names_a_removed_row(ctx, world, data_dir):
    worker_file(ctx, world.samir)
    worker_file(ctx, world.jonas)
    target = entries(ctx)[-2].seq
    raw(data_dir, "DELETE FROM auditentry WHERE seq = ?", target)
    assert f"entry {target} is missing" in verdict(ctx, data_dir)


@pytest.mark.sqlite_only
def test_verify_notices_removed_last_rows_through_the_head_file(ctx, world, data_dir):
    worker_file(ctx, world.samir)
    target = last(ctx).seq
    raw(data_dir, "DELETE FROM auditentry WHERE seq = ?", target)
    assert f"entries from {target} on were removed" in verdict(ctx, data_dir)


def forged(ctx: ServiceContext, seq: int, prev_hash: str) -> tuple[object, ...]:
    at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    digest = audit.entry_hash(prev_hash, seq, at, "mallory", audit.LOGIN, None, "")
    return seq, "2026-01-01 00:00:00.000000", "mallory", audit.LOGIN, None, "", prev_hash, digest


@pytest.mark.sqlite_only
def test_verify_notices_a_row_slipped_in_at_the_end_with_a_good_hash(ctx, world, data_dir):
    worker_file(ctx, world.samir)
    end = last(ctx)
    raw(data_dir, "INSERT INTO auditentry (seq, at, user_name, action, worker_id, record_ids,"
        " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", *forged(ctx, end.seq + 1, end.hash))
    assert f"entries from {end.seq + 1} on are not confirmed" in verdict(ctx, data_dir)


@pytest.mark.sqlite_only
def test_verify_notices_a_row_inserted_in_the_middle(ctx, world, data_dir):
    for key in ("samir", "jonas", "els"):
        worker_file(ctx, world.worker(key))
    middle = entries(ctx)[-3]
    # Make room by moving the later rows on, as an editor of the file would have to.
    raw(data_dir, "UPDATE auditentry SET seq = seq + 1000 WHERE seq > ?", middle.seq)
    raw(data_dir, "UPDATE auditentry SET seq = seq - 999 WHERE seq > ?", middle.seq + 999)
    raw(data_dir, "INSERT INTO auditentry (seq, at, user_name, action, worker_id, record_ids,"
        " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        *forged(ctx, middle.seq + 1, middle.hash))
    assert f"entry {middle.seq + 2} was changed" in verdict(ctx, data_dir)


@pytest.mark.sqlite_only
def test_verify_notices_a_rewritten_chain_through_the_head_file(ctx, world, data_dir):
    worker_file(ctx, world.samir)
    worker_file(ctx, world.jonas)
    rows = entries(ctx)
    # Drop the last access and recompute every hash: the chain alone looks perfect.
    raw(data_dir, "DELETE FROM auditentry WHERE seq = ?", rows[-1].seq)
    prev = audit.GENESIS
    for entry in rows[:-1]:
        entry.user_name = "mallory" if entry is rows[-2] else entry.user_name
        digest = audit.entry_hash(prev, entry.seq, entry.at, entry.user_name, entry.action,
                                  entry.worker_id, entry.record_ids)
        raw(data_dir, "UPDATE auditentry SET user_name = ?, prev_hash = ?, hash = ? WHERE seq = ?",
            entry.user_name, prev, digest, entry.seq)
        prev = digest
    assert verify_chain(ctx).intact  # without the heads outside, nobody could tell
    assert "entries from" in verdict(ctx, data_dir) and "were removed" in verdict(ctx, data_dir)
    # Even with the head file rewritten too, the head kept beside a backup tells.
    backup = make_backup(data_dir, target=data_dir.parent / "b.sqlite").path
    head_path(data_dir).unlink()
    sidecar_of(backup).write_text(
        f'{{"seq": {rows[-2].seq}, "hash": "{rows[-2].hash}", "at": ""}}', encoding="utf-8")
    assert "the trail was rewritten" in verdict(ctx, data_dir, [backup])


@pytest.mark.sqlite_only
def test_a_restore_does_not_make_later_backups_look_tampered(ctx, world, data_dir):
    from zorgkoppel.storage.restore import restore_backup

    first = make_backup(data_dir, target=data_dir.parent / "first.sqlite").path
    worker_file(ctx, world.samir)
    second = make_backup(data_dir, target=data_dir.parent / "second.sqlite").path
    ctx.db.dispose()
    restore_backup(data_dir, first)
    audit.record(ctx, audit.RESTORE)
    worker_file(ctx, world.jonas)
    assert verdict(ctx, data_dir, [first, second]) == "intact"


def test_only_an_administrator_reads_or_checks_the_trail(ctx, world):
    coach = acting_for(ctx, world.buurtwerk)
    with pytest.raises(PermissionDenied):
        list_entries(coach)
    with pytest.raises(PermissionDenied):
        verify_chain(coach)


def test_show_filters_by_worker_user_and_day(ctx, world):
    worker_file(acting_for(ctx, world.buurtwerk, name="kim"), world.samir)
    worker_file(acting_for(ctx, world.linde, name="lies"), world.jonas)
    assert [r.user_name for r in list_entries(ctx, worker_id=world.samir)
            if r.action == audit.OPEN_WORKER_FILE] == ["kim"]
    assert {r.worker_id for r in list_entries(ctx, user_name="LIES")} == {world.jonas}
    assert list_entries(ctx, since=dt.date.today() + dt.timedelta(days=1)) == []


@pytest.mark.parametrize(("who", "sees"), [
    ("admin", True), ("job coach of the employer", True), ("viewer of the employer", False),
    ("coordinator of the placing facility", False), ("job coach elsewhere", False),
])
def test_a_workers_access_history_is_for_admins_and_the_employers_job_coaches(
    ctx, world, who, sees
):
    actor = {
        "admin": ctx,
        "job coach of the employer": acting_for(ctx, world.buurtwerk),
        "viewer of the employer": acting_for(ctx, world.buurtwerk, role="viewer"),
        "coordinator of the placing facility": acting_for(ctx, world.beuken),
        "job coach elsewhere": acting_for(ctx, world.schelde),
    }[who]
    worker_file(acting_for(ctx, world.beuken, name="lies"), world.samir)
    if sees:
        history = worker_access_history(actor, world.samir)
        assert history[0].user_name == "lies" and history[0].action == audit.OPEN_WORKER_FILE
    else:
        with pytest.raises(NotFoundError):
            worker_access_history(actor, world.samir)
