"""The interface language: our gettext catalogs, Qt's own translations and the Qt locale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from zorgkoppel.i18n import locale_for, set_language

# Language names are written in their own language, as every program lists them, so a
# user who cannot read the current language still finds theirs.
LANGUAGE_NAMES: dict[str, str] = {"nl": "Nederlands", "fr": "Français", "en": "English"}

_installed: dict[str, QTranslator] = {}


def apply_language(language: str) -> str:
    """Switch gettext, Qt's standard dialogs (qtbase_xx) and the QLocale; returns the code."""
    code = set_language(language)
    QLocale.setDefault(QLocale(locale_for(code)))
    app = QCoreApplication.instance()
    if app is None:
        return code
    previous = _installed.pop("qtbase", None)
    if previous is not None:
        app.removeTranslator(previous)
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{code}", folder):
        app.installTranslator(translator)
        _installed["qtbase"] = translator
    return code
