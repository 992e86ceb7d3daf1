"""Where the program finds its shipped resources and where it keeps the user's data."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "zorgkoppel"
DATA_DIR_ENV = "ZORGKOPPEL_DATA_DIR"
DATABASE_FILE = "zorgkoppel.sqlite"


def _package_folder(name: str) -> Path:
    # Package data, found the same way from a checkout, a wheel and a PyInstaller bundle
    # (which collects it under the package's folder).
    from importlib.resources import files

    return Path(str(files("zorgkoppel") / name))


def resources_dir() -> Path:
    """Fonts and icons shipped inside the package."""
    return _package_folder("resources")


def locale_dir() -> Path:
    """The compiled catalogs (`<lang>/LC_MESSAGES/zorgkoppel.mo`), made when the package is
    built (setup.py) or by `make catalogs` in a checkout."""
    return _package_folder("locale")


def source_translations_dir() -> Path | None:
    """The `.po` catalogs of a source checkout (`translations/`), None in an installed copy."""
    folder = Path(__file__).resolve().parents[2] / "translations"
    return folder if folder.is_dir() else None


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
