"""Backups of a database on a server: an exchange file, written by the program itself.

pg_dump would need the server's tools on every PC; the exchange file holds every record
and imports into an empty database (`zorgkoppel --database-url URL import FILE`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from zorgkoppel.storage.database import Database

PREFIX = "zorgkoppel-server-"
SUFFIX = ".json"


def server_backup_name(when: dt.datetime, reason: str = "") -> str:
    return f"{PREFIX}{when.strftime('%Y%m%d-%H%M%S')}{'-' + reason if reason else ''}{SUFFIX}"


def write_server_backup(db: Database, target: Path) -> Path:
    """Every record of `db` as an exchange file at `target` (written atomically)."""
    from zorgkoppel.core.context import LOCAL_OWNER, ServiceContext
    from zorgkoppel.exchange.exporter import write_exchange_file
    from zorgkoppel.storage.permissions import private_folder

    private_folder(target.parent)
    write_exchange_file(ServiceContext(db, LOCAL_OWNER), target)
    return target


def back_up_server(db: Database, folder: Path, reason: str = "") -> Path:
    return write_server_backup(db, folder / server_backup_name(dt.datetime.now(), reason))
