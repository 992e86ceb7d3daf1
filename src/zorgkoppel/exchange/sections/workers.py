"""The `workers` section, with each worker's skills and preferences."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from typing import Any

from sqlmodel import Session, col, select

from zorgkoppel.core.errors import Problem
from zorgkoppel.core.models import Worker, WorkerPreference, WorkerSkill
from zorgkoppel.core.models.types import new_id
from zorgkoppel.core.rules.roster import WorkerFacts
from zorgkoppel.core.rules.worker import SkillData, WorkerData, validate_worker
from zorgkoppel.exchange.reader import Reader
from zorgkoppel.exchange.sections.base import (
    Parsed,
    References,
    Section,
    Stored,
)
from zorgkoppel.exchange.values import date_text
from zorgkoppel.storage.bulk import batches, delete_where_in


class WorkersSection(Section[WorkerData]):
    name = "workers"
    area = "workers"
    fields = frozenset(
        {"id", "first_name", "last_name", "employer", "programme", "integration_start",
         "dutch_level", "driving_licence", "skills", "preferences", "updated_at"}
    )

    def parse(self, reader: Reader, item: Mapping[str, Any]) -> Parsed[WorkerData]:
        skills = []
        for where, raw in reader.items(item, "skills"):
            skill = reader.fields(raw, where, {"task", "level", "since"})
            if skill is not None:
                skills.append(
                    SkillData(
                        task=reader.text(skill, "task", where, 64) or "",
                        level=reader.text(skill, "level", where, 20) or "",
                        since=reader.date(skill, "since", where),
                    )
                )
        preferences: dict[str, int] = {}
        for task, where, weight in reader.entries(item, "preferences"):
            value = reader.integer_value(weight, where)
            if value is not None:
                preferences[task] = value
        data = WorkerData(
            first_name=reader.text(item, "first_name", max_length=100) or "",
            last_name=reader.text(item, "last_name", max_length=100) or "",
            employer_id=reader.text(item, "employer", max_length=64) or "",
            programme=reader.text(item, "programme", max_length=32) or "",
            integration_start=reader.date(item, "integration_start"),
            dutch_level=reader.text(item, "dutch_level", max_length=8),
            driving_licence=reader.boolean(item, "driving_licence"),
            skills=skills,
            preferences=preferences,
        )
        key = reader.text(item, "id", max_length=64, required=True)
        return Parsed(key, reader.timestamp(item, "updated_at"), data)

    def validate(self, key: str, data: WorkerData, refs: References) -> list[Problem]:
        return validate_worker(data, refs.organisation_kind, refs.tasks.__contains__)

    def overlay(self, refs: References, key: str, data: WorkerData) -> None:
        refs.workers[key] = WorkerFacts(
            data.driving_licence, data.dutch_level, {s.task: s.level for s in data.skills}
        )
        refs.worker_employers[key] = data.employer_id

    def render(self, key: str, data: WorkerData) -> dict[str, Any]:
        return {
            "id": key,
            "first_name": data.first_name,
            "last_name": data.last_name,
            "employer": data.employer_id,
            "programme": data.programme,
            "integration_start": date_text(data.integration_start),
            "dutch_level": data.dutch_level,
            "driving_licence": data.driving_licence,
            "skills": [
                {"task": s.task, "level": s.level, "since": date_text(s.since)}
                for s in sorted(data.skills, key=lambda s: s.task)
            ],
            "preferences": dict(sorted(data.preferences.items())),
        }

    def load(self, session: Session, keys: Collection[str] | None) -> dict[str, Stored[WorkerData]]:
        workers: list[Worker] = []
        skills: dict[str, list[SkillData]] = {}
        preferences: dict[str, dict[str, int]] = {}
        for batch in [None] if keys is None else batches(keys):
            worker_query = select(Worker)
            skill_query = select(WorkerSkill).order_by(WorkerSkill.task_code)
            preference_query = select(WorkerPreference).order_by(WorkerPreference.task_code)
            if batch is not None:
                worker_query = worker_query.where(col(Worker.id).in_(batch))
                skill_query = skill_query.where(col(WorkerSkill.worker_id).in_(batch))
                preference_query = preference_query.where(
                    col(WorkerPreference.worker_id).in_(batch)
                )
            workers.extend(session.exec(worker_query).all())
            for s in session.exec(skill_query).all():
                skills.setdefault(s.worker_id, []).append(SkillData(s.task_code, s.level, s.since))
            for p in session.exec(preference_query).all():
                preferences.setdefault(p.worker_id, {})[p.task_code] = p.weight
        return {
            w.id: Stored(
                w.updated_at,
                WorkerData(
                    first_name=w.first_name,
                    last_name=w.last_name,
                    employer_id=w.employer_id,
                    programme=w.programme,
                    integration_start=w.integration_start,
                    dutch_level=w.dutch_level,
                    driving_licence=w.driving_licence,
                    skills=skills.get(w.id, []),
                    preferences=preferences.get(w.id, {}),
                ),
                w.id,
            )
            for w in workers
        }

    model = Worker

    def columns(self, data: WorkerData) -> dict[str, Any]:
        return {
            "first_name": data.first_name,
            "last_name": data.last_name,
            "employer_id": data.employer_id,
            "programme": data.programme,
            "integration_start": data.integration_start,
            "dutch_level": data.dutch_level,
            "driving_licence": data.driving_licence,
        }

    def children(
        self, worker_id: str, data: WorkerData, now: dt.datetime
    ) -> dict[type[Any], list[dict[str, Any]]]:
        stamp = {"created_at": now, "updated_at": now}
        return {
            WorkerSkill: [
                {"id": new_id(), "worker_id": worker_id, "task_code": s.task,
                 "level": s.level, "since": s.since, **stamp}
                for s in data.skills
            ],
            WorkerPreference: [
                {"id": new_id(), "worker_id": worker_id, "task_code": task, "weight": weight,
                 **stamp}
                for task, weight in data.preferences.items()
            ],
        }

    def delete_children(self, session: Session, worker_ids: Collection[str]) -> None:
        delete_where_in(session, WorkerSkill.worker_id, worker_ids)
        delete_where_in(session, WorkerPreference.worker_id, worker_ids)
