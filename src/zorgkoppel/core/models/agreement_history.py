"""What happens to an agreement after signing: numbered amendments and issued printouts."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, UniqueConstraint

from zorgkoppel.core.models.record import Record


class AgreementAmendment(Record, table=True):
    """An addendum: the only way a signed agreement changes.

    `changes` holds a JSON list of ``[field, old, new]`` in stored (untranslated) form, so
    the printout can word it in the contract's language.
    """

    __table_args__ = (UniqueConstraint("agreement_id", "number"),)
    agreement_id: str = Field(foreign_key="agreement.id", index=True, ondelete="CASCADE")
    number: int
    amended_on: dt.date
    reason: str = Field(max_length=1000)
    changes: str = "[]"


class ContractIssue(Record, table=True):
    """A printed contract or amendment as issued, so a paper copy can be verified later.

    `amendment_number` is 0 for the contract itself; `version` is the number of the last
    amendment the printed text includes.
    """

    agreement_id: str = Field(foreign_key="agreement.id", index=True, ondelete="CASCADE")
    amendment_number: int = 0
    version: int = 0
    language: str = Field(max_length=8)
    issued_on: dt.date
    sha256: str = Field(max_length=64, index=True)
