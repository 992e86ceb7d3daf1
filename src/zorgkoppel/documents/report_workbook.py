"""The partnership report as an XLSX workbook: one sheet per grouping (and one for the
groupings combined), the partnerships behind the counts on a last sheet. Counts and FTE are
real numbers, dates real dates; the header row is frozen and the columns fit their texts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from zorgkoppel.core.services.partnership_report import PartnershipReport, ReportRow
from zorgkoppel.documents.report_tables import (
    GROUPING_TITLES,
    heading_cells,
    label_cells,
    period_text,
    value_label,
)
from zorgkoppel.i18n import N_, _

# Excel limits a sheet name to 31 characters and forbids a few signs: short titles.
_SHEET_NAME_LENGTH = 31
SHEET_TITLES = {
    "province": N_("Province"), "joint_committee": N_("Joint committee"),
    "care_type": N_("Care type"), "se_kind": N_("SE kind"), "phase": N_("Phase"),
    "legal_form": N_("Legal form"), "status": N_("Status"),
}


def write_report_workbook(path: Path, reports: list[PartnershipReport],
                          printed: dt.date | None = None) -> None:
    """`reports`: the same period counted by each grouping (and by all of them at once)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"default_date_format": "yyyy-mm-dd"})
    try:
        bold = book.add_format({"bold": True})
        heading = book.add_format({"bold": True, "bottom": 1, "text_wrap": True,
                                   "valign": "top"})
        fte = book.add_format({"num_format": "0.0#"})
        total_fte = book.add_format({"num_format": "0.0#", "bold": True})
        date = book.add_format({"num_format": "yyyy-mm-dd"})
        used: set[str] = set()
        for report in reports:
            sheet = book.add_worksheet(_sheet_name(report, used))
            titles = heading_cells(report)
            widths = [len(title) for title in titles]
            sheet.write_row(0, 0, titles, heading)
            line = 1
            for found in report.rows:
                _write_counts(sheet, line, label_cells(report, found), found, None, fte,
                              widths)
                line += 1
            _write_counts(sheet, line, label_cells(report, report.totals), report.totals,
                          bold, total_fte, widths)
            sheet.write(line + 2, 0, period_text(report))
            sheet.write(line + 3, 0, _("Printed on"))
            sheet.write_datetime(line + 3, 1, dt.datetime.combine(
                printed or dt.date.today(), dt.time()), date)
            sheet.freeze_panes(1, 0)
            for column, width in enumerate(widths):
                sheet.set_column(column, column, min(max(width, 8) + 2, 60))
        _list_sheet(book, reports[0], heading)
    finally:
        book.close()


def _write_counts(sheet: Any, line: int, labels: list[str], found: ReportRow,
                  style: Any, fte: Any, widths: list[int]) -> None:
    for column, label in enumerate(labels):
        sheet.write_string(line, column, label, style)
        widths[column] = max(widths[column], len(label))
    start = len(labels)
    for offset, value in enumerate((found.partnerships, found.care_facilities,
                                    found.se_organisations, found.workers)):
        sheet.write_number(line, start + offset, value, style)
    sheet.write_number(line, start + 4, float(found.fte), fte)


def _list_sheet(book: Any, report: PartnershipReport, heading: Any) -> None:
    sheet = book.add_worksheet(_("Partnerships")[:_SHEET_NAME_LENGTH])
    titles = [_("Reference"), _("Care facility"), _("Social-economy partner"),
              _(GROUPING_TITLES["province"]), _(GROUPING_TITLES["phase"]),
              _(GROUPING_TITLES["status"]), _("Workers"), _("FTE")]
    widths = [len(title) for title in titles]
    sheet.write_row(0, 0, titles, heading)
    for line, found in enumerate(report.partnerships, start=1):
        texts = [found.reference, found.care_name, found.se_name,
                 value_label("province", found.province), value_label("phase", found.phase),
                 value_label("status", found.status)]
        for column, text in enumerate(texts):
            sheet.write_string(line, column, text)
            widths[column] = max(widths[column], len(text))
        sheet.write_number(line, 6, len(found.workers))
        sheet.write_number(line, 7, float(found.fte))
    sheet.freeze_panes(1, 0)
    for column, width in enumerate(widths):
        sheet.set_column(column, column, min(max(width, 8) + 2, 60))


def _sheet_name(report: PartnershipReport, used: set[str]) -> str:
    name = " × ".join(_(SHEET_TITLES[key]) for key in report.by)
    for sign in "[]:*?/\\":
        name = name.replace(sign, " ")
    name = name[:_SHEET_NAME_LENGTH]
    unique, number = name, 2
    while unique.casefold() in used:
        suffix = f" ({number})"
        unique = name[:_SHEET_NAME_LENGTH - len(suffix)] + suffix
        number += 1
    used.add(unique.casefold())
    return unique
