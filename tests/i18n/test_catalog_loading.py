"""Where the catalogs come from: the package's compiled ones, or a checkout's .po files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from zorgkoppel.i18n import catalog
from zorgkoppel.paths import locale_dir


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    catalog._translations.cache_clear()
    yield
    catalog._translations.cache_clear()


def test_the_package_holds_the_compiled_catalogs() -> None:
    for language in ("nl", "fr", "en"):
        assert (locale_dir() / language / "LC_MESSAGES" / "zorgkoppel.mo").is_file()


def test_a_checkout_without_compiled_catalogs_translates_from_the_po_files(
    fresh_cache: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalog, "locale_dir", lambda: tmp_path)
    assert catalog._translations("nl").gettext("&Settings") == "&Instellingen"
    assert catalog._translations("fr").gettext("&Settings") == "&Paramètres"


def test_without_any_catalog_the_english_msgids_show(
    fresh_cache: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalog, "locale_dir", lambda: tmp_path)
    monkeypatch.setattr(catalog, "source_translations_dir", lambda: None)
    assert catalog._translations("nl").gettext("&Settings") == "&Settings"
