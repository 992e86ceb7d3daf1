"""Where the program finds its shipped resources and where it keeps the user's data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "zorgkoppel"
DATA_DIR_ENV = "ZORGKOPPEL_DATA_DIR"
DATABASE_FILE = "zorgkoppel.sqlite"


def _project_root() -> Path:
    # A PyInstaller bundle unpacks next to sys._MEIPASS; a source or editable install
    # keeps resources/ and translations/ two folders above the package.
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return _project_root() / "resources"


def translations_dir() -> Path:
    return _project_root() / "translations"


def font_path(name: str = "DejaVuSans.ttf") -> Path:
    return resources_dir() / "fonts" / name


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: the --data-dir option, else $ZORGKOPPEL_DATA_DIR, else the user folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser().resolve()
    return default_data_dir()
