"""The idle time before the window locks: 1 to 60 minutes, refused with a message otherwise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zorgkoppel.settings import (
    SETTINGS_FILE,
    Settings,
    SettingsError,
    load_settings,
    save_settings,
    set_lock_after_minutes,
)


def test_ten_minutes_unless_set(data_dir: Path) -> None:
    assert load_settings(data_dir).lock_after_minutes == 10
    settings = Settings()
    set_lock_after_minutes(data_dir, settings, 25)
    assert settings.lock_after_minutes == 25
    assert load_settings(data_dir).lock_after_minutes == 25


@pytest.mark.parametrize("minutes", [0, 61, -5])
def test_out_of_range_is_refused_and_nothing_saved(data_dir: Path, minutes: int) -> None:
    save_settings(data_dir, Settings(language="nl", lock_after_minutes=15))
    before = (data_dir / SETTINGS_FILE).read_bytes()
    settings = load_settings(data_dir)
    with pytest.raises(SettingsError) as raised:
        set_lock_after_minutes(data_dir, settings, minutes)
    assert raised.value.text() == (
        f"The window locks after 1 to 60 minutes without use; {minutes} is not possible. "
        "Nothing was saved.")
    assert settings.lock_after_minutes == 15
    assert (data_dir / SETTINGS_FILE).read_bytes() == before


@pytest.mark.parametrize("stored", [0, 61, "5", True, None, 7.5])
def test_a_bad_stored_value_falls_back_to_ten(data_dir: Path, stored: object) -> None:
    (data_dir / SETTINGS_FILE).write_text(json.dumps({"lock_after_minutes": stored}))
    assert load_settings(data_dir).lock_after_minutes == 10


def test_keeps_what_another_dialog_saved(data_dir: Path) -> None:
    window_copy = load_settings(data_dir)
    save_settings(data_dir, Settings(second_backup_folder="/media/usb"))
    set_lock_after_minutes(data_dir, window_copy, 5)
    stored = load_settings(data_dir)
    assert (stored.second_backup_folder, stored.lock_after_minutes) == ("/media/usb", 5)
