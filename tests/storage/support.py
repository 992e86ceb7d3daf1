"""Helpers for storage tests: a data folder with some data in it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.rules.organisation import OrganisationData
from zorgkoppel.core.services.organisations import save_organisation
from zorgkoppel.storage.opening import open_database


def add_organisations(data_dir: Path, *names: str) -> None:
    db = open_database(data_dir)
    try:
        for name in names:
            save_organisation(ServiceContext(db), OrganisationData(name=name, kind="other"))
    finally:
        db.dispose()


def organisation_names(database: Path) -> list[str]:
    with closing(sqlite3.connect(database)) as connection:
        return sorted(row[0] for row in connection.execute("SELECT name FROM organisation"))
