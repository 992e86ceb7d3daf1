"""Rules for workers, their skills and preferences."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from zorgkoppel.core.codes import DUTCH_LEVELS, PROGRAMMES, SKILL_LEVELS, SOCIAL_ECONOMY_KINDS
from zorgkoppel.core.errors import Problem, Problems
from zorgkoppel.core.rules.values import check_code, require_text
from zorgkoppel.i18n import N_

PREFERENCE_RANGE = range(-2, 3)


@dataclass
class SkillData:
    task: str
    level: str
    since: dt.date | None = None


@dataclass
class WorkerData:
    first_name: str
    last_name: str
    employer_id: str
    programme: str
    integration_start: dt.date | None = None
    dutch_level: str | None = None
    driving_licence: bool = False
    skills: list[SkillData] = field(default_factory=list)
    preferences: dict[str, int] = field(default_factory=dict)


def validate_worker(
    data: WorkerData,
    organisation_kind: Callable[[str], str | None],
    task_exists: Callable[[str], bool],
) -> list[Problem]:
    """`organisation_kind(id)` and `task_exists(code)` look in the database or the file."""
    problems = Problems()
    require_text(problems, "first_name", data.first_name, 100)
    require_text(problems, "last_name", data.last_name, 100)
    check_code(problems, "programme", data.programme, PROGRAMMES)
    check_code(problems, "dutch_level", data.dutch_level, DUTCH_LEVELS, required=False)
    if not data.employer_id:
        problems.add("employer", N_("is required"))
    else:
        kind = organisation_kind(data.employer_id)
        if kind is None:
            problems.add("employer", N_("no organisation with id {key}"), key=data.employer_id)
        elif kind not in SOCIAL_ECONOMY_KINDS:
            problems.add(
                "employer",
                N_("must be a custom-work company or a local-services enterprise"),
            )
    seen: set[str] = set()
    for i, skill in enumerate(data.skills):
        where = f"skills[{i}]"
        if not task_exists(skill.task):
            problems.add(f"{where}.task", N_("unknown task '{value}'"), value=skill.task)
        if skill.task in seen:
            problems.add(f"{where}.task", N_("task '{value}' appears twice"), value=skill.task)
        seen.add(skill.task)
        check_code(problems, f"{where}.level", skill.level, SKILL_LEVELS)
    for task, weight in data.preferences.items():
        if not task_exists(task):
            problems.add(f"preferences.{task}", N_("unknown task '{value}'"), value=task)
        if weight not in PREFERENCE_RANGE:
            problems.add(f"preferences.{task}", N_("must be a whole number from -2 to 2"))
    return problems.items
