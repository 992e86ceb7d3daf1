"""The wording of the cooperation agreement and its amendments, clause by clause.

Clauses are English msgids marked with ``N_`` and translated with the contract's own
translate function, so a French contract can be printed from a Dutch screen. Every function
returns plain text (no markup); :mod:`zorgkoppel.documents.contract` lays it out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from zorgkoppel.core.codes import (
    AGREEMENT_PHASES,
    LEGAL_FORMS,
    PERSON_ROLES,
    RATE_TYPES,
)
from zorgkoppel.core.rules.contract_terms import (
    DISPUTE_RESOLUTIONS,
    INVOICING_FREQUENCIES,
    RENEWALS,
)
from zorgkoppel.documents.contract_data import ContractSource, Party
from zorgkoppel.i18n import N_
from zorgkoppel.i18n.formatting import format_date, format_money, format_number

Translate = Callable[[str], str]
BLANK = "…………………………"


@dataclass(frozen=True)
class Article:
    title: str
    paragraphs: list[str]
    rows: list[tuple[str, str]] = field(default_factory=list)
    # Text shown after the rows (a table sits between the paragraphs and this).
    closing: list[str] = field(default_factory=list)


TITLE = N_("Cooperation agreement")
SUBTITLE = N_("between a care facility and a social-economy enterprise")
REFERENCE = N_("Reference: {reference}")
PHASE_LINE = N_("Phase: {phase} · Legal form: {form}")
CONSOLIDATED = N_("Consolidated text including amendments up to no. {number}.")
FOOTER = N_("Cooperation agreement {reference}")
FOOTER_VERSION = N_("Cooperation agreement {reference} · version {version}")
DRAFT_MARK = N_("DRAFT")

BETWEEN = N_("Between the undersigned:")
AND = N_("and")
AND_AUTHORITY = N_("and, as commissioning authority of the service:")
ENTERPRISE_NUMBER = N_("enterprise number {number}")
REGISTERED_OFFICE = N_("with its registered office at {address}")
REPRESENTED_BY = N_("represented by {names}")
REPRESENTED_BY_BLANK = N_("represented by {blank}, in the capacity of {blank}")
CALLED_CARE = N_('hereinafter "the care facility";')
CALLED_ENTERPRISE = N_('hereinafter "the enterprise";')
CALLED_AUTHORITY = N_('hereinafter "the commissioning authority";')
AGREED = N_("the following has been agreed:")

ARTICLE = N_("Article {number}. {title}")

# Purpose and nature
T_PURPOSE = N_("Purpose and nature of the agreement")
PURPOSE_SERVICE = N_(
    "The enterprise provides services at the care facility with workers who remain employed "
    "by the enterprise, in the first phase of the cooperation (service). The parties agree on "
    "the content, the scope, the duration, the performance and the financing of these "
    "services as set out below."
)
PURPOSE_TRANSITION = N_(
    "The parties cooperate in the second phase (transition): workers of the enterprise get to "
    "know the care facility and its work, with a view to a regular job at the care facility. "
    "The parties agree on the content, the scope, the duration, the performance and the "
    "financing of this cooperation as set out below."
)
FORM_SERVICE_CONTRACT = N_(
    "This agreement is a contract for services (aanneming van diensten). The enterprise "
    "carries out the agreed tasks with its own workers, under its own responsibility and "
    "with its own organisation of the work. The care facility pays for a result and a "
    "service, not for the provision of labour."
)
FORM_ENCLAVE = N_(
    "This agreement is carried out as an enclave: a team of workers of the enterprise works "
    "permanently on the premises of the care facility, under the guidance and supervision of "
    "the enterprise's own team leader or job coach. The team forms an identifiable unit of "
    "the enterprise and carries out the agreed tasks as a whole."
)
COMMISSION = N_(
    "The service is embedded in a commission from the commissioning authority to the "
    "enterprise under the local services economy. This agreement ends by operation of law "
    "when that commission ends, unless the parties agree otherwise in writing."
)

# Authority
T_AUTHORITY = N_("Authority over the workers")
AUTHORITY_EMPLOYER = N_(
    "The enterprise is and remains the sole employer of the workers who carry out this "
    "agreement. Authority over these workers stays exclusively with the enterprise: it "
    "decides on their selection, working hours, leave, instructions, assessment and "
    "disciplinary measures, and it pays their wages and social-security contributions."
)
AUTHORITY_NOT_MAKING_AVAILABLE = N_(
    "This agreement is explicitly not a making-available of workers to a user "
    "(terbeschikkingstelling) within the meaning of the Law of 24 July 1987 on temporary "
    "work, temporary agency work and the making available of workers to users. The care "
    "facility exercises no part of the employer's authority over the workers."
)
AUTHORITY_SERVICE_CONTRACT = N_(
    "The care facility may only give instructions about the execution of the agreed work "
    "itself, about safety and well-being at work and about the house rules that apply to "
    "everyone on its premises. It gives these instructions through the job coach of the "
    "enterprise, or, when urgency demands it, directly and informs the job coach the same day."
)
AUTHORITY_ENCLAVE = N_(
    "The enclave works under the day-to-day guidance of the enterprise's own team leader or "
    "job coach, who is present on site or can be reached at all times. The care facility "
    "addresses its wishes about the work to that person and never gives instructions to "
    "the workers of the enclave directly, except for safety and well-being at work."
)

# Content
T_CONTENT = N_("Content: the tasks")
CONTENT_INTRO = N_("The enterprise carries out the following tasks at the care facility:")
CONTENT_NONE = N_("The tasks are described in an annex signed by the parties.")
CONTENT_FIT = N_(
    "The job coach and the direct supervisor assign tasks that fit each worker's abilities, "
    "interests and command of Dutch; a worker may start with simpler tasks and take on "
    "more as the guidance progresses."
)

# Scope
T_SCOPE = N_("Scope")
SCOPE_WORKERS = N_("Number of workers")
SCOPE_FTE = N_("Full-time equivalents (FTE)")
SCOPE_HOURS = N_("Hours per week")
SCOPE_PLACED = N_("Workers placed at the start of the agreement")
SCOPE_REPLACEMENT = N_(
    "The enterprise decides which of its workers carry out the agreement and replaces "
    "absent workers as far as reasonably possible; it informs the care facility of any change."
)
NOT_SET = N_("to be agreed")

# Duration
T_DURATION = N_("Duration")
DURATION_PERIOD = N_("This agreement takes effect on {start} and ends on {end}.")
DURATION_OPEN = N_("This agreement takes effect on {start} and is concluded for an "
                   "indefinite period.")
DURATION_NO_START = N_("This agreement takes effect on the date agreed in writing by the "
                       "parties.")
RENEWAL_NONE = N_("It ends by operation of law on its end date, without tacit renewal.")
RENEWAL_TACIT = N_(
    "It is renewed tacitly each time for a period of the same length, unless a party gives "
    "notice at least {days} days before the end of the current period."
)
RENEWAL_INDEFINITE = N_(
    "After the end date it continues for an indefinite period, unless a party gives notice "
    "at least {days} days before the end date."
)

# Performance
T_PERFORMANCE = N_("Performance")
PERF_SITES = N_("Sites")
PERF_SCHEDULE = N_("Schedule")
PERF_COACH = N_("Job coach of the enterprise")
PERF_SUPERVISOR = N_("Direct supervisor at the care facility")
PERF_COORDINATION = N_(
    "The job coach guides the workers, holds the performance and evaluation meetings and "
    "stays in regular contact with the direct supervisor of the ward, who is the care "
    "facility's contact person for the daily work. The care facility gives the workers the "
    "introduction, work clothing and protective equipment that its own staff receive for "
    "the same tasks."
)

# Financing
T_FINANCING = N_("Financing")
FIN_RATE = N_("Rate")
FIN_RATE_VALUE = N_("{amount} ({rate_type}), excluding VAT")
FIN_GUIDANCE = N_("Guidance hours per month")
FIN_TRAINING = N_("Training hours per year")
FIN_VIA = N_("Working-time reduction under the VIA agreements (days per year per FTE)")
FIN_KEPT_FREE = N_(
    "Time for guidance, training and the working-time reduction under the VIA agreements is "
    "kept free within the agreed scope; it is part of the agreed price and is not invoiced "
    "separately. Subsidies the enterprise receives for the employment of its workers are "
    "not deducted from the price."
)
FIN_INVOICING = N_(
    "The enterprise invoices {frequency} on the basis of the services performed. Invoices "
    "are payable within {days} days of the invoice date."
)

# Index
T_INDEX = N_("Indexation")
INDEX_CLAUSE = N_(
    "The rate is adjusted once a year, on the anniversary of the start of the agreement, to "
    "the health index (gezondheidsindex) according to the formula: new rate = base rate × "
    "new index / base index. The base index is the health index of {month}; the new index is "
    "that of the month before the adjustment. The rate is never lowered through indexation."
)
INDEX_NO_MONTH = N_("the month before the agreement takes effect")

# Evaluation
T_EVALUATION = N_("Evaluation")
EVAL_INTERVAL = N_(
    "The job coach, the direct supervisor and, where useful, the worker evaluate the "
    "cooperation every {weeks} weeks."
)
EVAL_DEFAULT = N_(
    "The job coach, the direct supervisor and, where useful, the worker evaluate the "
    "cooperation regularly, at least every three months."
)
EVAL_YEARLY = N_(
    "The parties evaluate the agreement as a whole at least once a year and before any "
    "renewal, including the workers' progress towards a transition to regular work."
)

# Optional clauses
T_CONFIDENTIALITY = N_("Confidentiality")
CONFIDENTIALITY = N_(
    "The parties and their staff keep confidential all information about residents, "
    "clients, workers and each other's business that they learn through this agreement, "
    "during the agreement and after it ends. The workers are bound by the professional "
    "secrecy that applies at the care facility."
)
T_GDPR = N_("Protection of personal data")
GDPR = N_(
    "Each party processes the personal data it needs for this agreement as a separate "
    "controller, in accordance with the General Data Protection Regulation (EU) 2016/679 "
    "and the Belgian Law of 30 July 2018. Data about the guidance of workers stays with "
    "the enterprise; the care facility receives only what it needs for the daily work. "
    "Workers who have access to residents' data do so under the care facility's "
    "instructions and security measures."
)
T_LIABILITY = N_("Liability and insurance")
LIABILITY = N_(
    "The enterprise insures its workers against industrial accidents and holds a civil "
    "liability insurance that covers damage caused by its workers while carrying out this "
    "agreement. The care facility insures its premises, equipment and residents and its own "
    "civil liability. Each party is liable for its own faults; neither party is liable for "
    "indirect damage."
)

# Amendments, termination, disputes
T_AMENDMENTS = N_("Amendments")
AMENDMENTS = N_(
    "Any change to this agreement is made only by a written amendment, numbered in sequence, "
    "dated and signed by all parties. Each amendment states its reason and the provisions it "
    "changes; all other provisions remain unchanged."
)
T_TERMINATION = N_("Termination and notice")
TERMINATION_NOTICE = N_(
    "Each party may terminate this agreement at any time by registered letter with a notice "
    "period of {days} days, which starts on the first day after the letter is sent."
)
TERMINATION_NOTICE_DEFAULT = N_(
    "Each party may terminate this agreement at any time by registered letter with a notice "
    "period of three months, which starts on the first day of the month after the letter "
    "is sent."
)
TERMINATION_BREACH = N_(
    "A party may terminate the agreement with immediate effect and without compensation when "
    "the other party seriously fails to meet its obligations and does not remedy this within "
    "fifteen days of a written notice of default."
)
TERMINATION_WORKERS = N_(
    "The end of this agreement does not end the employment contracts between the enterprise "
    "and its workers."
)
T_DISPUTES = N_("Applicable law and disputes")
DISPUTES_COURTS = N_(
    "This agreement is governed by Belgian law. The parties first try to settle any dispute "
    "amicably. Failing that, only the courts of the judicial district where the care "
    "facility has its registered office have jurisdiction."
)
DISPUTES_MEDIATION = N_(
    "This agreement is governed by Belgian law. The parties submit any dispute first to "
    "mediation by an accredited mediator under articles 1723/1 and following of the "
    "Judicial Code. If no agreement is reached within sixty days of the request for "
    "mediation, only the courts of the judicial district where the care facility has its "
    "registered office have jurisdiction."
)

# Signatures
T_SIGNATURES = N_("Signatures")
DRAWN_UP = N_(
    "Drawn up at {place} on {date}, in {count} originals, each party acknowledging receipt "
    "of its own."
)
FOR_PARTY = N_("For {name}")
NAME_AND_ROLE = N_("Name and capacity")
SIGNATURE = N_("Signature")

# Amendment printout
AMENDMENT_TITLE = N_("Amendment no. {number}")
AMENDMENT_SUBTITLE = N_("to cooperation agreement {reference}")
AMENDMENT_DATE = N_("Date of the amendment: {date}")
AMENDMENT_SIGNED = N_("The agreement was signed on {date}.")
AMENDMENT_REASON = N_("Reason")
AMENDMENT_CHANGES = N_("Changes")
AMENDMENT_CHANGE = N_("Provision")
AMENDMENT_OLD = N_("Was")
AMENDMENT_NEW = N_("Becomes")
AMENDMENT_REST = N_(
    "All other provisions of the agreement remain unchanged. This amendment forms an "
    "integral part of the agreement and takes effect on its date."
)
AMENDMENT_FOOTER = N_("Amendment {number} to {reference}")
EMPTY_VALUE = N_("(none)")
YES = N_("yes")
NO = N_("no")

# The changed fields an amendment lists, in the words of the contract.
FIELD_LABELS: dict[str, str] = {
    "phase": N_("Phase"),
    "legal_form": N_("Legal form"),
    "language": N_("Language of the agreement"),
    "care_partner_id": N_("Care facility"),
    "se_partner_id": N_("Social-economy enterprise"),
    "commissioned_by_id": N_("Commissioning authority"),
    "start_date": N_("Start"),
    "end_date": N_("End"),
    "notice_days": N_("Notice period (days)"),
    "scope_workers": SCOPE_WORKERS,
    "scope_fte": SCOPE_FTE,
    "scope_hours_per_week": SCOPE_HOURS,
    "sites": PERF_SITES,
    "schedule": PERF_SCHEDULE,
    "job_coach_id": PERF_COACH,
    "supervisor_id": PERF_SUPERVISOR,
    "evaluation_every_weeks": N_("Evaluation every … weeks"),
    "rate_type": N_("Rate type"),
    "rate": FIN_RATE,
    "guidance_hours_per_month": FIN_GUIDANCE,
    "training_hours_per_year": FIN_TRAINING,
    "index_base_month": N_("Index base month"),
    "tasks": N_("Tasks"),
    "worker_ids": N_("Placed workers"),
    "renewal": N_("Renewal"),
    "via_reduction_days_per_year": FIN_VIA,
    "confidentiality": T_CONFIDENTIALITY,
    "gdpr_processing": T_GDPR,
    "liability_insurance": T_LIABILITY,
    "invoicing_frequency": N_("Invoicing"),
    "payment_term_days": N_("Payment term (days)"),
    "disputes": T_DISPUTES,
}


class Wording:
    """Formats values in the contract's language."""

    def __init__(self, language: str, translate: Translate) -> None:
        self.language = language
        self.t = translate

    def date(self, value: dt.date | None) -> str:
        return format_date(value, self.language) if value else BLANK

    def number(self, value: Decimal | int | None) -> str:
        return format_number(value, self.language) if value is not None else self.t(NOT_SET)

    def money(self, value: Decimal | None) -> str:
        return format_money(value, self.language) if value is not None else self.t(NOT_SET)

    def code(self, codes: dict[str, str], value: str | None) -> str:
        if value is None:
            return self.t(NOT_SET)
        return self.t(codes[value]) if value in codes else value

    def month(self, value: str | None) -> str:
        if not value:
            return self.t(INDEX_NO_MONTH)
        year, month = (int(part) for part in value.split("-"))
        return format_date(dt.date(year, month, 1), self.language, fmt="MMMM y")


def party_lines(party: Party, w: Wording) -> list[str]:
    t = w.t
    details = [party.name]
    if party.enterprise_number:
        details.append(t(ENTERPRISE_NUMBER).format(number=party.enterprise_number))
    if party.address:
        details.append(t(REGISTERED_OFFICE).format(address=party.address))
    first = ", ".join(details) + ","
    if party.representatives:
        names = ", ".join(
            f"{name} ({t(PERSON_ROLES.get(role, role)).lower()})"
            for name, role in party.representatives
        )
        second = t(REPRESENTED_BY).format(names=names) + ","
    else:
        second = t(REPRESENTED_BY_BLANK).format(blank=BLANK) + ","
    return [first, second]


def heading_lines(source: ContractSource, w: Wording) -> list[str]:
    t = w.t
    data = source.file.data
    lines = [
        t(REFERENCE).format(reference=data.reference),
        t(PHASE_LINE).format(phase=w.code(AGREEMENT_PHASES, data.phase),
                             form=w.code(LEGAL_FORMS, data.legal_form)),
    ]
    if source.file.version:
        lines.append(t(CONSOLIDATED).format(number=source.file.version))
    return lines


def articles(source: ContractSource, w: Wording) -> list[Article]:
    """The contract's articles in order; optional clauses only when chosen."""
    t = w.t
    data = source.file.data
    terms = source.file.terms
    enclave = data.legal_form == "enclave"

    purpose = [t(PURPOSE_SERVICE if data.phase == "service" else PURPOSE_TRANSITION),
               t(FORM_ENCLAVE if enclave else FORM_SERVICE_CONTRACT)]
    if source.authority is not None:
        purpose.append(t(COMMISSION))
    result = [
        Article(t(T_PURPOSE), purpose),
        Article(t(T_AUTHORITY), [
            t(AUTHORITY_EMPLOYER), t(AUTHORITY_NOT_MAKING_AVAILABLE),
            t(AUTHORITY_ENCLAVE if enclave else AUTHORITY_SERVICE_CONTRACT),
        ]),
    ]

    task_rows = []
    for item in data.tasks:
        task = source.tasks.get(item.task)
        name = task.label(w.language) if task else item.task
        task_rows.append((name, item.description or ""))
    result.append(Article(
        t(T_CONTENT), [t(CONTENT_INTRO) if task_rows else t(CONTENT_NONE)], task_rows,
        [t(CONTENT_FIT)],
    ))

    scope_rows = [
        (t(SCOPE_WORKERS), w.number(data.scope_workers)),
        (t(SCOPE_FTE), w.number(data.scope_fte)),
        (t(SCOPE_HOURS), w.number(data.scope_hours_per_week)),
    ]
    if source.workers:
        scope_rows.append((t(SCOPE_PLACED), ", ".join(source.workers)))
    result.append(Article(t(T_SCOPE), [], scope_rows, [t(SCOPE_REPLACEMENT)]))

    days = data.notice_days if data.notice_days is not None else 90
    if data.start_date is None:
        duration = [t(DURATION_NO_START)]
    elif data.end_date is None:
        duration = [t(DURATION_OPEN).format(start=w.date(data.start_date))]
    else:
        duration = [t(DURATION_PERIOD).format(start=w.date(data.start_date),
                                              end=w.date(data.end_date))]
    if data.end_date is not None:
        duration.append({
            "tacit": t(RENEWAL_TACIT), "indefinite": t(RENEWAL_INDEFINITE),
        }.get(terms.renewal, t(RENEWAL_NONE)).format(days=w.number(days)))
    result.append(Article(t(T_DURATION), duration))

    weeks = data.evaluation_every_weeks
    result.append(Article(t(T_PERFORMANCE), [], [
        (t(PERF_SITES), "; ".join(data.sites) or t(NOT_SET)),
        (t(PERF_SCHEDULE), data.schedule or t(NOT_SET)),
        (t(PERF_COACH), source.job_coach or t(NOT_SET)),
        (t(PERF_SUPERVISOR), source.supervisor or t(NOT_SET)),
    ], [t(PERF_COORDINATION)]))

    rate = (t(FIN_RATE_VALUE).format(amount=w.money(data.rate),
                                     rate_type=w.code(RATE_TYPES, data.rate_type).lower())
            if data.rate is not None else t(NOT_SET))
    result.append(Article(t(T_FINANCING), [], [
        (t(FIN_RATE), rate),
        (t(FIN_GUIDANCE), w.number(data.guidance_hours_per_month)),
        (t(FIN_TRAINING), w.number(data.training_hours_per_year)),
        (t(FIN_VIA), w.number(terms.via_reduction_days_per_year)),
    ], [t(FIN_KEPT_FREE), t(FIN_INVOICING).format(
        frequency=w.code(INVOICING_FREQUENCIES, terms.invoicing_frequency).lower(),
        days=w.number(terms.payment_term_days))]))

    result.append(Article(t(T_INDEX), [t(INDEX_CLAUSE).format(
        month=w.month(data.index_base_month))]))
    result.append(Article(t(T_EVALUATION), [
        t(EVAL_INTERVAL).format(weeks=w.number(weeks)) if weeks else t(EVAL_DEFAULT),
        t(EVAL_YEARLY),
    ]))
    if terms.confidentiality:
        result.append(Article(t(T_CONFIDENTIALITY), [t(CONFIDENTIALITY)]))
    if terms.gdpr_processing:
        result.append(Article(t(T_GDPR), [t(GDPR)]))
    if terms.liability_insurance:
        result.append(Article(t(T_LIABILITY), [t(LIABILITY)]))
    result.append(Article(t(T_AMENDMENTS), [t(AMENDMENTS)]))
    notice = (t(TERMINATION_NOTICE).format(days=w.number(data.notice_days))
              if data.notice_days is not None else t(TERMINATION_NOTICE_DEFAULT))
    result.append(Article(t(T_TERMINATION), [notice, t(TERMINATION_BREACH),
                                             t(TERMINATION_WORKERS)]))
    result.append(Article(t(T_DISPUTES), [
        t(DISPUTES_MEDIATION if terms.disputes == "mediation" else DISPUTES_COURTS)
    ]))
    return result


def signing_parties(source: ContractSource) -> list[Party]:
    parties = [source.care, source.enterprise]
    if source.authority is not None:
        parties.append(source.authority)
    return parties


def drawn_up_line(source: ContractSource, w: Wording) -> str:
    return w.t(DRAWN_UP).format(
        place=BLANK, date=w.date(source.file.agreement.signed_on),
        count=w.number(len(signing_parties(source))),
    )


def change_value(name: str, value: str | None, source: ContractSource, w: Wording) -> str:
    """A stored old or new value as the amendment prints it."""
    t = w.t
    if value is None or value == "":
        return t(EMPTY_VALUE)
    if value in ("True", "False"):
        return t(YES if value == "True" else NO)
    if name in ("care_partner_id", "se_partner_id", "commissioned_by_id", "job_coach_id",
                "supervisor_id", "worker_ids"):
        return "\n".join(source.names.get(key, key) for key in value.splitlines())
    if name == "tasks":
        lines = []
        for line in value.splitlines():
            code, _sep, description = line.partition(": ")
            task = source.tasks.get(code)
            label = task.label(w.language) if task else code
            lines.append(f"{label}: {description}" if description else label)
        return "\n".join(lines)
    if name in ("start_date", "end_date"):
        return w.date(dt.date.fromisoformat(value))
    if name == "rate":
        return w.money(Decimal(value))
    if name in ("scope_fte", "scope_hours_per_week", "guidance_hours_per_month",
                "training_hours_per_year", "via_reduction_days_per_year"):
        return w.number(Decimal(value))
    for field_name, codes in (("phase", AGREEMENT_PHASES), ("legal_form", LEGAL_FORMS),
                              ("rate_type", RATE_TYPES), ("renewal", RENEWALS),
                              ("invoicing_frequency", INVOICING_FREQUENCIES),
                              ("disputes", DISPUTE_RESOLUTIONS)):
        if name == field_name:
            return w.code(codes, value)
    if name == "index_base_month":
        return w.month(value)
    return value
