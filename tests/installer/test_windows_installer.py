"""The Inno Setup script cannot be compiled here; its sections, paths and version are checked
against the package and the PyInstaller spec, so it cannot drift from them unseen."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import zorgkoppel

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "installer" / "windows"
SCRIPT = WINDOWS / "zorgkoppel.iss"


def sections(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        heading = re.fullmatch(r"\[(\w+)\]", line)
        if heading:
            current = heading.group(1)
            found.setdefault(current, [])
        elif current:
            found[current].append(line)
    return found


def entries(lines: list[str]) -> list[dict[str, str]]:
    """`Name: "x"; Filename: "y"; Flags: a b` lines as dicts."""
    parsed = []
    for line in lines:
        fields = {}
        for part in line.split(";"):
            key, _sep, value = part.strip().partition(":")
            fields[key.strip()] = value.strip().strip('"')
        parsed.append(fields)
    return parsed


@pytest.fixture(scope="module")
def script() -> str:
    return SCRIPT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def setup(script: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in sections(script)["Setup"])


def defined(script: str, name: str) -> str:
    match = re.search(rf'^#define {name} "(.*)"$', script, re.M)
    assert match, name
    return match.group(1)


def test_the_version_is_the_packages(script: str, setup: dict[str, str]) -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert defined(script, "AppVersion") == zorgkoppel.__version__ == pyproject["project"][
        "version"]
    assert setup["VersionInfoVersion"] == setup["AppVersion"] == "{#AppVersion}"
    assert "{#AppVersion}" in setup["OutputBaseFilename"]


def test_per_user_without_administrator_rights(setup: dict[str, str]) -> None:
    assert setup["PrivilegesRequired"] == "lowest"
    # {userpf} is %LOCALAPPDATA%\Programs
    assert setup["DefaultDirName"] == r"{userpf}\{#AppName}"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["UsePreviousAppDir"] == "yes"  # an upgrade goes where the old version is


def test_the_icon_and_the_bundle_are_where_the_script_looks(
        script: str, setup: dict[str, str]) -> None:
    icon = (WINDOWS / setup["SetupIconFile"].replace("\\", "/")).resolve()
    assert icon == ROOT / "src" / "zorgkoppel" / "resources" / "zorgkoppel.ico"
    assert icon.read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO file
    spec = (ROOT / "installer" / "zorgkoppel.spec").read_text(encoding="utf-8")
    assert 'name="zorgkoppel"' in spec and "zorgkoppel.ico" in spec
    assert defined(script, "AppExe") == "zorgkoppel.exe"
    [files] = entries(sections(script)["Files"])
    assert files["Source"] == r"..\..\dist\zorgkoppel\*"  # PyInstaller's onedir output
    assert {"recursesubdirs", "createallsubdirs"} <= set(files["Flags"].split())
    assert setup["UninstallDisplayIcon"] == r"{app}\{#AppExe}"


def test_start_menu_entry_and_an_optional_desktop_icon(script: str) -> None:
    parts = sections(script)
    [task] = entries(parts["Tasks"])
    assert task["Name"] == "desktopicon" and task["Flags"] == "unchecked"
    icons = {entry["Name"].split("\\")[0]: entry for entry in entries(parts["Icons"])}
    assert set(icons) == {"{userprograms}", "{userdesktop}"}
    assert icons["{userdesktop}"]["Tasks"] == "desktopicon"
    assert "Tasks" not in icons["{userprograms}"]


def test_three_languages_and_every_message_in_each(script: str) -> None:
    parts = sections(script)
    assert [entry["Name"] for entry in entries(parts["Languages"])] == ["nl", "fr", "en"]
    messages: dict[str, set[str]] = {}
    for line in parts["CustomMessages"]:
        key = line.split("=", 1)[0]
        language, name = key.split(".")
        messages.setdefault(name, set()).add(language)
    assert messages == {"DataKept": {"nl", "fr", "en"}, "DesktopIcon": {"nl", "fr", "en"}}


def test_uninstall_keeps_the_data_folder_and_names_it(script: str) -> None:
    parts = sections(script)
    removed = " ".join(parts.get("UninstallDelete", []))
    assert "{userappdata}" not in removed and "{localappdata}" not in removed
    # The folder named in the goodbye message is the one the program uses on Windows
    # (platformdirs' roaming user data folder, %APPDATA%\zorgkoppel).
    assert r"{userappdata}\{#AppName}" in " ".join(parts["Code"])
    paths = (ROOT / "src" / "zorgkoppel" / "paths.py").read_text(encoding="utf-8")
    assert "roaming=True" in paths and 'APP_NAME = "zorgkoppel"' in paths


def test_the_one_command_build_runs_the_spec_and_the_script() -> None:
    build = (WINDOWS / "build.ps1").read_text(encoding="utf-8")
    assert r"installer\zorgkoppel.spec" in build and r"installer\windows\zorgkoppel.iss" in build
    assert "build.ps1" in (ROOT / "README.md").read_text(encoding="utf-8")
