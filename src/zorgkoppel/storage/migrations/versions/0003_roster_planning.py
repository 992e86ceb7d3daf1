"""roster planning (issue 4)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import zorgkoppel.core.models.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _stamped_id() -> list[sa.Column]:
    return [
        sa.Column("created_at", zorgkoppel.core.models.types.UtcDateTime(), nullable=False),
        sa.Column("updated_at", zorgkoppel.core.models.types.UtcDateTime(), nullable=False),
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "rostertemplatepost",
        *_stamped_id(),
        sa.Column("site_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("task_code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("needed", sa.Integer(), nullable=False),
        sa.Column("label", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["organisation.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["task_code"], ["task.code"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("site_id", "weekday", "key"),
    )
    with op.batch_alter_table("rostertemplatepost", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rostertemplatepost_site_id"), ["site_id"], unique=False
        )
    op.create_table(
        "skilllevelchange",
        *_stamped_id(),
        sa.Column("worker_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("task_code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("level", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["task_code"], ["task.code"]),
        sa.ForeignKeyConstraint(["worker_id"], ["worker.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("skilllevelchange", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_skilllevelchange_worker_id"), ["worker_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("skilllevelchange", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_skilllevelchange_worker_id"))
    op.drop_table("skilllevelchange")
    with op.batch_alter_table("rostertemplatepost", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rostertemplatepost_site_id"))
    op.drop_table("rostertemplatepost")
