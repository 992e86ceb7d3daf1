"""The demo's own task next to the built-in catalogue, and what every task asks of a worker."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zorgkoppel.core.tasks import BUILTIN_TASKS

CAFETERIA = "cafetaria"


@dataclass(frozen=True)
class TaskNeeds:
    needs_licence: bool
    min_dutch_level: str | None


def custom_tasks() -> list[dict[str, Any]]:
    """A file may add tasks; the residential care centre runs a cafeteria for residents."""
    return [
        {
            "code": CAFETERIA,
            "labels": {"nl": "Cafetaria", "fr": "Cafétéria", "en": "Cafeteria"},
            "client_contact": True,
            "needs_licence": False,
            "min_dutch_level": "A2",
        }
    ]


def task_needs() -> dict[str, TaskNeeds]:
    needs = {t.code: TaskNeeds(t.needs_licence, t.min_dutch_level) for t in BUILTIN_TASKS}
    for task in custom_tasks():
        needs[task["code"]] = TaskNeeds(task["needs_licence"], task["min_dutch_level"])
    return needs
