"""The Linux start-menu entry: its text, its icons and the user's XDG folders."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from zorgkoppel.desktop_entry import (
    ICON_SIZES,
    desktop_entry_text,
    icon_sources,
    install_desktop_entry,
    program_command,
    quote_exec_argument,
    remove_desktop_entry,
    xdg_data_home,
)

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "installer" / "linux" / "zorgkoppel.desktop"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _keys(text: str) -> dict[str, str]:
    lines = text.splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def _validate(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (Debian package desktop-file-utils)")
    done = subprocess.run([tool, str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_shipped_entry_is_the_generated_one_with_the_plain_command() -> None:
    assert SHIPPED.read_text(encoding="utf-8") == desktop_entry_text(["zorgkoppel"])
    keys = _keys(SHIPPED.read_text(encoding="utf-8"))
    assert keys["Exec"] == "zorgkoppel gui"
    assert keys["Icon"] == "zorgkoppel" and keys["Categories"] == "Office;"
    for key in ("Name", "GenericName", "Comment"):
        assert {key, f"{key}[nl]", f"{key}[fr]"} <= set(keys)
    assert keys["Comment[nl]"] != keys["Comment"] != keys["Comment[fr]"]


def test_the_shipped_entry_passes_desktop_file_validate() -> None:
    _validate(SHIPPED)


def test_every_icon_size_is_a_png_of_that_size_and_the_svg_is_scalable() -> None:
    sources = icon_sources()
    assert set(sources) == {f"{n}x{n}" for n in ICON_SIZES} | {"scalable"}
    for size in ICON_SIZES:
        data = sources[f"{size}x{size}"].read_bytes()
        assert data.startswith(PNG_SIGNATURE)
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert (width, height) == (size, size)
    assert sources["scalable"].read_text(encoding="utf-8").lstrip().startswith("<svg")


def test_install_writes_the_entry_and_icons_into_the_xdg_folders(tmp_path: Path) -> None:
    command = ["/opt/my programs/zorgkoppel"]
    written = install_desktop_entry(tmp_path, command)

    entry = tmp_path / "applications" / "zorgkoppel.desktop"
    assert written.desktop_file == entry
    assert _keys(entry.read_text(encoding="utf-8"))["Exec"] == '"/opt/my programs/zorgkoppel" gui'
    assert stat.S_IMODE(entry.stat().st_mode) == 0o644
    for size in ICON_SIZES:
        icon = tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "zorgkoppel.png"
        assert icon in written.icons and icon.read_bytes().startswith(PNG_SIGNATURE)
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "zorgkoppel.svg").is_file()
    assert not list(tmp_path.rglob(".*.tmp"))
    _validate(entry)


def test_install_again_replaces_and_remove_takes_everything_away(tmp_path: Path) -> None:
    install_desktop_entry(tmp_path, ["/old/zorgkoppel"])
    again = install_desktop_entry(tmp_path, ["/new/zorgkoppel"])
    assert "Exec=/new/zorgkoppel gui" in again.desktop_file.read_text(encoding="utf-8")

    removed = remove_desktop_entry(tmp_path)
    assert set(removed) == set(again.all)
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]
    assert remove_desktop_entry(tmp_path) == []  # nothing left to remove: no error


def test_a_read_only_folder_raises_and_writes_no_entry(tmp_path: Path) -> None:
    if not hasattr(os, "geteuid") or os.geteuid() == 0:
        pytest.skip("root (or Windows) writes into read-only folders")
    applications = tmp_path / "applications"
    applications.mkdir()
    applications.chmod(0o500)
    try:
        with pytest.raises(OSError):
            install_desktop_entry(tmp_path, ["zorgkoppel"])
        assert not (applications / "zorgkoppel.desktop").exists()
    finally:
        applications.chmod(0o700)


def test_exec_arguments_are_quoted_as_the_spec_asks() -> None:
    assert quote_exec_argument("/usr/bin/zorgkoppel") == "/usr/bin/zorgkoppel"
    assert quote_exec_argument("/home/an/my venv/bin/zorgkoppel") == (
        '"/home/an/my venv/bin/zorgkoppel"')
    assert quote_exec_argument("100%") == "100%%"
    assert quote_exec_argument('a"b$c') == '"a\\\\"b\\\\$c"'
    assert quote_exec_argument("a\\b") == '"a\\\\\\\\b"'


def test_xdg_data_home_follows_the_environment_and_ignores_a_relative_path() -> None:
    assert xdg_data_home({"XDG_DATA_HOME": "/x/share"}) == Path("/x/share")
    fallback = Path.home() / ".local" / "share"
    assert xdg_data_home({"XDG_DATA_HOME": "relative/share"}) == fallback
    assert xdg_data_home({}) == fallback


def test_the_program_command_starts_this_installation() -> None:
    command = program_command()
    script = Path(sys.executable).parent / "zorgkoppel"
    if script.is_file():
        assert command == [str(script)]
    else:
        assert command[1:] == ["-m", "zorgkoppel"]
