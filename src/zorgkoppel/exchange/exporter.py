"""Exporting the whole data set as an exchange file (EXCHANGE.md, version 1).

Every section is written, records in key order, each with its `updated_at`; built-in tasks
only when they were changed. What was exported is recorded as agreed (SyncState), so a
later import of the partner's file can tell who changed a record since. When the file
cannot be written, nothing is recorded.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from sqlmodel import Session

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import PermissionDenied, ZorgkoppelError
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.sharing import SharingSelection
from zorgkoppel.core.services.sync import record_agreed
from zorgkoppel.exchange.importer import MSG_EXCHANGE_NEEDS_ALL
from zorgkoppel.exchange.sections import SECTIONS
from zorgkoppel.exchange.values import FORMAT, VERSION, timestamp_text
from zorgkoppel.i18n import N_


class ExchangeWriteError(ZorgkoppelError):
    """The exchange file could not be written; the database was not changed."""


def export_exchange(ctx: ServiceContext, only: SharingSelection | None = None) -> dict[str, Any]:
    """The whole data set as an exchange document (a JSON-ready dict), or the records of a
    sharing package (`only`)."""
    if only is None:
        _require_everything_visible(ctx)
    with ctx.db.transaction() as session:
        document = _export(session, only)
        _audit(session, ctx, audit.EXPORT, people_in_document(document))
        return document


def write_exchange_file(
    ctx: ServiceContext, path: os.PathLike[str] | str, only: SharingSelection | None = None
) -> None:
    """Export to `path` (UTF-8, indented) through a temporary file, so no half file is left."""
    if only is None:
        # A selection (a sharing package, a person's data) was built for the actor already.
        _require_everything_visible(ctx)
    target = Path(path)
    with ctx.db.transaction() as session:
        document = _export(session, only)
        _audit(session, ctx, audit.EXPORT, people_in_document(document))
        # Written inside the transaction: if the file fails, the agreed times roll back.
        _write_atomically(target, json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def people_in_document(document: dict[str, Any]) -> list[str]:
    """The workers an exchange document is about: its workers and whose notes or
    trajectories it holds."""
    found = {record.get("id") for record in document.get("workers", ())}
    for section in ("notes", "trajectories"):
        found.update(record.get("worker_id") for record in document.get(section, ()))
    return sorted(key for key in found if isinstance(key, str) and key)


def _audit(session: Session, ctx: ServiceContext, action: str, people: list[str]) -> None:
    """One entry per person, so each person's access history shows the file; an
    entry without a person when the file holds none."""
    items: list[tuple[list[str], str | None]] = [([key], key) for key in people] or [([], None)]
    audit.append_entries(session, ctx.actor.name, action, items)


def _require_everything_visible(ctx: ServiceContext) -> None:
    if not ctx.actor.unrestricted:
        raise PermissionDenied(MSG_EXCHANGE_NEEDS_ALL)


def _export(session: Session, only: SharingSelection | None = None) -> dict[str, Any]:
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for section in SECTIONS:
        records = []
        agreed: dict[str, dt.datetime] = {}
        keys = None if only is None else only.keys.get(section.name, frozenset())
        loaded = section.load(session, keys) if keys is None or keys else {}
        for key, stored in sorted(loaded.items()):
            if section.pristine(stored):
                continue
            record = section.render(key, stored.data)
            if only is not None:
                record = only.redact(section.name, record)
            record["updated_at"] = timestamp_text(stored.updated_at)
            records.append(record)
            agreed[key] = stored.updated_at
        document[section.name] = records
        record_agreed(session, section.name, agreed)
    return document


def _write_atomically(target: Path, text: str) -> None:
    # The file is written beside the target and renamed over it: through a symbolic link
    # that must replace the file it points at, and a folder, device or pipe (/dev/stdout)
    # must be refused rather than replaced.
    if target.is_symlink():
        target = target.resolve()
    if target.is_dir():
        raise ExchangeWriteError(N_("{path} is a folder, not a file."), path=str(target))
    if target.exists() and not target.is_file():
        raise ExchangeWriteError(N_("{path} is not a regular file."), path=str(target))
    # Keep the permissions of a file being replaced; a new one is readable like any document.
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
    temporary: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=target.parent, prefix=f".{target.name}.",
            suffix=".tmp", delete=False,
        ) as handle:
            temporary = handle.name
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise ExchangeWriteError(
            N_("Cannot write the file {path}: {reason}"),
            path=str(target),
            reason=error.strerror or str(error),
        ) from None
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
