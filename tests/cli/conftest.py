"""The command line runs in-process; its language comes from the environment unless chosen."""

from __future__ import annotations

import gettext
from collections.abc import Callable

import pytest

from zorgkoppel.i18n import catalog


@pytest.fixture(autouse=True)
def english_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line picks the system language when nothing else is set: English here."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")


class FakeTranslations(gettext.NullTranslations):
    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self.messages = messages

    def gettext(self, message: str) -> str:
        return self.messages.get(message, message)


@pytest.fixture
def french_catalog(monkeypatch: pytest.MonkeyPatch) -> Callable[[dict[str, str]], None]:
    """Stand in for the French catalog, so a test sees that a message went through `_()`."""

    def install(messages: dict[str, str]) -> None:
        real = catalog._translations

        def translations(language: str) -> gettext.NullTranslations:
            return FakeTranslations(messages) if language == "fr" else real(language)

        monkeypatch.setattr(catalog, "_translations", translations)

    return install
