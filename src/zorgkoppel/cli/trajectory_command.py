"""`zorgkoppel trajectory ID [--json] [--today D]`: fees, indexed fees, overruns, guidance time."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from zorgkoppel.cli.console import say
from zorgkoppel.cli.failures import EXIT_OK
from zorgkoppel.i18n import _


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a date (YYYY-MM-DD): {value}").format(value=text)
        ) from None


def add_trajectory_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "trajectory",
        help=_("show a transition trajectory's fees and guidance time"),
        description=_(
            "Show the phases of a transition trajectory with their fees indexed to the health "
            "index, phases that run past their longest duration, and the guidance minutes "
            "counted toward the 140 hours."
        ),
    )
    parser.add_argument("id", metavar=_("ID"), help=_("the trajectory's id"))
    parser.add_argument("--json", action="store_true", help=_("print JSON"))
    parser.add_argument("--today", type=iso_date, metavar=_("DATE"),
                        help=_("the day to judge open phases by (default: today)"))


def run_trajectory(options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.cli.commands import opened
    from zorgkoppel.core.codes import TRAJECTORY_PHASES, label
    from zorgkoppel.core.services.trajectory_fees import fees_document, trajectory_fees
    from zorgkoppel.i18n.formatting import format_date, format_money

    with opened(data_dir) as ctx:
        fees = trajectory_fees(ctx, options.id, options.today)
    if options.json:
        say(json.dumps(fees_document(fees), ensure_ascii=False, indent=2))
        return EXIT_OK
    unknown = _("unknown")
    for p in fees.phases:
        line = _("{phase}: {start} – {end}, fee {fee}, indexed {indexed}").format(
            phase=label(TRAJECTORY_PHASES, p.phase),
            start=format_date(p.start, fmt="medium") or "…",
            end=format_date(p.end, fmt="medium") or "…",
            fee=format_money(p.fee),
            indexed=format_money(p.indexed_fee) if p.indexed_fee is not None else unknown,
        )
        if p.overrun:
            line += " " + _("(runs past its longest duration)")
        say(line)
    say(_("Total: {fee}, indexed {indexed}").format(
        fee=format_money(fees.total_fee),
        indexed=format_money(fees.total_indexed) if fees.total_indexed is not None else unknown,
    ))
    say(_("Guidance: {done} of {target} minutes").format(
        done=fees.guidance_minutes, target=fees.guidance_target_minutes
    ))
    return EXIT_OK
