"""A data folder made by release 0.1.0 (schema 0005, the demo data) opens in this version:
upgraded after a backup of the old file, with every record and an intact audit trail."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.audit_check import heads_of_folder, verify_chain
from zorgkoppel.storage.backup import backup_folder
from zorgkoppel.storage.opening import open_database
from zorgkoppel.storage.schema import SCHEMA_REVISION, stored_revision

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RELEASE_REVISION = "0005"
TABLES = ("organisation", "worker", "agreement", "note", "rosterday", "trajectory", "auditentry")


def release_folder(folder: Path) -> Path:
    """The data folder as 0.1.0 left it: its database (kept compressed) and audit head."""
    folder.mkdir(parents=True)
    with gzip.open(FIXTURES / "data-0.1.0.sqlite.gz") as packed:
        (folder / "zorgkoppel.sqlite").write_bytes(packed.read())
    shutil.copy(FIXTURES / "data-0.1.0.audit-head", folder / "audit-head")
    return folder


def counts(database: Path) -> dict[str, int]:
    with closing(sqlite3.connect(database)) as connection:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in TABLES}


def test_a_release_0_1_0_folder_opens_upgraded_with_everything(tmp_path: Path) -> None:
    folder = release_folder(tmp_path / "data")
    before = counts(folder / "zorgkoppel.sqlite")
    assert before["worker"] >= 10 and before["note"] > 0
    db = open_database(folder)
    try:
        assert stored_revision(db) == SCHEMA_REVISION
        after = counts(folder / "zorgkoppel.sqlite")
        opened = after["auditentry"] - before["auditentry"]
        assert {**after, "auditentry": before["auditentry"]} == before and opened >= 0
        verdict = verify_chain(ServiceContext(db), heads_of_folder(folder))
        assert verdict.intact, verdict.text()
    finally:
        db.dispose()
    kept = sorted(backup_folder(folder).glob(f"*before-upgrade-{RELEASE_REVISION}*"))
    if SCHEMA_REVISION != RELEASE_REVISION:
        # The structure changed: the old file was kept first, whole and at its own revision.
        [backup] = [path for path in kept if path.suffix == ".sqlite"]
        with closing(sqlite3.connect(backup)) as connection:
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert revision == RELEASE_REVISION
        assert counts(backup) == before
    else:
        assert kept == []  # the same structure: nothing to back up first
