"""Cooperation agreements (samenwerkingsovereenkomsten) on their five topics."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import Field, UniqueConstraint

from zorgkoppel.core.models.record import Record, Versioned
from zorgkoppel.core.models.types import DecimalText


class Agreement(Versioned, Record, table=True):
    reference: str = Field(max_length=64, unique=True)
    phase: str = Field(max_length=20)
    legal_form: str = Field(max_length=32)
    status: str = Field(max_length=20, default="draft")
    language: str = Field(max_length=8, default="nl")
    care_partner_id: str = Field(foreign_key="organisation.id", index=True)
    se_partner_id: str = Field(foreign_key="organisation.id", index=True)
    commissioned_by_id: str | None = Field(default=None, foreign_key="organisation.id")
    signed_on: dt.date | None = None
    # duration (duur)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    notice_days: int | None = None
    # scope (omvang)
    scope_workers: int | None = None
    scope_fte: Decimal | None = Field(default=None, sa_type=DecimalText)
    scope_hours_per_week: Decimal | None = Field(default=None, sa_type=DecimalText)
    # performance (prestaties); sites as one site per line
    sites: str | None = None
    schedule: str | None = Field(default=None, max_length=500)
    job_coach_id: str | None = Field(default=None, foreign_key="person.id")
    supervisor_id: str | None = Field(default=None, foreign_key="person.id")
    evaluation_every_weeks: int | None = None
    # financing (financiering)
    rate_type: str | None = Field(default=None, max_length=20)
    rate: Decimal | None = Field(default=None, sa_type=DecimalText)
    guidance_hours_per_month: Decimal | None = Field(default=None, sa_type=DecimalText)
    training_hours_per_year: Decimal | None = Field(default=None, sa_type=DecimalText)
    index_base_month: str | None = Field(default=None, max_length=7)
    # Contract terms that have no place in the exchange file (issue 3): renewal, the
    # working-time reduction under the VIA agreements, and the optional clauses.
    renewal: str = Field(default="none", max_length=20)
    via_reduction_days_per_year: Decimal | None = Field(default=None, sa_type=DecimalText)
    confidentiality: bool = True
    gdpr_processing: bool = True
    liability_insurance: bool = True
    invoicing_frequency: str = Field(default="monthly", max_length=20)
    payment_term_days: int = 30
    disputes: str = Field(default="courts", max_length=20)

    @property
    def site_list(self) -> list[str]:
        return [s for s in (self.sites or "").splitlines() if s.strip()]


class AgreementTask(Record, table=True):
    """Content (inhoud): a task with what it means at this facility."""

    agreement_id: str = Field(foreign_key="agreement.id", index=True, ondelete="CASCADE")
    task_code: str = Field(foreign_key="task.code")
    description: str | None = None
    position: int = 0


class AgreementWorker(Record, table=True):
    """A worker placed with the care facility under this agreement."""

    __table_args__ = (UniqueConstraint("agreement_id", "worker_id"),)
    agreement_id: str = Field(foreign_key="agreement.id", index=True, ondelete="CASCADE")
    worker_id: str = Field(foreign_key="worker.id", index=True)
    position: int = 0
