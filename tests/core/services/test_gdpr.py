"""GDPR rights: a person's export, erasure without a trace, backups and retention."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlmodel import select

from zorgkoppel.core.context import Actor, ServiceContext
from zorgkoppel.core.errors import NotFoundError, PermissionDenied
from zorgkoppel.core.models import AuditEntry, Note, RosterDay, RosterPost, Worker
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.gdpr import erase_person, erasure_preview, export_person
from zorgkoppel.core.services.gdpr_backups import backups_holding, purge_person_from_backups
from zorgkoppel.core.services.retention import apply_retention, retention_preview
from zorgkoppel.demo.loading import load_demo
from zorgkoppel.storage.backup import backup_folder, make_backup

WORKER = "demo-worker-dieter-maes"
SECRET_NAME = "Qzxwvutname"
SECRET_TEXT = "Plumbusgrommet confided something unusual"
NOW = dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def demo(ctx: ServiceContext) -> ServiceContext:
    load_demo(ctx, dt.date(2026, 12, 1))
    with ctx.db.transaction() as session:
        worker = session.get(Worker, WORKER)
        assert worker is not None
        worker.first_name = SECRET_NAME
        note = session.exec(select(Note).where(Note.worker_id == WORKER)).first()
        assert note is not None
        note.summary = SECRET_TEXT
    return ctx


def _raw(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in data_dir.glob("zorgkoppel.sqlite*"))


def test_export_holds_the_person_and_their_history(demo: ServiceContext, tmp_path: Path) -> None:
    audit.record(demo, audit.OPEN_WORKER_FILE, [WORKER], WORKER)
    files = export_person(demo, WORKER, tmp_path / "out")
    document = json.loads(files.exchange.read_text(encoding="utf-8"))
    assert [w["id"] for w in document["workers"]] == [WORKER]
    assert len(document["notes"]) == 4
    assert document["trajectories"] and document["agreements"] and document["roster_days"]
    for day in document["roster_days"]:
        assert {p["worker"] for p in day["presence"]} <= {WORKER}
    history = json.loads(files.access_history.read_text(encoding="utf-8"))
    # The demo's import, then the opening; the export itself comes after the file.
    assert [e["action"] for e in history["entries"]] == [audit.IMPORT, audit.OPEN_WORKER_FILE]
    assert files.pdf.read_bytes().startswith(b"%PDF")
    with demo.db.session() as session:
        last = session.exec(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()  # type: ignore[attr-defined]
    assert last is not None and last.action == audit.GDPR_EXPORT and last.worker_id == WORKER


def test_export_needs_the_worker_visible(demo: ServiceContext, tmp_path: Path) -> None:
    other = ServiceContext(demo.db, Actor("x", role="staff", organisation_ids=frozenset({"none"}),
                                          side="care"))
    with pytest.raises(NotFoundError):
        export_person(other, WORKER, tmp_path / "out")


def test_erasure_leaves_no_trace_in_the_file(demo: ServiceContext, data_dir: Path) -> None:
    with demo.db.session() as session:
        posts_before = len(session.exec(select(RosterPost)).all())
        days_before = len(session.exec(select(RosterDay)).all())
    result = erase_person(demo, WORKER, NOW)
    assert result.removed.get("note") == 4 and result.removed.get("worker") == 1
    raw = _raw(data_dir)
    assert SECRET_NAME.encode() not in raw
    assert SECRET_TEXT.encode() not in raw
    assert b"Plumbusgrommet" not in raw
    with demo.db.session() as session:
        assert session.get(Worker, WORKER) is None
        assert len(session.exec(select(RosterPost)).all()) == posts_before
        assert len(session.exec(select(RosterDay)).all()) == days_before
        entries = session.exec(select(AuditEntry).where(AuditEntry.worker_id == WORKER)).all()
    assert [e.action for e in entries][-1] == audit.ERASURE


def test_erasure_needs_an_administrator(demo: ServiceContext) -> None:
    staff = ServiceContext(demo.db, Actor("s", role="staff", organisation_ids=None, side="care"))
    with pytest.raises(PermissionDenied):
        erase_person(staff, WORKER, NOW)
    with pytest.raises(PermissionDenied):
        erasure_preview(staff, WORKER)
    with demo.db.session() as session:
        assert session.get(Worker, WORKER) is not None


@pytest.mark.sqlite_only
def test_backups_are_purged_of_the_person(demo: ServiceContext, data_dir: Path) -> None:
    make_backup(data_dir)
    folders = [backup_folder(data_dir)]
    assert len(backups_holding(folders, WORKER)) == 1
    erase_person(demo, WORKER, NOW)
    outcomes = purge_person_from_backups(folders, WORKER, NOW)
    assert [o.purged for o in outcomes] == [True]
    assert backups_holding(folders, WORKER) == []
    raw = outcomes[0].path.read_bytes()
    assert SECRET_NAME.encode() not in raw and b"Plumbusgrommet" not in raw


def test_retention_removes_exactly_the_previewed_notes(demo: ServiceContext) -> None:
    far_future = dt.date(2060, 1, 1)
    due = retention_preview(demo, 2, far_future)
    with demo.db.session() as session:
        before = len(session.exec(select(Note)).all())
    assert due, "the demo has placements that ended"
    assert retention_preview(demo, 2, dt.date(2026, 12, 1)) == []
    result = apply_retention(demo, 2, far_future, due[:1])
    assert [n.note_id for n in result.removed] == [due[0].note_id]
    with demo.db.session() as session:
        assert len(session.exec(select(Note)).all()) == before - 1
