"""`zorgkoppel audit verify|show`: check the hash chain and list who accessed what."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from zorgkoppel.cli.console import complain, say
from zorgkoppel.cli.failures import EXIT_FAILED, EXIT_OK
from zorgkoppel.cli.trajectory_command import iso_date
from zorgkoppel.i18n import _


def add_audit_parsers(commands: Any) -> None:
    audit = commands.add_parser(
        "audit",
        help=_("check and show the audit trail (administrators)"),
        description=_(
            "Every access to personal data leaves an entry in a hash chain. 'verify' exits "
            "0 on an intact trail and 1 naming the first changed, removed or inserted entry."
        ),
    )
    actions = audit.add_subparsers(dest="audit_action", metavar=_("ACTION"), required=True,
                                   parser_class=type(audit))
    actions.add_parser("verify", help=_("check the hash chain and its head"))
    show = actions.add_parser("show", help=_("list entries, newest first"))
    show.add_argument("--worker", metavar=_("ID"), help=_("only entries about this worker"))
    show.add_argument("--user", dest="audit_user", metavar=_("NAME"),
                      help=_("only entries by this user"))
    show.add_argument("--since", type=iso_date, metavar=_("DATE"),
                      help=_("only entries from this day on (YYYY-MM-DD)"))
    show.add_argument("--json", action="store_true", help=_("print JSON"))


def run_audit(options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.cli.commands import opened
    from zorgkoppel.core.services.audit_check import heads_of_folder, verify_chain
    from zorgkoppel.core.services.audit_listing import list_entries
    from zorgkoppel.i18n.formatting import format_datetime
    from zorgkoppel.settings import load_settings
    from zorgkoppel.storage.backup import backup_folders, list_backups

    with opened(data_dir) as ctx:
        if options.audit_action == "verify":
            backups = list_backups(backup_folders(data_dir, load_settings(data_dir)))
            verdict = verify_chain(ctx, heads_of_folder(data_dir, [b.path for b in backups]))
            if verdict.intact:
                say(verdict.text())
                return EXIT_OK
            complain(verdict.text())
            return EXIT_FAILED
        rows = list_entries(ctx, worker_id=options.worker, user_name=options.audit_user,
                            since=options.since)
    if options.json:
        say(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in rows:
        say("\t".join((str(row.seq), format_datetime(row.at), row.user_name,
                       _(row.action_label), row.worker_id or "-",
                       " ".join(row.record_ids) or "-")))
    return EXIT_OK
