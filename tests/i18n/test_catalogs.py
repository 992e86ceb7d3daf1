"""Every user-visible string of the program is translated into Dutch and French."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from zorgkoppel.paths import source_translations_dir

SOURCE = Path(__file__).resolve().parents[2] / "src"
KEYWORDS = {"_": None, "N_": None, "NP_": (1, 2), "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@cache
def source_messages() -> frozenset[str]:
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(SOURCE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return frozenset(found)


def catalog(language: str) -> Catalog:
    source = source_translations_dir()
    assert source is not None
    path = source / language / "LC_MESSAGES" / "zorgkoppel.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def test_sources_have_messages() -> None:
    assert len(source_messages()) > 50


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_every_message_is_translated(language: str) -> None:
    entries = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog(language) if m.id}
    missing = sorted(source_messages() - set(entries))
    assert not missing, f"{len(missing)} messages missing from {language}: {missing[:10]}"
    untranslated = sorted(
        key
        for key in source_messages()
        if not entries[key].string
        or (isinstance(entries[key].string, tuple) and not all(entries[key].string))
    )
    assert not untranslated, f"{len(untranslated)} untranslated in {language}: {untranslated[:10]}"
    fuzzy = sorted(key for key in source_messages() if entries[key].fuzzy)
    assert not fuzzy, f"fuzzy in {language}: {fuzzy[:10]}"


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_translations_keep_their_placeholders(language: str) -> None:
    for message in catalog(language):
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            if text:
                assert set(PLACEHOLDER.findall(text)) == expected, (message.id, text)


def test_compiled_catalog_is_used() -> None:
    from zorgkoppel.i18n import _, set_language

    set_language("nl")
    try:
        assert _("Care facility") != "Care facility"
    finally:
        set_language("en")
