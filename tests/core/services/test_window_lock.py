"""What unlocks a locked window: the user's password, or the passphrase of an encrypted
folder without accounts; nothing for the local owner. Every try is audited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.storage.encryption_support import PASSPHRASE, encrypted_folder
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import User
from zorgkoppel.core.models.types import utcnow
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.accounts import UserData, add_user, authenticate
from zorgkoppel.core.services.audit_listing import list_entries
from zorgkoppel.core.services.window_lock import (
    PASSPHRASE as BY_PASSPHRASE,
)
from zorgkoppel.core.services.window_lock import (
    PASSWORD as BY_PASSWORD,
)
from zorgkoppel.core.services.window_lock import (
    UnlockAttempt,
    lock_secret,
    try_unlock,
)
from zorgkoppel.storage.opening import open_database

PASSWORD = "Kastanje-Laan-42"


def test_the_local_owner_has_nothing_to_ask(ctx: ServiceContext) -> None:
    assert lock_secret(ctx) is None
    assert try_unlock(ctx, "") == UnlockAttempt(True)


def test_a_user_gives_their_password_and_waits_after_failures(ctx: ServiceContext) -> None:
    add_user(ctx, UserData("griet", "admin"), PASSWORD)
    ctx.actor = authenticate(ctx, "griet", PASSWORD)
    assert lock_secret(ctx) == BY_PASSWORD
    attempts = [try_unlock(ctx, "wrong") for _ in range(5)]
    assert [a.unlocked for a in attempts] == [False] * 5
    assert [a.wait_seconds for a in attempts] == [0, 0, 0, 0, 1]
    assert try_unlock(ctx, PASSWORD) == UnlockAttempt(False, 1)  # refused while waiting
    with ctx.db.transaction() as session:  # the second has passed
        user = session.get(User, ctx.actor.user_id)
        user.last_failed_at = utcnow() - dt.timedelta(seconds=2)
        session.add(user)
    assert try_unlock(ctx, PASSWORD) == UnlockAttempt(True)
    actions = [row.action for row in list_entries(ctx, user_name="griet", limit=7)]
    assert actions == [audit.UNLOCK] + [audit.LOGIN_FAILED] * 6


def test_an_encrypted_folder_without_accounts_asks_its_passphrase(tmp_path: Path) -> None:
    key = encrypted_folder(tmp_path)
    db = open_database(tmp_path, key=key)
    try:
        ctx = ServiceContext(db)
        assert lock_secret(ctx) == BY_PASSPHRASE
        assert not try_unlock(ctx, "not it").unlocked
        assert try_unlock(ctx, PASSPHRASE).unlocked
        add_user(ctx, UserData("griet", "admin"), PASSWORD)
        assert lock_secret(ctx) is None  # with accounts, the local owner is not a user
    finally:
        db.dispose()
    ctx = ServiceContext(open_database(tmp_path, key=key))
    try:
        ctx.actor = authenticate(ctx, "griet", PASSWORD)
        actions = [row.action for row in list_entries(ctx, limit=4)]
        assert actions[1:] == [audit.USER_CHANGE, audit.UNLOCK, audit.LOGIN_FAILED]
    finally:
        ctx.db.dispose()


def test_a_failing_unlock_leaves_no_password_in_the_crash_log(
        ctx: ServiceContext, data_dir: Path, monkeypatch) -> None:
    from zorgkoppel.cli.failures import write_crash_log
    from zorgkoppel.core.services import window_lock

    add_user(ctx, UserData("griet", "admin"), PASSWORD)
    ctx.actor = authenticate(ctx, "griet", PASSWORD)

    def broken(ctx: ServiceContext, password: str) -> bool:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(window_lock, "verify_password", broken)
    with pytest.raises(OSError) as raised:
        try_unlock(ctx, PASSWORD)
    log = write_crash_log(data_dir, raised.value, ["zorgkoppel", "gui"])
    assert log is not None and "Input/output error" in log.read_text(encoding="utf-8")
    assert PASSWORD not in log.read_text(encoding="utf-8")
