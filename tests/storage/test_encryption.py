"""Encrypting a data folder: round trip, unlocking, bad keys and copied files, file modes."""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

from tests.storage.encryption_support import (
    PASSPHRASE,
    add_people,
    all_rows,
    database_of,
    encrypted_folder,
    plain_folder,
)
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.note_search import search_notes
from zorgkoppel.storage import key_slots
from zorgkoppel.storage.backup import backup_folder, list_backups, make_backup
from zorgkoppel.storage.encryption import (
    EncryptionError,
    Secret,
    add_slot,
    decrypt_data_folder,
    encrypt_data_folder,
    is_encrypted,
    new_data_key,
    remove_slot,
    slot_user_names,
    unlock_with_passphrase,
    unlock_with_password,
)
from zorgkoppel.storage.integrity import DatabaseDamagedError, quick_check
from zorgkoppel.storage.opening import KeyRequiredError, open_database
from zorgkoppel.storage.restore import restore_backup


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes: "nothing was changed" means this stays equal."""
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_encrypt_then_decrypt_keeps_every_row(tmp_path: Path) -> None:
    data_dir = plain_folder(tmp_path / "data")
    before = all_rows(database_of(data_dir))
    key = new_data_key()
    result = encrypt_data_folder(data_dir, key, [Secret(PASSPHRASE)])
    assert is_encrypted(data_dir)
    assert result.backup.exists() and result.backup in result.converted_backups
    assert all_rows(database_of(data_dir), key) == before
    assert unlock_with_passphrase(data_dir, PASSPHRASE) == key
    decrypt_data_folder(data_dir, key)
    assert not is_encrypted(data_dir)
    assert not key_slots.slots_path(database_of(data_dir)).exists()
    assert all_rows(database_of(data_dir)) == before
    assert quick_check(database_of(data_dir)).ok


def test_an_encrypted_database_works_as_usual(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    key = encrypted_folder(data_dir)
    db = open_database(data_dir, key=key)
    try:
        assert db.data_key == key
        add_people(db, suffix="-twee")
        ctx = ServiceContext(db)
        # FTS5 is compiled into sqlcipher3-binary: the search takes the FTS path.
        assert len(search_notes(ctx, "xylofoonles", use_fts=True)) == 2
    finally:
        db.dispose()
    read_only = open_database(data_dir, key=key, read_only=True)
    try:
        assert len(search_notes(ServiceContext(read_only), "dinsdagavond")) == 2
    finally:
        read_only.dispose()


def test_backup_and_restore_of_an_encrypted_folder(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    key = encrypted_folder(data_dir)
    before = all_rows(database_of(data_dir), key)
    backup = make_backup(data_dir, key=key).path
    assert key_slots.slots_path(backup).exists()
    db = open_database(data_dir, key=key)
    add_people(db, suffix="-later")
    db.dispose()
    restore_backup(data_dir, backup, key=key)
    assert all_rows(database_of(data_dir), key) == before
    # The backup's own slots open it: the passphrase works on the file alone.
    assert unlock_with_passphrase(data_dir, PASSPHRASE) == key


def test_user_slots_added_replaced_and_removed(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    key = encrypted_folder(data_dir)
    add_slot(data_dir, key, Secret("anna-password-1", "Anna"))
    assert slot_user_names(data_dir) == ["anna"]
    assert unlock_with_password(data_dir, "anna", "anna-password-1") == key
    add_slot(data_dir, key, Secret("anna-password-2", "anna"))
    assert slot_user_names(data_dir) == ["anna"]
    with pytest.raises(key_slots.UnlockFailed):
        unlock_with_password(data_dir, "anna", "anna-password-1")
    assert unlock_with_password(data_dir, "anna", "anna-password-2") == key
    remove_slot(data_dir, key, "anna")
    with pytest.raises(key_slots.UnlockFailed):
        unlock_with_password(data_dir, "anna", "anna-password-2")
    with pytest.raises(EncryptionError):  # the passphrase is the last way in: it stays
        remove_slot(data_dir, key, None)
    with pytest.raises(EncryptionError):  # another key cannot add a slot
        add_slot(data_dir, new_data_key(), Secret("x" * 12))


@pytest.mark.parametrize("wrong", [
    lambda d: unlock_with_passphrase(d, "not the passphrase"),
    lambda d: unlock_with_password(d, "anna", "not-her-password"),
    lambda d: unlock_with_password(d, "bert", "anna-password-1"),  # a user without a slot
])
def test_a_wrong_secret_is_refused_and_changes_nothing(tmp_path: Path, wrong: object) -> None:
    data_dir = tmp_path / "data"
    key = encrypted_folder(data_dir)
    add_slot(data_dir, key, Secret("anna-password-1", "anna"))
    before = snapshot(data_dir)
    with pytest.raises(key_slots.UnlockFailed) as raised:
        wrong(data_dir)  # type: ignore[operator]
    assert raised.value.message == key_slots.MSG_UNLOCK_FAILED
    assert "wrong password or passphrase" in raised.value.text()
    assert snapshot(data_dir) == before


def test_a_database_copied_without_its_key_file(tmp_path: Path) -> None:
    key = encrypted_folder(tmp_path / "data")
    elsewhere = tmp_path / "other machine"
    elsewhere.mkdir()
    shutil.copyfile(database_of(tmp_path / "data"), database_of(elsewhere))
    before = snapshot(elsewhere)
    assert is_encrypted(elsewhere)  # told from the ciphertext, not from the missing file
    with pytest.raises(key_slots.KeySlotsMissing) as raised:
        unlock_with_passphrase(elsewhere, PASSPHRASE)
    assert raised.value.message == key_slots.MSG_SLOTS_MISSING
    assert "copy the key file from the original data folder" in raised.value.text()
    with pytest.raises(KeyRequiredError):
        open_database(elsewhere)
    with pytest.raises(key_slots.KeySlotsMissing):
        open_database(elsewhere, key=key)
    assert snapshot(elsewhere) == before


def test_the_key_file_of_another_database_is_not_taken(tmp_path: Path) -> None:
    encrypted_folder(tmp_path / "one")
    other_key = encrypted_folder(tmp_path / "two")
    shutil.copyfile(key_slots.slots_path(database_of(tmp_path / "two")),
                    key_slots.slots_path(database_of(tmp_path / "one")))
    before = snapshot(tmp_path / "one")
    with pytest.raises(key_slots.KeySlotsMissing):
        unlock_with_passphrase(tmp_path / "one", PASSPHRASE)
    with pytest.raises(key_slots.KeySlotsMissing):
        open_database(tmp_path / "one", key=other_key)
    assert snapshot(tmp_path / "one") == before


def test_a_key_that_is_not_the_folders_is_refused(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    encrypted_folder(data_dir)
    before = snapshot(data_dir)
    with pytest.raises(KeyRequiredError) as raised:
        open_database(data_dir, key=new_data_key())
    assert "does not open the encrypted data" in raised.value.text()
    assert snapshot(data_dir) == before


def test_a_damaged_plain_database_is_damaged_not_encrypted(tmp_path: Path) -> None:
    data_dir = plain_folder(tmp_path / "data")
    make_backup(data_dir)
    for extra in ("", "-wal", "-shm"):
        Path(f"{database_of(data_dir)}{extra}").unlink(missing_ok=True)
    database_of(data_dir).write_bytes(b"damaged" * 2000)
    assert not is_encrypted(data_dir)
    with pytest.raises(DatabaseDamagedError) as raised:
        open_database(data_dir)
    assert raised.value.newest_good_backup is not None


def test_a_damaged_encrypted_database_keeps_its_key_file(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    key = encrypted_folder(data_dir)
    database = database_of(data_dir)
    with database.open("r+b") as handle:  # the salt survives, a page in the middle does not
        handle.seek(4096 * 3)
        handle.write(b"\0" * 4096)
    with pytest.raises(DatabaseDamagedError) as raised:
        open_database(data_dir, key=key)
    assert key_slots.slots_path(database).exists()
    [backup] = list_backups([backup_folder(data_dir)])
    assert raised.value.newest_good_backup == backup.path


def test_encrypting_twice_or_decrypting_a_plain_folder_changes_nothing(tmp_path: Path) -> None:
    plain = plain_folder(tmp_path / "plain")
    before = snapshot(plain)
    with pytest.raises(EncryptionError):
        decrypt_data_folder(plain, new_data_key())
    with pytest.raises(EncryptionError):
        encrypt_data_folder(plain, new_data_key(), [])  # no way in: refused
    assert snapshot(plain) == before
    encrypted = tmp_path / "encrypted"
    key = encrypted_folder(encrypted)
    before = snapshot(encrypted)
    with pytest.raises(EncryptionError):
        encrypt_data_folder(encrypted, key, [Secret(PASSPHRASE)])
    with pytest.raises(EncryptionError):
        decrypt_data_folder(encrypted, new_data_key())
    assert snapshot(encrypted) == before


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_every_file_of_an_encrypted_folder_is_the_owners_only(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)  # a usual umask, so the modes come from the program
    try:
        data_dir = tmp_path / "data"
        key = encrypted_folder(data_dir)
        db = open_database(data_dir, key=key)
        add_people(db, suffix="-wal")
        make_backup(data_dir, key=key)
        database = database_of(data_dir)
        files = [database, Path(f"{database}-wal"), Path(f"{database}-shm"),
                 key_slots.slots_path(database)]
        files += [p for p in backup_folder(data_dir).iterdir()]
        modes = {str(path): stat.S_IMODE(path.stat().st_mode) for path in files}
        db.dispose()
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(backup_folder(data_dir).stat().st_mode) == 0o700
    assert len(modes) >= 7
    assert modes == dict.fromkeys(modes, 0o600)
