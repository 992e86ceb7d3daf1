"""Ten years of a large partnership, for measuring: `zorgkoppel demo --scale large`.

A custom-work company with 30 sites (care facilities) and 600 workers with skill
histories, 400 agreements with amendments, a roster day per site per working day for ten
years (about 2,000,000 assignments), 100,000 guidance notes with scores and actions, and
300 trajectories. `medium` is a tenth of every count (three sites, sixty workers…), for
the tests. Written with Core inserts in batches inside one transaction; a made-up data
set, reproducible from its seed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, text

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import Problem, ValidationError
from zorgkoppel.core.models import (
    Agreement,
    AgreementAmendment,
    AgreementTask,
    AgreementWorker,
    Note,
    NoteAction,
    NoteScore,
    Organisation,
    Person,
    RosterAssignment,
    RosterDay,
    RosterPost,
    RosterPresence,
    SkillLevelChange,
    Trajectory,
    TrajectoryPhase,
    Worker,
    WorkerPreference,
    WorkerSkill,
)
from zorgkoppel.core.models.types import utcnow
from zorgkoppel.core.services.access import require_admin
from zorgkoppel.core.services.dataset import is_empty
from zorgkoppel.i18n import N_

Progress = Callable[[str, int, int], None]  # (what, done, of)

TASKS = ("kitchen", "meal_distribution", "housekeeping", "laundry", "logistics",
         "animation", "reception", "room_care")
SCORE_ITEMS = ("punctuality", "keeps_agreements", "teamwork", "client_contact")
LEVELS = ("learning", "with_companion", "independent")
FIRST_NAMES = ("Samir", "Els", "Jonas", "Fatima", "Pieter", "Nadia", "Koen", "Aylin", "Bram",
               "Yusuf", "Lotte", "Dries", "Mounir", "Sofie", "Tom", "Hanne")
LAST_NAMES = ("Peeters", "Janssens", "Maes", "Jacobs", "El Amrani", "Willems", "Claes",
              "Goossens", "Wouters", "De Smet", "Yilmaz", "Dubois", "Lambert", "Hermans")
BATCH = 5_000


@dataclass(frozen=True)
class Scale:
    years: int
    sites: int
    workers: int
    agreements: int
    notes: int
    trajectories: int


SCALES = {
    "large": Scale(years=10, sites=30, workers=600, agreements=400, notes=100_000,
                   trajectories=300),
    "medium": Scale(years=10, sites=3, workers=60, agreements=40, notes=10_000,
                    trajectories=30),
}


@dataclass
class ScaleCounts:
    sites: int = 0
    workers: int = 0
    agreements: int = 0
    roster_days: int = 0
    assignments: int = 0
    notes: int = 0
    trajectories: int = 0


def scale_named(name: str) -> Scale:
    if name not in SCALES:
        raise ValidationError([Problem("scale", N_(
            "unknown scale {name}; use one of {names}"),
            {"name": name, "names": ", ".join(SCALES)})])
    return SCALES[name]


def _ids(rng: random.Random) -> Iterator[str]:
    while True:
        yield str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _stored(value: Any) -> Any:
    """A value as SQLAlchemy's SQLite types store it (UTC datetimes without offset)."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S.%f")
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return str(value)
    return value


class _Writer:
    """Buffers rows per table and writes them in batches with Core inserts, always every
    table in the order it first appeared (parents before the rows that point at them)."""

    def __init__(self, connection: Any, stamp: dt.datetime) -> None:
        self.connection = connection
        self.stamp = stamp
        self.order: list[Any] = []
        self.pending: dict[Any, list[dict[str, Any]]] = {}

    def add(self, model: Any, **row: Any) -> None:
        row.setdefault("created_at", self.stamp)
        row.setdefault("updated_at", self.stamp)
        if model not in self.pending:
            self.pending[model] = []
            if model not in self.order:
                self.order.append(model)
        rows = self.pending[model]
        rows.append(row)
        if len(rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        for model in self.order:
            shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
            for row in self.pending.pop(model, []):
                shapes.setdefault(tuple(row), []).append(row)
            for keys, rows in shapes.items():  # an executemany needs the same keys in each
                if self.connection.dialect.name == "sqlite":
                    self._sqlite_rows(model, keys, rows)
                else:
                    self.connection.execute(insert(model.__table__), rows)

    def _sqlite_rows(self, model: Any, keys: tuple[str, ...],
                     rows: list[dict[str, Any]]) -> None:
        """Millions of rows: values in SQLAlchemy's own SQLite storage formats, handed to
        the driver directly (SQLAlchemy's per-value processing would take most of the time).
        """
        table = model.__table__.name
        sql = (f'INSERT INTO "{table}" ({", ".join(keys)}) '
               f'VALUES ({", ".join("?" for _key in keys)})')
        stamp = _stored(self.stamp)  # every row's created_at and updated_at: once
        self.connection.exec_driver_sql(sql, [
            tuple(stamp if row[key] is self.stamp else _stored(row[key]) for key in keys)
            for row in rows])


def build_scale(ctx: ServiceContext, scale: Scale, seed: int = 2026,
                today: dt.date | None = None,
                progress: Progress | None = None) -> ScaleCounts:
    """Fill an empty database with `scale`'s data set (one transaction: all or nothing)."""
    require_admin(ctx)
    if not is_empty(ctx):
        raise ValidationError([Problem("", N_(
            "The large demo data set goes into an empty data folder only; this one holds "
            "data. Nothing was loaded."))])
    rng = random.Random(seed)
    ids = _ids(rng)
    end = today or dt.date.today()
    start = dt.date(end.year - scale.years, end.month, 1)
    report = progress or (lambda _what, _done, _of: None)
    counts = ScaleCounts()
    with ctx.db.engine.begin() as connection:
        out = _Writer(connection, utcnow())
        company, coaches, sites, supervisors = _organisations(out, ids, scale)
        counts.sites = len(sites)
        teams = _workers(out, ids, rng, scale, company, sites, start)
        counts.workers = scale.workers
        counts.agreements = _agreements(out, ids, rng, scale, company, sites, teams,
                                        start, end)
        out.flush()
        days, assignments = _rosters(out, ids, rng, sites, teams, start, end, report)
        counts.roster_days, counts.assignments = days, assignments
        counts.notes = _notes(out, ids, rng, scale, teams, coaches, supervisors, start, end,
                              report)
        counts.trajectories = _trajectories(out, ids, rng, scale, company, sites, teams,
                                            start, end)
        out.flush()
        if connection.dialect.name == "sqlite":
            connection.execute(text("ANALYZE"))
    return counts


def _organisations(out: _Writer, ids: Iterator[str], scale: Scale) -> tuple[
        str, list[str], list[str], dict[str, str]]:
    company = next(ids)
    out.add(Organisation, id=company, name="Maatwerkbedrijf Groot Werk", kind="custom_work",
            province="limburg", enterprise_number=None)
    coaches = []
    for number in range(max(2, scale.sites // 2)):
        coach = next(ids)
        coaches.append(coach)
        out.add(Person, id=coach, name=f"Jobcoach {number + 1}", organisation_id=company,
                role="job_coach")
    sites, supervisors = [], {}
    provinces = ("limburg", "antwerpen", "vlaams-brabant", "oost-vlaanderen")
    for number in range(scale.sites):
        site = next(ids)
        sites.append(site)
        out.add(Organisation, id=site, name=f"Woonzorgcentrum {number + 1:02d}",
                kind="care_facility", care_type="residential", joint_committee="330.01.20",
                province=provinces[number % len(provinces)])
        supervisor = next(ids)
        supervisors[site] = supervisor
        out.add(Person, id=supervisor, name=f"Leidinggevende {number + 1:02d}",
                organisation_id=site, role="supervisor")
    return company, coaches, sites, supervisors


def _workers(out: _Writer, ids: Iterator[str], rng: random.Random, scale: Scale,
             company: str, sites: list[str], start: dt.date) -> dict[str, list[str]]:
    """Each site has its own team; each worker knows three or four of the site's tasks."""
    teams: dict[str, list[str]] = {site: [] for site in sites}
    for number in range(scale.workers):
        worker = next(ids)
        site = sites[number % len(sites)]
        teams[site].append(worker)
        began = start + dt.timedelta(days=rng.randrange(0, 300))
        out.add(Worker, id=worker, first_name=FIRST_NAMES[number % len(FIRST_NAMES)],
                last_name=f"{LAST_NAMES[number % len(LAST_NAMES)]} {number + 1}",
                employer_id=company, programme="custom_work", integration_start=began,
                dutch_level=rng.choice(("A2", "B1", "B2", "native")), driving_licence=False)
        for task in rng.sample(TASKS, rng.randint(3, 4)):
            since = began
            for level in LEVELS[:rng.randint(1, 3)]:
                out.add(SkillLevelChange, id=next(ids), worker_id=worker, task_code=task,
                        level=level, since=since)
                final, since = level, since + dt.timedelta(days=rng.randrange(60, 400))
            out.add(WorkerSkill, id=next(ids), worker_id=worker, task_code=task, level=final,
                    since=began)
            out.add(WorkerPreference, id=next(ids), worker_id=worker, task_code=task,
                    weight=rng.randint(-1, 2))
    return teams


def _agreements(out: _Writer, ids: Iterator[str], rng: random.Random, scale: Scale,
                company: str, sites: list[str], teams: dict[str, list[str]],
                start: dt.date, end: dt.date) -> int:
    span = (end - start).days
    per_site = max(1, scale.agreements // len(sites))
    made = 0
    for site_number, site in enumerate(sites):
        length = span // per_site
        for number in range(per_site):
            agreement = next(ids)
            begins = start + dt.timedelta(days=number * length)
            ends = begins + dt.timedelta(days=length - 1)
            current = ends >= end
            out.add(Agreement, id=agreement,
                    reference=f"GW-{site_number + 1:02d}-{number + 1:03d}", phase="service",
                    legal_form="enclave", status="active" if current else "ended",
                    language="nl", care_partner_id=site, se_partner_id=company,
                    signed_on=begins - dt.timedelta(days=14), start_date=begins,
                    end_date=None if current else ends, scope_workers=len(teams[site]),
                    scope_fte=Decimal(len(teams[site])) * Decimal("0.8"),
                    rate_type="per_hour", rate=Decimal("17.50"))
            for position, task in enumerate(TASKS[:4]):
                out.add(AgreementTask, id=next(ids), agreement_id=agreement, task_code=task,
                        position=position)
            for position, worker in enumerate(teams[site]):
                out.add(AgreementWorker, id=next(ids), agreement_id=agreement,
                        worker_id=worker, position=position)
            out.add(AgreementAmendment, id=next(ids), agreement_id=agreement, number=1,
                    amended_on=begins + dt.timedelta(days=length // 2),
                    reason="Uitbreiding met één medewerker",
                    changes=json.dumps([["scope_workers", len(teams[site]) - 1,
                                         len(teams[site])]]))
            made += 1
    return made


def _working_days(start: dt.date, end: dt.date) -> list[dt.date]:
    import holidays

    closed = holidays.country_holidays("BE", years=range(start.year, end.year + 1))
    days, day = [], start
    while day <= end:
        if day.weekday() < 5 and day not in closed:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


MORNING = (dt.time(8, 0), dt.time(12, 0))
AFTERNOON = (dt.time(13, 0), dt.time(17, 0))


def _rosters(out: _Writer, ids: Iterator[str], rng: random.Random, sites: list[str],
             teams: dict[str, list[str]], start: dt.date, end: dt.date,
             report: Progress) -> tuple[int, int]:
    """Five morning and five afternoon posts a day; every present worker works the
    morning, about half also the afternoon: some 28 assignments per site and day."""
    working = _working_days(start, end)
    total = len(working) * len(sites)
    made_days = assignments = 0
    for site in sites:
        team = teams[site]
        for day in working:
            roster_day = next(ids)
            out.add(RosterDay, id=roster_day, site_id=site, day=day, review=None)
            made_days += 1
            posts = []
            for half, (begin, finish) in enumerate((MORNING, AFTERNOON)):
                for position in range(5):
                    post = next(ids)
                    posts.append((post, half))
                    out.add(RosterPost, id=post, roster_day_id=roster_day,
                            key=f"{'vm' if half == 0 else 'nm'}-{position + 1}",
                            task_code=TASKS[position], start_time=begin, end_time=finish,
                            needed=3, label=None, position=half * 5 + position)
            morning = [post for post, half in posts if half == 0]
            afternoon = [post for post, half in posts if half == 1]
            for number, worker in enumerate(team):
                present = rng.random() > 0.05
                out.add(RosterPresence, id=next(ids), roster_day_id=roster_day,
                        worker_id=worker, status="present" if present else "sick",
                        start_time=MORNING[0] if present else None,
                        end_time=AFTERNOON[1] if present else None)
                if not present:
                    continue
                out.add(RosterAssignment, id=next(ids), roster_day_id=roster_day,
                        post_id=morning[number % 5], worker_id=worker, pinned=False)
                assignments += 1
                if number % 2 == 0:
                    out.add(RosterAssignment, id=next(ids), roster_day_id=roster_day,
                            post_id=afternoon[(number // 2) % 5], worker_id=worker,
                            pinned=False)
                    assignments += 1
            if made_days % 500 == 0:
                report("roster_days", made_days, total)
    report("roster_days", total, total)
    return made_days, assignments


SUMMARIES = (
    "Kwam op tijd en werkte vlot mee in de keuken.",
    "Gesprek over het vervoer naar de voorziening; afspraken gemaakt.",
    "Evaluatie: groeit in zelfstandigheid bij de maaltijdbedeling.",
    "Had moeite met de drukte op de afdeling; samen een rustiger taak gekozen.",
    "Goede samenwerking met de collega's van de wasserij.",
)


def _notes(out: _Writer, ids: Iterator[str], rng: random.Random, scale: Scale,
           teams: dict[str, list[str]], coaches: list[str], supervisors: dict[str, str],
           start: dt.date, end: dt.date, report: Progress) -> int:
    workers = [(site, worker) for site, team in teams.items() for worker in team]
    span = (end - start).days
    for number in range(scale.notes):
        site, worker = workers[number % len(workers)]
        note = next(ids)
        kind = rng.choice(("contact", "contact", "performance_meeting", "evaluation_meeting"))
        out.add(Note, id=note, worker_id=worker,
                day=start + dt.timedelta(days=rng.randrange(span)), kind=kind,
                author_id=coaches[number % len(coaches)],
                duration_minutes=rng.choice((15, 30, 45, 60)),
                visibility="shared" if number % 3 else "enterprise_only",
                summary=SUMMARIES[number % len(SUMMARIES)], start_time=None,
                agreement_id=None, signed_off_at=None)
        if kind != "contact":
            for item in SCORE_ITEMS:
                out.add(NoteScore, id=next(ids), note_id=note, item=item,
                        score=rng.randint(1, 4))
        if number % 3 == 0:
            out.add(NoteAction, id=next(ids), note_id=note, description="Opvolgen volgende week",
                    owner_id=supervisors[site], due=None, done=True, position=0)
        if number % 5000 == 0:
            report("notes", number, scale.notes)
    report("notes", scale.notes, scale.notes)
    return scale.notes


def _trajectories(out: _Writer, ids: Iterator[str], rng: random.Random, scale: Scale,
                  company: str, sites: list[str], teams: dict[str, list[str]],
                  start: dt.date, end: dt.date) -> int:
    workers = [(site, worker) for site, team in teams.items() for worker in team]
    phases = (("pre_trajectory", 30), ("job_matching", 90), ("internship", 90),
              ("aftercare", 90))
    for number in range(scale.trajectories):
        site, worker = workers[(number * 7) % len(workers)]
        trajectory = next(ids)
        began = start + dt.timedelta(days=rng.randrange(max((end - start).days - 400, 1)))
        reached = rng.randint(1, 4)
        outcome = (rng.choice(("hired", "not_hired", "stopped"))
                   if reached == 4 or number % 4 == 0 else None)
        out.add(Trajectory, id=trajectory, worker_id=worker, provider_id=company,
                target_employer_id=site, index_base_month=None, outcome=outcome)
        day = began
        for phase, length in phases[:reached]:
            out.add(TrajectoryPhase, id=next(ids), trajectory_id=trajectory, phase=phase,
                    start_date=day, end_date=day + dt.timedelta(days=length - 1))
            day += dt.timedelta(days=length)
    return scale.trajectories
