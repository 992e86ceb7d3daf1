"""The data key of an encrypted data folder, from --user and its password or a passphrase.

With --user the user's own key slot is tried (the password is the one asked for the login,
so it is typed once); a user without a slot, or a run without --user, gives the passphrase
from ZORGKOPPEL_PASSPHRASE or the terminal. The key stays in this process only.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from zorgkoppel.i18n import _

PASSPHRASE_VARIABLE = "ZORGKOPPEL_PASSPHRASE"


# One command per process: the passphrase is asked at most once, like the password.
_ASKED: dict[str, str] = {}


def passphrase() -> str:
    from_environment = os.environ.get(PASSPHRASE_VARIABLE)
    if from_environment is not None:
        return from_environment
    if "passphrase" not in _ASKED:
        try:
            _ASKED["passphrase"] = getpass.getpass(_("Passphrase of the encrypted data: "))
        except EOFError:
            _ASKED["passphrase"] = ""
    return _ASKED["passphrase"]


def forget_passphrase() -> None:
    _ASKED.clear()


def key_for_file(database: Path, known: bytes | None = None) -> bytes | None:
    """The data key of `database` (the live file or a backup); None when it is plain.

    `known` (the live folder's key) is used when it is the file's key, so a backup of the
    same folder needs no second password.
    """
    from zorgkoppel.cli.login import REQUESTED, password
    from zorgkoppel.storage import key_slots
    from zorgkoppel.storage.encryption import Secret, unlock_file
    from zorgkoppel.storage.sqlite_driver import file_is_encrypted

    if not file_is_encrypted(database):
        return None
    slots = key_slots.for_database(database)
    if known is not None and key_slots.key_check(known) == slots.key_check:
        return known
    user = REQUESTED.user_name
    if user and slots.find(key_slots.USER, user.strip().lower()) is not None:
        return unlock_file(database, Secret(password(), user))
    if slots.find(key_slots.PASSPHRASE) is None:
        raise key_slots.UnlockFailed()
    return unlock_file(database, Secret(passphrase()))


def key_for_folder(data_dir: Path) -> bytes | None:
    from zorgkoppel.paths import DATABASE_FILE

    return key_for_file(data_dir / DATABASE_FILE)
