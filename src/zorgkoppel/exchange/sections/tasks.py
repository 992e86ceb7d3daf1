"""The `tasks` section: a data set's own tasks and changed built-in ones, keyed on `code`."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from sqlmodel import Session, select

from zorgkoppel.core.errors import Problem
from zorgkoppel.core.models import Task
from zorgkoppel.core.rules.roster import TaskFacts
from zorgkoppel.core.services.tasks import TaskData, validate_task
from zorgkoppel.core.tasks import BUILTIN_TASKS
from zorgkoppel.exchange.reader import Reader
from zorgkoppel.exchange.sections.base import (
    Parsed,
    References,
    Section,
    Stored,
)

_BUILTIN = {
    t.code: TaskData(t.code, t.label_nl, t.label_fr, t.label_en, t.client_contact,
                     t.needs_licence, t.min_dutch_level)
    for t in BUILTIN_TASKS
}


class TasksSection(Section[TaskData]):
    name = "tasks"
    area = "tasks"
    key_field = "code"
    fields = frozenset(
        {"code", "labels", "client_contact", "needs_licence", "min_dutch_level", "updated_at"}
    )

    def parse(self, reader: Reader, item: Mapping[str, Any]) -> Parsed[TaskData]:
        code = reader.text(item, "code", max_length=64, required=True)
        labels = reader.child(item, "labels", "", {"nl", "fr", "en"})
        data = TaskData(
            code=code or "",
            label_nl=reader.text(labels, "nl", "labels", 120) or "",
            label_fr=reader.text(labels, "fr", "labels", 120) or "",
            label_en=reader.text(labels, "en", "labels", 120) or "",
            client_contact=reader.boolean(item, "client_contact"),
            needs_licence=reader.boolean(item, "needs_licence"),
            min_dutch_level=reader.text(item, "min_dutch_level", max_length=8),
        )
        return Parsed(code, reader.timestamp(item, "updated_at"), data)

    def validate(self, key: str, data: TaskData, refs: References) -> list[Problem]:
        return validate_task(data)

    def overlay(self, refs: References, key: str, data: TaskData) -> None:
        refs.tasks[key] = TaskFacts(data.needs_licence, data.min_dutch_level)

    def render(self, key: str, data: TaskData) -> dict[str, Any]:
        return {
            "code": data.code,
            "labels": {"nl": data.label_nl, "fr": data.label_fr, "en": data.label_en},
            "client_contact": data.client_contact,
            "needs_licence": data.needs_licence,
            "min_dutch_level": data.min_dutch_level,
        }

    def load(self, session: Session, keys: Collection[str] | None) -> dict[str, Stored[TaskData]]:
        wanted = None if keys is None else set(keys)
        return {
            t.code: Stored(
                t.updated_at,
                TaskData(t.code, t.label_nl, t.label_fr, t.label_en, t.client_contact,
                         t.needs_licence, t.min_dutch_level),
                t.code,
            )
            for t in session.exec(select(Task).order_by(Task.code)).all()
            if wanted is None or t.code in wanted
        }

    model = Task
    primary_key = "code"

    def columns(self, data: TaskData) -> dict[str, Any]:
        return {
            "label_nl": data.label_nl,
            "label_fr": data.label_fr,
            "label_en": data.label_en,
            "client_contact": data.client_contact,
            "needs_licence": data.needs_licence,
            "min_dutch_level": data.min_dutch_level,
            "builtin": data.code in _BUILTIN,
        }

    def pristine(self, stored: Stored[TaskData]) -> bool:
        # A built-in task as shipped is no user data: it is not exported and a file may
        # change it without a conflict.
        return _BUILTIN.get(stored.row_id) == stored.data
