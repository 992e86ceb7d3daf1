"""Guidance notes about a worker, with participants, scores and agreed actions.

Who may read a note: an `enterprise_only` note only those who see the worker's employer;
a `shared` note also those who see a care facility the worker is placed with by an
agreement. The local owner sees everything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, PermissionDenied, Problem, ValidationError
from zorgkoppel.core.models import (
    Agreement,
    Note,
    NoteAction,
    NoteParticipant,
    NoteScore,
    Person,
    Worker,
)
from zorgkoppel.core.models.types import new_id, utcnow
from zorgkoppel.core.rules.note import NoteActionData, NoteData, validate_note
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.access import require_role, require_write
from zorgkoppel.core.services.outcome import Outcome
from zorgkoppel.core.services.record_versions import check_version, stale_as_conflict
from zorgkoppel.core.services.score_items import score_item_codes
from zorgkoppel.core.services.sync import forget_agreed
from zorgkoppel.core.services.visibility import may_see_worker, note_clause
from zorgkoppel.core.services.workers import MSG_NO_WORKER
from zorgkoppel.i18n import N_
from zorgkoppel.storage.bulk import batches, delete_where_in, insert_rows

MSG_NO_NOTE = N_("No note with id {key}.")
MSG_LOCKED = N_("This note was signed off and is locked; add an addendum instead.")
SYNC_SECTION = "notes"
_PLAIN_FIELDS = (
    "worker_id", "kind", "author_id", "duration_minutes", "visibility", "summary",
)


@dataclass(frozen=True)
class NoteDetail:
    note: Note
    data: NoteData


def note_columns(data: NoteData) -> dict[str, Any]:
    columns = {name: getattr(data, name) for name in _PLAIN_FIELDS}
    columns["day"] = data.day
    columns["summary"] = data.summary or ""
    return columns


def note_child_rows(
    note_id: str, data: NoteData, now: dt.datetime
) -> dict[type[Any], list[dict[str, Any]]]:
    stamp = {"created_at": now, "updated_at": now}
    return {
        NoteParticipant: [
            {"id": new_id(), "note_id": note_id, "person_id": person_id, "position": i, **stamp}
            for i, person_id in enumerate(data.participant_ids)
        ],
        NoteScore: [
            {"id": new_id(), "note_id": note_id, "item": item, "score": score, **stamp}
            for item, score in data.scores.items()
        ],
        NoteAction: [
            {"id": new_id(), "note_id": note_id, "description": a.description,
             "owner_id": a.owner_id, "due": a.due, "done": a.done, "position": i, **stamp}
            for i, a in enumerate(data.actions)
        ],
    }


def delete_note_children(session: Session, note_ids: Collection[str]) -> None:
    for model in (NoteParticipant, NoteScore, NoteAction):
        delete_where_in(session, model.note_id, note_ids)


def load_notes(session: Session, ids: Collection[str] | None = None) -> dict[str, NoteDetail]:
    notes: list[Note] = []
    participants: dict[str, list[str]] = {}
    scores: dict[str, dict[str, int | None]] = {}
    actions: dict[str, list[NoteActionData]] = {}
    for batch in [None] if ids is None else batches(ids):
        # Children as plain rows: building tens of thousands of ORM objects costs seconds.
        note_query = select(Note)
        participant_query = select(NoteParticipant.note_id, NoteParticipant.person_id).order_by(
            NoteParticipant.position
        )
        score_query = select(NoteScore.note_id, NoteScore.item, NoteScore.score).order_by(
            NoteScore.item
        )
        action_query = select(
            NoteAction.note_id, NoteAction.description, NoteAction.owner_id, NoteAction.due,
            NoteAction.done,
        ).order_by(NoteAction.position)
        if batch is not None:
            note_query = note_query.where(col(Note.id).in_(batch))
            participant_query = participant_query.where(col(NoteParticipant.note_id).in_(batch))
            score_query = score_query.where(col(NoteScore.note_id).in_(batch))
            action_query = action_query.where(col(NoteAction.note_id).in_(batch))
        notes.extend(session.exec(note_query).all())
        for note_id, person_id in session.exec(participant_query).all():
            participants.setdefault(note_id, []).append(person_id)
        for note_id, item, score in session.exec(score_query).all():
            scores.setdefault(note_id, {})[item] = score
        for note_id, description, owner_id, due, done in session.exec(action_query).all():
            actions.setdefault(note_id, []).append(
                NoteActionData(description, owner_id, due, done)
            )
    return {
        n.id: NoteDetail(
            n,
            NoteData(
                worker_id=n.worker_id,
                day=n.day,
                kind=n.kind,
                author_id=n.author_id,
                participant_ids=participants.get(n.id, []),
                duration_minutes=n.duration_minutes,
                visibility=n.visibility,
                summary=n.summary,
                scores=scores.get(n.id, {}),
                actions=actions.get(n.id, []),
                start_time=n.start_time,
                agreement_id=n.agreement_id,
            ),
        )
        for n in notes
    }


def validate_in_session(session: Session, data: NoteData) -> list[Problem]:
    problems = validate_note(
        data,
        worker_exists=lambda key: session.get(Worker, key) is not None,
        person_exists=lambda key: session.get(Person, key) is not None,
        score_items=score_item_codes(session),
    )
    if data.agreement_id and session.get(Agreement, data.agreement_id) is None:
        problems.append(
            Problem("agreement", N_("no agreement with id {key}"), {"key": data.agreement_id})
        )
    return problems


def note_visibility(ctx: ServiceContext) -> ColumnElement[bool]:
    """Notes the actor may read: the employer's side all of them, a facility `shared` ones only."""
    return note_clause(ctx)


def require_note_writer(session: Session, ctx: ServiceContext, worker_id: str,
                        visibility: str) -> None:
    """Job coaches write their workers' notes; coordinators write shared notes only."""
    require_role(ctx, "coordinator", "job_coach")
    if not may_see_worker(session, ctx, worker_id):
        raise NotFoundError(MSG_NO_WORKER, key=worker_id)
    if ctx.actor.on_care_side and visibility != "shared":
        raise PermissionDenied(N_("A care facility writes shared notes only."))


def list_notes(
    ctx: ServiceContext,
    worker_id: str | None = None,
    kind: str | None = None,
    visibility: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    search: str = "",
) -> list[Note]:
    """Notes the actor may read, newest first; dates are inclusive."""
    with ctx.db.session() as session:
        query = (
            select(Note)
            .join(Worker, col(Worker.id) == col(Note.worker_id))
            .where(note_visibility(ctx))
        )
        if worker_id:
            query = query.where(Note.worker_id == worker_id)
        if kind:
            query = query.where(Note.kind == kind)
        if visibility:
            query = query.where(Note.visibility == visibility)
        if start:
            query = query.where(Note.day >= start)
        if end:
            query = query.where(Note.day <= end)
        if search:
            query = query.where(func.lower(Note.summary).like(f"%{search.lower()}%"))
        return list(session.exec(query.order_by(col(Note.day).desc(), Note.id)).all())


def _require_readable(session: Session, ctx: ServiceContext, note_id: str) -> Note:
    query = (
        select(Note)
        .join(Worker, col(Worker.id) == col(Note.worker_id))
        .where(Note.id == note_id, note_visibility(ctx))
    )
    note = session.exec(query).first()
    if note is None:
        raise NotFoundError(MSG_NO_NOTE, key=note_id)
    return note


def get_note(ctx: ServiceContext, note_id: str) -> NoteDetail:
    with ctx.db.session() as session:
        note = _require_readable(session, ctx, note_id)
        detail = load_notes(session, [note_id])[note_id]
    audit.record(ctx, audit.READ_NOTE, [note_id], note.worker_id)
    return detail


def stored_note(ctx: ServiceContext, note_id: str) -> tuple[int, NoteData]:
    """The stored version and content of a note, for a conflict (read without an audit row:
    the user who edits it read it already)."""
    with ctx.db.session() as session:
        note = _require_readable(session, ctx, note_id)
        return note.version, load_notes(session, [note_id])[note_id].data


def save_note(
    ctx: ServiceContext, data: NoteData, note_id: str | None = None,
    expected_version: int | None = None,
) -> Outcome[Note]:
    """Create (no id) or update a note; participants, scores and actions are replaced.

    With `expected_version`, a note changed meanwhile raises EditConflict and is kept.
    """
    require_write(ctx)
    load = partial(stored_note, ctx, note_id or "")
    with stale_as_conflict("note", note_id, expected_version, data, load), \
            ctx.db.transaction() as session:
        problems = validate_in_session(session, data)
        if problems:
            raise ValidationError(problems)
        require_note_writer(session, ctx, data.worker_id, data.visibility)
        now = utcnow()
        if note_id is None:
            note = Note(**note_columns(data))
        else:
            note = _require_readable(session, ctx, note_id)
            require_note_writer(session, ctx, note.worker_id, note.visibility)
            if note.signed_off_at is not None:
                raise ValidationError([Problem("", MSG_LOCKED)])
            check_version("note", note_id, note.version, expected_version, data, load)
            for name, value in note_columns(data).items():
                setattr(note, name, value)
            note.updated_at = now
            delete_note_children(session, [note.id])
        note.start_time = data.start_time
        note.agreement_id = data.agreement_id
        session.add(note)
        session.flush()
        for model, rows in note_child_rows(note.id, data, now).items():
            insert_rows(session, model, rows)
    return Outcome(note, Changes.of("notes"))


def delete_note(ctx: ServiceContext, note_id: str) -> Changes:
    require_write(ctx)
    with ctx.db.transaction() as session:
        note = _require_readable(session, ctx, note_id)
        require_note_writer(session, ctx, note.worker_id, note.visibility)
        if note.signed_off_at is not None:
            raise ValidationError([Problem("", MSG_LOCKED)])
        delete_note_children(session, [note_id])
        session.delete(note)
        forget_agreed(session, SYNC_SECTION, [note_id])
    return Changes.of("notes")
