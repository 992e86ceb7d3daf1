"""The `roster_days` section, keyed on site and date: posts, presence, assignments, review."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from sqlmodel import Session, select

from zorgkoppel.core.errors import Problem
from zorgkoppel.core.models import RosterDay
from zorgkoppel.core.models.types import new_id
from zorgkoppel.core.rules.roster import (
    AssignmentData,
    PostData,
    PresenceData,
    RosterDayData,
    check_roster_day,
)
from zorgkoppel.core.rules.values import MSG_REQUIRED
from zorgkoppel.core.services.roster import (
    delete_roster_children,
    load_roster_days,
    roster_child_rows,
)
from zorgkoppel.core.services.sync import roster_day_key
from zorgkoppel.exchange.reader import Reader
from zorgkoppel.exchange.sections.base import (
    Parsed,
    References,
    Section,
    Stored,
)
from zorgkoppel.exchange.values import date_text, time_text


class RosterDaysSection(Section[RosterDayData]):
    name = "roster_days"
    area = "roster"
    key_field = "date"
    fields = frozenset(
        {"site", "date", "posts", "presence", "assignments", "review", "updated_at"}
    )

    def parse(self, reader: Reader, item: Mapping[str, Any]) -> Parsed[RosterDayData]:
        posts = []
        for where, raw in reader.items(item, "posts"):
            post = reader.fields(raw, where, {"id", "task", "from", "to", "needed", "label"})
            if post is not None:
                needed = reader.integer(post, "needed", where)
                posts.append(
                    PostData(
                        key=reader.text(post, "id", where, 64) or "",
                        task=reader.text(post, "task", where, 64) or "",
                        start=reader.time(post, "from", where),
                        end=reader.time(post, "to", where),
                        needed=1 if needed is None else needed,
                        label=reader.text(post, "label", where, 120),
                    )
                )
        presence = []
        for where, raw in reader.items(item, "presence"):
            row = reader.fields(raw, where, {"worker", "status", "from", "to"})
            if row is not None:
                presence.append(
                    PresenceData(
                        worker_id=reader.text(row, "worker", where, 64) or "",
                        status=reader.text(row, "status", where, 16) or "",
                        start=reader.time(row, "from", where),
                        end=reader.time(row, "to", where),
                    )
                )
        assignments = []
        for where, raw in reader.items(item, "assignments"):
            row = reader.fields(raw, where, {"post", "worker", "pinned"})
            if row is not None:
                assignments.append(
                    AssignmentData(
                        post_key=reader.text(row, "post", where, 64) or "",
                        worker_id=reader.text(row, "worker", where, 64) or "",
                        pinned=reader.boolean(row, "pinned", where),
                    )
                )
        data = RosterDayData(
            site_id=reader.text(item, "site", max_length=64, required=True) or "",
            day=reader.date(item, "date"),
            posts=posts,
            presence=presence,
            assignments=assignments,
            review=reader.text(item, "review"),
        )
        if item.get("date") is None:
            reader.problems.add("date", MSG_REQUIRED)
        key = roster_day_key(data.site_id, data.day) if data.site_id and data.day else None
        return Parsed(key, reader.timestamp(item, "updated_at"), data)

    def validate(self, key: str, data: RosterDayData, refs: References) -> list[Problem]:
        return check_roster_day(
            data,
            refs.workers,
            refs.tasks,
            site_exists=lambda site: refs.organisation_kind(site) is not None,
        )

    def render(self, key: str, data: RosterDayData) -> dict[str, Any]:
        # Presence and assignments have no order of their own: sorted, so that equal days
        # render equally.
        return {
            "site": data.site_id,
            "date": date_text(data.day),
            "posts": [
                {"id": p.key, "task": p.task, "from": time_text(p.start), "to": time_text(p.end),
                 "needed": p.needed, "label": p.label}
                for p in data.posts
            ],
            "presence": [
                {"worker": p.worker_id, "status": p.status, "from": time_text(p.start),
                 "to": time_text(p.end)}
                for p in sorted(data.presence, key=lambda p: p.worker_id)
            ],
            "assignments": [
                {"post": a.post_key, "worker": a.worker_id, "pinned": a.pinned}
                for a in sorted(data.assignments, key=lambda a: (a.post_key, a.worker_id))
            ],
            "review": data.review,
        }

    def load(
        self, session: Session, keys: Collection[str] | None
    ) -> dict[str, Stored[RosterDayData]]:
        wanted = None if keys is None else set(keys)
        row_ids = [
            row_id
            for row_id, site_id, day in session.exec(
                select(RosterDay.id, RosterDay.site_id, RosterDay.day)
            )
            if wanted is None or roster_day_key(site_id, day) in wanted
        ]
        stored = {}
        for row_id, detail in load_roster_days(session, row_ids).items():
            key = roster_day_key(detail.data.site_id, detail.roster_day.day)
            stored[key] = Stored(detail.roster_day.updated_at, detail.data, row_id)
        return stored

    def new_row_id(self, key: str) -> str:
        return new_id()

    model = RosterDay
    children = staticmethod(roster_child_rows)  # type: ignore[assignment]
    delete_children = staticmethod(delete_roster_children)  # type: ignore[assignment]

    def columns(self, data: RosterDayData) -> dict[str, Any]:
        return {"site_id": data.site_id, "day": data.day, "review": data.review}
