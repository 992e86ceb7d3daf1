"""accounts and audit trail (issue 9)

A `user` table for the people who log in (argon2id hashes, role, organisation) and an
append-only `auditentry` table whose rows are chained by SHA-256 hashes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import zorgkoppel.core.models.types

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "user",
        sa.Column("created_at", zorgkoppel.core.models.types.UtcDateTime(), nullable=False),
        sa.Column("updated_at", zorgkoppel.core.models.types.UtcDateTime(), nullable=False),
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("user_name", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("display_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("organisation_id", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("password_hash", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("last_login", zorgkoppel.core.models.types.UtcDateTime(), nullable=True),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("last_failed_at", zorgkoppel.core.models.types.UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisation.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_user_user_name"), "user", ["user_name"], unique=True)
    op.create_index(op.f("ix_user_organisation_id"), "user", ["organisation_id"], unique=False)
    op.create_table(
        "auditentry",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", zorgkoppel.core.models.types.UtcDateTime(), nullable=False),
        sa.Column("user_name", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("worker_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("record_ids", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("prev_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_index(op.f("ix_auditentry_action"), "auditentry", ["action"], unique=False)
    op.create_index(op.f("ix_auditentry_worker_id"), "auditentry", ["worker_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_auditentry_worker_id"), table_name="auditentry")
    op.drop_index(op.f("ix_auditentry_action"), table_name="auditentry")
    op.drop_table("auditentry")
    op.drop_index(op.f("ix_user_organisation_id"), table_name="user")
    op.drop_index(op.f("ix_user_user_name"), table_name="user")
    op.drop_table("user")
