"""The data folder and every file in it are created for the owner only (0700/0600 on POSIX)."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.storage.encryption_support import add_people, database_of
from zorgkoppel.cli.failures import LOG_FILE, write_crash_log
from zorgkoppel.settings import SETTINGS_FILE, Settings, save_settings
from zorgkoppel.storage.backup import backup_folder, make_backup
from zorgkoppel.storage.instance_lock import LOCK_FILE, InstanceLock
from zorgkoppel.storage.opening import open_database

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    # The usual 022 would leave new files readable by all: the modes must come from the code.
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_data_folder_and_its_files_are_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "new" / "data"
    lock = InstanceLock(data_dir).acquire()
    db = open_database(data_dir)
    try:
        add_people(db)  # the -wal and -shm exist while the database is open
        database = database_of(data_dir)
        wal, shm = Path(f"{database}-wal"), Path(f"{database}-shm")
        assert wal.exists() and shm.exists()
        backup = make_backup(data_dir).path
        save_settings(data_dir, Settings())
        log = write_crash_log(data_dir, RuntimeError("boom"), ["zorgkoppel"])
        assert log == data_dir / LOG_FILE
        assert mode(data_dir) == 0o700
        assert mode(backup_folder(data_dir)) == 0o700
        for path in (database, wal, shm, backup, data_dir / SETTINGS_FILE, log,
                     data_dir / LOCK_FILE):
            assert mode(path) == 0o600, path
    finally:
        db.dispose()
        lock.release()


def test_an_existing_folder_open_to_all_is_made_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    open_database(data_dir).dispose()
    os.chmod(data_dir, 0o755)
    os.chmod(database_of(data_dir), 0o644)
    open_database(data_dir).dispose()
    assert mode(data_dir) == 0o700
    assert mode(database_of(data_dir)) == 0o600
