"""Encryption at rest: is a data folder encrypted, unlocking it, converting it in place.

The database is encrypted by SQLCipher 4 (AES-256) with a random data key; the key slots
(storage/key_slots.py) hold that key wrapped by each user's password and, optionally, by a
passphrase. Whether a folder is encrypted is read from the database file itself (SQLCipher
leaves no plain SQLite header), never from the slot file, so a slot file left behind by an
interrupted conversion cannot make a plain database look encrypted.

Converting (`encrypt_data_folder`, `decrypt_data_folder`) needs the folder to itself: the
caller holds the folder's lock and has closed its connections. Order of the steps: a
checked backup; the converted copy written beside the database, checked and synced; its
slots as the pending slot file; one atomic rename over the database; the pending slots
promoted. Killed at any moment, the folder holds the old database or the new one, each
with the slots that open it. Old backups in the backups folder are then converted too, so
no plain copy of the data stays behind.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.i18n import N_
from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.storage import key_slots
from zorgkoppel.storage.backup import (
    backup_folder,
    fsync_file,
    list_backups,
    make_backup,
)
from zorgkoppel.storage.integrity import integrity_check
from zorgkoppel.storage.permissions import create_private_file
from zorgkoppel.storage.restore import settle_live_file, swap_in
from zorgkoppel.storage.sqlite_driver import (
    DRIVER_ERRORS,
    KEY_BYTES,
    file_is_encrypted,
    has_plain_header,
)

if TYPE_CHECKING:
    from zorgkoppel.storage.database import Database

CONVERTING = ".converting"

MSG_ALREADY_ENCRYPTED = N_("The data in {folder} is already encrypted; nothing was changed.")
MSG_NOT_ENCRYPTED = N_("The data in {folder} is not encrypted; nothing was changed.")
MSG_NO_DATABASE = N_("There is no database in {folder}.")
MSG_WRONG_KEY = N_("This key does not open the encrypted data in {folder}; nothing was changed.")
MSG_CONVERSION_CHECK = N_(
    "The converted copy of {path} failed its integrity check, so the database was left as "
    "it was: {findings}")
MSG_NO_SLOT = N_("An encrypted data folder needs at least one password or a passphrase to "
                 "unlock it; nothing was changed.")


class EncryptionError(ZorgkoppelError):
    """Encrypting or decrypting did not happen; the data is as it was."""


@dataclass(frozen=True)
class Secret:
    """What one key slot is made from: a user's password, or the passphrase (user None)."""

    secret: str
    user_name: str | None = None


@dataclass(frozen=True)
class ConversionResult:
    backup: Path  # the checked copy taken first (converted with the others afterwards)
    converted_backups: tuple[Path, ...]  # older backups brought to the new state


def database_of(data_dir: Path) -> Path:
    return data_dir / DATABASE_FILE


def is_encrypted(data_dir: Path) -> bool:
    """True when the data folder's database is encrypted (read from the file itself)."""
    return file_is_encrypted(database_of(data_dir))


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def slot_user_names(data_dir: Path) -> list[str]:
    """The users who have a key slot (who can unlock with their password)."""
    return key_slots.for_database(database_of(data_dir)).user_names()


def has_passphrase(data_dir: Path) -> bool:
    slots = key_slots.for_database(database_of(data_dir))
    return slots.find(key_slots.PASSPHRASE) is not None


def _slot_for(secret: Secret, data_key: bytes) -> key_slots.KeySlot:
    if secret.user_name is None:
        return key_slots.wrap(data_key, key_slots.PASSPHRASE, "", secret.secret)
    return key_slots.wrap(data_key, key_slots.USER, _user(secret.user_name), secret.secret)


def _user(user_name: str) -> str:
    return user_name.strip().lower()


def unlock_file(database: Path, secret: Secret) -> bytes:
    """The data key of the encrypted file `database` (the live one or a backup).

    UnlockFailed for a wrong secret or a user without a slot, KeySlotsMissing when the slot
    file is missing or belongs to another database. Nothing is changed either way.
    """
    slots = key_slots.for_database(database)
    if secret.user_name is None:
        slot = slots.find(key_slots.PASSPHRASE)
    else:
        slot = slots.find(key_slots.USER, _user(secret.user_name))
    if slot is None:
        # The same slow derivation as a real slot: a missing slot looks like a wrong password.
        key_slots.wrap(bytes(KEY_BYTES), key_slots.USER, "", secret.secret)
        raise key_slots.UnlockFailed()
    data_key = key_slots.unwrap(slot, secret.secret)
    if key_slots.key_check(data_key) != slots.key_check:
        raise key_slots.UnlockFailed()
    return data_key


def unlock_with_password(data_dir: Path, user_name: str, password: str) -> bytes:
    return unlock_file(database_of(data_dir), Secret(password, user_name))


def unlock_with_passphrase(data_dir: Path, passphrase: str) -> bytes:
    return unlock_file(database_of(data_dir), Secret(passphrase))


def _checked_slots(data_dir: Path, data_key: bytes) -> key_slots.KeySlotFile:
    slots = key_slots.for_database(database_of(data_dir))
    if key_slots.key_check(data_key) != slots.key_check:
        raise EncryptionError(MSG_WRONG_KEY, folder=str(data_dir))
    return slots


def add_slot(data_dir: Path, data_key: bytes, secret: Secret) -> None:
    """Give a user (or the passphrase) a key slot, replacing the one it had."""
    slots = _checked_slots(data_dir, data_key)
    kind = key_slots.PASSPHRASE if secret.user_name is None else key_slots.USER
    name = "" if secret.user_name is None else _user(secret.user_name)
    kept = slots.without(kind, name)
    updated = key_slots.KeySlotFile(kept.database_salt, kept.key_check,
                                    (*kept.slots, _slot_for(secret, data_key)))
    key_slots.write(key_slots.slots_path(database_of(data_dir)), updated)


replace_slot = add_slot


def remove_slot(data_dir: Path, data_key: bytes, user_name: str | None) -> None:
    """Take away a user's slot (None: the passphrase); the last slot always stays."""
    slots = _checked_slots(data_dir, data_key)
    kind = key_slots.PASSPHRASE if user_name is None else key_slots.USER
    kept = slots.without(kind, "" if user_name is None else _user(user_name))
    if kept == slots:
        return
    if not kept.slots:
        raise EncryptionError(MSG_NO_SLOT)
    key_slots.write(key_slots.slots_path(database_of(data_dir)), kept)


def set_user_slot(db: Database, user_name: str, password: str) -> None:
    """For accounts: the user's new password unlocks the data (no-op when not encrypted)."""
    if db.data_key is not None and db.path is not None:
        add_slot(db.path.parent, db.data_key, Secret(password, user_name))


def drop_user_slot(db: Database, user_name: str) -> None:
    """For accounts: a disabled user's password no longer unlocks the data."""
    if db.data_key is not None and db.path is not None:
        slots = key_slots.for_database(db.path)
        if slots.find(key_slots.USER, _user(user_name)) is not None and len(slots.slots) > 1:
            remove_slot(db.path.parent, db.data_key, user_name)


def _export(source: Path, source_key: bytes | None, target: Path,
            target_key: bytes | None) -> None:
    """Write `source` re-encrypted (or decrypted) to `target` with SQLCipher's export."""
    from zorgkoppel.storage.sqlite_driver import ENCRYPTED_MODULE, apply_key

    target.unlink(missing_ok=True)
    create_private_file(target)
    # An empty key attaches a plain database; "x'…'" is SQLCipher's raw-key form.
    attach_key = f"x'{target_key.hex()}'" if target_key is not None else ""
    with closing(ENCRYPTED_MODULE.connect(str(source), isolation_level=None)) as connection:
        if source_key is not None:
            apply_key(connection, source_key)
        connection.execute("ATTACH DATABASE ? AS converted KEY ?", (str(target), attach_key))
        connection.execute("SELECT sqlcipher_export('converted')")
        # sqlcipher_export copies schema and rows, not the header's user_version.
        version = connection.execute("PRAGMA main.user_version").fetchone()[0]
        connection.execute(f"PRAGMA converted.user_version = {int(version)}")
        connection.execute("DETACH DATABASE converted")
    result = integrity_check(target, target_key)
    if not result.ok:
        target.unlink(missing_ok=True)
        raise EncryptionError(MSG_CONVERSION_CHECK, path=str(source),
                              findings="; ".join(result.findings))
    fsync_file(target)


def _convert_file(database: Path, source_key: bytes | None, target_key: bytes | None,
                  slots: tuple[key_slots.KeySlot, ...]) -> None:
    """Convert one database file in place, crash-safely (see the module text)."""
    settle_live_file(database, source_key)
    converted = database.with_name(database.name + CONVERTING)
    try:
        _export(database, source_key, converted, target_key)
        if target_key is not None:
            key_slots.write(key_slots.slots_path(converted),
                            key_slots.new_file(converted, target_key, slots))
        swap_in(converted, database)
    finally:
        converted.unlink(missing_ok=True)
        key_slots.discard(converted)


def _convert_backups(data_dir: Path, source_key: bytes | None, target_key: bytes | None,
                     slots: tuple[key_slots.KeySlot, ...]) -> list[Path]:
    converted: list[Path] = []
    for info in list_backups([backup_folder(data_dir)]):
        if file_is_encrypted(info.path) == (target_key is not None):
            continue
        if source_key is None and not has_plain_header(info.path):
            continue  # a damaged backup: kept as it is, for an expert
        if source_key is not None:
            try:  # a backup from before an earlier encryption has another key: leave it
                if key_slots.for_database(info.path).key_check != key_slots.key_check(
                        source_key):
                    continue
            except ZorgkoppelError:
                continue
        try:
            _convert_file(info.path, source_key, target_key, slots)
        except (ZorgkoppelError, OSError, *DRIVER_ERRORS):
            continue  # the live database is converted; one unreadable backup must not undo it
        converted.append(info.path)
    return converted


def finish_conversion(data_dir: Path, data_key: bytes) -> list[Path]:
    """Finish an encryption killed while it converted the older backups (or a plain backup
    put in the backups folder since): an encrypted folder keeps no plain copy of its data.

    Cheap when there is nothing to do (a look at each backup's first bytes); called by
    open_database for a writable, encrypted folder.
    """
    folder = backup_folder(data_dir)
    _discard_converted_copies(folder, "*" + CONVERTING + "*")
    if not any(has_plain_header(info.path) for info in list_backups([folder])):
        return []
    slots = key_slots.for_database(database_of(data_dir)).slots
    return _convert_backups(data_dir, None, data_key, slots)


def _discard_converted_copies(folder: Path, pattern: str) -> None:
    # The half-made copy with its journal and slot files (also their temporary files):
    # only a conversion makes names with CONVERTING in them.
    for leftover in folder.glob(pattern):
        leftover.unlink(missing_ok=True)


def discard_leftovers(data_dir: Path) -> None:
    """After a conversion was killed: drop its half-made copy and slots that open nothing."""
    database = database_of(data_dir)
    _discard_converted_copies(data_dir, database.name + CONVERTING + "*")
    # Only a file that is positively plain loses its slots: a damaged encrypted file keeps
    # them, or a restored backup could never be read again.
    if has_plain_header(database):
        key_slots.discard(database)


def encrypt_data_folder(
    data_dir: Path, data_key: bytes, secrets_: Sequence[Secret],
    now: dt.datetime | None = None,
) -> ConversionResult:
    """Encrypt the database of `data_dir` in place with `data_key`, one slot per secret."""
    database = database_of(data_dir)
    if not database.is_file():
        raise EncryptionError(MSG_NO_DATABASE, folder=str(data_dir))
    if file_is_encrypted(database):
        raise EncryptionError(MSG_ALREADY_ENCRYPTED, folder=str(data_dir))
    if not secrets_:
        raise EncryptionError(MSG_NO_SLOT)
    discard_leftovers(data_dir)
    slots = tuple(_slot_for(secret, data_key) for secret in secrets_)
    backup = make_backup(data_dir, reason="before-encrypt", now=now, thin=False).path
    _convert_file(database, None, data_key, slots)
    converted = _convert_backups(data_dir, None, data_key, slots)
    return ConversionResult(backup, tuple(converted))


def decrypt_data_folder(
    data_dir: Path, data_key: bytes, now: dt.datetime | None = None,
) -> ConversionResult:
    """Store the database of `data_dir` plain again (an encrypted backup is taken first)."""
    database = database_of(data_dir)
    if not database.is_file():
        raise EncryptionError(MSG_NO_DATABASE, folder=str(data_dir))
    if not file_is_encrypted(database):
        raise EncryptionError(MSG_NOT_ENCRYPTED, folder=str(data_dir))
    _checked_slots(data_dir, data_key)
    discard_leftovers(data_dir)
    backup = make_backup(data_dir, reason="before-decrypt", now=now, thin=False,
                         key=data_key).path
    _convert_file(database, data_key, None, ())
    return ConversionResult(backup, ())



__all__ = [
    "ConversionResult",
    "EncryptionError",
    "Secret",
    "add_slot",
    "decrypt_data_folder",
    "discard_leftovers",
    "drop_user_slot",
    "encrypt_data_folder",
    "finish_conversion",
    "has_passphrase",
    "is_encrypted",
    "new_data_key",
    "remove_slot",
    "replace_slot",
    "set_user_slot",
    "slot_user_names",
    "unlock_file",
    "unlock_with_passphrase",
    "unlock_with_password",
]
