"""Per-user settings kept as JSON next to the data (language, later backup folders)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from zorgkoppel.i18n.catalog import LANGUAGES

SETTINGS_FILE = "settings.json"


@dataclass
class Settings:
    language: str | None = None  # None: follow the system language
    demo_offered: bool = False
    second_backup_folder: str | None = None  # a USB stick or share: backups only
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
        retention_years=_years_or_none(raw.get("retention_years")),
    )


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
