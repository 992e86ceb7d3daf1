"""Social-economy workers with their skills and preferences."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_
from sqlmodel import Session, col, delete, select

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, PermissionDenied, Problems, ValidationError
from zorgkoppel.core.models import (
    AgreementWorker,
    Note,
    Organisation,
    RosterAssignment,
    RosterPresence,
    Task,
    Trajectory,
    Worker,
    WorkerPreference,
    WorkerSkill,
)
from zorgkoppel.core.models.roster_planning import SkillLevelChange
from zorgkoppel.core.models.types import utcnow
from zorgkoppel.core.rules.worker import SkillData, WorkerData, validate_worker
from zorgkoppel.core.services.access import require_role
from zorgkoppel.core.services.outcome import Outcome
from zorgkoppel.core.services.record_versions import check_version, stale_as_conflict
from zorgkoppel.core.services.visibility import employs, may_see_worker, worker_clause
from zorgkoppel.i18n import N_, NP_

MSG_NO_WORKER = N_("No worker with id {key}.")
MSG_OWN_WORKERS = N_("You may only change the workers of your own organisation.")


@dataclass(frozen=True)
class WorkerDetail:
    worker: Worker
    skills: list[WorkerSkill]
    preferences: dict[str, int]

    def as_data(self) -> WorkerData:
        w = self.worker
        return WorkerData(
            first_name=w.first_name,
            last_name=w.last_name,
            employer_id=w.employer_id,
            programme=w.programme,
            integration_start=w.integration_start,
            dutch_level=w.dutch_level,
            driving_licence=w.driving_licence,
            skills=[SkillData(s.task_code, s.level, s.since) for s in self.skills],
            preferences=dict(self.preferences),
        )


def list_workers(
    ctx: ServiceContext,
    search: str = "",
    employer_id: str | None = None,
    programme: str | None = None,
) -> list[Worker]:
    with ctx.db.session() as session:
        query = select(Worker).where(worker_clause(ctx, employer_id=Worker.employer_id))
        if employer_id:
            query = query.where(Worker.employer_id == employer_id)
        if programme:
            query = query.where(Worker.programme == programme)
        if search:
            pattern = f"%{search.lower()}%"
            query = query.where(
                or_(
                    func.lower(Worker.first_name).like(pattern),
                    func.lower(Worker.last_name).like(pattern),
                )
            )
        return list(
            session.exec(
                query.order_by(func.lower(Worker.last_name), func.lower(Worker.first_name))
            ).all()
        )


def get_worker(ctx: ServiceContext, worker_id: str) -> WorkerDetail:
    with ctx.db.session() as session:
        worker = session.get(Worker, worker_id)
        if worker is None or not may_see_worker(session, ctx, worker_id):
            raise NotFoundError(MSG_NO_WORKER, key=worker_id)
        skills = list(
            session.exec(
                select(WorkerSkill)
                .where(WorkerSkill.worker_id == worker_id)
                .order_by(WorkerSkill.task_code)
            ).all()
        )
        preferences = {
            p.task_code: p.weight
            for p in session.exec(
                select(WorkerPreference).where(WorkerPreference.worker_id == worker_id)
            ).all()
        }
    return WorkerDetail(worker, skills, preferences)


def _validate(session: Session, data: WorkerData) -> None:
    def organisation_kind(key: str) -> str | None:
        organisation = session.get(Organisation, key)
        return organisation.kind if organisation else None

    problems = validate_worker(
        data, organisation_kind, lambda code: session.get(Task, code) is not None
    )
    if problems:
        raise ValidationError(problems)


def write_worker_children(session: Session, worker_id: str, data: WorkerData) -> None:
    """Replace skills and preferences, keeping a skill's row when its task stays."""
    existing = {
        s.task_code: s
        for s in session.exec(select(WorkerSkill).where(WorkerSkill.worker_id == worker_id)).all()
    }
    wanted = {s.task: s for s in data.skills}
    now = utcnow()
    for code, row in existing.items():
        if code not in wanted:
            session.delete(row)
    for code, skill in wanted.items():
        row = existing.get(code)
        new_level = row is None or row.level != skill.level
        if row is None:
            session.add(
                WorkerSkill(
                    worker_id=worker_id, task_code=code, level=skill.level, since=skill.since
                )
            )
        elif (row.level, row.since) != (skill.level, skill.since):
            row.level, row.since, row.updated_at = skill.level, skill.since, now
            session.add(row)
        if new_level and skill.since is not None:
            # The skill progression (learning → with companion → independent) keeps every
            # dated level a worker reached, whichever screen changed it; an undated level
            # is no step in a progression and is not given an invented date.
            session.add(
                SkillLevelChange(
                    worker_id=worker_id, task_code=code, level=skill.level, since=skill.since
                )
            )
    session.exec(delete(WorkerPreference).where(col(WorkerPreference.worker_id) == worker_id))
    for code, weight in data.preferences.items():
        session.add(WorkerPreference(worker_id=worker_id, task_code=code, weight=weight))


def _require_employed(
    session: Session, ctx: ServiceContext, worker: Worker | None, worker_id: str
) -> None:
    """A worker is changed by its employer's job coaches; others see it at most."""
    if worker is None or not may_see_worker(session, ctx, worker_id):
        raise NotFoundError(MSG_NO_WORKER, key=worker_id)
    if not employs(ctx, worker):
        raise PermissionDenied(MSG_OWN_WORKERS)


def stored_worker(ctx: ServiceContext, worker_id: str) -> tuple[int, WorkerData]:
    """The stored version and data of a worker, as a conflict shows them."""
    detail = get_worker(ctx, worker_id)
    return detail.worker.version, detail.as_data()


def save_worker(
    ctx: ServiceContext, data: WorkerData, worker_id: str | None = None,
    expected_version: int | None = None,
) -> Outcome[Worker]:
    """Create (no id) or update a worker.

    With `expected_version` (the version the form loaded) a worker changed meanwhile is not
    overwritten: EditConflict, nothing saved.
    """
    require_role(ctx, "job_coach")
    with stale_as_conflict("worker", worker_id, expected_version, data,
                           lambda: stored_worker(ctx, worker_id or "")):
        return _save_worker(ctx, data, worker_id, expected_version)


def _save_worker(
    ctx: ServiceContext, data: WorkerData, worker_id: str | None, expected_version: int | None
) -> Outcome[Worker]:
    with ctx.db.transaction() as session:
        _validate(session, data)
        if worker_id is not None:
            _require_employed(session, ctx, session.get(Worker, worker_id), worker_id)
            check_version("worker", worker_id, session.get(Worker, worker_id).version,
                          expected_version, data, lambda: stored_worker(ctx, worker_id))
        if not ctx.actor.unrestricted and not ctx.actor.works_for(data.employer_id):
            raise PermissionDenied(MSG_OWN_WORKERS)
        if worker_id is None:
            worker = Worker(
                first_name=data.first_name.strip(),
                last_name=data.last_name.strip(),
                employer_id=data.employer_id,
                programme=data.programme,
            )
        else:
            found = session.get(Worker, worker_id)
            assert found is not None  # checked above
            worker = found
            worker.first_name, worker.last_name = data.first_name.strip(), data.last_name.strip()
            worker.employer_id, worker.programme = data.employer_id, data.programme
            worker.updated_at = utcnow()
        worker.integration_start = data.integration_start
        worker.dutch_level = data.dutch_level
        worker.driving_licence = data.driving_licence
        session.add(worker)
        session.flush()
        write_worker_children(session, worker.id, data)
    return Outcome(worker, Changes.of("workers"))


def delete_worker(ctx: ServiceContext, worker_id: str) -> Changes:
    require_role(ctx, "job_coach")
    with ctx.db.transaction() as session:
        worker = session.get(Worker, worker_id)
        _require_employed(session, ctx, worker, worker_id)
        used = 0
        for model in (AgreementWorker, Note, RosterAssignment, RosterPresence, Trajectory):
            used += session.exec(
                select(func.count()).select_from(model).where(model.worker_id == worker_id)
            ).one()
        if used:
            problems = Problems()
            problems.add_counted(
                "",
                NP_(
                    "This worker still has {count} placement, note, roster entry or trajectory; "
                    "it is kept for the file and the worker cannot be deleted.",
                    "This worker still has {count} placements, notes, roster entries or "
                    "trajectories; they are kept for the file and the worker cannot be deleted.",
                ),
                used,
            )
            problems.raise_if_any()
        session.delete(worker)
    return Changes.of("workers")
