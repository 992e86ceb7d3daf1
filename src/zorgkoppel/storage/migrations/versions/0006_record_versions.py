"""record versions for optimistic locking (issue 10, point 2)

Every record edited through a form gets a `version` that SQLAlchemy bumps at each update,
so a save based on an older version is refused instead of overwriting someone's change.
Existing rows start at 1. batch_alter_table with recreate="never" adds the column in
place on both backends: SQLite accepts a NOT NULL column with a constant default, and
rebuilding the table would drop the full-text triggers that point at the notes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERSIONED_TABLES = (
    "organisation",
    "person",
    "worker",
    "agreement",
    "note",
    "trajectory",
    "rosterday",
    "rosterpost",
    "rosterassignment",
    "user",
)


def upgrade() -> None:
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table, recreate="never") as batch:
            batch.add_column(
                sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
            )


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+) keeps the notes' full-text triggers.
    for table in reversed(VERSIONED_TABLES):
        with op.batch_alter_table(table, recreate="never") as batch:
            batch.drop_column("version")
