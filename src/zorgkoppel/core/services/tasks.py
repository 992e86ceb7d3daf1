"""The task catalogue: built-in tasks and a data set's own."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import select

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.codes import DUTCH_LEVELS
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import Problem, Problems
from zorgkoppel.core.models import Task
from zorgkoppel.core.models.types import utcnow
from zorgkoppel.core.rules.values import check_code, require_text
from zorgkoppel.core.services.access import require_admin
from zorgkoppel.core.services.outcome import Outcome
from zorgkoppel.core.tasks import BUILTIN_TASKS
from zorgkoppel.i18n import N_
from zorgkoppel.storage.database import Database

CODE_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_-")


@dataclass
class TaskData:
    code: str
    label_nl: str
    label_fr: str
    label_en: str
    client_contact: bool = False
    needs_licence: bool = False
    min_dutch_level: str | None = None


def validate_task(data: TaskData) -> list[Problem]:
    problems = Problems()
    require_text(problems, "code", data.code, 64)
    if data.code and not set(data.code) <= CODE_CHARS:
        problems.add("code", N_("may only hold lower-case letters, digits, '_' and '-'"))
    require_text(problems, "labels.nl", data.label_nl, 120)
    require_text(problems, "labels.fr", data.label_fr, 120)
    require_text(problems, "labels.en", data.label_en, 120)
    check_code(problems, "min_dutch_level", data.min_dutch_level, DUTCH_LEVELS, required=False)
    return problems.items


def ensure_builtin_tasks(db: Database) -> None:
    """Add built-in tasks that are missing; never overwrite what a user or a file changed."""
    with db.transaction() as session:
        present = set(session.exec(select(Task.code)).all())
        for task in BUILTIN_TASKS:
            if task.code not in present:
                session.add(
                    Task(
                        code=task.code,
                        label_nl=task.label_nl,
                        label_fr=task.label_fr,
                        label_en=task.label_en,
                        client_contact=task.client_contact,
                        needs_licence=task.needs_licence,
                        min_dutch_level=task.min_dutch_level,
                        builtin=True,
                    )
                )


def list_tasks(ctx: ServiceContext) -> list[Task]:
    with ctx.db.session() as session:
        return list(session.exec(select(Task).order_by(Task.builtin.desc(), Task.code)).all())


def task_labels(ctx: ServiceContext, language: str) -> dict[str, str]:
    return {t.code: t.label(language) for t in list_tasks(ctx)}


def save_task(ctx: ServiceContext, data: TaskData) -> Outcome[Task]:
    """Create a task, or change one (built-in tasks too: labels, licence, Dutch level)."""
    require_admin(ctx)
    problems = Problems()
    problems.extend(validate_task(data))
    problems.raise_if_any()
    with ctx.db.transaction() as session:
        task = session.get(Task, data.code) or Task(
            code=data.code, label_nl="", label_fr="", label_en=""
        )
        task.label_nl, task.label_fr, task.label_en = data.label_nl, data.label_fr, data.label_en
        task.client_contact = data.client_contact
        task.needs_licence = data.needs_licence
        task.min_dutch_level = data.min_dutch_level
        task.updated_at = utcnow()
        session.add(task)
    return Outcome(task, Changes.of("tasks"))
