"""`zorgkoppel db init` prepares a database on a server (PostgreSQL); `db copy` moves a
whole data set between a data folder and a server, either way."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
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
    copy = actions.add_parser(
        "copy", help=_("copy all data into an empty database, checked by comparing exports"))
    copy.add_argument("--from", dest="copy_from", required=True, metavar=_("URL_OR_DIR"),
                      help=_("a database URL or a data folder"))
    copy.add_argument("--to", dest="copy_to", required=True, metavar=_("URL_OR_DIR"),
                      help=_("an empty database URL or data folder"))


@contextmanager
def _side(place: str, data_dir: Path) -> Iterator[Any]:
    """A context on a URL's or a folder's database; with accounts, the --user login."""
    from zorgkoppel.cli.login import logged_in_actor
    from zorgkoppel.core.context import LOCAL_OWNER, ServiceContext
    from zorgkoppel.storage.backup import backup_folder
    from zorgkoppel.storage.opening import open_database, open_database_url

    if "://" in place:
        db = open_database_url(place, backup_folder=backup_folder(data_dir))
    else:
        db = open_database(Path(place).expanduser())
    try:
        ctx = ServiceContext(db, LOCAL_OWNER)
        ctx.actor = logged_in_actor(ctx)
        yield ctx
    finally:
        db.dispose()


def run_db(options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.cli.database_choice import chosen_database_url
    from zorgkoppel.storage.backup import backup_folder
    from zorgkoppel.storage.opening import open_database_url
    from zorgkoppel.storage.schema import SCHEMA_REVISION
    from zorgkoppel.storage.server import masked

    if options.db_action == "copy":
        return _copy(options, data_dir)
    url = options.init_database_url or chosen_database_url()
    if not url:
        raise CommandError(N_(
            "Name the database with --database-url URL (or ZORGKOPPEL_DATABASE_URL)."))
    db = open_database_url(url, backup_folder=backup_folder(data_dir))
    db.dispose()
    say(_("The database {url} is ready (schema {revision}).").format(
        url=masked(url), revision=SCHEMA_REVISION))
    return EXIT_OK


def _copy(options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.exchange.copying import copy_data

    with _side(options.copy_from, data_dir) as source, _side(options.copy_to, data_dir) as target:
        result = copy_data(source, target)
    say(_("{count} records were copied and both sides export the same data.").format(
        count=result.records))
    return EXIT_OK
