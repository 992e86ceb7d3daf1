"""`zorgkoppel backup`, `restore` and `check`: keeping the data safe from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from zorgkoppel.cli.console import complain, say
from zorgkoppel.cli.database_choice import chosen_database_url
from zorgkoppel.cli.failures import EXIT_FAILED, EXIT_OK, CommandError
from zorgkoppel.core.services.access import MSG_ADMIN_ONLY
from zorgkoppel.i18n import N_, _
from zorgkoppel.i18n.formatting import format_datetime
from zorgkoppel.paths import DATABASE_FILE


def _require_database(data_dir: Path) -> Path:
    live = data_dir / DATABASE_FILE
    if not live.is_file():
        raise CommandError(N_("There is no database in {folder}."), folder=str(data_dir))
    return live


def _require_administrator(data_dir: Path) -> tuple[str, bytes | None]:
    """A backup holds everyone's data and a restore replaces it: an administrator's work
    (or the local owner's, while there are no accounts).

    Returns the user's name (for the audit trail) and the data key the login unlocked
    (None for a plain folder), so the command does not ask for the password or
    passphrase a second time."""
    from zorgkoppel.cli.commands import opened

    with opened(data_dir) as ctx:
        if not ctx.actor.unrestricted:
            raise CommandError(MSG_ADMIN_ONLY)
        return ctx.actor.name, ctx.db.data_key


def run_backup(options: argparse.Namespace, data_dir: Path) -> int:
    """A checked backup: to FILE with -o, else to the backups folder (and the second one)."""
    from zorgkoppel.cli.unlocking import key_for_file
    from zorgkoppel.storage.backup import back_up_data_folder, make_backup

    if chosen_database_url() is not None:
        return _back_up_server(options, data_dir)
    live = _require_database(data_dir)
    key = key_for_file(live, _require_administrator(data_dir)[1])
    target: Path | None = options.output
    if target is not None:
        if target.is_dir():
            raise CommandError(N_("{path} is a folder, not a file."), path=str(target))
        result = make_backup(data_dir, target=target.expanduser().resolve(), key=key)
    else:
        result = back_up_data_folder(data_dir, key=key)
    say(_("Backup written and checked: {path}").format(path=result.path))
    for copy in result.copies:
        say(_("Copy in the second backup folder: {path}").format(path=copy))
    for folder, reason in result.failed_copies:
        complain(_("The copy to the second backup folder {folder} failed: {reason}").format(
            folder=folder, reason=reason))
    return EXIT_OK


def _back_up_server(options: argparse.Namespace, data_dir: Path) -> int:
    """On a server: every record as an exchange file (to -o FILE, else the backups folder)."""
    from zorgkoppel.cli.commands import opened
    from zorgkoppel.storage.backup import backup_folder
    from zorgkoppel.storage.server_backup import back_up_server, write_server_backup

    target: Path | None = options.output
    if target is not None and target.is_dir():
        raise CommandError(N_("{path} is a folder, not a file."), path=str(target))
    with opened(data_dir) as ctx:
        if not ctx.actor.unrestricted:
            raise CommandError(MSG_ADMIN_ONLY)
        if target is not None:
            path = write_server_backup(ctx.db, target.expanduser().resolve())
        else:
            path = back_up_server(ctx.db, backup_folder(data_dir))
    say(_("The server's data was written as an exchange file: {path}").format(path=path))
    return EXIT_OK


def run_restore(options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.cli.unlocking import key_for_file
    from zorgkoppel.core.context import LOCAL_OWNER
    from zorgkoppel.core.services import audit
    from zorgkoppel.storage.database import Database
    from zorgkoppel.storage.instance_lock import holding_lock
    from zorgkoppel.storage.restore import restore_backup

    backup: Path = options.file.expanduser().resolve()
    # Over a damaged database nobody can be asked who they are; the entry says so.
    who = LOCAL_OWNER.name
    live = data_dir / DATABASE_FILE
    known: bytes | None = None
    if live.is_file():
        try:
            who, known = _require_administrator(data_dir)
        except CommandError as error:
            from zorgkoppel.cli.commands import MSG_CANNOT_OPEN

            # A damaged database cannot check who asks; restoring it is the way out.
            if error.message != MSG_CANNOT_OPEN:
                raise
    with holding_lock(data_dir):
        key = key_for_file(live, known) if live.is_file() else None
        backup_key = key_for_file(backup, key) if backup.is_file() else None
        result = restore_backup(data_dir, backup, key=key, backup_key=backup_key)
        restored = Database.in_folder(data_dir, key=backup_key or key)
        try:
            audit.record_as(restored, who, audit.RESTORE)
        finally:
            restored.dispose()
    say(_("{backup} was restored.").format(backup=backup))
    if result.safety_copy is not None:
        say(_("The data as it was before is kept in {path}.").format(path=result.safety_copy))
    return EXIT_OK


def run_check(_options: argparse.Namespace, data_dir: Path) -> int:
    """The full integrity check; exit code 1 when the database is damaged."""
    from zorgkoppel.cli.unlocking import key_for_file
    from zorgkoppel.settings import load_settings
    from zorgkoppel.storage.backup import backup_folders, last_backup, newest_good_backup
    from zorgkoppel.storage.integrity import integrity_check

    live = _require_database(data_dir)
    key = key_for_file(live)
    result = integrity_check(live, key)
    folders = backup_folders(data_dir, load_settings(data_dir))
    if result.ok:
        say(_("The database {path} is whole.").format(path=live))
        newest = last_backup(folders)
        if newest is None:
            say(_("There is no backup yet; make one with 'zorgkoppel backup'."))
        else:
            say(_("Newest backup: {path} ({when})").format(
                path=newest.path, when=format_datetime(newest.taken_at)))
        return EXIT_OK
    complain(_("The database {path} is damaged:").format(path=live))
    for finding in result.findings:
        complain(f"- {finding}")
    good = newest_good_backup(folders, key)
    if good is None:
        complain(_("There is no good backup. Keep a copy of the data folder and ask for help."))
    else:
        complain(_("The newest good backup is {path}; restore it with "
                   "'zorgkoppel restore {path}'.").format(path=good))
    return EXIT_FAILED


def add_backup_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = commands.add_parser(
        "backup",
        help=_("make a checked backup of the database"),
        description=_(
            "Copy the database while it may be in use, check the copy's integrity, and keep "
            "it in the backups folder of the data folder (and the second backup folder set "
            "in the window's Settings). Old backups are thinned: one per day for 12 days, "
            "one per week for 10 weeks, one per month for 9 months."
        ),
    )
    backup.add_argument("-o", "--output", type=Path, metavar=_("FILE"),
                        help=_("write the backup to this file instead"))
    restore = commands.add_parser(
        "restore",
        help=_("put a backup back in place of the current data"),
        description=_(
            "Check the backup, keep a copy of the current database in the backups folder, "
            "then replace the database by the backup in one step. Close the window first."
        ),
    )
    restore.add_argument("file", type=Path, metavar=_("FILE"), help=_("the backup file"))
    commands.add_parser(
        "check",
        help=_("check the database for damage (exit code 1 when damaged)"),
        description=_(
            "Run SQLite's full integrity check on the database. When it is damaged, the "
            "newest good backup is named and the exit code is 1."
        ),
    )
