"""The partnership report written out: a JSON document, a CSV for Excel in Belgium, and the
rows of a table with translated headings and values (the command line, later the screen).
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from zorgkoppel.core.codes import (
    AGREEMENT_PHASES,
    AGREEMENT_STATUSES,
    CARE_TYPES,
    LEGAL_FORMS,
    ORGANISATION_KINDS,
    PROVINCES,
    TRAJECTORY_OUTCOMES,
    TRAJECTORY_PHASES,
)
from zorgkoppel.core.services.partnership_report import PartnershipReport, ReportRow
from zorgkoppel.core.services.trajectory_report import TrajectoryReport
from zorgkoppel.i18n import N_, _
from zorgkoppel.i18n.formatting import format_date, format_number

GROUPING_TITLES = {
    "province": N_("Province"), "joint_committee": N_("Joint committee"),
    "care_type": N_("Care type"), "se_kind": N_("Kind of social-economy organisation"),
    "phase": N_("Phase"), "legal_form": N_("Legal form"), "status": N_("Status"),
}
_VALUE_LABELS: dict[str, dict[str, str]] = {
    "province": PROVINCES, "care_type": CARE_TYPES, "se_kind": ORGANISATION_KINDS,
    "phase": AGREEMENT_PHASES, "legal_form": LEGAL_FORMS, "status": AGREEMENT_STATUSES,
}
COUNT_TITLES = (N_("Partnerships"), N_("Care facilities"),
                N_("Social-economy organisations"), N_("Workers"), N_("FTE"))


def report_document(report: PartnershipReport) -> dict[str, Any]:
    """The `--format json` document: codes, not labels; FTE as a decimal string."""
    def row(found: ReportRow) -> dict[str, Any]:
        return {"key": found.key, "partnerships": found.partnerships,
                "care_facilities": found.care_facilities,
                "se_organisations": found.se_organisations, "workers": found.workers,
                "fte": str(found.fte)}

    totals = row(report.totals)
    del totals["key"]
    return {
        "period": {"from": report.period.start.isoformat(),
                   "to": report.period.end.isoformat(),
                   "counted": "signed_in" if report.signed_in else "active"},
        "by": list(report.by),
        "rows": [row(found) for found in report.rows],
        "totals": totals,
        "se_organisations_by_kind": report.se_organisations_by_kind,
    }


def value_label(grouping: str, value: str | None) -> str:
    if value is None:
        return _("(not given)")
    labels = _VALUE_LABELS.get(grouping)
    return _(labels[value]) if labels and value in labels else value


def group_label(report: PartnershipReport, key: dict[str, str | None]) -> str:
    """A group's values in one line (`Limburg · Service (phase 1)`)."""
    return " · ".join(value_label(name, key[name]) for name in report.by)


def heading_cells(report: PartnershipReport) -> list[str]:
    return [_(GROUPING_TITLES[name]) for name in report.by] + [_(t) for t in COUNT_TITLES]


def label_cells(report: PartnershipReport, found: ReportRow) -> list[str]:
    """A row's grouping columns; the totals row says Total in the first of them."""
    if found is report.totals:
        return [_("Total")] + [""] * (len(report.by) - 1)
    return [value_label(name, found.key[name]) for name in report.by]


def table_rows(report: PartnershipReport) -> list[list[str]]:
    """Heading, one line per group and the totals, all as the user reads them."""
    return [heading_cells(report), *(label_cells(report, found) + _counts(found)
                                     for found in [*report.rows, report.totals])]


def _counts(found: ReportRow) -> list[str]:
    return [format_number(found.partnerships), format_number(found.care_facilities),
            format_number(found.se_organisations), format_number(found.workers),
            format_number(found.fte)]


def period_text(report: PartnershipReport) -> str:
    text = (_("Partnerships signed from {start} to {end}") if report.signed_in
            else _("Partnerships active from {start} to {end}"))
    return text.format(start=format_date(report.period.start),
                       end=format_date(report.period.end))


def report_csv(report: PartnershipReport) -> bytes:
    """UTF-8 with a byte-order mark and `;` between fields: Excel in Belgium opens it as is.
    Counts are plain numbers (FTE with a decimal comma, as that Excel expects)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(heading_cells(report))
    for found in [*report.rows, report.totals]:
        writer.writerow([*label_cells(report, found), found.partnerships, found.care_facilities,
                         found.se_organisations, found.workers,
                         str(found.fte).replace(".", ",")])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def trajectory_document(report: TrajectoryReport) -> dict[str, Any]:
    return {
        "period": {"from": report.period.start.isoformat(),
                   "to": report.period.end.isoformat()},
        "started": report.started,
        "phase_reached": report.phase_reached,
        "outcomes": report.outcomes,
        "guidance_hours": str(report.guidance_hours),
    }


def trajectory_title(report: TrajectoryReport) -> str:
    return _("Transition trajectories started from {start} to {end}").format(
        start=format_date(report.period.start), end=format_date(report.period.end))


def trajectory_items(report: TrajectoryReport) -> list[tuple[str, int | Decimal]]:
    """(what, how many) as the user reads them: started, phase reached, outcomes, hours."""
    items: list[tuple[str, int | Decimal]] = [(_("Started"), report.started)]
    for phase, count in report.phase_reached.items():
        items.append((_("Reached: {phase}").format(phase=_(TRAJECTORY_PHASES[phase])), count))
    for outcome, count in report.outcomes.items():
        name = (_(TRAJECTORY_OUTCOMES[outcome]) if outcome in TRAJECTORY_OUTCOMES
                else _("No outcome yet"))
        items.append((_("Outcome: {outcome}").format(outcome=name), count))
    items.append((_("Guidance hours"), report.guidance_hours))
    return items


def trajectory_lines(report: TrajectoryReport) -> list[list[str]]:
    """A title line, then the items with their numbers formatted for the user's locale."""
    return [[trajectory_title(report), ""], *(
        [label, format_number(value)] for label, value in trajectory_items(report))]


def trajectory_csv(report: TrajectoryReport) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([trajectory_title(report), ""])
    for label, value in trajectory_items(report):
        writer.writerow([label, str(value).replace(".", ",")])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
