"""The readable copy of a person's data: all of it, in their language, and no one else's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlmodel import select

from tests.documents.pdf_text import pdf_info, pdf_text
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import Note, Worker
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.gdpr import access_history
from zorgkoppel.demo.loading import load_demo
from zorgkoppel.documents.person_file import write_person_file

WORKER = "demo-worker-dieter-maes"
TODAY = dt.date(2026, 12, 4)


def test_the_person_file_holds_everything_about_the_person_only(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    load_demo(ctx, dt.date(2026, 12, 1))
    audit.record(ctx, audit.OPEN_WORKER_FILE, [WORKER], WORKER)
    with ctx.db.session() as session:
        worker = session.get(Worker, WORKER)
        others = [w.full_name for w in session.exec(select(Worker)).all() if w.id != WORKER]
        notes = session.exec(select(Note).where(Note.worker_id == WORKER)).all()
    assert worker is not None and others and notes
    path = tmp_path / "person.pdf"
    language = write_person_file(ctx, WORKER, path, access_history(ctx, WORKER), None, TODAY)
    pdf = path.read_bytes()
    text = pdf_text(pdf)
    assert language == "nl"  # the language of the person's agreements
    assert worker.full_name in text
    for note in notes:  # every note in full, the confidential ones too
        assert " ".join(note.summary.split()) in text
    assert "Voortraject" in text and "Jobmatching" in text  # the trajectory's phases
    assert "opende het werknemersdossier" in text  # the audit entry, by action label
    assert "Route Zuid (namiddag) 15:30–17:30" in text  # a roster assignment
    assert "4 december 2026" in text
    for name in others:
        assert name not in text
    assert pdf_info(pdf)["Title"].endswith(worker.full_name)


def test_the_person_file_can_be_asked_in_french(ctx: ServiceContext, tmp_path: Path) -> None:
    load_demo(ctx, dt.date(2026, 12, 1))
    path = tmp_path / "person.pdf"
    assert write_person_file(ctx, WORKER, path, [], "fr", TODAY) == "fr"
    assert "4 décembre 2026" in pdf_text(path.read_bytes())
