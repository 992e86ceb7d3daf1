"""Signing a note off as seen by the worker, which locks it, and the addenda that follow.

Once signed off a note no longer changes: what the worker saw is what stays on file.
Corrections and additions become addenda, each with its author and time.
"""

from __future__ import annotations

from sqlmodel import col, select

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import Problem, ValidationError
from zorgkoppel.core.models import Note, NoteAddendum, Person
from zorgkoppel.core.models.types import utcnow
from zorgkoppel.core.rules.note import MSG_NO_PERSON
from zorgkoppel.core.rules.values import MSG_REQUIRED
from zorgkoppel.core.services.access import require_role, require_write
from zorgkoppel.core.services.notes import _require_readable, require_note_writer
from zorgkoppel.core.services.outcome import Outcome
from zorgkoppel.i18n import N_

MSG_ALREADY_SIGNED = N_("This note was already signed off.")
MSG_NOT_SIGNED = N_("Sign the note off first; until then it can still be edited.")


def sign_off_note(ctx: ServiceContext, note_id: str) -> Outcome[Note]:
    """Record that the worker saw the note; from now on it is locked."""
    require_write(ctx)
    with ctx.db.transaction() as session:
        note = _require_readable(session, ctx, note_id)
        # The worker signs off with their job coach; the facility reads the result.
        require_role(ctx, "job_coach")
        if note.signed_off_at is not None:
            raise ValidationError([Problem("", MSG_ALREADY_SIGNED)])
        note.signed_off_at = utcnow()
        note.updated_at = note.signed_off_at
        session.add(note)
    return Outcome(note, Changes.of("notes"))


def add_addendum(
    ctx: ServiceContext, note_id: str, text: str, author_id: str | None = None
) -> Outcome[NoteAddendum]:
    """Add a correction to a signed-off note (an open note is simply edited)."""
    require_write(ctx)
    with ctx.db.transaction() as session:
        note = _require_readable(session, ctx, note_id)
        require_note_writer(session, ctx, note.worker_id, note.visibility)
        problems = []
        if note.signed_off_at is None:
            problems.append(Problem("", MSG_NOT_SIGNED))
        if not text.strip():
            problems.append(Problem("text", MSG_REQUIRED))
        if author_id and session.get(Person, author_id) is None:
            problems.append(Problem("author", MSG_NO_PERSON, {"key": author_id}))
        if problems:
            raise ValidationError(problems)
        addendum = NoteAddendum(note_id=note_id, author_id=author_id, text=text.strip())
        session.add(addendum)
    return Outcome(addendum, Changes.of("notes"))


def list_addenda(ctx: ServiceContext, note_id: str) -> list[NoteAddendum]:
    """The addenda of a note the actor may read, oldest first."""
    with ctx.db.session() as session:
        _require_readable(session, ctx, note_id)
        return list(
            session.exec(
                select(NoteAddendum)
                .where(NoteAddendum.note_id == note_id)
                .order_by(col(NoteAddendum.created_at), NoteAddendum.id)
            ).all()
        )
