"""`zorgkoppel encrypt` and `decrypt`: the data folder encrypted at rest, or plain again.

The rule for accounts: `encrypt` gives a key slot to the administrator who runs it (their
password unlocks the data). Every other account gets its slot when an administrator resets
its password (`user reset-password`), which it then changes at its next login as usual;
until then it can only open the data with the passphrase, if one was set. Without accounts
a passphrase is required: it is the only way in.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from zorgkoppel.cli.console import say
from zorgkoppel.cli.failures import EXIT_OK, CommandError
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.i18n import N_, _

MIN_PASSPHRASE_LENGTH = 12


def add_encryption_parsers(commands: Any) -> None:
    encrypt = commands.add_parser(
        "encrypt",
        help=_("encrypt the data folder (administrators)"),
        description=_(
            "Encrypt the database and its backups with a random key (SQLCipher, AES-256). "
            "A checked backup is taken first. Your password unlocks the data; other "
            "accounts get their key when an administrator resets their password. An "
            "optional passphrase (required without accounts) also unlocks it. Exchange "
            "files and sharing packages stay readable by anyone who has them."
        ),
    )
    encrypt.add_argument("--passphrase-stdin", action="store_true",
                         help=_("read a passphrase that also unlocks the data from standard "
                                "input"))
    commands.add_parser(
        "decrypt",
        help=_("store the data folder unencrypted again (administrators)"),
        description=_("Store the database unencrypted again, after an encrypted backup."),
    )


def _ask_passphrase(from_stdin: bool) -> str:
    import getpass

    if from_stdin:
        phrase = sys.stdin.readline().rstrip("\r\n")
    else:
        phrase = getpass.getpass(_("New passphrase: "))
        if getpass.getpass(_("New passphrase again: ")) != phrase:
            raise CommandError(N_("The two passphrases differ; nothing was changed."))
    if len(phrase) < MIN_PASSPHRASE_LENGTH:
        raise CommandError(N_("A passphrase needs at least {count} characters; nothing was "
                              "changed."), count=MIN_PASSPHRASE_LENGTH)
    return phrase


def _require_admin(ctx: ServiceContext) -> bool:
    """True when accounts exist (and the actor is an administrator)."""
    from zorgkoppel.core.errors import PermissionDenied
    from zorgkoppel.core.services.accounts import has_accounts

    if not has_accounts(ctx):
        return False
    if not ctx.actor.is_admin or ctx.actor.user_id is None:
        raise PermissionDenied(N_("Only an administrator may encrypt or decrypt the data."))
    return True


def run_encrypt(options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.cli.commands import opened
    from zorgkoppel.cli.login import password
    from zorgkoppel.core.services.accounts import list_users
    from zorgkoppel.storage.encryption import (
        EncryptionError,
        Secret,
        encrypt_data_folder,
        new_data_key,
    )

    with opened(data_dir) as ctx:
        if ctx.db.data_key is not None:
            raise EncryptionError(N_("The data in {folder} is already encrypted; nothing was "
                                     "changed."), folder=str(data_dir))
        with_accounts = _require_admin(ctx)
        secrets: list[Secret] = []
        others: list[str] = []
        if with_accounts:
            secrets.append(Secret(password(), ctx.actor.name))
            others = [u.user_name for u in list_users(ctx)
                      if u.user_name != ctx.actor.name and not u.disabled]
        if options.passphrase_stdin or not with_accounts:
            secrets.append(Secret(_ask_passphrase(options.passphrase_stdin)))
        ctx.db.dispose()  # the conversion needs the file to itself; the lock stays held
        result = encrypt_data_folder(data_dir, new_data_key(), secrets)
    say(_("The data in {folder} is encrypted. A checked backup was taken first: "
          "{backup}").format(folder=data_dir, backup=result.backup))
    if with_accounts:
        say(_("{name} unlocks it with their password.").format(name=ctx.actor.name))
    if len(secrets) > int(with_accounts):
        say(_("The passphrase also unlocks it; keep it somewhere safe: without a password or "
              "the passphrase the data cannot be read by anyone."))
    if others:
        say(_("These accounts get their key when an administrator resets their password "
              "('zorgkoppel user reset-password NAME'); until then they {how}: {names}").format(
            how=_("open the data with the passphrase") if len(secrets) > 1
            else _("cannot log in"), names=", ".join(others)))
    say(_("Exchange files and sharing packages are not encrypted: anyone who has such a file "
          "can read it."))
    return EXIT_OK


def run_decrypt(_options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.cli.commands import opened
    from zorgkoppel.storage.encryption import EncryptionError, decrypt_data_folder

    with opened(data_dir) as ctx:
        key = ctx.db.data_key
        if key is None:
            raise EncryptionError(N_("The data in {folder} is not encrypted; nothing was "
                                     "changed."), folder=str(data_dir))
        _require_admin(ctx)
        ctx.db.dispose()
        result = decrypt_data_folder(data_dir, key)
    say(_("The data in {folder} is stored unencrypted again. The encrypted backup taken "
          "first is {backup}; backups made before stay encrypted.").format(
        folder=data_dir, backup=result.backup))
    return EXIT_OK
