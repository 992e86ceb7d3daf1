"""A live database on a network share or in a sync folder is refused; a move fixes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.storage.support import add_organisations, organisation_names
from zorgkoppel.paths import DATABASE_FILE
from zorgkoppel.settings import SETTINGS_FILE, Settings, save_settings
from zorgkoppel.storage.network_folder import (
    MoveRefusedError,
    NetworkFolderError,
    find_network_folder,
    mount_type,
    move_to_local,
)
from zorgkoppel.storage.opening import open_database

MOUNTS = """\
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
//nas/gedeeld /mnt/nas cifs rw,relatime,vers=3.0 0 0
server:/export/home /home/nfs nfs4 rw,relatime 0 0
an@host:/data /mnt/ssh\\040map fuse.sshfs rw 0 0
https://dav.example/ /mnt/dav davfs rw 0 0
/dev/sdb1 /mnt/nas/local-stick vfat rw 0 0
"""


@pytest.fixture
def mounts(tmp_path: Path) -> Path:
    path = tmp_path / "mounts"
    path.write_text(MOUNTS, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("folder", "kind"),
    [
        ("/mnt/nas/zorgkoppel", "cifs"),
        ("/home/nfs/an/zorgkoppel", "nfs4"),
        ("/mnt/ssh map/data", "fuse.sshfs"),
        ("/mnt/dav", "davfs"),
    ],
)
def test_network_mounts_are_found(mounts: Path, folder: str, kind: str) -> None:
    finding = find_network_folder(Path(folder), platform="linux", mounts_file=mounts)
    assert finding is not None and finding.kind == kind and not finding.sync


@pytest.mark.parametrize("folder", ["/home/an/.local/share/zorgkoppel", "/mnt/nas/local-stick/x",
                                    "/mnt/nasa/data", "/"])
def test_local_folders_pass(mounts: Path, folder: str) -> None:
    assert find_network_folder(Path(folder), platform="linux", mounts_file=mounts) is None


def test_the_longest_mount_point_wins() -> None:
    assert mount_type(Path("/mnt/nas/local-stick/x"), MOUNTS) == "vfat"
    assert mount_type(Path("/mnt/nas/other"), MOUNTS) == "cifs"


@pytest.mark.parametrize(
    ("folder", "kind"),
    [
        ("/home/an/OneDrive - Zorg vzw/zorgkoppel", "OneDrive - Zorg vzw"),
        ("/home/an/Dropbox (Personal)/data", "Dropbox (Personal)"),
        ("/Users/an/Library/Mobile Documents/com~apple~CloudDocs/z", "Mobile Documents"),
        ("/home/an/Google Drive/z", "Google Drive"),
    ],
)
def test_sync_folders_are_found(mounts: Path, folder: str, kind: str) -> None:
    finding = find_network_folder(Path(folder), platform="linux", mounts_file=mounts)
    assert finding is not None and finding.kind == kind and finding.sync


def test_windows_unc_paths_are_network_folders() -> None:
    finding = find_network_folder(Path(r"\\nas\gedeeld\zorgkoppel"), platform="win32")
    assert finding is not None and finding.kind == "UNC path"
    onedrive = find_network_folder(Path(r"C:\Users\an\OneDrive\zorgkoppel"), platform="win32")
    assert onedrive is not None and onedrive.sync


def test_opening_a_sync_folder_is_refused_with_the_way_out(tmp_path: Path) -> None:
    folder = tmp_path / "OneDrive" / "zorgkoppel"
    with pytest.raises(NetworkFolderError) as caught:
        open_database(folder)
    text = caught.value.text()
    assert "sync folder" in text and str(folder) in text
    assert not (folder / DATABASE_FILE).exists()


def test_move_to_the_local_folder(tmp_path: Path) -> None:
    from zorgkoppel.core.context import ServiceContext
    from zorgkoppel.core.services import audit

    shared = tmp_path / "Dropbox" / "zorgkoppel"
    add_organisations_anywhere(shared)
    db = open_database(shared, allow_network_folder=True)
    audit.record(ServiceContext(db), audit.EXPORT)
    db.dispose()
    save_settings(shared, Settings(language="fr"))
    local = tmp_path / "local"
    assert move_to_local(shared, local) == local
    assert organisation_names(local / DATABASE_FILE) == ["A"]
    assert (local / SETTINGS_FILE).exists()
    assert (shared / DATABASE_FILE).exists()  # the original is left for the user
    # The audit chain's head came along: the moved trail still checks against it.
    assert (local / "audit-head").read_bytes() == (shared / "audit-head").read_bytes()
    with pytest.raises(MoveRefusedError):
        move_to_local(shared, local)


def add_organisations_anywhere(folder: Path) -> None:
    db = open_database(folder, allow_network_folder=True)
    db.dispose()
    from zorgkoppel.core.context import ServiceContext
    from zorgkoppel.core.rules.organisation import OrganisationData
    from zorgkoppel.core.services.organisations import save_organisation

    db = open_database(folder, allow_network_folder=True)
    save_organisation(ServiceContext(db), OrganisationData(name="A", kind="other"))
    db.dispose()


def test_backups_may_go_to_a_network_folder(data_dir: Path, tmp_path: Path) -> None:
    from zorgkoppel.storage.backup import make_backup

    add_organisations(data_dir, "A")
    result = make_backup(data_dir, second_folder=tmp_path / "OneDrive" / "backups")
    assert result.copies and result.failed_copies == ()
