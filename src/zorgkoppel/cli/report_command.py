"""The monitoring report's counts on the command line:

    zorgkoppel report partnerships --by GROUPING […] [--from D] [--to D] [--signed-in]
        [--from-files FILE …] [--format table|csv|json|xlsx|pdf] [-o FILE]
    zorgkoppel report trajectories [--from D] [--to D] [--format table|csv|json] [-o FILE]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from zorgkoppel.cli.console import say
from zorgkoppel.cli.failures import EXIT_OK
from zorgkoppel.cli.trajectory_command import iso_date
from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.core.services.partnership_report import GROUPINGS
from zorgkoppel.i18n import N_, _

FORMATS = ("table", "csv", "json", "xlsx", "pdf")


def add_report_parser(commands: Any) -> None:
    report = commands.add_parser(
        "report",
        help=_("count partnerships for the monitoring report"),
        description=_("Count the partnerships of a period per province, joint committee, "
                      "care type, kind of social-economy organisation, phase, legal form or "
                      "status."),
    )
    kinds = report.add_subparsers(dest="report_kind", metavar=_("REPORT"), required=True,
                                  parser_class=type(report))
    partnerships = kinds.add_parser(
        "partnerships", help=_("agreements active in (or signed in) the period"))
    partnerships.add_argument(
        "--by", action="append", choices=GROUPINGS, required=True, metavar=_("GROUPING"),
        help=_("group by this (repeat for several): {names}").format(
            names=", ".join(GROUPINGS)))
    _add_period(partnerships)
    partnerships.add_argument("--signed-in", action="store_true",
                              help=_("count the agreements signed in the period instead of "
                                     "those active in it"))
    partnerships.add_argument(
        "--from-files", nargs="+", type=Path, metavar=_("FILE"),
        help=_("count over these exchange files instead of the data folder, without "
               "importing them (organisations with the same enterprise number count once)"))
    partnerships.add_argument("--format", choices=FORMATS, default="table",
                              help=_("table (default), csv, json, xlsx or pdf (xlsx and "
                                     "pdf need -o)"))
    partnerships.add_argument("-o", "--output", type=Path, metavar=_("FILE"),
                              help=_("write to this file instead of the screen"))
    _add_trajectories(kinds)


def _add_period(parser: Any) -> None:
    parser.add_argument("--from", dest="start", type=iso_date, metavar=_("DATE"),
                        help=_("first day of the period (default: 1 January)"))
    parser.add_argument("--to", dest="end", type=iso_date, metavar=_("DATE"),
                        help=_("last day of the period (default: 31 December)"))


def _add_trajectories(kinds: Any) -> None:
    trajectories = kinds.add_parser(
        "trajectories", help=_("transition trajectories started in the period"))
    _add_period(trajectories)
    trajectories.add_argument("--format", choices=("table", "csv", "json"), default="table",
                              help=_("table (default), csv or json"))
    trajectories.add_argument("-o", "--output", type=Path, metavar=_("FILE"),
                              help=_("write to this file instead of the screen"))


def run_report(options: argparse.Namespace, data_dir: Path) -> int:
    if options.report_kind == "trajectories":
        return _run_trajectories(options, data_dir)
    from zorgkoppel.cli.commands import opened
    from zorgkoppel.core.services.partnership_report import partnership_report
    from zorgkoppel.documents.report_tables import (
        period_text,
        report_csv,
        report_document,
        table_rows,
    )

    if options.format in ("xlsx", "pdf") and options.output is None:
        raise ZorgkoppelError(N_(
            "An XLSX or PDF report needs a file: give it with -o FILE."))
    # The workbook has a sheet per grouping and one for all of them together.
    groupings = [list(options.by)]
    if options.format == "xlsx" and len(set(options.by)) > 1:
        groupings = [[name] for name in dict.fromkeys(options.by)] + groupings
    if options.from_files:
        from zorgkoppel.core.services.report_sources import report_over_files

        reports = [report_over_files(options.from_files, by, options.start, options.end,
                                     options.signed_in) for by in groupings]
    else:
        with opened(data_dir) as ctx:
            reports = [partnership_report(ctx, by, options.start, options.end,
                                          options.signed_in) for by in groupings]
    report = reports[-1]
    if options.format == "xlsx":
        from zorgkoppel.documents.report_workbook import write_report_workbook

        write_report_workbook(options.output, reports)
        say(_("The report was written to {path}.").format(path=options.output))
        return EXIT_OK
    if options.format == "pdf":
        from zorgkoppel.documents.report_pdf import report_pdf

        data = report_pdf(report)
    elif options.format == "json":
        data = (json.dumps(report_document(report), ensure_ascii=False, indent=2)
                + "\n").encode("utf-8")
    elif options.format == "csv":
        data = report_csv(report)
    else:
        data = (period_text(report) + "\n\n" + _aligned(table_rows(report))).encode("utf-8")
    _emit(options.output, data)
    return EXIT_OK


def _aligned(lines: list[list[str]], counts: int = 5) -> str:
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    counted = len(lines[0]) - counts  # the counts are right-aligned
    return "\n".join(
        "  ".join(cell.rjust(width) if i >= counted else cell.ljust(width)
                  for i, (cell, width) in enumerate(zip(line, widths, strict=True))).rstrip()
        for line in lines) + "\n"


def _run_trajectories(options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.cli.commands import opened
    from zorgkoppel.core.services.trajectory_report import trajectory_report
    from zorgkoppel.documents.report_tables import (
        trajectory_csv,
        trajectory_document,
        trajectory_lines,
    )

    with opened(data_dir) as ctx:
        report = trajectory_report(ctx, options.start, options.end)
    if options.format == "json":
        data = (json.dumps(trajectory_document(report), ensure_ascii=False, indent=2)
                + "\n").encode("utf-8")
    elif options.format == "csv":
        data = trajectory_csv(report)
    else:
        lines = trajectory_lines(report)
        data = (lines[0][0] + "\n\n" + _aligned(lines[1:], counts=1)).encode("utf-8")
    _emit(options.output, data)
    return EXIT_OK


def _emit(output: Path | None, data: bytes) -> None:
    if output is None:
        say(data.decode("utf-8-sig").rstrip("\n"))
    else:
        output.write_bytes(data)
        say(_("The report was written to {path}.").format(path=output))
