"""What `strings` would find: no name, note text or enterprise number in an encrypted folder."""

from __future__ import annotations

from pathlib import Path

from tests.storage.encryption_support import (
    ENTERPRISE_NUMBER,
    LAST_NAME,
    NOTE_TEXT,
    add_people,
    database_of,
    encrypted_folder,
    found_secrets,
    plain_folder,
    raw_bytes,
)
from zorgkoppel.storage.backup import backup_folder, list_backups, make_backup
from zorgkoppel.storage.opening import open_database


def _folder_bytes(data_dir: Path) -> dict[str, bytes]:
    database = database_of(data_dir)
    return {
        "database": raw_bytes(database),
        "wal": raw_bytes(database.with_name(database.name + "-wal")),
    }


def test_a_plain_folder_shows_the_words_so_the_test_means_something(tmp_path: Path) -> None:
    data_dir = plain_folder(tmp_path / "data")
    files = _folder_bytes(data_dir)
    words = {LAST_NAME, NOTE_TEXT, ENTERPRISE_NUMBER}
    assert words <= set(found_secrets(files["database"] + files["wal"]))
    backup = make_backup(data_dir).path
    assert words <= set(found_secrets(raw_bytes(backup)))


def test_the_encrypted_database_its_wal_and_its_backups_hide_every_word(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    key = encrypted_folder(data_dir)
    db = open_database(data_dir, key=key)
    try:
        # Fresh writes while the database stays open: they sit in the -wal.
        add_people(db, suffix="-nieuw")
        wal = database_of(data_dir).with_name(database_of(data_dir).name + "-wal")
        assert wal.stat().st_size > 0
        files = _folder_bytes(data_dir)
        backup = make_backup(data_dir, key=key).path
    finally:
        db.dispose()
    assert files["wal"], "the -wal must hold the fresh writes"
    for name, data in files.items():
        assert found_secrets(data) == [], name
    backups = list_backups([backup_folder(data_dir)])
    # The backup just made and the one taken before encrypting (converted since).
    assert {info.reason for info in backups} >= {"before-encrypt"}
    assert backup in {info.path for info in backups}
    for info in backups:
        assert found_secrets(raw_bytes(info.path)) == [], info.path
    # The key files name no one either: they hold wrapped keys, salts and user names only.
    for slots in data_dir.rglob("*.keys.json"):
        assert found_secrets(raw_bytes(slots)) == [], slots
