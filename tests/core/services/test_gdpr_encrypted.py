"""Erasing a person from an encrypted folder: no trace in the decrypted pages, nor in backups.

An encrypted file never shows a name to `strings`, so the test decrypts every page itself
(SQLCipher 4: AES-256-CBC per page with the raw data key, the IV in the page's reserved
tail) and looks there, free pages included: that is where an erasure could leave words.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from sqlmodel import select

from tests.storage.encryption_support import (
    LAST_NAME,
    NOTE_TEXT,
    database_of,
    encrypted_folder,
    found_secrets,
    raw_bytes,
)
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import Worker
from zorgkoppel.core.services.gdpr import erase_person
from zorgkoppel.core.services.gdpr_backups import backups_holding, purge_person_from_backups
from zorgkoppel.storage import key_slots
from zorgkoppel.storage.backup import backup_folder, make_backup, summarize
from zorgkoppel.storage.integrity import integrity_check
from zorgkoppel.storage.opening import open_database

PAGE = 4096
RESERVE = 80  # IV (16) and HMAC (64)
WAL_HEADER, FRAME_HEADER = 32, 24
NOW = dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC)


def _decrypt_page(page: bytes, key: bytes, first: bool) -> bytes:
    start = 16 if first else 0  # the first page begins with the file's salt
    iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start:PAGE - RESERVE]) + decryptor.finalize()


def decrypted(path: Path, key: bytes) -> bytes:
    """Every page of an encrypted database file (and of its -wal), decrypted."""
    data = raw_bytes(path)
    pages = [_decrypt_page(data[i:i + PAGE], key, i == 0) for i in range(0, len(data), PAGE)]
    wal = raw_bytes(path.with_name(path.name + "-wal"))
    for offset in range(WAL_HEADER, len(wal) - FRAME_HEADER - PAGE + 1, FRAME_HEADER + PAGE):
        frame = wal[offset + FRAME_HEADER:offset + FRAME_HEADER + PAGE]
        page_number = int.from_bytes(wal[offset:offset + 4], "big")
        pages.append(_decrypt_page(frame, key, page_number == 1))
    return b"".join(pages)


def test_erasure_on_an_encrypted_folder_leaves_no_trace(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    key = encrypted_folder(data_dir)
    database = database_of(data_dir)
    assert LAST_NAME.encode() in decrypted(database, key)  # so the test means something
    db = open_database(data_dir, key=key)
    try:
        ctx = ServiceContext(db)
        with db.session() as session:
            worker = session.exec(select(Worker).where(Worker.last_name == LAST_NAME)).one()
        make_backup(data_dir, key=key)
        folders = [backup_folder(data_dir)]
        holding = backups_holding(folders, worker.id, key)
        # The backup just made, and the one from before encrypting (encrypted since).
        assert len(holding) >= 2
        assert all(NOTE_TEXT.encode() in decrypted(b.path, key) for b in holding)
        erase_person(ctx, worker.id, NOW)
        pages = decrypted(database, key)
        assert LAST_NAME.encode() not in pages and NOTE_TEXT.encode() not in pages
        assert found_secrets(raw_bytes(database)) == []
        outcomes = purge_person_from_backups(folders, worker.id, NOW, key)
    finally:
        db.dispose()
    assert [o.purged for o in outcomes] == [True] * len(holding)
    assert backups_holding(folders, worker.id, key) == []
    for outcome in outcomes:
        pages = decrypted(outcome.path, key)
        assert LAST_NAME.encode() not in pages and NOTE_TEXT.encode() not in pages
        # Still an encrypted backup the users' passwords open, whole, with the rest in it.
        assert found_secrets(raw_bytes(outcome.path)) == []
        assert integrity_check(outcome.path, key).ok
        assert key_slots.for_database(outcome.path).database_salt == key_slots.file_salt(
            outcome.path)
        summary = summarize(outcome.path, key)
        assert summary is not None and summary.workers == 0 and summary.organisations == 1
    assert integrity_check(database, key).ok
