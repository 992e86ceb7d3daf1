"""Skill levels over time: learning → with_companion → independent, each change dated.

For drivers IKOO's practice is three weeks from first ride-along to driving alone: the
roster shows a hint for whoever has been `with_companion` on a task for three weeks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import col, select

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.codes import SKILL_LEVELS
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, PermissionDenied, Problem, ValidationError
from zorgkoppel.core.models import SkillLevelChange, Task, Worker, WorkerSkill
from zorgkoppel.core.services.access import require_role
from zorgkoppel.core.services.visibility import employs, may_see_worker
from zorgkoppel.i18n import N_

COMPANION_WEEKS = 3


@dataclass(frozen=True)
class CompanionHint:
    """`worker_id` has done `task` with a companion since `since`: time to go on alone?"""

    worker_id: str
    task: str
    since: dt.date
    weeks: int


def record_skill_level(
    ctx: ServiceContext, worker_id: str, task: str, level: str, since: dt.date
) -> Changes:
    """Set the worker's level on a task from `since` on, and keep the change in the history."""
    require_role(ctx, "job_coach")
    with ctx.db.transaction() as session:
        worker = session.get(Worker, worker_id)
        if worker is None or not may_see_worker(session, ctx, worker_id):
            raise NotFoundError(N_("No worker with id {key}."), key=worker_id)
        if not employs(ctx, worker):
            raise PermissionDenied(N_("You may only change the workers of your own organisation."))
        problems: list[Problem] = []
        if level not in SKILL_LEVELS:
            problems.append(Problem("level", N_("unknown level '{value}'"), {"value": level}))
        if session.get(Task, task) is None:
            problems.append(Problem("task", N_("unknown task '{value}'"), {"value": task}))
        if problems:
            raise ValidationError(problems)
        skill = session.exec(
            select(WorkerSkill).where(WorkerSkill.worker_id == worker_id,
                                      WorkerSkill.task_code == task)
        ).first()
        if skill is None:
            skill = WorkerSkill(worker_id=worker_id, task_code=task, level=level, since=since)
        else:
            skill.level, skill.since = level, since
        session.add(skill)
        session.add(SkillLevelChange(worker_id=worker_id, task_code=task, level=level,
                                     since=since))
    return Changes.of("workers", "roster")


def skill_history(ctx: ServiceContext, worker_id: str) -> list[SkillLevelChange]:
    """The worker's recorded level changes, oldest first."""
    with ctx.db.session() as session:
        if not may_see_worker(session, ctx, worker_id):
            raise NotFoundError(N_("No worker with id {key}."), key=worker_id)
        return list(session.exec(
            select(SkillLevelChange)
            .where(SkillLevelChange.worker_id == worker_id)
            .order_by(SkillLevelChange.since, SkillLevelChange.created_at)
        ).all())


def companion_hints(
    ctx: ServiceContext, worker_ids: Sequence[str], day: dt.date
) -> list[CompanionHint]:
    """Workers `with_companion` on a task for at least three weeks on `day`."""
    with ctx.db.session() as session:
        skills = session.exec(
            select(WorkerSkill)
            .where(col(WorkerSkill.worker_id).in_(list(worker_ids)))
            .where(WorkerSkill.level == "with_companion")
        ).all()
    return [
        CompanionHint(s.worker_id, s.task_code, s.since, (day - s.since).days // 7)
        for s in sorted(skills, key=lambda s: (s.worker_id, s.task_code))
        if s.since is not None and (day - s.since).days >= 7 * COMPANION_WEEKS
    ]
