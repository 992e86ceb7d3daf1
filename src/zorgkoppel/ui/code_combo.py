"""A combo box of codes showing translated labels; the selected code is what a form saves."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QComboBox, QWidget

from zorgkoppel.core.codes import label
from zorgkoppel.i18n import _

Choices = Callable[[], Sequence[tuple[str, str]]]


def code_choices(codes: dict[str, str]) -> Choices:
    """Choices of a code list of core.codes, labels translated when asked."""
    return lambda: [(code, label(codes, code)) for code in codes]


class CodeCombo(QComboBox):
    """`choices()` gives (code, label) pairs; an empty entry (code None) comes first when
    `empty` names its msgid (for example "(none)" in a form or "All kinds" in a filter)."""

    def __init__(
        self, choices: Choices, empty: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._choices = choices
        self._empty = empty
        # Long names (organisations) must not push the search field away; the open list
        # still shows them whole.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)
        self.reload()

    def reload(self) -> None:
        """Re-read the choices (after a language switch or a data change), keeping the code.

        Signals are blocked: nothing the user did changed."""
        code = self.code()
        blocked = self.blockSignals(True)
        try:
            self.clear()
            if self._empty is not None:
                self.addItem(_(self._empty), None)
            for key, text in self._choices():
                self.addItem(text, key)
            self._select(code)
        finally:
            self.blockSignals(blocked)
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 24)

    def code(self) -> str | None:
        value = self.currentData()
        return value if isinstance(value, str) else None

    def set_code(self, code: str | None) -> None:
        self._select(code)

    def _select(self, code: str | None) -> None:
        if code is None:
            self.setCurrentIndex(0 if self.count() else -1)
            return
        position = self.findData(code)
        if position < 0:
            # A code outside the list (from an imported file) is shown as it is, not lost.
            self.addItem(code, code)
            position = self.count() - 1
        self.setCurrentIndex(position)
