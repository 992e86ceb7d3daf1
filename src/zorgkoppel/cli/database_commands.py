"""`zorgkoppel db init`: prepare a database on a server (PostgreSQL) for zorgkoppel."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from zorgkoppel.cli.console import say
from zorgkoppel.cli.failures import EXIT_OK, CommandError
from zorgkoppel.i18n import N_, _


def add_database_parsers(commands: Any) -> None:
    database = commands.add_parser(
        "db",
        help=_("prepare a database on a server"),
        description=_(
            "'init' builds the tables of zorgkoppel in an empty PostgreSQL database (or "
            "brings an older one up to date). Then make the first account with "
            "'zorgkoppel --database-url URL user add NAME --role admin'."
        ),
    )
    actions = database.add_subparsers(dest="db_action", metavar=_("ACTION"), required=True,
                                      parser_class=type(database))
    init = actions.add_parser("init", help=_("build or update the tables in the database"))
    init.add_argument(
        "--database-url", dest="init_database_url", metavar=_("URL"),
        help=_("the database, e.g. postgresql+psycopg://user@host:5432/zorgkoppel"))


def run_db(options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.cli.database_choice import chosen_database_url
    from zorgkoppel.storage.backup import backup_folder
    from zorgkoppel.storage.opening import open_database_url
    from zorgkoppel.storage.schema import SCHEMA_REVISION
    from zorgkoppel.storage.server import masked

    url = options.init_database_url or chosen_database_url()
    if not url:
        raise CommandError(N_(
            "Name the database with --database-url URL (or ZORGKOPPEL_DATABASE_URL)."))
    db = open_database_url(url, backup_folder=backup_folder(data_dir))
    db.dispose()
    say(_("The database {url} is ready (schema {revision}).").format(
        url=masked(url), revision=SCHEMA_REVISION))
    return EXIT_OK
