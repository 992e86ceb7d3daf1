"""agreements workflow (issue 3)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import zorgkoppel.core.models.types

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_TYPES = zorgkoppel.core.models.types
_STRING = sqlmodel.sql.sqltypes.AutoString


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", _TYPES.UtcDateTime(), nullable=False),
        sa.Column("updated_at", _TYPES.UtcDateTime(), nullable=False),
        sa.Column("id", _STRING(length=64), nullable=False),
    ]


def upgrade() -> None:
    # server_default fills the new NOT NULL columns of agreements already on file.
    with op.batch_alter_table("agreement", schema=None) as batch:
        batch.add_column(sa.Column("renewal", _STRING(length=20), nullable=False,
                                   server_default="none"))
        batch.add_column(sa.Column("via_reduction_days_per_year", _TYPES.DecimalText(),
                                   nullable=True))
        batch.add_column(sa.Column("confidentiality", sa.Boolean(), nullable=False,
                                   server_default=sa.true()))
        batch.add_column(sa.Column("gdpr_processing", sa.Boolean(), nullable=False,
                                   server_default=sa.true()))
        batch.add_column(sa.Column("liability_insurance", sa.Boolean(), nullable=False,
                                   server_default=sa.true()))
        batch.add_column(sa.Column("invoicing_frequency", _STRING(length=20), nullable=False,
                                   server_default="monthly"))
        batch.add_column(sa.Column("payment_term_days", sa.Integer(), nullable=False,
                                   server_default="30"))
        batch.add_column(sa.Column("disputes", _STRING(length=20), nullable=False,
                                   server_default="courts"))

    op.create_table(
        "agreementamendment",
        *_stamps(),
        sa.Column("agreement_id", _STRING(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("amended_on", sa.Date(), nullable=False),
        sa.Column("reason", _STRING(length=1000), nullable=False),
        sa.Column("changes", _STRING(), nullable=False),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreement.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("agreement_id", "number"),
    )
    with op.batch_alter_table("agreementamendment", schema=None) as batch:
        batch.create_index(
            batch.f("ix_agreementamendment_agreement_id"), ["agreement_id"], unique=False
        )

    op.create_table(
        "contractissue",
        *_stamps(),
        sa.Column("agreement_id", _STRING(), nullable=False),
        sa.Column("amendment_number", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("language", _STRING(length=8), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("sha256", _STRING(length=64), nullable=False),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreement.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contractissue", schema=None) as batch:
        batch.create_index(
            batch.f("ix_contractissue_agreement_id"), ["agreement_id"], unique=False
        )
        batch.create_index(batch.f("ix_contractissue_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("contractissue", schema=None) as batch:
        batch.drop_index(batch.f("ix_contractissue_sha256"))
        batch.drop_index(batch.f("ix_contractissue_agreement_id"))
    op.drop_table("contractissue")
    with op.batch_alter_table("agreementamendment", schema=None) as batch:
        batch.drop_index(batch.f("ix_agreementamendment_agreement_id"))
    op.drop_table("agreementamendment")
    with op.batch_alter_table("agreement", schema=None) as batch:
        for name in (
            "disputes", "payment_term_days", "invoicing_frequency", "liability_insurance",
            "gdpr_processing", "confidentiality", "via_reduction_days_per_year", "renewal",
        ):
            batch.drop_column(name)
