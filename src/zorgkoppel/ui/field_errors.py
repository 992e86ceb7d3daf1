"""Validation problems shown next to the field they concern, in red, under the field.

A Problem's `field` is a name (`enterprise_number`) or a path (`skills[1].level`,
`preferences.kitchen`); it goes to the label registered for the longest matching name, or
to the form's general label when no field matches (for example "still in use").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QLabel, QWidget

from zorgkoppel.core.errors import Problem
from zorgkoppel.ui.look import WARNING, set_text_colour

# Turns the rest of a path under a field ("[1].level") and the message into a sentence.
Describe = Callable[[str, str], str]


def error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    set_text_colour(label, WARNING)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def _matches(problem_field: str, name: str) -> bool:
    return (
        problem_field == name
        or problem_field.startswith(name + ".")
        or problem_field.startswith(name + "[")
    )


class FieldErrors:
    def __init__(self, general: QLabel) -> None:
        self._general = general
        self._labels: dict[str, QLabel] = {}
        self._describers: dict[str, Describe] = {}
        self._problems: list[Problem] = []

    def add(self, field: str, label: QLabel, describe: Describe | None = None) -> QLabel:
        self._labels[field] = label
        if describe is not None:
            self._describers[field] = describe
        return label

    def label_for(self, field: str) -> QLabel:
        return self._labels[field]

    def show(self, problems: Sequence[Problem]) -> None:
        self._problems = list(problems)
        self._render()

    def clear(self) -> None:
        self.show([])

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems)

    def retranslate(self) -> None:
        self._render()

    def _render(self) -> None:
        texts: dict[str, list[str]] = {name: [] for name in self._labels}
        general: list[str] = []
        for problem in self._problems:
            names = [n for n in self._labels if _matches(problem.field, n)]
            if names:
                name = max(names, key=len)
                texts[name].append(self._describe(problem, name))
            else:
                general.append(str(problem))
        for name, label in self._labels.items():
            label.setText("\n".join(texts[name]))
            label.setVisible(bool(texts[name]))
        self._general.setText("\n".join(general))
        self._general.setVisible(bool(general))

    def _describe(self, problem: Problem, name: str) -> str:
        # Under a table, the rest of the path says which row: "[1].level".
        rest = problem.field[len(name):].lstrip(".")
        if not rest:
            return problem.text()
        describe = self._describers.get(name)
        return describe(rest, problem.text()) if describe else f"{rest}: {problem.text()}"
