"""Everything the planning screen shows for a site and day, read at once.

Today's day (stored, else a new one from the weekly template with the agreements' workers
checked in), yesterday's plan and review, the names, skill levels and task labels needed to
draw them, and the three-week hints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import col, select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import Organisation, RosterDay, Worker
from zorgkoppel.core.rules.roster import RosterDayData, WorkerFacts
from zorgkoppel.core.services.organisations import list_organisations
from zorgkoppel.core.services.roster import worker_facts
from zorgkoppel.core.services.roster_planning import (
    new_day,
    previous_day,
    stored_version_of_day,
    worker_names,
)
from zorgkoppel.core.services.skill_progression import CompanionHint, companion_hints
from zorgkoppel.core.services.tasks import task_labels
from zorgkoppel.core.services.visibility import may_see_roster_site, worker_clause
from zorgkoppel.core.services.workers import list_workers
from zorgkoppel.i18n import current_language


@dataclass
class RosterBoard:
    site_id: str
    day: dt.date
    today: RosterDayData
    stored: bool  # False: a new day, not saved yet
    yesterday: RosterDayData | None
    names: dict[str, str] = field(default_factory=dict)
    facts: dict[str, WorkerFacts] = field(default_factory=dict)
    task_names: dict[str, str] = field(default_factory=dict)
    hints: list[CompanionHint] = field(default_factory=list)
    # The stored day's version (None for a new day): the save sends it, so a day another
    # coordinator saved meanwhile is not overwritten.
    version: int | None = None

    def name(self, worker_id: str) -> str:
        return self.names.get(worker_id, worker_id)

    def level(self, worker_id: str, task: str) -> str | None:
        facts = self.facts.get(worker_id)
        return facts.skills.get(task) if facts else None


def planning_sites(ctx: ServiceContext) -> list[Organisation]:
    """The care facilities a roster can be planned for, by name."""
    return list_organisations(ctx, kind="care_facility")


def roster_board(
    ctx: ServiceContext, site_id: str, day: dt.date, copy_from: dt.date | None = None
) -> RosterBoard:
    """The board of a day; with `copy_from` a new day with that day's posts instead."""
    stored = None if copy_from is not None else stored_version_of_day(ctx, site_id, day)
    version, found = stored if stored is not None else (None, None)
    today = found if found is not None else new_day(ctx, site_id, day, copy_from)
    with ctx.db.session() as session:
        yesterday = previous_day(session, site_id, day)
        days = [today] + ([yesterday] if yesterday else [])
        ids = sorted({p.worker_id for d in days for p in d.presence}
                     | {a.worker_id for d in days for a in d.assignments})
        names = worker_names(session, ids)
        facts = worker_facts(session, ids)
    present = [p.worker_id for p in today.presence if p.status == "present"]
    return RosterBoard(
        site_id=site_id, day=day, today=today, stored=found is not None, yesterday=yesterday,
        names=names, facts=facts, task_names=task_labels(ctx, current_language()),
        hints=companion_hints(ctx, present, day), version=version,
    )


def locate_roster_day(ctx: ServiceContext, roster_day_id: str) -> tuple[str, dt.date] | None:
    """Site and date of a stored roster day (for links from other screens)."""
    with ctx.db.session() as session:
        found = session.get(RosterDay, roster_day_id)
        if found is None or not may_see_roster_site(session, ctx, found.site_id):
            return None
    return found.site_id, found.day


def describe_workers(
    ctx: ServiceContext, worker_ids: list[str]
) -> tuple[dict[str, str], dict[str, WorkerFacts]]:
    """Names and roster facts of workers checked in by hand (those the actor may see)."""
    with ctx.db.session() as session:
        visible = list(session.exec(
            select(Worker.id).where(col(Worker.id).in_(worker_ids), worker_clause(ctx))
        ).all())
        return worker_names(session, visible), worker_facts(session, visible)


def other_workers(ctx: ServiceContext, present: set[str]) -> list[tuple[str, str]]:
    """(id, name) of the visible workers not yet on the day's check-in list, by name."""
    return [(w.id, w.full_name) for w in list_workers(ctx) if w.id not in present]
