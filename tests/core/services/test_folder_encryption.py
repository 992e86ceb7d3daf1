"""Encrypting a new data folder with a passphrase (the window's first run)."""

from __future__ import annotations

import pytest

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import PermissionDenied, ValidationError
from zorgkoppel.core.services import accounts
from zorgkoppel.core.services.folder_encryption import encrypt_with_passphrase
from zorgkoppel.storage.encryption import is_encrypted, unlock_with_passphrase

PHRASE = "a long enough passphrase"


@pytest.mark.parametrize(("phrase", "again", "problem"), [
    ("short one", "short one", "a passphrase needs at least 12 characters"),
    (PHRASE, PHRASE + "x", "the two passphrases differ"),
])
def test_a_refused_passphrase_changes_nothing(ctx, data_dir, phrase, again, problem):
    with pytest.raises(ValidationError) as raised:
        encrypt_with_passphrase(ctx, data_dir, phrase, again)
    assert [p.text() for p in raised.value.problems] == [problem]
    assert not is_encrypted(data_dir)
    assert accounts.has_accounts(ctx) is False  # the database is still usable


@pytest.mark.sqlite_only
def test_the_folder_is_encrypted_and_the_context_reopened(ctx, data_dir):
    key = encrypt_with_passphrase(ctx, data_dir, PHRASE, PHRASE)
    assert is_encrypted(data_dir)
    assert unlock_with_passphrase(data_dir, PHRASE) == key
    assert ctx.db.data_key == key
    assert not accounts.has_accounts(ctx)
    ctx.db.dispose()


def test_with_accounts_the_command_line_does_it(ctx, data_dir):
    accounts.add_user(ctx, accounts.UserData("els", "admin"), "els-password-1")
    with pytest.raises(PermissionDenied):
        encrypt_with_passphrase(ctx, data_dir, PHRASE, PHRASE)
    admin = ServiceContext(ctx.db, accounts.authenticate(ctx, "els", "els-password-1"))
    with pytest.raises(PermissionDenied):
        encrypt_with_passphrase(admin, data_dir, PHRASE, PHRASE)
    assert not is_encrypted(data_dir)
