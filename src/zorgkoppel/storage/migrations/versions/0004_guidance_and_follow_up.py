"""guidance and follow-up (issue 5)

Notes get a time of day, a linked agreement and a sign-off time; addenda and configurable
score items get their own tables. On SQLite a full-text index (FTS5) over each note's
summary and addenda is kept in sync by triggers; on PostgreSQL GIN indexes over a `simple`
tsvector of the lower-cased, accent-free text of summaries and addenda do the same job
(expressions, so no trigger is needed); other databases search with LIKE.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import zorgkoppel.core.models.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The FTS5 rowid comes from note_fts_key, whose INTEGER PRIMARY KEY survives VACUUM and
# backups; the note table's own rowid (it has a text key) may be renumbered by them.
_NOTE_BODY = (
    "n.summary || coalesce((SELECT ' ' || group_concat(a.text, ' ') FROM noteaddendum a "
    "WHERE a.note_id = n.id), '')"
)
_INDEX_NOTE = (
    "INSERT OR IGNORE INTO note_fts_key(note_id) VALUES ({id});"
    "DELETE FROM note_fts WHERE rowid = (SELECT rowid FROM note_fts_key WHERE note_id = {id});"
    "INSERT INTO note_fts(rowid, body) SELECT k.rowid, " + _NOTE_BODY + " FROM note n "
    "JOIN note_fts_key k ON k.note_id = n.id WHERE n.id = {id};"
)
FTS_STATEMENTS = (
    "CREATE TABLE note_fts_key (rowid INTEGER PRIMARY KEY, note_id VARCHAR NOT NULL UNIQUE)",
    "CREATE VIRTUAL TABLE note_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE TRIGGER note_fts_after_insert AFTER INSERT ON note BEGIN "
    + _INDEX_NOTE.format(id="new.id") + " END",
    "CREATE TRIGGER note_fts_after_update AFTER UPDATE OF summary ON note BEGIN "
    + _INDEX_NOTE.format(id="new.id") + " END",
    "CREATE TRIGGER note_fts_after_delete AFTER DELETE ON note BEGIN "
    "DELETE FROM note_fts WHERE rowid = (SELECT rowid FROM note_fts_key WHERE note_id = old.id);"
    "DELETE FROM note_fts_key WHERE note_id = old.id; END",
    "CREATE TRIGGER note_fts_after_addendum AFTER INSERT ON noteaddendum BEGIN "
    + _INDEX_NOTE.format(id="new.note_id") + " END",
    "INSERT INTO note_fts_key(note_id) SELECT id FROM note",
    "INSERT INTO note_fts(rowid, body) SELECT k.rowid, n.summary FROM note n "
    "JOIN note_fts_key k ON k.note_id = n.id",
)

# Must equal note_search.PG_FOLDED (the planner only uses an index whose expression matches).
_PG_FOLD = (
    "to_tsvector('simple'::regconfig, translate(lower({column}), "
    "'àáâäãåæçèéêëìíîïñòóôöõøœùúûüýÿ', 'aaaaaaaceeeeiiiinooooooouuuuyy'))"
)
PG_SEARCH_INDEXES = (
    "CREATE INDEX ix_note_summary_search ON note USING gin (" + _PG_FOLD.format(column="summary")
    + ")",
    "CREATE INDEX ix_noteaddendum_text_search ON noteaddendum USING gin ("
    + _PG_FOLD.format(column="text") + ")",
)


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", zorgkoppel.core.models.types.UtcDateTime(), nullable=False),
        sa.Column("updated_at", zorgkoppel.core.models.types.UtcDateTime(), nullable=False),
    ]


def upgrade() -> None:
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.add_column(sa.Column("start_time", sa.Time(), nullable=True))
        batch_op.add_column(
            sa.Column("agreement_id", sqlmodel.sql.sqltypes.AutoString(), nullable=True)
        )
        batch_op.add_column(
            sa.Column(
                "signed_off_at", zorgkoppel.core.models.types.UtcDateTime(), nullable=True
            )
        )
        batch_op.create_index(batch_op.f("ix_note_agreement_id"), ["agreement_id"], unique=False)
        batch_op.create_foreign_key(
            "fk_note_agreement_id_agreement", "agreement", ["agreement_id"], ["id"]
        )
    op.create_table(
        "noteaddendum",
        *_stamps(),
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("note_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("author_id", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["person.id"]),
        sa.ForeignKeyConstraint(["note_id"], ["note.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("noteaddendum", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_noteaddendum_note_id"), ["note_id"], unique=False)
    op.create_table(
        "scoreitem",
        *_stamps(),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("label", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in FTS_STATEMENTS:
            op.execute(statement)
    elif op.get_bind().dialect.name == "postgresql":
        for statement in PG_SEARCH_INDEXES:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "update", "delete", "addendum"):
            op.execute(f"DROP TRIGGER IF EXISTS note_fts_after_{trigger}")
        op.execute("DROP TABLE IF EXISTS note_fts")
        op.execute("DROP TABLE IF EXISTS note_fts_key")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_noteaddendum_text_search")
        op.execute("DROP INDEX IF EXISTS ix_note_summary_search")
    op.drop_table("scoreitem")
    with op.batch_alter_table("noteaddendum", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_noteaddendum_note_id"))
    op.drop_table("noteaddendum")
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_constraint("fk_note_agreement_id_agreement", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_note_agreement_id"))
        batch_op.drop_column("signed_off_at")
        batch_op.drop_column("agreement_id")
        batch_op.drop_column("start_time")
