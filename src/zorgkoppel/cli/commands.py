"""What each subcommand does: open the data folder, call the services, report the outcome."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from zorgkoppel.cli.audit_commands import run_audit
from zorgkoppel.cli.backup_commands import run_backup, run_check, run_restore
from zorgkoppel.cli.console import say
from zorgkoppel.cli.contract_command import run_contract
from zorgkoppel.cli.dashboard_command import run_dashboard
from zorgkoppel.cli.database_choice import chosen_database_url
from zorgkoppel.cli.database_commands import run_db
from zorgkoppel.cli.desktop_command import run_install_desktop_entry
from zorgkoppel.cli.encryption_commands import run_decrypt, run_encrypt
from zorgkoppel.cli.failures import EXIT_OK, CommandError
from zorgkoppel.cli.gdpr_commands import run_gdpr
from zorgkoppel.cli.report_command import run_report
from zorgkoppel.cli.roster_command import run_roster
from zorgkoppel.cli.trajectory_command import run_trajectory
from zorgkoppel.cli.user_commands import run_user
from zorgkoppel.core.context import Actor, ServiceContext
from zorgkoppel.core.errors import ValidationError
from zorgkoppel.i18n import N_, _

if TYPE_CHECKING:
    from zorgkoppel.exchange.report import ImportReport

Handler = Callable[[argparse.Namespace, Path], int]
MSG_CANNOT_OPEN = N_("Cannot open the database in {folder}: {reason}")


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(getattr(error, "orig", None) or error)


@contextmanager
def opened(data_dir: Path, changing_password: bool = False,
           first_account: bool = False) -> Iterator[ServiceContext]:
    """The database of the data folder, created or upgraded if needed, closed afterwards.

    With --database-url the server's database instead: no folder lock (the server takes
    care of several writers), and a login always (`first_account` lets `user add` make
    the first account of a database that has none).

    One writer per data folder: while a window has the data open, the command reads in a
    read-only session, and a write is refused saying where the data is open. Once accounts
    exist the command runs as the user of --user; a user who must choose a new password may
    only do that (`changing_password`).
    """
    from sqlalchemy.exc import SQLAlchemyError

    from zorgkoppel.cli.unlocking import key_for_folder
    from zorgkoppel.core.context import LOCAL_OWNER
    from zorgkoppel.core.errors import PermissionDenied
    from zorgkoppel.storage.database import refused_as_read_only
    from zorgkoppel.storage.instance_lock import DataInUseError, InstanceLock
    from zorgkoppel.storage.integrity import DatabaseDamagedError
    from zorgkoppel.storage.opening import open_database

    url = chosen_database_url()
    if url is not None:
        with _opened_server(url, data_dir, changing_password, first_account) as ctx:
            yield ctx
        return
    lock = InstanceLock(data_dir)
    busy: DataInUseError | None = None
    try:
        try:
            lock.acquire()
        except DataInUseError as error:
            busy = error
        db = open_database(data_dir, read_only=busy is not None, key=key_for_folder(data_dir))
    except OSError as error:
        lock.release()
        raise CommandError(
            N_("Cannot use the data folder {folder}: {reason}"),
            folder=str(data_dir), reason=_reason(error),
        ) from error
    except (SQLAlchemyError, DatabaseDamagedError) as error:
        lock.release()
        raise CommandError(
            MSG_CANNOT_OPEN,
            folder=str(data_dir), reason=_reason(error),
        ) from error
    except BaseException:
        lock.release()
        raise
    actor = LOCAL_OWNER if busy is None else Actor(LOCAL_OWNER.name, role="viewer")
    try:
        ctx = ServiceContext(db, actor)
        ctx.actor = _log_in(ctx, data_dir, busy is not None)
        if not changing_password:
            _refuse_until_password_changed(ctx)
        yield ctx
    except (PermissionDenied, SQLAlchemyError) as error:
        if busy is not None and (isinstance(error, PermissionDenied)
                                 or refused_as_read_only(error)):
            raise busy from error
        raise
    finally:
        db.dispose()
        lock.release()


@contextmanager
def _opened_server(url: str, data_dir: Path, changing_password: bool,
                   first_account: bool) -> Iterator[ServiceContext]:
    from zorgkoppel.cli.login import LoginRequired, logged_in_actor
    from zorgkoppel.core.context import LOCAL_OWNER
    from zorgkoppel.core.services.accounts import has_accounts
    from zorgkoppel.storage.opening import open_database_url

    db = open_database_url(url, backup_folder=data_dir / "backups")
    try:
        ctx = ServiceContext(db, LOCAL_OWNER)
        if not has_accounts(ctx):
            if not first_account:
                raise LoginRequired(N_(
                    "A database on a server always needs a login, and this one has no "
                    "accounts yet: make the first with 'zorgkoppel --database-url URL user "
                    "add NAME --role admin'."))
        else:
            ctx.actor = logged_in_actor(ctx)
        if not changing_password:
            _refuse_until_password_changed(ctx)
        yield ctx
    finally:
        db.dispose()


def _log_in(ctx: ServiceContext, data_dir: Path, read_only: bool) -> Actor:
    """The logged-in user (or the local owner while there are no accounts)."""
    from zorgkoppel.cli.login import logged_in_actor

    if not read_only:
        return logged_in_actor(ctx)
    from zorgkoppel.storage.database import Database

    # The failure count and the audit entry of the login are written even while another
    # window holds the data folder: through a separate, writable connection.
    bookkeeping = Database.in_folder(data_dir, key=ctx.db.data_key)
    try:
        return logged_in_actor(ctx, ServiceContext(bookkeeping))
    finally:
        bookkeeping.dispose()


def _refuse_until_password_changed(ctx: ServiceContext) -> None:
    from zorgkoppel.cli.login import LoginRequired
    from zorgkoppel.core.services.accounts import must_change_password

    if must_change_password(ctx):
        raise LoginRequired(N_(
            "Your password was reset: choose a new one first with "
            "'zorgkoppel --user {name} user passwd'."), name=ctx.actor.name)


def _require_readable_file(path: Path) -> None:
    if not path.exists():
        raise CommandError(N_("File not found: {path}"), path=str(path))
    if path.is_dir():
        raise CommandError(N_("{path} is a folder, not a file."), path=str(path))


def _print_report(report: ImportReport) -> None:
    """The summary, then each conflict on its own line."""
    say(report.summary())
    for conflict in report.conflicts:
        say(f"- {conflict.text()}")


def run_import(options: argparse.Namespace, data_dir: Path) -> int:
    path: Path = options.file
    _require_readable_file(path)
    from zorgkoppel.exchange.importer import import_exchange

    with opened(data_dir) as ctx:
        try:
            report = import_exchange(ctx, path)
        except ValidationError as error:
            raise CommandError(
                N_("{path} was not imported; nothing was changed:"),
                error.problems, path=str(path),
            ) from error
        except OSError as error:
            raise CommandError(
                N_("Cannot read {path}: {reason}"), path=str(path), reason=_reason(error)
            ) from error
    _print_report(report)
    return EXIT_OK


def run_export(options: argparse.Namespace, data_dir: Path) -> int:
    path: Path = options.file
    from zorgkoppel.exchange.exporter import write_exchange_file

    organisation = getattr(options, "for_organisation", None)
    with opened(data_dir) as ctx:
        try:
            if organisation:
                from zorgkoppel.core.services.sharing import sharing_selection

                write_exchange_file(ctx, path, sharing_selection(ctx, organisation))
            else:
                write_exchange_file(ctx, path)
        except OSError as error:
            raise CommandError(
                N_("Cannot write {path}: {reason}"), path=str(path), reason=_reason(error)
            ) from error
    if organisation:
        say(_("The sharing package for {organisation} was written to {path}.").format(
            organisation=organisation, path=path))
        return EXIT_OK
    say(_("All data was exported to {path}.").format(path=path))
    return EXIT_OK


def run_demo(options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.core.services.dataset import is_empty
    from zorgkoppel.demo import has_demo_data, load_demo

    if getattr(options, "scale", None):
        return _run_scale_demo(options.scale, data_dir)

    with opened(data_dir) as ctx:
        loaded_before = has_demo_data(ctx)
        if not (options.force or loaded_before or is_empty(ctx)):
            raise CommandError(
                N_("This database already holds other data, and the demo data would be mixed "
                   "in with it. Nothing was loaded. Choose an empty data folder with "
                   "--data-dir, or use 'demo --force' to load it anyway.")
            )
        try:
            report = load_demo(ctx)
        except ValidationError as error:
            # Possible when a user changed a task the demo uses (say, more Dutch needed).
            raise CommandError(
                N_("The demo data was not loaded; nothing was changed:"), error.problems
            ) from error
    if loaded_before:
        say(_("The demo data was already loaded; loading it again added no duplicates."))
    else:
        say(_("The demo data was loaded into {folder}.").format(folder=data_dir))
    _print_report(report)
    return EXIT_OK


def _run_scale_demo(name: str, data_dir: Path) -> int:
    import sys
    import time

    from zorgkoppel.demo.scale import build_scale, scale_named

    labels = {"roster_days": _("roster days"), "notes": _("notes")}
    started = time.monotonic()

    def progress(what: str, done: int, of: int) -> None:
        # A bar on the terminal only; a script's log gets the counts at the end.
        if not sys.stderr.isatty():
            return
        filled = 30 * done // max(of, 1)
        sys.stderr.write(f"\r{labels.get(what, what):14} [{'#' * filled:<30}] "
                         f"{done}/{of}")
        if done >= of:
            sys.stderr.write("\n")
        sys.stderr.flush()

    with opened(data_dir) as ctx:
        counts = build_scale(ctx, scale_named(name), progress=progress)
    say(_("The {scale} data set was built in {folder} in {seconds} s: {sites} sites, "
          "{workers} workers, {agreements} agreements, {days} roster days with "
          "{assignments} assignments, {notes} notes, {trajectories} trajectories.").format(
        scale=name, folder=data_dir, seconds=round(time.monotonic() - started),
        sites=counts.sites, workers=counts.workers, agreements=counts.agreements,
        days=counts.roster_days, assignments=counts.assignments, notes=counts.notes,
        trajectories=counts.trajectories))
    return EXIT_OK


def run_gui(options: argparse.Namespace, data_dir: Path) -> int:
    try:
        from zorgkoppel.ui.app import run_gui as run_window
    except ImportError as error:
        # Only a missing Qt (or one of its system libraries) is the user's to fix; an
        # import error in our own code is a bug and goes to the log like any other.
        if error.name is not None and not error.name.startswith(("PySide6", "shiboken6")):
            raise
        raise CommandError(
            N_("The window cannot start because part of Qt is missing: {reason}"),
            reason=str(error),
        ) from error
    return run_window(
        data_dir,
        language=options.lang,
        exit_after_start=getattr(options, "exit_after_start", False),
        user=options.user,
    )


def _folder_only(handler: Handler) -> Handler:
    """Commands about the data folder's file itself (restore, check, encryption)."""

    def refuse_on_server(options: argparse.Namespace, data_dir: Path) -> int:
        if chosen_database_url() is not None:
            raise CommandError(N_(
                "'{command}' works on the data folder's own database only, not on a "
                "database server; nothing was changed."), command=options.command)
        return handler(options, data_dir)

    return refuse_on_server


HANDLERS: dict[str, Handler] = {
    "gui": _folder_only(run_gui),
    "import": run_import,
    "export": run_export,
    "demo": run_demo,
    "trajectory": run_trajectory,
    "dashboard": run_dashboard,
    "backup": run_backup,
    "restore": _folder_only(run_restore),
    "check": _folder_only(run_check),
    "contract": run_contract,
    "roster": run_roster,
    "user": run_user,
    "audit": run_audit,
    "encrypt": _folder_only(run_encrypt),
    "decrypt": _folder_only(run_decrypt),
    "gdpr": run_gdpr,
    "report": run_report,
    "install-desktop-entry": run_install_desktop_entry,
    "db": run_db,
}
