"""The active gettext catalog.

msgids are English. Dutch (nl-BE) is the default language. Strings defined at module
level are marked with ``N_`` and translated with ``_`` when shown, so a language change
takes effect without re-importing anything.
"""

from __future__ import annotations

import gettext
import locale
import os
from collections.abc import Callable
from functools import cache

from zorgkoppel.paths import locale_dir, source_translations_dir

DOMAIN = "zorgkoppel"
LANGUAGES: tuple[str, ...] = ("nl", "fr", "en")
DEFAULT_LANGUAGE = "nl"
# Belgian variants for Dutch and French; English as written in Ireland: day-month-year
# dates and the euro sign in front, which reads naturally next to the Belgian formats.
_LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_IE"}

_state: dict[str, str] = {"language": DEFAULT_LANGUAGE}


@cache
def _translations(language: str) -> gettext.NullTranslations:
    compiled = locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if compiled.is_file():
        with compiled.open("rb") as file:
            return gettext.GNUTranslations(file)
    return _from_source(language)


def _from_source(language: str) -> gettext.NullTranslations:
    """A checkout whose catalogs were not compiled yet: compile the `.po` in memory."""
    source = source_translations_dir()
    po = source / language / "LC_MESSAGES" / f"{DOMAIN}.po" if source else None
    if po is None or not po.is_file():
        return gettext.NullTranslations()
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as file:
        messages = read_po(file, locale=language)
    buffer = BytesIO()
    write_mo(buffer, messages)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def normalise_language(value: str | None) -> str:
    """Map 'fr_BE.UTF-8', 'nl-BE', 'EN' … to one of LANGUAGES, falling back to Dutch."""
    if not value:
        return DEFAULT_LANGUAGE
    code = value.replace("-", "_").split(".")[0].split("_")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def system_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(var):
            return normalise_language(os.environ[var])
    try:
        return normalise_language(locale.getlocale()[0])
    except ValueError:
        return DEFAULT_LANGUAGE


def set_language(language: str) -> str:
    lang = normalise_language(language)
    _state["language"] = lang
    return lang


def current_language() -> str:
    return _state["language"]


def locale_for(language: str | None = None) -> str:
    return _LOCALES[normalise_language(language or current_language())]


def _(message: str) -> str:
    """Translate into the current language."""
    return _translations(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations(current_language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated later, when shown."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction; translated later with the count."""
    return singular, plural


def gettext_for(language: str) -> Callable[[str], str]:
    """A translate function for a fixed language, for documents printed in their own language."""
    return _translations(normalise_language(language)).gettext
