"""The monitoring report of partnerships (the steering group's and the minister's counts).

For a period, the partnerships (agreements, not drafts) that were active on some day of
it, or signed in it, are counted per grouping: the care partner's province, joint
committee or care type, the social-economy partner's kind, the phase, the legal form, the
status. Each row also counts the distinct care facilities and social-economy
organisations, the workers placed and the FTE agreed, and keeps the agreement ids behind
the counts (the list a person opens from a figure). Only what the actor may see counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy.orm import aliased
from sqlmodel import col, select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import Problem, ValidationError
from zorgkoppel.core.models import Agreement, AgreementWorker, Organisation
from zorgkoppel.core.services.visibility import agreement_clause
from zorgkoppel.i18n import N_

GROUPINGS = ("province", "joint_committee", "care_type", "se_kind", "phase", "legal_form",
             "status")
# A draft is no partnership yet.
COUNTED_STATUSES = ("signed", "active", "ended", "terminated")


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @classmethod
    def of(cls, start: dt.date | None, end: dt.date | None,
           today: dt.date | None = None) -> Period:
        """The period asked for; the current calendar year where a bound is missing."""
        year = (today or dt.date.today()).year
        period = cls(start or dt.date(year, 1, 1), end or dt.date(year, 12, 31))
        if period.end < period.start:
            raise ValidationError([Problem("to", N_(
                "the period ends ({end}) before it starts ({start})"),
                {"end": period.end.isoformat(), "start": period.start.isoformat()})])
        return period


class Partnership(NamedTuple):
    """One agreement as the report sees it (also the input of counts over files). A tuple:
    a province-wide collection makes thousands of them per report."""

    agreement_id: str
    care_partner: str  # organisation key: its id, or its enterprise number across files
    se_partner: str
    se_kind: str
    province: str | None
    joint_committee: str | None
    care_type: str | None
    phase: str
    legal_form: str
    status: str
    workers: frozenset[str]
    fte: Decimal
    reference: str = ""
    care_name: str = ""
    se_name: str = ""


@dataclass
class ReportRow:
    key: dict[str, str | None]
    partnerships: int = 0
    care_facilities: int = 0
    se_organisations: int = 0
    workers: int = 0
    fte: Decimal = Decimal("0")
    agreement_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PartnershipReport:
    period: Period
    by: tuple[str, ...]
    signed_in: bool
    rows: list[ReportRow]
    totals: ReportRow
    se_organisations_by_kind: dict[str, int]
    care_facilities_total: int
    partnerships: list[Partnership] = field(default_factory=list)  # behind the totals


def check_groupings(by: Sequence[str]) -> tuple[str, ...]:
    unknown = [name for name in by if name not in GROUPINGS]
    if unknown:
        raise ValidationError([Problem("by", N_(
            "unknown grouping {name}; use one of {names}"),
            {"name": unknown[0], "names": ", ".join(GROUPINGS)})])
    return tuple(dict.fromkeys(by))


def partnership_report(
    ctx: ServiceContext, by: Sequence[str], start: dt.date | None = None,
    end: dt.date | None = None, signed_in: bool = False, today: dt.date | None = None,
) -> PartnershipReport:
    """The counts over the stored agreements the actor may see."""
    groupings = check_groupings(by)
    period = Period.of(start, end, today)
    return count_partnerships(
        stored_partnerships(ctx, period, signed_in), groupings, period, signed_in)


def stored_partnerships(ctx: ServiceContext, period: Period, signed_in: bool,
                        source: str | None = None) -> list[Partnership]:
    """The partnerships of the period in `ctx`'s database. With `source` (a file counted
    with others) organisations are known by their enterprise number where they have one,
    so the same organisation in two files counts once, and agreements by source and id."""
    care = aliased(Organisation)
    se = aliased(Organisation)
    # Columns, not ORM objects: a province-wide collection has thousands of agreements.
    query = (
        select(Agreement.id, Agreement.reference, Agreement.phase, Agreement.legal_form,
               Agreement.status, Agreement.scope_fte, care.id, care.name, care.province,
               care.joint_committee, care.care_type, care.enterprise_number, se.id, se.name,
               se.kind, se.enterprise_number)
        .join(care, col(care.id) == Agreement.care_partner_id)
        .join(se, col(se.id) == Agreement.se_partner_id)
        .where(col(Agreement.status).in_(COUNTED_STATUSES), agreement_clause(ctx))
    )
    if signed_in:
        query = query.where(col(Agreement.signed_on) >= period.start,
                            col(Agreement.signed_on) <= period.end)
    else:
        # Active on some day of the period: begun by its end, not ended before its start.
        query = query.where(
            col(Agreement.start_date).is_not(None), col(Agreement.start_date) <= period.end,
            (col(Agreement.end_date).is_(None)) | (col(Agreement.end_date) >= period.start))
    counted = query.with_only_columns(Agreement.id).scalar_subquery()
    with ctx.db.engine.connect() as connection:  # plain rows, no ORM identity map
        found = connection.execute(query).all()
        placed: dict[str, set[str]] = {}
        for agreement_id, worker_id in connection.execute(
                select(AgreementWorker.agreement_id, AgreementWorker.worker_id)
                .where(col(AgreementWorker.agreement_id).in_(counted))):
            placed.setdefault(agreement_id, set()).add(worker_id)

    def known_as(organisation_id: str, number: str | None) -> str:
        if source is None:
            return organisation_id
        return number or f"{source}#{organisation_id}"

    return [
        Partnership(
            agreement_id=agreement_id if source is None else f"{source}#{agreement_id}",
            care_partner=known_as(care_id, care_number), se_partner=known_as(se_id, se_number),
            se_kind=se_kind, province=province, joint_committee=committee,
            care_type=care_type, phase=phase, legal_form=legal_form, status=status,
            workers=frozenset(placed.get(agreement_id, ())), fte=fte or Decimal("0"),
            reference=reference, care_name=care_name, se_name=se_name,
        )
        for (agreement_id, reference, phase, legal_form, status, fte, care_id, care_name,
             province, committee, care_type, care_number, se_id, se_name, se_kind,
             se_number) in found
    ]


def _committee(text: str | None) -> str | None:
    """Joint committees are grouped as entered: trimmed, case-insensitive."""
    cleaned = (text or "").strip()
    return cleaned.casefold() or None


def _key_of(partnership: Partnership, name: str) -> str | None:
    if name == "joint_committee":
        return _committee(partnership.joint_committee)
    value: str | None = getattr(partnership, name)
    return value


def count_partnerships(partnerships: Iterable[Partnership], by: tuple[str, ...],
                       period: Period, signed_in: bool) -> PartnershipReport:
    partnerships = sorted(partnerships, key=lambda p: p.agreement_id)
    shown: dict[str, str] = {}  # a committee as first written, for its group's label
    groups: dict[tuple[str | None, ...], list[Partnership]] = {}
    for partnership in partnerships:
        key = tuple(_key_of(partnership, name) for name in by)
        groups.setdefault(key, []).append(partnership)
        committee = _committee(partnership.joint_committee)
        if committee is not None:
            shown.setdefault(committee, (partnership.joint_committee or "").strip())
    rows = []
    for key in sorted(groups, key=lambda k: tuple((v is None, v or "") for v in k)):
        labels = {name: shown.get(value, value) if name == "joint_committee" and value
                  else value for name, value in zip(by, key, strict=True)}
        rows.append(_row(labels, groups[key]))
    se_by_kind: dict[str, set[str]] = {}
    for partnership in partnerships:
        se_by_kind.setdefault(partnership.se_kind, set()).add(partnership.se_partner)
    totals = _row({}, partnerships)
    return PartnershipReport(
        period, by, signed_in, rows, totals,
        {kind: len(found) for kind, found in sorted(se_by_kind.items())},
        totals.care_facilities, partnerships)


def _row(key: dict[str, str | None], partnerships: Sequence[Partnership]) -> ReportRow:
    workers: set[str] = set()
    for partnership in partnerships:
        workers |= partnership.workers
    return ReportRow(
        key=key,
        partnerships=len(partnerships),
        care_facilities=len({p.care_partner for p in partnerships}),
        se_organisations=len({p.se_partner for p in partnerships}),
        workers=len(workers),
        fte=sum((p.fte for p in partnerships), Decimal("0")),
        agreement_ids=[p.agreement_id for p in partnerships],
    )
