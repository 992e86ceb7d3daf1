"""`zorgkoppel gdpr export|erase|retention`: a person's GDPR rights."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from zorgkoppel.cli.console import say
from zorgkoppel.cli.failures import EXIT_FAILED, EXIT_OK, CommandError
from zorgkoppel.i18n import N_, _


def add_gdpr_parsers(commands: Any) -> None:
    gdpr = commands.add_parser(
        "gdpr",
        help=_("a person's data: export it or erase it"),
        description=_("Export everything stored about a worker, erase a worker, or remove "
                      "old notes after the retention period."),
    )
    actions = gdpr.add_subparsers(dest="gdpr_action", metavar=_("ACTION"), required=True,
                                  parser_class=type(gdpr))
    export = actions.add_parser("export", help=_("write everything stored about a worker"))
    export.add_argument("worker", metavar=_("WORKER_ID"), help=_("the worker's id"))
    export.add_argument("-o", "--output", type=Path, required=True, metavar=_("FOLDER"),
                        help=_("the folder to write the files to"))
    erase = actions.add_parser("erase", help=_("erase a worker and everything about them"))
    erase.add_argument("worker", metavar=_("WORKER_ID"), help=_("the worker's id"))
    erase.add_argument("--yes", action="store_true",
                       help=_("really erase (without it, only show what would go)"))
    erase.add_argument("--purge-backups", action="store_true",
                       help=_("also remove the worker from the backups that still hold them"))
    retention = actions.add_parser(
        "retention", help=_("show (or remove) the notes past the retention period"))
    retention.add_argument("--years", type=int, metavar=_("N"),
                           help=_("years after the last placement ended (default: the setting)"))
    retention.add_argument("--apply", action="store_true",
                           help=_("remove the notes shown"))


def run_gdpr(options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.cli.commands import opened

    with opened(data_dir) as ctx:
        if options.gdpr_action == "export":
            return _export(ctx, options)
        if options.gdpr_action == "erase":
            return _erase(ctx, options, data_dir)
        return _retention(ctx, options, data_dir)


def _export(ctx: Any, options: argparse.Namespace) -> int:
    from zorgkoppel.core.services.gdpr import export_person

    files = export_person(ctx, options.worker, options.output.expanduser().resolve())
    for path in (files.exchange, files.access_history, files.pdf):
        if path is not None:
            say(_("Written: {path}").format(path=path))
    return EXIT_OK


def _backup_folders(data_dir: Path) -> list[Path]:
    from zorgkoppel.settings import load_settings
    from zorgkoppel.storage.backup import backup_folders

    return backup_folders(data_dir, load_settings(data_dir))


def _erase(ctx: Any, options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.core.services.gdpr import erase_person, erasure_preview
    from zorgkoppel.core.services.gdpr_backups import (
        backups_holding,
        purge_person_from_backups,
    )

    preview = erasure_preview(ctx, options.worker)
    holding = backups_holding(_backup_folders(data_dir), options.worker, ctx.db.data_key)
    if not options.yes:
        say(_("Erasing {worker} would remove:").format(worker=options.worker))
        for table, count in sorted(preview.counts.items()):
            say(f"  {table}\t{count}")
        if holding:
            say(_("{count} backups still hold this person; add --purge-backups to remove "
                  "them from those too.").format(count=len(holding)))
        say(_("Nothing was changed; add --yes to erase."))
        return EXIT_FAILED
    now = dt.datetime.now(dt.UTC)
    result = erase_person(ctx, options.worker, now)
    say(_("{worker} was erased ({count} rows).").format(
        worker=options.worker, count=result.removed.total))
    if options.purge_backups:
        for outcome in purge_person_from_backups(_backup_folders(data_dir), options.worker, now,
                                                 ctx.db.data_key):
            message = (_("Purged from the backup {path}") if outcome.purged
                       else _("The backup {path} could not be rewritten and was removed"))
            say(message.format(path=outcome.path))
    elif holding:
        say(_("{count} backups made before the erasure still hold this person.").format(
            count=len(holding)))
    return EXIT_OK


def _retention(ctx: Any, options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.core.codes import NOTE_KINDS, label
    from zorgkoppel.core.services.retention import apply_retention, retention_preview
    from zorgkoppel.settings import load_settings

    years = options.years if options.years is not None else load_settings(
        data_dir).retention_years
    if years is None:
        raise CommandError(N_("Retention is off; give --years N or set it in the settings."))
    today = dt.date.today()
    due = retention_preview(ctx, years, today)
    for note in due:
        say(f"{note.worker_id}\t{note.worker_name}\t{note.day.isoformat()}\t"
            f"{label(NOTE_KINDS, note.kind)}")
    if not options.apply:
        say(_("{count} notes would be removed; add --apply to remove them.").format(
            count=len(due)))
        return EXIT_OK
    result = apply_retention(ctx, years, today, due)
    say(_("{count} notes were removed.").format(count=len(result.removed)))
    return EXIT_OK
