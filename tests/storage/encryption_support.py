"""A data folder holding words found nowhere else, and ways to read all of its rows."""

from __future__ import annotations

import datetime as dt
from contextlib import closing
from pathlib import Path

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.rules.note import NoteData
from zorgkoppel.core.rules.organisation import OrganisationData
from zorgkoppel.core.rules.worker import WorkerData
from zorgkoppel.core.services.notes import save_note
from zorgkoppel.core.services.organisations import save_organisation
from zorgkoppel.core.services.workers import save_worker
from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.storage.database import Database
from zorgkoppel.storage.encryption import Secret, encrypt_data_folder, new_data_key
from zorgkoppel.storage.opening import open_database
from zorgkoppel.storage.sqlite_driver import connect

LAST_NAME = "Quackenbosch"
NOTE_TEXT = "Xylofoonles op dinsdagavond"
ENTERPRISE_NUMBER = "0876.543.270"
ENTERPRISE_DIGITS = "0876543270"
SECRETS = (LAST_NAME, NOTE_TEXT, ENTERPRISE_NUMBER, ENTERPRISE_DIGITS)
PASSPHRASE = "correct horse battery staple"
MONDAY = dt.date(2026, 11, 30)


def add_people(db: Database, suffix: str = "") -> None:
    """An enterprise with its number, a worker and a confidential note (`suffix` for more)."""
    ctx = ServiceContext(db)
    number = ENTERPRISE_NUMBER if not suffix else None
    enterprise = save_organisation(ctx, OrganisationData(
        f"Buurtwerk{suffix} vzw", "local_services", enterprise_number=number)).value.id
    worker = save_worker(ctx, WorkerData(
        "Zwanhilde", f"{LAST_NAME}{suffix}", enterprise, "local_services")).value.id
    save_note(ctx, NoteData(worker, MONDAY, "contact", summary=f"{NOTE_TEXT}{suffix}"))


def plain_folder(data_dir: Path) -> Path:
    db = open_database(data_dir)
    try:
        add_people(db)
    finally:
        db.dispose()
    return data_dir


def encrypted_folder(data_dir: Path) -> bytes:
    """A folder with the people in it, encrypted; the passphrase unlocks it. The data key."""
    plain_folder(data_dir)
    key = new_data_key()
    encrypt_data_folder(data_dir, key, [Secret(PASSPHRASE)])
    return key


def all_rows(database: Path, key: bytes | None = None) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (FTS shadow tables too), sorted, for comparing two files."""
    with closing(connect(database, key, isolation_level=None)) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {table: sorted((tuple(row) for row in connection.execute(
            f'SELECT * FROM "{table}"')), key=repr) for table in tables}


def raw_bytes(path: Path) -> bytes:
    return path.read_bytes() if path.exists() else b""


def found_secrets(data: bytes) -> list[str]:
    return [word for word in SECRETS if word.encode() in data]


def database_of(data_dir: Path) -> Path:
    return data_dir / DATABASE_FILE
