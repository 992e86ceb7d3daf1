"""Translations (gettext catalogs in translations/) and locale-aware formatting (babel).

Nothing here imports Qt, so core services, documents and the command line share it.
"""

from zorgkoppel.i18n.catalog import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    N_,
    NP_,
    _,
    current_language,
    gettext_for,
    locale_for,
    ngettext,
    set_language,
)

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "NP_",
    "N_",
    "_",
    "current_language",
    "gettext_for",
    "locale_for",
    "ngettext",
    "set_language",
]
