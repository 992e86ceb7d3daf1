"""The printed cooperation agreement and its amendments, as PDF bytes.

    pdf = contract_pdf(source, language)             # bytes; same data + version → same bytes
    pdf = amendment_pdf(source, number, language)
    issued = issue_contract(ctx, agreement_id, language=None, amendment=0)
    #  → IssuedDocument(pdf, issue) with the SHA-256 recorded (core/services/agreement_workflow)
    batch = issue_contracts(ctx, agreement_ids, language=None)   # one transaction

The language defaults to the agreement's own; any of nl, fr, en may be chosen at print time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from zorgkoppel.core.codes import CONTRACT_LANGUAGES, PERSON_ROLES
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError
from zorgkoppel.core.models import ContractIssue
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.agreement_workflow import (
    PrintedDocument,
    amendment_changes,
    record_issues,
)
from zorgkoppel.documents import contract_text as ct
from zorgkoppel.documents.contract_data import ContractSource, Party, load_contract_source
from zorgkoppel.documents.pages import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_SIZE,
    DocumentInfo,
    build_pdf,
    styles,
    table_style,
)
from zorgkoppel.i18n import N_, gettext_for
from zorgkoppel.i18n.catalog import normalise_language

TEXT_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT
LABEL_WIDTH = 62 * mm
_UNSAFE = re.compile(r"[^\w.-]+")
MSG_NO_AMENDMENT = N_("Agreement {reference} has no amendment no. {number}.")


def contract_file_name(reference: str, language: str, amendment: int = 0) -> str:
    """A file name from the reference that is safe on every system."""
    stem = _UNSAFE.sub("_", reference).strip("._") or "contract"
    suffix = f"-{amendment}" if amendment else ""
    return f"{stem}{suffix}-{language}.pdf"


@dataclass(frozen=True)
class IssuedDocument:
    pdf: bytes
    issue: ContractIssue


@cache
def _article_heading() -> ParagraphStyle:
    # CondPageBreak already keeps a heading with its text; keepWithNext would lay every
    # article out twice.
    return ParagraphStyle("article", parent=styles()["heading"], keepWithNext=0)


@cache
def _party_style() -> ParagraphStyle:
    return ParagraphStyle("party", parent=styles()["body"], leftIndent=8 * mm, spaceAfter=6)


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), styles()[style])


def _rows_table(rows: list[tuple[str, str]], label_width: float = LABEL_WIDTH) -> Table:
    cell = styles()["cell"]
    data = [[Paragraph(escape(label), cell), Paragraph(escape(value).replace("\n", "<br/>"),
                                                       cell)]
            for label, value in rows]
    table = Table(data, colWidths=[label_width, TEXT_WIDTH - label_width], hAlign="LEFT")
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F1F3F5")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#C8CDD2")),
        ("LINEABOVE", (0, 0), (-1, 0), 0.3, colors.HexColor("#C8CDD2")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _wording(source: ContractSource, language: str | None) -> ct.Wording:
    lang = normalise_language(language or source.file.data.language)
    if lang not in CONTRACT_LANGUAGES:
        lang = "nl"
    return ct.Wording(lang, gettext_for(lang))


def _parties(source: ContractSource, w: ct.Wording) -> list[Flowable]:
    t = w.t
    story: list[Flowable] = [_p(t(ct.BETWEEN))]
    blocks: list[tuple[Party, str, str | None]] = [
        (source.care, ct.CALLED_CARE, None),
        (source.enterprise, ct.CALLED_ENTERPRISE, ct.AND),
    ]
    if source.authority is not None:
        blocks.append((source.authority, ct.CALLED_AUTHORITY, ct.AND_AUTHORITY))
    for party, called, joiner in blocks:
        if joiner:
            story.append(_p(t(joiner)))
        lines = ct.party_lines(party, w)
        story.append(Paragraph(
            f"<b>{escape(lines[0])}</b><br/>{escape(lines[1])}<br/>{escape(t(called))}",
            _party_style(),
        ))
    story.append(_p(t(ct.AGREED)))
    return story


def _signatures(source: ContractSource, w: ct.Wording, opening: str) -> list[Flowable]:
    t = w.t
    cell = styles()["cell"]
    parties = ct.signing_parties(source)
    width = TEXT_WIDTH / len(parties)
    columns: list[list[Flowable]] = []
    for party in parties:
        column: list[Flowable] = [
            Paragraph(f"<b>{escape(t(ct.FOR_PARTY).format(name=party.name))}</b>", cell),
            Spacer(1, 2 * mm),
        ]
        if party.representatives:
            column += [Paragraph(escape(name) + "<br/>"
                                 + escape(t(PERSON_ROLES.get(role, role))).lower(), cell)
                       for name, role in party.representatives]
        else:
            column.append(Paragraph(escape(t(ct.NAME_AND_ROLE)) + ":", cell))
        column += [
            Spacer(1, 4 * mm),
            Paragraph(escape(t(ct.SIGNATURE)) + ":", cell),
            Spacer(1, 18 * mm),
            # One line per party, with room between them.
            HRFlowable(width="88%", thickness=0.5, color=colors.black, hAlign="LEFT"),
        ]
        columns.append(column)
    table = Table([columns], colWidths=[width] * len(parties))
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return [KeepTogether([
        Paragraph(escape(t(ct.T_SIGNATURES)), styles()["heading"]),
        _p(opening),
        Spacer(1, 3 * mm),
        table,
    ])]


def _info(source: ContractSource, w: ct.Wording, title: str, footer: str) -> DocumentInfo:
    data = source.file.data
    return DocumentInfo(
        title=title,
        language=w.language,
        translate=w.t,
        author=source.care.name,
        subject=w.t(ct.SUBTITLE),
        keywords=(data.reference, source.care.name, source.enterprise.name),
        footer=footer,
        watermark=w.t(ct.DRAFT_MARK) if source.file.agreement.status == "draft" else None,
    )


def contract_pdf(source: ContractSource, language: str | None = None) -> bytes:
    """The whole agreement as it stands (including every amendment), in one language."""
    w = _wording(source, language)
    t = w.t
    data = source.file.data
    story: list[Flowable] = [
        _p(t(ct.TITLE), "title"),
        _p(t(ct.SUBTITLE), "subtitle"),
        _p("  ·  ".join(ct.heading_lines(source, w)), "meta"),
        Spacer(1, 4 * mm),
    ]
    story += _parties(source, w)
    for number, article in enumerate(ct.articles(source, w), start=1):
        story.append(CondPageBreak(30 * mm))
        story.append(Paragraph(escape(t(ct.ARTICLE).format(number=number, title=article.title)),
                               _article_heading()))
        story += [_p(text) for text in article.paragraphs]
        if article.rows:
            story.append(_rows_table(article.rows))
            story.append(Spacer(1, 2 * mm))
        story += [_p(text) for text in article.closing]
    story += _signatures(source, w, ct.drawn_up_line(source, w))
    footer = (t(ct.FOOTER_VERSION).format(reference=data.reference, version=source.file.version)
              if source.file.version else t(ct.FOOTER).format(reference=data.reference))
    title = f"{t(ct.TITLE)} {data.reference}"
    return build_pdf(story, _info(source, w, title, footer))


def amendment_pdf(source: ContractSource, number: int, language: str | None = None) -> bytes:
    """One numbered amendment: its date, reason and the provisions it changes."""
    found = [a for a in source.file.amendments if a.number == number]
    data = source.file.data
    if not found:
        raise NotFoundError(MSG_NO_AMENDMENT, reference=data.reference, number=number)
    amendment = found[0]
    w = _wording(source, language)
    t = w.t
    story: list[Flowable] = [
        _p(t(ct.AMENDMENT_TITLE).format(number=number), "title"),
        _p(t(ct.AMENDMENT_SUBTITLE).format(reference=data.reference), "subtitle"),
        _p("  ·  ".join([t(ct.AMENDMENT_DATE).format(date=w.date(amendment.amended_on)),
                         t(ct.AMENDMENT_SIGNED).format(
                             date=w.date(source.file.agreement.signed_on))]), "meta"),
        Spacer(1, 4 * mm),
    ]
    story += _parties(source, w)
    story.append(_p(t(ct.AMENDMENT_REASON), "heading"))
    story.append(_p(amendment.reason))
    story.append(_p(t(ct.AMENDMENT_CHANGES), "heading"))
    cell = styles()["cell"]
    rows = [[Paragraph(f"<b>{escape(t(label))}</b>", cell) for label in
             (ct.AMENDMENT_CHANGE, ct.AMENDMENT_OLD, ct.AMENDMENT_NEW)]]
    for name, old, new in amendment_changes(amendment):
        label = t(ct.FIELD_LABELS[name]) if name in ct.FIELD_LABELS else name
        rows.append([Paragraph(escape(label), cell)] + [
            Paragraph(escape(ct.change_value(name, value, source, w))
                      .replace("\n", "<br/>"), cell) for value in (old, new)])
    third = (TEXT_WIDTH - 50 * mm) / 2
    table = Table(rows, colWidths=[50 * mm, third, third], repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4E8EC")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#C8CDD2")),
    ]))
    story += [table, Spacer(1, 3 * mm), _p(t(ct.AMENDMENT_REST))]
    opening = t(ct.DRAWN_UP).format(place=ct.BLANK, date=w.date(amendment.amended_on),
                                    count=w.number(len(ct.signing_parties(source))))
    story += _signatures(source, w, opening)
    footer = t(ct.AMENDMENT_FOOTER).format(number=number, reference=data.reference)
    title = f"{t(ct.AMENDMENT_TITLE).format(number=number)} {data.reference}"
    return build_pdf(story, _info(source, w, title, footer))


def _print(source: ContractSource, language: str | None, amendment: int) -> PrintedDocument:
    w = _wording(source, language)
    if amendment:
        pdf = amendment_pdf(source, amendment, w.language)
    else:
        pdf = contract_pdf(source, w.language)
    return PrintedDocument(source.file.agreement.id, pdf, w.language, source.file.version,
                           amendment)


def issue_contract(
    ctx: ServiceContext, agreement_id: str, language: str | None = None, amendment: int = 0,
    issued_on: dt.date | None = None,
) -> IssuedDocument:
    """Print the contract (or amendment no. `amendment`) and record its SHA-256."""
    printed = _print(load_contract_source(ctx, agreement_id), language, amendment)
    (issue,) = record_issues(ctx, [printed], issued_on)
    audit.record(ctx, audit.PRINT_CONTRACT, [agreement_id])
    return IssuedDocument(printed.pdf, issue)


def issue_contracts(
    ctx: ServiceContext, agreement_ids: list[str], language: str | None = None,
    issued_on: dt.date | None = None,
) -> list[IssuedDocument]:
    """Print several contracts and record them all in one transaction (`contract --all`)."""
    printed = [_print(load_contract_source(ctx, key), language, 0) for key in agreement_ids]
    issues = record_issues(ctx, printed, issued_on)
    audit.record_many(ctx, audit.PRINT_CONTRACT, [([key], None) for key in agreement_ids])
    return [IssuedDocument(p.pdf, issue) for p, issue in zip(printed, issues, strict=True)]
