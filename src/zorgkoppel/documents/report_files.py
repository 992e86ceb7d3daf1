"""Writing the partnership report to a file in one of its formats (the Reports screen's
and the command line's export)."""

from __future__ import annotations

from pathlib import Path

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.partnership_report import PartnershipReport, partnership_report

KINDS = ("csv", "xlsx", "pdf")


def write_report(path: Path, kind: str, report: PartnershipReport,
                 ctx: ServiceContext | None = None) -> None:
    """Write `report` as `kind`. The XLSX gets a sheet per grouping too, counted again over
    `ctx` (without it, only the report's own sheet)."""
    if kind == "csv":
        from zorgkoppel.documents.report_tables import report_csv

        data = report_csv(report)
    elif kind == "pdf":
        from zorgkoppel.documents.report_pdf import report_pdf

        data = report_pdf(report)
    elif kind == "xlsx":
        from zorgkoppel.documents.report_workbook import write_report_workbook

        reports = [report]
        if ctx is not None and len(report.by) > 1:
            reports = [partnership_report(ctx, [name], report.period.start,
                                          report.period.end, report.signed_in)
                       for name in report.by] + reports
        write_report_workbook(path, reports)
        return
    else:
        raise ValueError(kind)
    path.write_bytes(data)
