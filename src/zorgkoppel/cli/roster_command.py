"""`zorgkoppel roster suggest|print`: the day's suggested plan, and the plan on paper.

    roster suggest --site ID --date YYYY-MM-DD [--json] [--apply] [--fresh]
    roster print --site ID --date YYYY-MM-DD -o FILE [--week] [--language nl|fr|en]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from zorgkoppel.cli.console import say
from zorgkoppel.cli.failures import EXIT_OK, CommandError
from zorgkoppel.cli.trajectory_command import iso_date
from zorgkoppel.i18n import LANGUAGES, N_, _, current_language


def add_roster_parser(commands: Any) -> None:
    roster = commands.add_parser(
        "roster",
        help=_("suggest or print a site's roster of a day"),
        description=_("Suggest a plan for a roster day, or print the day plan as a PDF."),
    )
    actions = roster.add_subparsers(dest="roster_action", metavar=_("ACTION"),
                                    title=_("actions"), required=True,
                                    parser_class=type(roster))
    suggest = actions.add_parser(
        "suggest",
        help=_("fill the open places of a day as well as possible"),
        description=_(
            "Fill the open places of a planned day: first as many needed places as possible, "
            "then preferences, fair spreading of disliked tasks, routes with yesterday's "
            "driver and learners next to a colleague. Pinned assignments are kept; other "
            "current ones change as little as possible."
        ),
    )
    suggest.add_argument("--json", action="store_true", help=_("print JSON"))
    suggest.add_argument("--apply", action="store_true",
                         help=_("store the suggestion as the day's plan"))
    suggest.add_argument("--fresh", action="store_true",
                         help=_("plan from scratch; keep only the pinned assignments"))
    print_ = actions.add_parser(
        "print",
        help=_("write the day plan (or the week overview) as a PDF"),
        description=_("Write the day plan for the notice board as an A4 landscape PDF."),
    )
    print_.add_argument("-o", "--output", type=Path, required=True, metavar=_("FILE"),
                        help=_("the PDF file to write"))
    print_.add_argument("--week", action="store_true",
                        help=_("the overview of the whole week holding the date"))
    print_.add_argument("--language", choices=LANGUAGES,
                        help=_("language of the printout (default: the program's)"))
    for parser in (suggest, print_):
        parser.add_argument("--site", required=True, metavar=_("ID"),
                            help=_("the care facility's id"))
        parser.add_argument("--date", required=True, type=iso_date, metavar=_("DATE"),
                            help=_("the day, YYYY-MM-DD"))


def run_roster(options: argparse.Namespace, data_dir: Path) -> int:
    if options.roster_action == "print":
        return _print(options, data_dir)
    return _suggest(options, data_dir)


def _suggest(options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.cli.commands import opened
    from zorgkoppel.core.services.roster_planning import apply_suggestion, suggest_roster

    with opened(data_dir) as ctx:
        suggestion = suggest_roster(ctx, options.site, options.date,
                                    keep_current=not options.fresh)
        if options.apply:
            apply_suggestion(ctx, suggestion)
    if options.json:
        say(json.dumps(suggestion.as_json(), ensure_ascii=False, indent=2))
        return EXIT_OK
    plan = suggestion.plan
    say(_("Suggestion for {site} on {date}: {filled} of {needed} places filled.").format(
        site=options.site, date=options.date.isoformat(), filled=plan.filled,
        needed=plan.needed))
    for a in plan.assignments:
        name = suggestion.names.get(a.worker_id, a.worker_id)
        say(f"  {a.post_key}: {name} — {a.reason.text()}")
    for u in plan.unfilled:
        say("  " + _("{post}: {count} missing — {reason}").format(
            post=u.post_key, count=u.missing, reason=u.reason.text()))
    if options.apply:
        say(_("The suggestion was stored as the day's plan."))
    return EXIT_OK


def _print(options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.cli.commands import opened
    from zorgkoppel.core.services.roster_sheets import day_sheet, week_sheet
    from zorgkoppel.documents.roster_plan import day_plan_pdf, week_overview_pdf

    language = options.language or current_language()
    with opened(data_dir) as ctx:
        if options.week:
            pdf = week_overview_pdf(week_sheet(ctx, options.site, options.date, language))
        else:
            pdf = day_plan_pdf(day_sheet(ctx, options.site, options.date, language))
    try:
        options.output.write_bytes(pdf)
    except OSError as error:
        raise CommandError(N_("Cannot write {path}: {reason}"), path=str(options.output),
                           reason=error.strerror or str(error)) from error
    say(_("The roster was written to {path}.").format(path=options.output))
    return EXIT_OK
