"""Translatable texts of widgets, re-read when the language changes while the program runs.

A widget's text is bound once to its English msgid; `retranslate()` sets every bound text
again through `_`, so switching language needs no rebuilt window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QPushButton

from zorgkoppel.i18n import _


class Texts:
    def __init__(self) -> None:
        self._bindings: list[tuple[Callable[[str], Any], str, dict[str, Any]]] = []
        self._hooks: list[Callable[[], Any]] = []

    def bind(self, setter: Callable[[str], Any], msgid: str, **params: Any) -> None:
        """Call `setter` with the translated text now and after every language change.

        Mark `msgid` with N_ where it is written, so it is extracted for translation.
        """
        self._bindings.append((setter, msgid, params))
        setter(_(msgid).format(**params) if params else _(msgid))

    def button(self, msgid: str, slot: Callable[[], Any], name: str) -> QPushButton:
        """A push button named `name` (for tests), with a bound caption, running `slot`."""
        button = QPushButton()
        button.setObjectName(name)
        self.bind(button.setText, msgid)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def on_retranslate(self, hook: Callable[[], Any]) -> None:
        """Run `hook` after a language change (combo boxes, computed texts)."""
        self._hooks.append(hook)

    def retranslate(self) -> None:
        alive = []
        for setter, msgid, params in self._bindings:
            try:
                setter(_(msgid).format(**params) if params else _(msgid))
            except RuntimeError:
                # The widget was deleted with its parent; forget it.
                continue
            alive.append((setter, msgid, params))
        self._bindings = alive
        for hook in self._hooks:
            hook()
