"""Full-text search across notes: their summaries and addenda.

On SQLite an FTS5 index (made by migration 0004 and kept in sync by triggers) answers in
milliseconds over 50,000 notes. On PostgreSQL, GIN indexes (migration 0004) over a
`simple` tsvector of the lower-cased, accent-free summaries and addenda do the same; `simple`
because a note's words are Dutch, French and names at once, and a stemmer for one language
would miss prefixes in the others. Any other database falls back to a case-insensitive LIKE
on the same text, which needs no extension.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import ColumnElement, func, or_, text
from sqlmodel import Session, col, select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import Note, NoteAddendum, Worker
from zorgkoppel.core.services.notes import note_visibility

WORD = re.compile(r"\w+", re.UNICODE)
DEFAULT_LIMIT = 200

# Equal to the expression migration 0004 indexes, character for character.
_PG_FROM = "àáâäãåæçèéêëìíîïñòóôöõøœùúûüýÿ"
_PG_TO = "aaaaaaaceeeeiiiinooooooouuuuyy"
PG_FOLDED = (
    "to_tsvector('simple'::regconfig, translate(lower({column}), "
    f"'{_PG_FROM}', '{_PG_TO}'))"
)


def search_terms(query: str) -> list[str]:
    """The words of a query; punctuation and FTS syntax are dropped, so any text is safe."""
    return WORD.findall(query.lower())


def fts_query(terms: list[str]) -> str:
    """Every word must occur; each may be the start of a longer word."""
    return " ".join(f'"{term}"*' for term in terms)


def folded(term: str) -> str:
    """A search word without accents, as the PostgreSQL index holds the text."""
    decomposed = unicodedata.normalize("NFKD", term.translate(str.maketrans(_PG_FROM, _PG_TO)))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def has_fts(session: Session) -> bool:
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        return True
    if bind.dialect.name != "sqlite":
        return False
    found = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'note_fts'")
    ).first()
    return found is not None


def _fts_ids(session: Session, terms: list[str], limit: int) -> list[str]:
    rows = session.execute(
        text(
            "SELECT k.note_id FROM note_fts JOIN note_fts_key k ON k.rowid = note_fts.rowid "
            "WHERE note_fts MATCH :query ORDER BY note_fts.rank LIMIT :limit"
        ),
        {"query": fts_query(terms), "limit": limit},
    )
    return [row[0] for row in rows]


def _tsvector_conditions(terms: list[str]) -> list[ColumnElement[bool]]:
    """Each word (as a prefix) in the note's summary or in one of its addenda.

    One id set per word, each from the two GIN indexes: an OR of the summary test and an
    addendum subquery would make PostgreSQL compute every note's tsvector instead."""
    conditions: list[ColumnElement[bool]] = []
    for number, term in enumerate(terms):
        # to_tsquery syntax: a quoted lexeme with :* matches every word starting with it.
        lexeme = "'" + folded(term).replace("'", "") + "':*"
        conditions.append(text(
            f"note.id IN (SELECT s.id FROM note s WHERE "
            f"{PG_FOLDED.format(column='s.summary')} @@ to_tsquery('simple', :t{number}) "
            f"UNION SELECT a.note_id FROM noteaddendum a WHERE "
            f"{PG_FOLDED.format(column='a.text')} @@ to_tsquery('simple', :t{number}))"
        ).bindparams(**{f"t{number}": lexeme}))
    return conditions


def _like_conditions(terms: list[str]) -> list[ColumnElement[bool]]:
    addendum_text = select(NoteAddendum.note_id)
    conditions = []
    for term in terms:
        pattern = f"%{term.replace('%', '').replace('_', '')}%"
        conditions.append(
            or_(
                func.lower(Note.summary).like(pattern),
                col(Note.id).in_(
                    addendum_text.where(func.lower(NoteAddendum.text).like(pattern))
                ),
            )
        )
    return conditions


def search_notes(
    ctx: ServiceContext, query: str, limit: int = DEFAULT_LIMIT, use_fts: bool | None = None
) -> list[Note]:
    """Notes the actor may read whose text holds every word of `query`, best match first
    (FTS) or newest first (LIKE). `use_fts` False forces the portable path."""
    terms = search_terms(query)
    if not terms:
        return []
    with ctx.db.session() as session:
        visible = (
            select(Note)
            .join(Worker, col(Worker.id) == col(Note.worker_id))
            .where(note_visibility(ctx))
        )
        if use_fts is None:
            use_fts = has_fts(session)
        if use_fts and session.get_bind().dialect.name == "postgresql":
            return list(
                session.exec(
                    visible.where(*_tsvector_conditions(terms))
                    .order_by(col(Note.day).desc(), Note.id)
                    .limit(limit)
                ).all()
            )
        if use_fts:
            # More candidates than asked for: some may be hidden from this actor.
            ids = _fts_ids(session, terms, limit * 4)
            found = {n.id: n for n in session.exec(visible.where(col(Note.id).in_(ids))).all()}
            return [found[i] for i in ids if i in found][:limit]
        return list(
            session.exec(
                visible.where(*_like_conditions(terms))
                .order_by(col(Note.day).desc(), Note.id)
                .limit(limit)
            ).all()
        )
