"""What the printed day plan and week overview show, gathered from the stored roster days.

Texts are in the language asked for (the notice board's), not necessarily the window's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from zorgkoppel.core.codes import PRESENCE_STATUSES
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError
from zorgkoppel.core.models import Organisation
from zorgkoppel.core.rules.roster import RosterDayData, places_filled
from zorgkoppel.core.services.organisations import MSG_NO_ORGANISATION
from zorgkoppel.core.services.roster import MSG_NO_ROSTER_DAY, worker_facts
from zorgkoppel.core.services.roster_planning import stored_day, worker_names
from zorgkoppel.core.services.tasks import task_labels
from zorgkoppel.core.services.visibility import may_see_roster_site
from zorgkoppel.i18n import N_, gettext_for


@dataclass(frozen=True)
class SheetPost:
    start: dt.time
    end: dt.time
    task: str  # the task's label in the sheet's language
    route: str
    people: list[str]  # names; a learner's name says so
    missing: int


@dataclass(frozen=True)
class SheetDay:
    day: dt.date
    posts: list[SheetPost]
    absent: list[tuple[str, str]]  # name, status label
    present: list[tuple[str, str]]  # name, hours ("" for the whole day)
    review: str | None


@dataclass
class RosterSheet:
    site: str
    language: str
    days: list[SheetDay] = field(default_factory=list)


def _sheet_day(ctx: ServiceContext, data: RosterDayData, language: str) -> SheetDay:
    translate = gettext_for(language)
    labels = task_labels(ctx, language)
    with ctx.db.session() as session:
        ids = sorted({p.worker_id for p in data.presence}
                     | {a.worker_id for a in data.assignments})
        names = worker_names(session, ids)
        facts = worker_facts(session, ids)
    filled = places_filled(data, facts)
    posts = []
    for post in sorted(data.posts, key=lambda p: (p.start, p.end)):  # type: ignore[arg-type, return-value]
        people = []
        for a in data.assignments:
            if a.post_key != post.key:
                continue
            name = names.get(a.worker_id, a.worker_id)
            level = facts[a.worker_id].skills.get(post.task) if a.worker_id in facts else None
            if level != "independent":
                name = translate(N_("{name} (learner)")).format(name=name)
            people.append(name)
        assert post.start is not None and post.end is not None
        posts.append(SheetPost(post.start, post.end, labels.get(post.task, post.task),
                               post.label or "", people,
                               max(post.needed - filled.get(post.key, 0), 0)))
    absent, present = [], []
    for row in data.presence:
        name = names.get(row.worker_id, row.worker_id)
        if row.status != "present":
            absent.append((name, translate(PRESENCE_STATUSES[row.status])))
        elif row.start or row.end:
            start = row.start.strftime("%H:%M") if row.start else "…"
            end = row.end.strftime("%H:%M") if row.end else "…"
            present.append((name, f"{start}–{end}"))
        else:
            present.append((name, ""))
    return SheetDay(data.day or dt.date.min, posts, sorted(absent), sorted(present),
                    data.review)


def _site_name(ctx: ServiceContext, site_id: str) -> str:
    with ctx.db.session() as session:
        site = session.get(Organisation, site_id)
        if site is None or not may_see_roster_site(session, ctx, site_id):
            raise NotFoundError(MSG_NO_ORGANISATION, key=site_id)
    return site.name


def day_sheet(ctx: ServiceContext, site_id: str, day: dt.date, language: str) -> RosterSheet:
    """The day plan of one stored day; NotFoundError when the day is not planned."""
    data = stored_day(ctx, site_id, day)
    if data is None:
        raise NotFoundError(MSG_NO_ROSTER_DAY, site=site_id,
                            day=day.isoformat())
    return RosterSheet(_site_name(ctx, site_id), language, [_sheet_day(ctx, data, language)])


def week_sheet(ctx: ServiceContext, site_id: str, day: dt.date, language: str) -> RosterSheet:
    """The planned days of the week (Monday to Sunday) holding `day`."""
    monday = day - dt.timedelta(days=day.weekday())
    sheet = RosterSheet(_site_name(ctx, site_id), language)
    for offset in range(7):
        data = stored_day(ctx, site_id, monday + dt.timedelta(days=offset))
        if data is not None:
            sheet.days.append(_sheet_day(ctx, data, language))
    return sheet
