"""The life of an agreement: draft → signed → active → ended or terminated.

A draft is edited freely (`save_draft`). From signing on the agreement is locked: it changes
only through a numbered amendment (`amend_agreement`), which records the date, the reason and
every changed field, and has its own printout. Printed contracts are recorded with their
SHA-256 (`record_issue`) so a paper copy can be verified later (`find_issue`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, fields
from typing import Any

from sqlmodel import Session, col, func, select

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import (
    NotFoundError,
    Problem,
    Problems,
    ValidationError,
)
from zorgkoppel.core.models import Agreement, AgreementAmendment, ContractIssue
from zorgkoppel.core.models.types import utcnow
from zorgkoppel.core.rules.agreement import AgreementData
from zorgkoppel.core.rules.contract_terms import ContractTerms, validate_terms
from zorgkoppel.core.rules.values import MSG_REQUIRED
from zorgkoppel.core.services.access import require_admin, require_role, require_write
from zorgkoppel.core.services.agreements import (
    MSG_NO_AGREEMENT,
    agreement_child_rows,
    agreement_columns,
    delete_agreement_children,
    load_agreements,
    require_draft_writer,
    validate_in_session,
)
from zorgkoppel.core.services.outcome import Outcome
from zorgkoppel.core.services.visibility import may_see_agreement
from zorgkoppel.i18n import N_
from zorgkoppel.storage.bulk import insert_rows

MSG_LOCKED = N_("a signed agreement changes only through an amendment")
MSG_WRONG_STATUS = N_("cannot go from '{current}' to '{target}'")
# Fields an amendment may not touch: they are the workflow's, not the contract's content.
_WORKFLOW_FIELDS = ("status", "signed_on")
# Which status each step starts from.
_STEPS: dict[str, tuple[str, ...]] = {
    "signed": ("draft",),
    "active": ("signed",),
    "ended": ("signed", "active"),
    "terminated": ("signed", "active"),
}


@dataclass(frozen=True)
class AgreementFile:
    """Everything printed about an agreement: its data, terms and amendments."""

    agreement: Agreement
    data: AgreementData
    terms: ContractTerms
    amendments: list[AgreementAmendment]

    @property
    def version(self) -> int:
        return self.amendments[-1].number if self.amendments else 0

    @property
    def locked(self) -> bool:
        return self.agreement.status != "draft"


def _load(ctx: ServiceContext, session: Session, agreement_id: str) -> Agreement:
    agreement = session.get(Agreement, agreement_id)
    if agreement is None or not may_see_agreement(ctx, agreement):
        raise NotFoundError(MSG_NO_AGREEMENT, key=agreement_id)
    return agreement


def _amendments(session: Session, agreement_id: str) -> list[AgreementAmendment]:
    query = (
        select(AgreementAmendment)
        .where(AgreementAmendment.agreement_id == agreement_id)
        .order_by(col(AgreementAmendment.number))
    )
    return list(session.exec(query).all())


def agreement_file(ctx: ServiceContext, agreement_id: str) -> AgreementFile:
    with ctx.db.session() as session:
        agreement = _load(ctx, session, agreement_id)
        detail = load_agreements(session, [agreement_id])[agreement_id]
        return AgreementFile(
            agreement, detail.data, ContractTerms.of(agreement), _amendments(session, agreement_id)
        )


def list_amendments(ctx: ServiceContext, agreement_id: str) -> list[AgreementAmendment]:
    with ctx.db.session() as session:
        _load(ctx, session, agreement_id)
        return _amendments(session, agreement_id)


def _check(session: Session, data: AgreementData, terms: ContractTerms,
           agreement_id: str | None) -> None:
    problems = Problems()
    problems.extend(validate_in_session(session, data, agreement_id))
    problems.extend(validate_terms(terms))
    problems.raise_if_any()


def _write(session: Session, agreement: Agreement, data: AgreementData,
           terms: ContractTerms) -> None:
    now = utcnow()
    for name, value in {**agreement_columns(data), **terms.columns()}.items():
        setattr(agreement, name, value)
    agreement.updated_at = now
    session.add(agreement)
    session.flush()
    delete_agreement_children(session, [agreement.id])
    for model, rows in agreement_child_rows(agreement.id, data, now).items():
        insert_rows(session, model, rows)


def save_draft(
    ctx: ServiceContext, data: AgreementData, terms: ContractTerms,
    agreement_id: str | None = None,
) -> Outcome[Agreement]:
    """Create or edit a draft with its terms in one transaction; a signed one is refused."""
    require_role(ctx, "coordinator")
    with ctx.db.transaction() as session:
        if agreement_id is None:
            agreement = Agreement(**agreement_columns(data))
        else:
            agreement = _load(ctx, session, agreement_id)
            if agreement.status != "draft":
                raise ValidationError([Problem("status", MSG_LOCKED)])
        data.status, data.signed_on = "draft", None
        _check(session, data, terms, agreement_id)
        require_draft_writer(ctx, data.care_partner_id, ("draft",))
        _write(session, agreement, data, terms)
    return Outcome(agreement, Changes.of("agreements"))


def _step(
    ctx: ServiceContext, agreement_id: str, target: str, **columns: Any
) -> Outcome[Agreement]:
    require_write(ctx)
    with ctx.db.transaction() as session:
        agreement = _load(ctx, session, agreement_id)
        # Signing, starting, ending and amending bind both partners: an administrator's act.
        require_admin(ctx)
        if agreement.status not in _STEPS[target]:
            raise ValidationError([Problem(
                "status", MSG_WRONG_STATUS,
                {"current": agreement.status, "target": target})])
        agreement.status = target
        for name, value in columns.items():
            setattr(agreement, name, value)
        agreement.updated_at = utcnow()
        session.add(agreement)
    return Outcome(agreement, Changes.of("agreements"))


def sign_agreement(
    ctx: ServiceContext, agreement_id: str, signed_on: dt.date
) -> Outcome[Agreement]:
    """Lock a complete draft: it needs a start date and at least one task."""
    with ctx.db.session() as session:
        agreement = _load(ctx, session, agreement_id)
        detail = load_agreements(session, [agreement_id])[agreement_id]
    problems = Problems()
    if agreement.start_date is None:
        problems.add("start", N_("is required before signing"))
    if not detail.data.tasks:
        problems.add("tasks", N_("name at least one task before signing"))
    if agreement.start_date and agreement.end_date and signed_on > agreement.end_date:
        problems.add("signed_on", N_("is after the end of the agreement"))
    problems.raise_if_any()
    return _step(ctx, agreement_id, "signed", signed_on=signed_on)


def activate_agreement(ctx: ServiceContext, agreement_id: str) -> Outcome[Agreement]:
    return _step(ctx, agreement_id, "active")


def end_agreement(ctx: ServiceContext, agreement_id: str) -> Outcome[Agreement]:
    """The agreement ran its course (end date reached, not renewed)."""
    return _step(ctx, agreement_id, "ended")


def terminate_agreement(
    ctx: ServiceContext, agreement_id: str, effective_on: dt.date
) -> Outcome[Agreement]:
    """Ended early by notice; the end date becomes the day the termination takes effect."""
    with ctx.db.session() as session:
        agreement = _load(ctx, session, agreement_id)
    if agreement.start_date and effective_on < agreement.start_date:
        raise ValidationError([Problem("end", N_("is before the start of the agreement"))])
    return _step(ctx, agreement_id, "terminated", end_date=effective_on)


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return "\n".join(_as_text(v) or "" for v in value)
    if hasattr(value, "task"):
        return f"{value.task}: {value.description or ''}".rstrip(": ")
    return str(value)


def changed_fields(
    before: AgreementData, before_terms: ContractTerms,
    after: AgreementData, after_terms: ContractTerms,
) -> list[tuple[str, str | None, str | None]]:
    """(field, old, new) for every field that differs, values as stored text."""
    changes: list[tuple[str, str | None, str | None]] = []
    for old, new in ((before, after), (before_terms, after_terms)):
        for f in fields(old):
            if f.name in _WORKFLOW_FIELDS:
                continue
            a, b = getattr(old, f.name), getattr(new, f.name)
            if a != b:
                changes.append((f.name, _as_text(a), _as_text(b)))
    return changes


def amend_agreement(
    ctx: ServiceContext, agreement_id: str, data: AgreementData, terms: ContractTerms,
    amended_on: dt.date, reason: str,
) -> Outcome[AgreementAmendment]:
    """Change a signed or active agreement through the next numbered amendment."""
    require_write(ctx)
    with ctx.db.transaction() as session:
        agreement = _load(ctx, session, agreement_id)
        require_admin(ctx)
        current = load_agreements(session, [agreement_id])[agreement_id].data
        problems = Problems()
        if agreement.status not in ("signed", "active"):
            problems.add("status", N_("only a signed or active agreement is amended"))
        if not reason or not reason.strip():
            problems.add("reason", MSG_REQUIRED)
        elif len(reason) > 1000:
            problems.add("reason", N_("is longer than {max} characters"), max=1000)
        if agreement.signed_on and amended_on < agreement.signed_on:
            problems.add("amended_on", N_("is before the agreement was signed"))
        data.status, data.signed_on = agreement.status, agreement.signed_on
        if data.reference != current.reference:
            problems.add("reference", N_("the reference of a signed agreement stays the same"))
        problems.extend(validate_in_session(session, data, agreement_id))
        problems.extend(validate_terms(terms))
        changes = changed_fields(current, ContractTerms.of(agreement), data, terms)
        if not changes:
            problems.add("", N_("the amendment changes nothing"))
        problems.raise_if_any()
        number = (session.exec(
            select(func.max(AgreementAmendment.number))
            .where(AgreementAmendment.agreement_id == agreement_id)
        ).one() or 0) + 1
        _write(session, agreement, data, terms)
        amendment = AgreementAmendment(
            agreement_id=agreement_id, number=number, amended_on=amended_on,
            reason=reason.strip(), changes=json.dumps(changes, ensure_ascii=False),
        )
        session.add(amendment)
    return Outcome(amendment, Changes.of("agreements"))


def amendment_changes(amendment: AgreementAmendment) -> list[tuple[str, str | None, str | None]]:
    return [tuple(item) for item in json.loads(amendment.changes)]  # type: ignore[misc]


def sha256_of(pdf: bytes) -> str:
    return hashlib.sha256(pdf).hexdigest()


@dataclass(frozen=True)
class PrintedDocument:
    """A printout to record: which agreement, the bytes, and what they contain."""

    agreement_id: str
    pdf: bytes
    language: str
    version: int
    amendment_number: int = 0


def _record(ctx: ServiceContext, session: Session, printed: PrintedDocument,
            issued_on: dt.date) -> ContractIssue:
    digest = sha256_of(printed.pdf)
    _load(ctx, session, printed.agreement_id)
    known = session.exec(select(ContractIssue).where(
        ContractIssue.sha256 == digest, ContractIssue.agreement_id == printed.agreement_id
    )).first()
    if known is not None:
        return known
    issue = ContractIssue(
        agreement_id=printed.agreement_id, amendment_number=printed.amendment_number,
        version=printed.version, language=printed.language, issued_on=issued_on,
        sha256=digest,
    )
    session.add(issue)
    session.flush()
    return issue


def record_issues(
    ctx: ServiceContext, printed: list[PrintedDocument], issued_on: dt.date | None = None
) -> list[ContractIssue]:
    """Remember printed documents by their SHA-256, in one transaction (a batch print).

    The same bytes are recorded once: printing again returns the first record and date.
    """
    day = issued_on or dt.date.today()
    with ctx.db.transaction() as session:
        return [_record(ctx, session, item, day) for item in printed]


def record_issue(
    ctx: ServiceContext, agreement_id: str, pdf: bytes, language: str, version: int,
    amendment_number: int = 0, issued_on: dt.date | None = None,
) -> ContractIssue:
    """Remember one printed document by its SHA-256; the same bytes are recorded once."""
    printed = PrintedDocument(agreement_id, pdf, language, version, amendment_number)
    return record_issues(ctx, [printed], issued_on)[0]


def list_issues(ctx: ServiceContext, agreement_id: str) -> list[ContractIssue]:
    with ctx.db.session() as session:
        _load(ctx, session, agreement_id)
        query = select(ContractIssue).where(ContractIssue.agreement_id == agreement_id)
        return list(session.exec(query.order_by(col(ContractIssue.created_at))).all())


def find_issue(ctx: ServiceContext, pdf: bytes) -> ContractIssue | None:
    """The recorded issue a PDF file is a true copy of, if any."""
    digest = sha256_of(pdf)
    with ctx.db.session() as session:
        for issue in session.exec(select(ContractIssue).where(ContractIssue.sha256 == digest)):
            agreement = session.get(Agreement, issue.agreement_id)
            if agreement is not None and may_see_agreement(ctx, agreement):
                return issue
    return None


MSG_NO_REFERENCE = N_("No agreement with reference {reference}.")


def agreement_id_by_reference(ctx: ServiceContext, reference: str) -> str:
    """The id of the agreement with this reference that the actor may see."""
    with ctx.db.session() as session:
        found = session.exec(
            select(Agreement).where(Agreement.reference == reference.strip())
        ).first()
        # A reference the actor may not see answers as one that does not exist.
        if found is None or not may_see_agreement(ctx, found):
            raise NotFoundError(MSG_NO_REFERENCE, reference=reference)
        return found.id
