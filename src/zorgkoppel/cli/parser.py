"""The command-line options and subcommands, with translated help and error texts."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from zorgkoppel import __version__
from zorgkoppel.cli.audit_commands import add_audit_parsers
from zorgkoppel.cli.backup_commands import add_backup_parsers
from zorgkoppel.cli.contract_command import add_contract_parser
from zorgkoppel.cli.dashboard_command import add_dashboard_parser
from zorgkoppel.cli.database_commands import add_database_parsers
from zorgkoppel.cli.desktop_command import add_desktop_parser
from zorgkoppel.cli.encryption_commands import add_encryption_parsers
from zorgkoppel.cli.gdpr_commands import add_gdpr_parsers
from zorgkoppel.cli.report_command import add_report_parser
from zorgkoppel.cli.roster_command import add_roster_parser
from zorgkoppel.cli.trajectory_command import add_trajectory_parser
from zorgkoppel.cli.user_commands import add_user_parsers
from zorgkoppel.i18n import LANGUAGES, _

PROG = "zorgkoppel"
COMMANDS = ("gui", "import", "export", "demo", "trajectory", "dashboard", "backup",
            "restore", "check", "contract", "roster", "user", "audit", "encrypt", "decrypt",
            "gdpr", "report", "install-desktop-entry", "db")
EXIT_USAGE = 2


class UsageError(Exception):
    """The early look at the options failed; the full parser will say why."""


class Parser(argparse.ArgumentParser):
    """argparse with one translated message on error (no usage dump) and exit code 2."""

    def error(self, message: str) -> NoReturn:
        text = _("{prog}: error: {message}").format(prog=self.prog, message=message)
        hint = _("Run '{prog} --help' to see the commands and options.").format(prog=PROG)
        self.exit(EXIT_USAGE, f"{text}\n{hint}\n")


class _EarlyParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def early_options(argv: Sequence[str]) -> argparse.Namespace:
    """--data-dir and --lang, read before the help texts are built in the right language.

    Anything wrong is left for the full parser to report, in the language found so far.
    """
    early = _EarlyParser(add_help=False)
    early.add_argument("--data-dir")
    early.add_argument("--lang")
    try:
        found, _rest = early.parse_known_args(list(argv))
    except UsageError:
        return argparse.Namespace(data_dir=None, lang=None)
    if found.lang not in LANGUAGES:
        found.lang = None
    return found


def build_parser() -> Parser:
    """Build inside `translated_argparse()` so argparse's own texts are translated too."""
    parser = Parser(
        prog=PROG,
        description=_(
            "zorgkoppel: cooperation agreements, daily rosters, guidance notes and "
            "transition trajectories of care facilities and social-economy enterprises."
        ),
        epilog=_(
            "Without a command the window opens. Global options come before the command. "
            "The data folder is --data-dir, else the environment variable "
            "ZORGKOPPEL_DATA_DIR, else your user data folder."
        ),
    )
    parser.add_argument(
        "--data-dir",
        metavar=_("DIR"),
        help=_("folder with the database and settings"),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("language of the program: nl, fr or en (default: the saved setting, else "
               "the system language)"),
    )
    parser.add_argument(
        "--database-url",
        metavar=_("URL"),
        help=_("work on a database server instead of the data folder, e.g. "
               "postgresql+psycopg://user@host:5432/zorgkoppel (also the environment "
               "variable ZORGKOPPEL_DATABASE_URL); a login is always required there"),
    )
    parser.add_argument(
        "--user",
        metavar=_("NAME"),
        help=_("log in as this user (needed once accounts exist); the password is asked, "
               "or taken from the environment variable ZORGKOPPEL_PASSWORD"),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {__version__}",
        help=_("show the version and exit"),
    )
    commands = parser.add_subparsers(
        dest="command",
        metavar=_("COMMAND"),
        title=_("commands"),
        parser_class=Parser,
    )
    gui = commands.add_parser("gui", help=_("open the window (the default)"))
    gui.add_argument(
        "--exit-after-start",
        action="store_true",
        help=_("open the window, show the first screen, then close it (for checks)"),
    )
    import_ = commands.add_parser(
        "import",
        help=_("import an exchange file (all or nothing)"),
        description=_(
            "Import a zorgkoppel exchange file. The file is checked first; if anything is "
            "wrong nothing is changed and every problem is listed with its place in the file."
        ),
    )
    import_.add_argument("file", type=Path, metavar=_("FILE"), help=_("the exchange file"))
    export = commands.add_parser(
        "export",
        help=_("write all data to an exchange file"),
        description=_("Write all data to an exchange file (JSON), e.g. as a backup."),
    )
    export.add_argument("file", type=Path, metavar=_("FILE"), help=_("the file to write"))
    export.add_argument(
        "--for-organisation", metavar=_("ORG"),
        help=_("write only what this care facility may receive (its sharing package)"),
    )
    demo = commands.add_parser(
        "demo",
        help=_("load the demo data set"),
        description=_(
            "Load a demo data set: a day-care centre, a residential care centre, two "
            "social-economy enterprises, workers, agreements, two weeks of rosters and notes. "
            "Loading it again changes nothing."
        ),
    )
    demo.add_argument(
        "--force",
        action="store_true",
        help=_("also load it when the database already holds other data"),
    )
    demo.add_argument(
        "--scale", choices=("medium", "large"),
        help=_("instead, ten years of a large partnership for measuring, into an empty "
               "folder: large (30 sites, 600 workers, about 2,000,000 roster assignments, "
               "100,000 notes) or medium (a tenth of it)"),
    )
    add_trajectory_parser(commands)
    add_dashboard_parser(commands)
    add_report_parser(commands)
    add_backup_parsers(commands)
    add_contract_parser(commands)
    add_roster_parser(commands)
    add_user_parsers(commands)
    add_audit_parsers(commands)
    add_encryption_parsers(commands)
    add_gdpr_parsers(commands)
    add_desktop_parser(commands)
    add_database_parsers(commands)
    return parser
