"""`zorgkoppel dashboard [--today D] [--json]`: the Overview's warnings on the command line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from zorgkoppel.cli.console import say
from zorgkoppel.cli.failures import EXIT_OK
from zorgkoppel.cli.trajectory_command import iso_date
from zorgkoppel.i18n import _


def add_dashboard_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "dashboard",
        help=_("list what is due or overdue"),
        description=_(
            "List the warnings of the Overview: agreements expiring, evaluations overdue, "
            "integration deadlines, overdue actions and trajectory phases running too long."
        ),
    )
    parser.add_argument("--today", type=iso_date, metavar=_("DATE"),
                        help=_("the day to look from, YYYY-MM-DD (default: today)"))
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def run_dashboard(options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.cli.commands import opened
    from zorgkoppel.core.services.dashboard import WARNING_KINDS, dashboard, dashboard_document

    with opened(data_dir) as ctx:
        board = dashboard(ctx, options.today)
    if options.json:
        say(json.dumps(dashboard_document(board), ensure_ascii=False, indent=2))
        return EXIT_OK
    if not board.warnings:
        say(_("Nothing is due."))
    for warning in board.warnings:
        kind = _(WARNING_KINDS[warning.kind])
        say(f"{kind}: {warning.text()}")
    return EXIT_OK
