"""Per-user settings kept as JSON next to the data (language, later backup folders)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.i18n import N_
from zorgkoppel.i18n.catalog import LANGUAGES

SETTINGS_FILE = "settings.json"
LOCK_MINUTES_DEFAULT = 10
LOCK_MINUTES_MIN, LOCK_MINUTES_MAX = 1, 60
MSG_LOCK_MINUTES = N_("The window locks after {low} to {high} minutes without use; {value} is "
                      "not possible. Nothing was saved.")


class SettingsError(ZorgkoppelError):
    """A setting out of its range; the settings file is left as it was."""


@dataclass
class Settings:
    language: str | None = None  # None: follow the system language
    demo_offered: bool = False
    second_backup_folder: str | None = None  # a USB stick or share: backups only
    lock_after_minutes: int = LOCK_MINUTES_DEFAULT  # no input for this long locks the window
    retention_years: int | None = None  # erase notes N years after the last placement; None: off


def load_settings(data_dir: Path) -> Settings:
    path = data_dir / SETTINGS_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    language = raw.get("language")
    return Settings(
        language=language if language in LANGUAGES else None,
        demo_offered=bool(raw.get("demo_offered", False)),
        second_backup_folder=_text_or_none(raw.get("second_backup_folder")),
        lock_after_minutes=_lock_minutes_or_default(raw.get("lock_after_minutes")),
        retention_years=_years_or_none(raw.get("retention_years")),
    )


def _lock_minutes_valid(value: object) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)
            and LOCK_MINUTES_MIN <= value <= LOCK_MINUTES_MAX)


def _lock_minutes_or_default(value: object) -> int:
    return value if _lock_minutes_valid(value) else LOCK_MINUTES_DEFAULT  # type: ignore[return-value]


def set_lock_after_minutes(data_dir: Path, settings: Settings, minutes: int) -> None:
    """Save the idle time before the window locks; SettingsError (nothing saved) if out of range.

    The file is read afresh so settings saved by a dialog meanwhile are kept; `settings`
    (the window's own copy) follows.
    """
    if not _lock_minutes_valid(minutes):
        raise SettingsError(MSG_LOCK_MINUTES, low=LOCK_MINUTES_MIN, high=LOCK_MINUTES_MAX,
                            value=minutes)
    stored = load_settings(data_dir)
    stored.lock_after_minutes = minutes
    save_settings(data_dir, stored)
    settings.lock_after_minutes = minutes


def _years_or_none(value: object) -> int | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 1
    return value if ok else None  # type: ignore[return-value]


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def save_settings(data_dir: Path, settings: Settings) -> None:
    """Write through a temporary file so a crash never leaves half a settings file."""
    from zorgkoppel.storage.permissions import private_folder, write_private_text

    private_folder(data_dir)
    write_private_text(data_dir / SETTINGS_FILE, json.dumps(asdict(settings), indent=2))
