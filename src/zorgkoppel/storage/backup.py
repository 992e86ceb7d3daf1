"""Backups of the database with SQLite's online backup API, checked and thinned.

A backup is a single self-contained SQLite file (journal mode DELETE, no -wal beside it)
named `zorgkoppel-YYYYMMDD-HHMMSS.sqlite` in the `backups` folder of the data folder, and
optionally copied to a second folder (a USB stick or a network share: backups may live
there, the live database may not). Every copy passes `integrity_check` before it takes its
final name, so a half-written or damaged copy is never mistaken for a backup.

A backup of an encrypted database is encrypted with the same data key, and the key slots
go with it (`…sqlite.keys.json` beside the copy), so it restores with the users' passwords.
Backups are the owner's only (folder 0700, files 0600).

Retention thins old backups the way Anki does: the newest of each of the last 12 days,
then of 10 weeks, then of 9 months; backups of the last hour are always kept.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Iterable, Sequence
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.i18n import N_
from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.storage import key_slots
from zorgkoppel.storage.audit_head import ChainHead, head_path, read_head, sidecar_of, write_head
from zorgkoppel.storage.disk_errors import DiskFullError, is_disk_full
from zorgkoppel.storage.integrity import CheckResult, integrity_check
from zorgkoppel.storage.permissions import create_private_file, make_private, private_folder
from zorgkoppel.storage.sqlite_driver import DRIVER_ERRORS, connect, file_is_encrypted

if TYPE_CHECKING:
    from zorgkoppel.settings import Settings

BACKUP_FOLDER = "backups"
PREFIX = "zorgkoppel-"
SUFFIX = ".sqlite"
AUTOMATIC_INTERVAL = dt.timedelta(minutes=30)
KEEP_DAILY = 12
KEEP_WEEKLY = 10
KEEP_MONTHLY = 9
KEEP_RECENT = dt.timedelta(hours=1)

# zorgkoppel-20261123-162100.sqlite, or with a reason: zorgkoppel-20261123-162100-restore.sqlite
_NAME = re.compile(r"^zorgkoppel-(\d{8}-\d{6})(?:-([a-z0-9-]+))?\.sqlite$")
_STAMP = "%Y%m%d-%H%M%S"


class BackupError(ZorgkoppelError):
    """A backup could not be written; the database itself was not touched."""


MSG_KEY_NEEDED = N_("The database {path} is encrypted: log in (or give the passphrase) to "
                    "copy it. Nothing was changed.")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime  # local time, from the name
    reason: str  # "" for a regular backup, "restore" or "upgrade" for a safety copy
    size: int


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, shown in the restore list."""

    revision: str | None
    organisations: int
    workers: int
    agreements: int
    notes: int


@dataclass(frozen=True)
class BackupResult:
    path: Path
    copies: tuple[Path, ...]  # in the second folder
    failed_copies: tuple[tuple[Path, str], ...]  # folder, reason
    removed: tuple[Path, ...]  # thinned away


def backup_folder(data_dir: Path) -> Path:
    return data_dir / BACKUP_FOLDER


def backup_name(when: dt.datetime, reason: str = "") -> str:
    return f"{PREFIX}{when.strftime(_STAMP)}{'-' + reason if reason else ''}{SUFFIX}"


def parse_backup_name(path: Path) -> tuple[dt.datetime, str] | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        when = dt.datetime.strptime(match.group(1), _STAMP)
    except ValueError:
        return None
    return when, match.group(2) or ""


def fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; Windows cannot open a folder and has no need.
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _unique(path: Path) -> Path:
    """Two backups in the same second (a test, a double click) must not overwrite each other."""
    candidate, number = path, 1
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


def _copy_database(source: Path, temporary: Path, key: bytes | None) -> None:
    create_private_file(temporary)
    with closing(connect(source, key, isolation_level=None)) as live, closing(
        connect(temporary, key, isolation_level=None)
    ) as copy:
        # The online backup API copies a consistent snapshot while others keep writing.
        live.backup(copy)
        # One self-contained file: a backup moved to a stick must not need a -wal beside it.
        copy.execute("PRAGMA journal_mode=DELETE")


def write_checked_copy(source: Path, target: Path, key: bytes | None = None) -> CheckResult:
    """Copy the database `source` to `target`, checked; no file appears at `target` unless whole.

    An encrypted `source` needs its data `key`; the copy is encrypted with it and gets the
    source's key slots beside it. Raises BackupError (or DiskFullError) and leaves nothing
    behind when it fails.
    """
    encrypted = file_is_encrypted(source)
    if encrypted and key is None:
        raise BackupError(MSG_KEY_NEEDED, path=str(source))
    private_folder(target.parent)
    temporary = target.with_name(target.name + ".partial")
    try:
        temporary.unlink(missing_ok=True)
        _copy_database(source, temporary, key if encrypted else None)
        result = integrity_check(temporary, key)
        if not result.ok:
            raise BackupError(
                N_("The backup of {path} failed its integrity check and was not kept: "
                   "{findings}"),
                path=str(source), findings="; ".join(result.findings),
            )
        fsync_file(temporary)
        if encrypted:
            # The slots first: a copy without them could never be opened.
            slots = key_slots.for_database(source)
            key_slots.write(key_slots.slots_path(target),
                            key_slots.KeySlotFile(key_slots.file_salt(temporary),
                                                  slots.key_check, slots.slots))
        else:
            key_slots.discard(target)
        os.replace(temporary, target)
        fsync_folder(target.parent)
    except (OSError, *DRIVER_ERRORS) as error:
        temporary.unlink(missing_ok=True)
        if is_disk_full(error):
            raise DiskFullError(str(target.parent)) from error
        raise BackupError(
            N_("The backup could not be written to {path}: {reason}"),
            path=str(target), reason=str(getattr(error, "strerror", None) or error),
        ) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return CheckResult(target, True)


def copy_file_checked(source: Path, target: Path) -> None:
    """Copy a finished backup file (to the second folder) through a temporary name."""
    private_folder(target.parent)
    temporary = target.with_name(target.name + ".partial")
    try:
        temporary.unlink(missing_ok=True)
        create_private_file(temporary)
        shutil.copyfile(source, temporary)
        make_private(temporary)
        fsync_file(temporary)
        slots = key_slots.slots_path(source)
        if slots.exists():
            shutil.copyfile(slots, key_slots.slots_path(target))
            make_private(key_slots.slots_path(target))
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise


def make_backup(
    data_dir: Path,
    target: Path | None = None,
    second_folder: Path | None = None,
    reason: str = "",
    now: dt.datetime | None = None,
    thin: bool = True,
    key: bytes | None = None,
) -> BackupResult:
    """Back up the database of `data_dir`.

    Without `target` it goes to the backups folder (and a copy to `second_folder`), and old
    backups there are thinned. A failing second folder (stick pulled out) is reported in
    the result, never an error: the first backup is already safe. `key` is the data key of
    an encrypted database.
    """
    source = data_dir / DATABASE_FILE
    if not source.is_file():
        raise BackupError(N_("There is no database in {folder} to back up."),
                          folder=str(data_dir))
    when = now or dt.datetime.now()
    # Read before the copy: every entry up to this head is in the snapshot.
    head = read_head(head_path(data_dir))
    if target is not None:
        write_checked_copy(source, target, key)
        _keep_head(target, head)
        return BackupResult(target, (), (), ())
    path = _unique(backup_folder(data_dir) / backup_name(when, reason))
    write_checked_copy(source, path, key)
    _keep_head(path, head)
    removed: list[Path] = []
    if thin:
        removed.extend(thin_folder(backup_folder(data_dir), when))
    copies: list[Path] = []
    failed: list[tuple[Path, str]] = []
    if second_folder is not None:
        try:
            copy = _unique(second_folder / path.name)
            copy_file_checked(path, copy)
            _keep_head(copy, head)
            copies.append(copy)
            if thin:
                removed.extend(thin_folder(second_folder, when))
        except OSError as error:
            failed.append((second_folder, error.strerror or str(error)))
    return BackupResult(path, tuple(copies), tuple(failed), tuple(removed))


def _keep_head(backup: Path, head: ChainHead | None) -> None:
    """The audit chain head beside the backup (`audit verify` compares the trail with it)."""
    if head is None:
        return
    # The backup itself is what counts; without its head verify lacks one comparison.
    with suppress(OSError):
        write_head(sidecar_of(backup), head)


def list_backups(folders: Iterable[Path]) -> list[BackupInfo]:
    """The backups in these folders, newest first (unreadable folders are skipped)."""
    found: list[BackupInfo] = []
    for folder in folders:
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for path in entries:
            parsed = parse_backup_name(path)
            if parsed is None:
                continue
            try:
                size = path.stat().st_size
            except OSError:
                continue
            found.append(BackupInfo(path, parsed[0], parsed[1], size))
    found.sort(key=lambda info: (info.taken_at, info.path.name), reverse=True)
    return found


def last_backup(folders: Iterable[Path]) -> BackupInfo | None:
    backups = list_backups(folders)
    return backups[0] if backups else None


def newest_good_backup(folders: Iterable[Path], key: bytes | None = None) -> Path | None:
    """The newest backup that passes the full integrity check (encrypted ones with `key`)."""
    for info in list_backups(folders):
        if integrity_check(info.path, key).ok:
            return info.path
    return None


def backups_to_remove(backups: Sequence[BackupInfo], now: dt.datetime) -> list[BackupInfo]:
    """The regular backups thinning drops: keep the newest per day, then week, then month.

    Safety copies (before a restore or an upgrade) are not thinned: they are rare and are
    the way back from a mistake.
    """
    remove: list[BackupInfo] = []
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    # Weeks and months already represented by any kept backup, of whatever kind.
    covered_weeks: set[tuple[int, int]] = set()
    covered_months: set[tuple[int, int]] = set()
    regular = sorted((b for b in backups if not b.reason), key=lambda b: b.taken_at,
                     reverse=True)
    for backup in regular:
        when = backup.taken_at
        day = when.date()
        week = (when.isocalendar().year, when.isocalendar().week)
        month = (when.year, when.month)
        if now - when < KEEP_RECENT or (day not in days and len(days) < KEEP_DAILY):
            days.add(day)
        elif day in days or week in covered_weeks:
            remove.append(backup)
            continue
        elif len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
        elif month in covered_months or len(months) >= KEEP_MONTHLY:
            remove.append(backup)
            continue
        else:
            months.add(month)
        covered_weeks.add(week)
        covered_months.add(month)
    return remove


def thin_folder(folder: Path, now: dt.datetime) -> list[Path]:
    removed = []
    for backup in backups_to_remove(list_backups([folder]), now):
        try:
            backup.path.unlink()
            sidecar_of(backup.path).unlink(missing_ok=True)
            removed.append(backup.path)
            key_slots.discard(backup.path)
        except OSError:
            continue  # a read-only stick: keep it, try again next time
    return removed


def summarize(path: Path, key: bytes | None = None) -> BackupSummary | None:
    """Counts of what a backup holds, or None when it cannot be read (or not with `key`)."""
    tables = ("organisation", "worker", "agreement", "note")
    counts: dict[str, int] = {}
    encrypted = file_is_encrypted(path)
    if encrypted and key is None:
        return None
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        with closing(connect(uri, key if encrypted else None, uri=True)) as db:
            present = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            for table in tables:
                counts[table] = (
                    db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                    if table in present else 0
                )
            revision = (
                db.execute("SELECT version_num FROM alembic_version").fetchone()[0]
                if "alembic_version" in present else None
            )
    except DRIVER_ERRORS:
        return None
    return BackupSummary(revision, counts["organisation"], counts["worker"],
                         counts["agreement"], counts["note"])


def is_due(last: dt.datetime | None, now: dt.datetime) -> bool:
    """An automatic backup is due when none was made in the last 30 minutes."""
    return last is None or now - last >= AUTOMATIC_INTERVAL


def second_folder_of(settings: Settings) -> Path | None:
    return Path(settings.second_backup_folder) if settings.second_backup_folder else None


def backup_folders(data_dir: Path, settings: Settings) -> list[Path]:
    """Where backups of this data folder live: its own folder, then the second one if set."""
    folders = [backup_folder(data_dir)]
    second = second_folder_of(settings)
    if second is not None:
        folders.append(second)
    return folders


def back_up_data_folder(data_dir: Path, now: dt.datetime | None = None,
                        key: bytes | None = None) -> BackupResult:
    """The regular backup (on close, every 30 minutes, Settings, `zorgkoppel backup`)."""
    from zorgkoppel.settings import load_settings

    settings = load_settings(data_dir)
    return make_backup(data_dir, second_folder=second_folder_of(settings), now=now, key=key)
