"""Is a folder on a network share or in a sync folder? Then the live database may not live there.

SQLite's locking and WAL need one machine's memory-mapped file and reliable file locks;
network file systems and sync programs (which upload a half-written file or put an older
copy back) break both, and the database gets damaged. Backups may go there.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.i18n import N_

NETWORK_FILE_SYSTEMS = frozenset({
    "cifs", "smb", "smb2", "smb3", "smbfs", "nfs", "nfs4", "sshfs", "fuse.sshfs", "davfs",
    "fuse.davfs", "9p", "afs", "ncpfs", "fuse.rclone", "fuse.s3fs", "fuse.gvfsd-fuse",
})
# Folder names the sync programs create; compared case-insensitively, also as a prefix
# ("OneDrive - Company", "Dropbox (Personal)", "Google Drive", "iCloud Drive").
SYNC_FOLDER_PREFIXES = ("onedrive", "dropbox", "google drive", "googledrive", "my drive",
                        "icloud drive", "iclouddrive", "mobile documents", "pcloud drive",
                        "nextcloud", "owncloud", "box sync", "sync.com")
_DRIVE_REMOTE = 4  # GetDriveTypeW: DRIVE_REMOTE

MSG_NETWORK = N_(
    "The data folder {folder} is on a network share ({kind}). A database there can be "
    "damaged when the connection drops or two computers write at once. Move the data to "
    "the local data folder {local}; backups may still go to the network share."
)
MSG_SYNC = N_(
    "The data folder {folder} is inside a sync folder ({kind}). The sync program can copy a "
    "half-written database or put an older copy back, which damages the data. Move the "
    "data to the local data folder {local}; backups may still go to the sync folder."
)


@dataclass(frozen=True)
class Finding:
    kind: str  # "cifs", "UNC path", "network drive", "OneDrive" …
    sync: bool  # a sync folder rather than a network share


class NetworkFolderError(ZorgkoppelError):
    def __init__(self, folder: Path, finding: Finding, local: Path) -> None:
        super().__init__(MSG_SYNC if finding.sync else MSG_NETWORK,
                         folder=str(folder), kind=finding.kind, local=str(local))
        self.folder = folder
        self.finding = finding
        self.local = local


def _unescape_mount(field: str) -> str:
    # /proc/mounts writes spaces, tabs, newlines and backslashes in octal.
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def mount_type(path: Path, mounts: str) -> str | None:
    """The file-system type of the mount holding `path`, from /proc/mounts text."""
    best: tuple[int, str] | None = None
    target = str(path)
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = _unescape_mount(parts[1]).rstrip("/") or "/"
        inside = point == "/" or target == point or target.startswith(point + "/")
        if inside and (best is None or len(point) >= best[0]):
            best = (len(point), parts[2])
    return best[1] if best else None


def _windows_drive_is_remote(drive: str) -> bool:
    import ctypes

    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == _DRIVE_REMOTE)  # type: ignore[attr-defined]


def sync_folder_name(path: Path | PureWindowsPath) -> str | None:
    for part in path.parts:
        lowered = part.lower()
        for prefix in SYNC_FOLDER_PREFIXES:
            if lowered.startswith(prefix):
                return part
    return None


def find_network_folder(
    path: Path,
    platform: str = sys.platform,
    mounts_file: Path = Path("/proc/mounts"),
) -> Finding | None:
    """Why `path` is on a network share or in a sync folder, or None for a local folder."""
    if platform == "win32":
        windows = PureWindowsPath(str(path))
        if windows.drive.startswith(("\\\\", "//")):
            return Finding("UNC path", False)
        if windows.drive and platform == sys.platform and _windows_drive_is_remote(
            windows.drive
        ):
            return Finding("network drive", False)
    elif str(path).startswith("//"):
        return Finding("UNC path", False)
    else:
        try:
            mounts = mounts_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            mounts = ""
        kind = mount_type(Path(os.path.abspath(path)), mounts) if mounts else None
        if kind is not None and (kind in NETWORK_FILE_SYSTEMS or kind.startswith("fuse.sshfs")):
            return Finding(kind, False)
    name = sync_folder_name(PureWindowsPath(str(path)) if platform == "win32" else path)
    if name is not None:
        return Finding(name, True)
    return None


def refuse_network_folder(data_dir: Path, local: Path) -> None:
    """Raise NetworkFolderError when the live database would sit on a share or sync folder."""
    finding = find_network_folder(data_dir)
    if finding is not None:
        raise NetworkFolderError(data_dir, finding, local)


class MoveRefusedError(ZorgkoppelError):
    pass


def move_to_local(data_dir: Path, local: Path) -> Path:
    """Copy the database (checked) and settings from `data_dir` to `local`; returns `local`.

    The original stays where it was (the user may delete it later), so nothing can be lost
    half-way. A local folder that already holds a database is never overwritten.
    """
    from zorgkoppel.paths import DATABASE_FILE
    from zorgkoppel.settings import SETTINGS_FILE
    from zorgkoppel.storage.audit_head import head_path
    from zorgkoppel.storage.audit_head import pending_path as pending_head_path
    from zorgkoppel.storage.backup import copy_file_checked, write_checked_copy

    if (local / DATABASE_FILE).exists():
        raise MoveRefusedError(
            N_("The local data folder {local} already holds a database; it was not "
               "overwritten. Restore or remove it first."),
            local=str(local),
        )
    local.mkdir(parents=True, exist_ok=True)
    if (data_dir / DATABASE_FILE).is_file():
        write_checked_copy(data_dir / DATABASE_FILE, local / DATABASE_FILE)
    settings = data_dir / SETTINGS_FILE
    if settings.is_file() and not (local / SETTINGS_FILE).exists():
        copy_file_checked(settings, local / SETTINGS_FILE)
    # The audit chain's head goes along, or the moved trail could be rewritten unseen.
    for head in (head_path(data_dir), pending_head_path(data_dir)):
        if head.is_file():
            copy_file_checked(head, local / head.name)
    return local
