"""Shared fixtures: a fresh database per test, and a predictable language."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before Qt is imported anywhere: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import zorgkoppel.ui  # noqa: F401  (applies the Qt binding work-around for every test)
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.i18n import set_language
from zorgkoppel.storage.database import Database
from zorgkoppel.storage.opening import open_database


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    """Tests read English messages unless they choose a language themselves."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("ZORGKOPPEL_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_database(data_dir)
    yield database
    database.dispose()


@pytest.fixture
def ctx(db: Database) -> ServiceContext:
    return ServiceContext(db)
