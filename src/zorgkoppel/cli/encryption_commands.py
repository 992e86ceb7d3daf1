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
from zorgkoppel.i18n import N_, _


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
    return phrase  # its length is the service's to check


def run_encrypt(options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.cli.commands import opened
    from zorgkoppel.cli.login import password
    from zorgkoppel.core.services.folder_encryption import encrypt_folder, encryption_plan

    with opened(data_dir) as ctx:
        plan = encryption_plan(ctx)
        phrase = (_ask_passphrase(options.passphrase_stdin)
                  if options.passphrase_stdin or not plan.with_accounts else None)
        # The login of this command just checked the password.
        done = encrypt_folder(ctx, password() if plan.with_accounts else None, phrase,
                              password_checked=True)
    say(_("The data in {folder} is encrypted. A checked backup was taken first: "
          "{backup}").format(folder=data_dir, backup=done.result.backup))
    if plan.own_slot:
        say(_("{name} unlocks it with their password.").format(name=plan.own_slot))
    if done.with_passphrase:
        say(_("The passphrase also unlocks it; keep it somewhere safe: without a password or "
              "the passphrase the data cannot be read by anyone."))
    if plan.waiting:
        say(_("These accounts get their key when an administrator resets their password "
              "('zorgkoppel user reset-password NAME'); until then they {how}: {names}").format(
            how=_("open the data with the passphrase") if done.with_passphrase
            else _("cannot log in"), names=", ".join(plan.waiting)))
    say(_("Exchange files and sharing packages are not encrypted: anyone who has such a file "
          "can read it."))
    return EXIT_OK


def run_decrypt(_options: argparse.Namespace, data_dir: Path) -> int:
    from zorgkoppel.cli.commands import opened
    from zorgkoppel.core.services.folder_encryption import decrypt_folder

    with opened(data_dir) as ctx:
        result = decrypt_folder(ctx)
    say(_("The data in {folder} is stored unencrypted again. The encrypted backup taken "
          "first is {backup}; backups made before stay encrypted.").format(
        folder=data_dir, backup=result.backup))
    return EXIT_OK
