"""The key-slot file beside an encrypted database: one data key, wrapped once per secret.

The database is encrypted with a random 256-bit data key. That key is stored only wrapped
(AES-256-GCM) by keys derived with argon2id from a user's password or from a passphrase;
each slot has its own random salt. The file names the database it belongs to by
SQLCipher's per-file salt (the first 16 bytes of the file), so a slot file left over from
an interrupted conversion, or copied beside another database, is recognised and ignored.

`zorgkoppel.sqlite.keys.json` belongs to `zorgkoppel.sqlite`; during a swap of the database
the new file's slots wait in `….keys.json.pending` until the swap is done.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.i18n import N_
from zorgkoppel.storage.permissions import write_private_text
from zorgkoppel.storage.sqlite_driver import KEY_BYTES, file_salt

SUFFIX = ".keys.json"
PENDING = ".pending"
FORMAT = 1
USER = "user"
PASSPHRASE = "passphrase"
# OWASP's minimum for argon2id: 19 MiB, two passes, one lane (about 50 ms per unlock).
TIME_COST = 2
MEMORY_COST_KIB = 19 * 1024
PARALLELISM = 1

MSG_SLOTS_MISSING = N_(
    "The database {path} is encrypted, but the key file {slots} beside it is missing or "
    "belongs to another database. A database copied without its key file cannot be opened: "
    "copy the key file from the original data folder too, or restore a backup. Nothing was "
    "changed.")
MSG_SLOTS_DAMAGED = N_(
    "The key file {slots} cannot be read ({reason}), so the encrypted database cannot be "
    "opened. Nothing was changed; restore the key file from a backup.")
MSG_UNLOCK_FAILED = N_(
    "Cannot unlock the encrypted data: wrong password or passphrase, or this account has "
    "no key yet (an administrator gives one by resetting the password). Nothing was changed.")


class KeySlotsMissing(ZorgkoppelError):
    def __init__(self, database: Path) -> None:
        super().__init__(MSG_SLOTS_MISSING, path=str(database), slots=str(slots_path(database)))


class KeySlotsDamaged(ZorgkoppelError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(MSG_SLOTS_DAMAGED, slots=str(path), reason=reason)


class UnlockFailed(ZorgkoppelError):
    def __init__(self) -> None:
        super().__init__(MSG_UNLOCK_FAILED)


@dataclass(frozen=True)
class KeySlot:
    kind: str  # USER or PASSPHRASE
    name: str  # the user name; "" for the passphrase
    salt: str  # base64, for argon2id
    nonce: str  # base64, for AES-GCM
    wrapped: str  # base64: the data key encrypted, with its tag
    time_cost: int = TIME_COST
    memory_cost: int = MEMORY_COST_KIB
    parallelism: int = PARALLELISM


@dataclass(frozen=True)
class KeySlotFile:
    database_salt: str  # hex, SQLCipher's salt of the database these slots open
    key_check: str  # hex; tells a wrong data key apart before a slot is written with it
    slots: tuple[KeySlot, ...] = field(default=())

    def find(self, kind: str, name: str = "") -> KeySlot | None:
        return next((s for s in self.slots if s.kind == kind and s.name == name), None)

    def without(self, kind: str, name: str = "") -> KeySlotFile:
        return replace(self, slots=tuple(
            s for s in self.slots if not (s.kind == kind and s.name == name)))

    def user_names(self) -> list[str]:
        return sorted(s.name for s in self.slots if s.kind == USER)


def slots_path(database: Path) -> Path:
    return database.with_name(database.name + SUFFIX)


def pending_path(database: Path) -> Path:
    return database.with_name(database.name + SUFFIX + PENDING)


def key_check(data_key: bytes) -> str:
    # A keyed hash: reveals nothing about a random 256-bit key.
    return hmac.new(data_key, b"zorgkoppel key check", hashlib.sha256).hexdigest()[:32]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aad(kind: str, name: str) -> bytes:
    # Binds the wrapped key to its slot: a slot moved to another user's name will not open.
    return f"zorgkoppel key slot|{kind}|{name}".encode()


def _derive(secret: str, salt: bytes, slot: KeySlot | None = None) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"), salt,
        time_cost=slot.time_cost if slot else TIME_COST,
        memory_cost=slot.memory_cost if slot else MEMORY_COST_KIB,
        parallelism=slot.parallelism if slot else PARALLELISM,
        hash_len=KEY_BYTES, type=Type.ID,
    )


def wrap(data_key: bytes, kind: str, name: str, secret: str) -> KeySlot:
    salt, nonce = os.urandom(16), os.urandom(12)
    wrapped = AESGCM(_derive(secret, salt)).encrypt(nonce, data_key, _aad(kind, name))
    return KeySlot(kind, name, _b64(salt), _b64(nonce), _b64(wrapped))


def unwrap(slot: KeySlot, secret: str) -> bytes:
    """The data key from `slot`; UnlockFailed for a wrong secret."""
    try:
        wrapping = _derive(secret, _unb64(slot.salt), slot)
        return AESGCM(wrapping).decrypt(_unb64(slot.nonce), _unb64(slot.wrapped),
                                        _aad(slot.kind, slot.name))
    except (InvalidTag, ValueError) as error:
        raise UnlockFailed() from error


def new_file(database: Path, data_key: bytes, slots: tuple[KeySlot, ...] = ()) -> KeySlotFile:
    return KeySlotFile(file_salt(database), key_check(data_key), slots)


def read(path: Path) -> KeySlotFile | None:
    """The slot file at `path`, None when there is none; KeySlotsDamaged when unreadable."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        raise KeySlotsDamaged(path, str(error)) from error
    try:
        if raw.get("format") != FORMAT:
            raise ValueError(f"unknown format {raw.get('format')!r}")
        slots = tuple(KeySlot(**slot) for slot in raw["slots"])
        return KeySlotFile(str(raw["database_salt"]), str(raw["key_check"]), slots)
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        raise KeySlotsDamaged(path, str(error)) from error


def write(path: Path, slots: KeySlotFile) -> None:
    """Atomically, 0600, durable before it returns."""
    from zorgkoppel.storage.backup import fsync_folder

    document = {"format": FORMAT, **asdict(slots)}
    write_private_text(path, json.dumps(document, indent=2))
    fsync_folder(path.parent)


def for_database(database: Path) -> KeySlotFile:
    """The slots belonging to the encrypted file `database`, finishing an interrupted swap.

    KeySlotsMissing when neither the slot file nor a pending one names this database.
    """
    salt = file_salt(database)
    current = read(slots_path(database))
    if current is not None and current.database_salt == salt:
        return current
    pending = pending_path(database)
    waiting = read(pending)
    if waiting is not None and waiting.database_salt == salt:
        # The database was swapped but the slot file not yet: finish that step now.
        os.replace(pending, slots_path(database))
        return waiting
    raise KeySlotsMissing(database)


def discard(database: Path) -> None:
    """Remove the slot files of `database` (it is plain now, or gone)."""
    for path in (slots_path(database), pending_path(database)):
        path.unlink(missing_ok=True)
        path.with_name(path.name + ".tmp").unlink(missing_ok=True)  # write_private_text's
