"""The Linux start-menu entry: the `.desktop` file and the icons, for the current user.

`zorgkoppel install-desktop-entry` copies them into the XDG folders ($XDG_DATA_HOME, else
~/.local/share): `applications/zorgkoppel.desktop` and `icons/hicolor/<size>/apps/`. The
entry starts the very program that installed it (its absolute path), so a venv or a bundle
outside $PATH starts from the menu too. `installer/linux/zorgkoppel.desktop` is the same text
with `Exec=zorgkoppel gui`, for distribution packages; a test keeps the two equal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from zorgkoppel.paths import APP_NAME, resources_dir

DESKTOP_FILE = f"{APP_NAME}.desktop"
ICON_SIZES: tuple[int, ...] = (16, 32, 48, 64, 128, 256)

# Translated documents, like the user guide: the desktop reads the [nl]/[fr] keys itself.
GENERIC_NAMES: dict[str, str] = {
    "": "Care and social-economy cooperation",
    "nl": "Samenwerking zorg en sociale economie",
    "fr": "Coopération soins et économie sociale",
}
COMMENTS: dict[str, str] = {
    "": "Agreements, daily roster, guidance notes and transition trajectories",
    "nl": "Overeenkomsten, dagplanning, begeleidingsnotities en doorstroomtrajecten",
    "fr": "Conventions, planning du jour, notes d'accompagnement et trajets de transition",
}
KEYWORDS: dict[str, str] = {
    "": "roster;agreement;contract;care;social economy;job coach;",
    "nl": "planning;overeenkomst;contract;zorg;sociale economie;jobcoach;maatwerkbedrijf;",
    "fr": "planning;convention;contrat;soins;économie sociale;job coach;",
}


@dataclass(frozen=True)
class DesktopFiles:
    """What an install wrote (or a removal took away)."""

    desktop_file: Path
    icons: tuple[Path, ...]

    @property
    def all(self) -> tuple[Path, ...]:
        return (self.desktop_file, *self.icons)


def xdg_data_home(environ: Mapping[str, str] | None = None) -> Path:
    """$XDG_DATA_HOME when it is an absolute path (the spec ignores a relative one), else
    ~/.local/share."""
    environ = os.environ if environ is None else environ
    value = environ.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path.home() / ".local" / "share"


def program_command() -> list[str]:
    """How to start this very program: the bundle itself, the `zorgkoppel` script beside the
    interpreter (a venv or pip install), else the interpreter with `-m zorgkoppel`."""
    executable = Path(sys.executable).resolve() if sys.executable else Path("python3")
    if getattr(sys, "frozen", False):
        return [str(executable)]
    script = Path(sys.executable).parent / APP_NAME  # not resolved: a venv's python links out
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [str(executable), "-m", APP_NAME]


def quote_exec_argument(argument: str) -> str:
    """One argument of the Exec key, quoted as the Desktop Entry spec asks.

    Inside double quotes `"`, `` ` ``, `$` and `\\` take a backslash; the string escape
    then doubles every backslash; a literal `%` is `%%` (field codes start with %)."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`=")
    argument = argument.replace("%", "%%")
    if argument and not reserved & set(argument):
        return argument
    quoted = "".join("\\" + char if char in '"`$\\' else char for char in argument)
    return '"' + quoted.replace("\\", "\\\\") + '"'


def _localised(key: str, values: Mapping[str, str]) -> list[str]:
    return [f"{key}[{lang}]={text}" if lang else f"{key}={text}" for lang, text in values.items()]


def desktop_entry_text(command: Sequence[str]) -> str:
    """The `.desktop` file that runs `command gui`."""
    exec_line = " ".join(quote_exec_argument(part) for part in [*command, "gui"])
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        f"Name={APP_NAME}",
        f"Name[nl]={APP_NAME}",
        f"Name[fr]={APP_NAME}",
        *_localised("GenericName", GENERIC_NAMES),
        *_localised("Comment", COMMENTS),
        *_localised("Keywords", KEYWORDS),
        f"Exec={exec_line}",
        f"Icon={APP_NAME}",
        "Terminal=false",
        "Categories=Office;",
        # Qt names the window after the desktop file (setDesktopFileName in ui/app.py), so
        # the dock groups the running window under this entry.
        f"StartupWMClass={APP_NAME}",
    ]
    return "\n".join(lines) + "\n"


def icon_sources() -> dict[str, Path]:
    """hicolor size folder → the shipped icon: PNGs per size, and the SVG as `scalable`."""
    icons = resources_dir() / "icons" / "hicolor"
    found = {f"{size}x{size}": icons / f"{size}x{size}" / "apps" / f"{APP_NAME}.png"
             for size in ICON_SIZES}
    found["scalable"] = resources_dir() / f"{APP_NAME}.svg"
    return found


def _targets(data_home: Path) -> DesktopFiles:
    icons = data_home / "icons" / "hicolor"
    return DesktopFiles(
        desktop_file=data_home / "applications" / DESKTOP_FILE,
        icons=tuple(icons / size / "apps" / source.name
                    for size, source in icon_sources().items()),
    )


def _write_atomically(target: Path, data: bytes) -> None:
    # A half-written .desktop file would show a broken menu entry: write beside, then swap.
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        temporary.write_bytes(data)
        temporary.chmod(0o644)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def install_desktop_entry(data_home: Path | None = None,
                          command: Sequence[str] | None = None) -> DesktopFiles:
    """Write the entry and the icons; the icons first, so the menu never shows an entry
    without its icon. Raises OSError (a read-only or full folder) after which a new try
    simply writes everything again."""
    data_home = xdg_data_home() if data_home is None else data_home
    targets = _targets(data_home)
    for source, target in zip(icon_sources().values(), targets.icons, strict=True):
        _write_atomically(target, source.read_bytes())
    text = desktop_entry_text(program_command() if command is None else command)
    _write_atomically(targets.desktop_file, text.encode("utf-8"))
    return targets


def remove_desktop_entry(data_home: Path | None = None) -> list[Path]:
    """Take away what install wrote (the entry first); returns the files that were there."""
    data_home = xdg_data_home() if data_home is None else data_home
    removed = []
    for path in _targets(data_home).all:
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed
