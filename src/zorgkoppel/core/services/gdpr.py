"""GDPR rights of a worker: a copy of everything stored about them, and erasure.

The export reuses the exchange writer with a selection limited to the person and what the
file needs to be valid (their employer, the agreements they are placed under, the people
those name). The erasure removes every row about the person in one transaction, purges
the full-text index and scrubs the file (see erasure_plan).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, PermissionDenied, ZorgkoppelError
from zorgkoppel.core.models import (
    Agreement,
    AgreementWorker,
    Note,
    NoteAction,
    NoteParticipant,
    Person,
    RosterAssignment,
    RosterDay,
    RosterPresence,
    Trajectory,
    Worker,
)
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.access import MSG_ADMIN_ONLY
from zorgkoppel.core.services.audit_listing import (
    AuditRow,
    may_see_access_history,
    worker_access_history,
)
from zorgkoppel.core.services.erasure_plan import (
    RemovedRows,
    ScrubResult,
    delete_person,
    person_rows,
    purge_full_text,
    scrub,
    secure_delete_on,
)
from zorgkoppel.core.services.sharing import SharingSelection
from zorgkoppel.core.services.sync import roster_day_key
from zorgkoppel.core.services.visibility import may_see_worker, note_clause
from zorgkoppel.core.services.workers import MSG_NO_WORKER
from zorgkoppel.i18n import N_

EXCHANGE_FILE = "{worker}-data.json"
AUDIT_FILE = "{worker}-access-history.json"
PDF_FILE = "{worker}-personal-data.pdf"
# What an erasure changes, for the screens to refresh.
ERASURE_CHANGES = Changes.of("workers", "notes", "agreements", "roster", "trajectories")


class GdprExportError(ZorgkoppelError):
    """The personal-data export could not be written; nothing was changed."""


@dataclass(frozen=True)
class PersonSelection(SharingSelection):
    """A sharing selection for one person: roster days carry only that person's rows."""

    worker_id: str = ""

    def redact(self, section: str, record: dict[str, Any]) -> dict[str, Any]:
        if section == "roster_days":
            # Colleagues on the same day are about other people: only the posts stay.
            record["presence"] = [
                p for p in record.get("presence", []) if p.get("worker") == self.worker_id
            ]
            record["assignments"] = [
                a for a in record.get("assignments", []) if a.get("worker") == self.worker_id
            ]
            return record
        if section == "notes":
            return record  # the person's own notes, with everyone named in them
        return super().redact(section, record)


@dataclass(frozen=True)
class ExportedFiles:
    exchange: Path
    access_history: Path
    pdf: Path


def _ids(session: Session, query: Any) -> set[str]:
    return {row for row in session.exec(query).all() if row is not None}


def require_visible_worker(ctx: ServiceContext, session: Session, worker_id: str) -> Worker:
    """The worker, when the actor may open their file (else NotFoundError, as the file does)."""
    worker = session.get(Worker, worker_id)
    if worker is None or not may_see_worker(session, ctx, worker_id):
        raise NotFoundError(MSG_NO_WORKER, key=worker_id)
    return worker


def person_selection(ctx: ServiceContext, worker_id: str) -> PersonSelection:
    """The records about `worker_id` the actor may see, plus what they refer to."""
    with ctx.db.session() as session:
        worker = require_visible_worker(ctx, session, worker_id)
        agreement_ids = _ids(session, select(AgreementWorker.agreement_id).where(
            AgreementWorker.worker_id == worker_id))
        agreements = session.exec(
            select(Agreement).where(col(Agreement.id).in_(agreement_ids))).all()
        note_query = select(Note.id).where(Note.worker_id == worker_id, note_clause(ctx))
        notes = _ids(session, note_query)
        trajectories = session.exec(
            select(Trajectory).where(Trajectory.worker_id == worker_id)).all()
        day_ids = _ids(session, select(RosterPresence.roster_day_id).where(
            RosterPresence.worker_id == worker_id))
        day_ids |= _ids(session, select(RosterAssignment.roster_day_id).where(
            RosterAssignment.worker_id == worker_id))
        days = session.exec(select(RosterDay).where(col(RosterDay.id).in_(day_ids))).all()
        organisations = {worker.employer_id} | {d.site_id for d in days}
        people: set[str] = set()
        for a in agreements:
            organisations |= {a.care_partner_id, a.se_partner_id, a.commissioned_by_id}
            people |= {a.job_coach_id, a.supervisor_id}
        for t in trajectories:
            organisations |= {t.provider_id, t.target_employer_id}
        people |= _ids(session, select(Note.author_id).where(col(Note.id).in_(note_query)))
        people |= _ids(session, select(NoteParticipant.person_id).where(
            col(NoteParticipant.note_id).in_(note_query)))
        people |= _ids(session, select(NoteAction.owner_id).where(
            col(NoteAction.note_id).in_(note_query)))
        people.discard(None)  # type: ignore[arg-type]
        organisations |= _ids(session, select(Person.organisation_id).where(
            col(Person.id).in_(people)))
        organisations.discard(None)  # type: ignore[arg-type]
    return PersonSelection(
        worker.employer_id,
        {
            "tasks": None,
            "organisations": frozenset(organisations),
            "people": frozenset(people),
            "workers": frozenset({worker_id}),
            "agreements": frozenset(agreement_ids),
            "roster_days": frozenset(roster_day_key(d.site_id, d.day) for d in days),
            "notes": frozenset(notes),
            "trajectories": frozenset(t.id for t in trajectories),
            "index_values": None,
        },
        worker_id,
    )


def access_history(ctx: ServiceContext, worker_id: str) -> list[AuditRow]:
    """The audit entries about the person, oldest first (as the worker file shows them:
    administrators and the employer's job coaches; others are refused like a missing
    worker)."""
    return list(reversed(worker_access_history(ctx, worker_id, limit=None)))


def may_export_person(ctx: ServiceContext, worker_id: str) -> bool:
    """Whether the actor may export the person's data: whoever may read the person's
    access history, which the export holds."""
    with ctx.db.session() as session:
        worker = session.get(Worker, worker_id)
        return (worker is not None and may_see_worker(session, ctx, worker_id)
                and may_see_access_history(ctx, worker))


def _entry_json(entry: AuditRow) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": entry.at.astimezone(dt.UTC).isoformat(),
        "user": entry.user_name,
        "action": entry.action,
        "records": list(entry.record_ids),
    }


def export_person(
    ctx: ServiceContext, worker_id: str, folder: Path, language: str | None = None
) -> ExportedFiles:
    """Write the person's data to `folder`: an exchange file, the access history (JSON)
    and a readable PDF in `language` (the current language when None)."""
    from zorgkoppel.exchange.exporter import write_exchange_file

    selection = person_selection(ctx, worker_id)
    history = access_history(ctx, worker_id)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise GdprExportError(N_("The folder {path} could not be made: {reason}"),
                              path=str(folder), reason=error.strerror or str(error)) from error
    exchange = folder / EXCHANGE_FILE.format(worker=worker_id)
    write_exchange_file(ctx, exchange, selection)
    history_path = folder / AUDIT_FILE.format(worker=worker_id)
    _write_text(history_path, json.dumps(
        {"worker": worker_id, "entries": [_entry_json(e) for e in history]},
        ensure_ascii=False, indent=2) + "\n")
    pdf = _write_pdf(ctx, worker_id, folder / PDF_FILE.format(worker=worker_id), history,
                     language)
    audit.record(ctx, audit.GDPR_EXPORT, [worker_id], worker_id)
    return ExportedFiles(exchange, history_path, pdf)


def _write_pdf(
    ctx: ServiceContext, worker_id: str, path: Path, history: list[AuditRow],
    language: str | None,
) -> Path:
    from zorgkoppel.documents.person_file import write_person_file

    try:
        write_person_file(ctx, worker_id, path, history, language)
    except OSError as error:
        raise GdprExportError(N_("{path} could not be written: {reason}"),
                              path=str(path), reason=error.strerror or str(error)) from error
    return path


def _write_text(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise GdprExportError(N_("{path} could not be written: {reason}"),
                              path=str(path), reason=error.strerror or str(error)) from error


@dataclass(frozen=True)
class ErasureResult:
    worker_id: str
    removed: RemovedRows
    scrubbed: ScrubResult


def require_erasure_right(ctx: ServiceContext) -> None:
    # The local owner without accounts is an administrator (LOCAL_OWNER.role == "admin").
    if not ctx.actor.is_admin:
        raise PermissionDenied(MSG_ADMIN_ONLY)


def erasure_preview(ctx: ServiceContext, worker_id: str) -> RemovedRows:
    """What `erase_person` would remove, per table; nothing changes."""
    require_erasure_right(ctx)
    with ctx.db.session() as session:
        require_visible_worker(ctx, session, worker_id)
        return person_rows(session.connection(), worker_id)


def erase_person(ctx: ServiceContext, worker_id: str, now: dt.datetime) -> ErasureResult:
    """Remove the person and everything about them, leaving no trace of the text in the file.

    One transaction holds the delete and its audit entry: a kill leaves the person whole
    without the entry, or gone with it. The audit keeps only that an erasure of this id
    happened and by whom; older entries hold ids only and stay, so the hash chain stays
    intact. The scrub afterwards (VACUUM) rewrites the same content, encrypted or not.
    """
    require_erasure_right(ctx)
    with ctx.db.transaction() as session:
        require_visible_worker(ctx, session, worker_id)
        connection = session.connection()
        secure_delete_on(connection)
        removed = delete_person(connection, worker_id, now)
        purge_full_text(connection)
        audit.append_entry(session, ctx.actor.name, audit.ERASURE, [worker_id], worker_id)
    return ErasureResult(worker_id, removed, scrub(ctx.db.engine))
