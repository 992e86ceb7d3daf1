"""Two weeks of daily rosters for the two care facilities, built from a weekly pattern.

Each site has its posts (some only on certain weekdays), the usual shift of each worker,
a list of absences and, per post, who usually takes it and who stands in. Every assignment
is tried against the shared roster rules (`core.rules.roster.check_roster_day`) and kept
only when the day stays valid; a skill counts from its `since` date. A post nobody may take
stays short, as happens on the floor, and the day's review says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from zorgkoppel.core.rules.roster import (
    AssignmentData,
    PostData,
    PresenceData,
    RosterDayData,
    TaskFacts,
    WorkerFacts,
    check_roster_day,
)
from zorgkoppel.demo import organisations as org
from zorgkoppel.demo import workers as w
from zorgkoppel.demo.tasks import CAFETERIA, task_needs

WEEKDAYS = frozenset(range(5))
MON_WED_FRI = frozenset({0, 2, 4})
TUE_THU = frozenset({1, 3})


def _t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


@dataclass(frozen=True)
class PostSpec:
    key: str
    task: str
    start: dt.time
    end: dt.time
    needed: int
    label: str
    candidates: tuple[str, ...]  # who usually takes it first, then who stands in
    weekdays: frozenset[int] = WEEKDAYS
    pinned: bool = False  # the nurse fixed this one; suggestions keep it


@dataclass(frozen=True)
class LearnerSpec:
    """A learner (or with_companion worker) placed next to the independent colleague."""

    worker: str
    posts: tuple[str, ...]
    weekdays: frozenset[int] = WEEKDAYS


@dataclass(frozen=True)
class Absence:
    status: str  # sick, leave, absent; "present" with an early end for a partial day
    leaves_at: dt.time | None = None


@dataclass(frozen=True)
class SitePlan:
    site: str
    posts: tuple[PostSpec, ...]
    shifts: dict[str, tuple[dt.time, dt.time]]
    learners: tuple[LearnerSpec, ...]
    # Keyed by roster-day index (-1 is the last day) and worker.
    absences: dict[tuple[int, str], Absence]
    # A worker who joins during the two weeks: the roster-day index of the first day.
    first_day: dict[str, int]
    remarks: tuple[str, ...]


def _routes() -> tuple[PostSpec, ...]:
    drivers = {
        "noord": (w.SAMIR, w.OLENA, w.TOMASZ),
        "zuid": (w.KEVIN, w.TOMASZ, w.OLENA),
        "oost": (w.YUSUF, w.OLENA, w.TOMASZ),
    }
    companions_morning = {
        "noord": (w.FATMA, w.MARIAM, w.OLENA, w.JONAS),
        "zuid": (w.JONAS, w.MARIAM, w.TOMASZ, w.OLENA, w.FATMA),
        "oost": (w.OLENA, w.TOMASZ, w.MARIAM, w.FATMA, w.JONAS),
    }
    companions_afternoon = {
        "noord": (w.AICHA, w.MARIAM, w.OLENA, w.TOMASZ),
        "zuid": (w.DIETER, w.TOMASZ, w.MARIAM, w.OLENA),
        "oost": (w.OLENA, w.TOMASZ, w.MARIAM, w.AICHA, w.DIETER),
    }
    names = {"noord": "Route Noord", "zuid": "Route Zuid", "oost": "Route Oost"}
    rides = (
        ("vm", "ochtend", _t("07:30"), _t("09:30"), companions_morning),
        ("nm", "namiddag", _t("15:30"), _t("17:30"), companions_afternoon),
    )
    posts: list[PostSpec] = []
    for part, part_name, start, end, companions in rides:
        for route, name in names.items():
            label = f"{name} ({part_name})"
            posts.append(
                PostSpec(f"{route}-{part}-chauffeur", "driver", start, end, 1, label,
                         drivers[route], pinned=route == "noord")
            )
        for route, name in names.items():
            label = f"{name} ({part_name})"
            posts.append(
                PostSpec(f"{route}-{part}-begeleider", "bus_companion", start, end, 1, label,
                         companions[route])
            )
    return tuple(posts)


def _learner(worker: str, *posts: str, weekdays: frozenset[int] = WEEKDAYS) -> LearnerSpec:
    return LearnerSpec(worker, posts, weekdays)


def _day_care_plan() -> SitePlan:
    routes = _routes()
    midday = (
        PostSpec("keuken", "kitchen", _t("09:45"), _t("14:00"), 2, "Keuken",
                 (w.SENAIT, w.FATMA, w.SAMIR)),
        PostSpec("logistiek", "logistics", _t("09:45"), _t("14:30"), 1, "Logistiek",
                 (w.JONAS, w.SENAIT, w.DIETER, w.KEVIN)),
        PostSpec("animatie", "animation", _t("10:00"), _t("12:00"), 1, "Animatie (voormiddag)",
                 (w.AICHA, w.DIETER, w.OLENA), weekdays=frozenset(range(4))),
        PostSpec("animatie-nm", "animation", _t("13:30"), _t("15:00"), 1,
                 "Animatie (vrijdagnamiddag)", (w.AICHA, w.DIETER, w.OLENA),
                 weekdays=frozenset({4})),
    )
    split_shift = (_t("07:15"), _t("17:45"))
    return SitePlan(
        site=org.DAY_CARE,
        posts=routes[:6] + midday + routes[6:],
        # Drivers work a split shift (onderbroken dienst) around the two rides.
        shifts={
            w.SAMIR: split_shift, w.KEVIN: split_shift, w.YUSUF: split_shift,
            w.OLENA: split_shift, w.TOMASZ: split_shift, w.MARIAM: split_shift,
            w.AHMAD: split_shift,
            w.FATMA: (_t("07:15"), _t("14:30")),
            w.JONAS: (_t("07:15"), _t("14:45")),
            w.SENAIT: (_t("09:30"), _t("15:00")),
            w.AICHA: (_t("09:45"), _t("17:45")),
            w.DIETER: (_t("09:45"), _t("17:45")),
        },
        learners=(
            _learner(w.MARIAM, "zuid-vm-chauffeur", "zuid-nm-chauffeur"),
            _learner(w.AHMAD, "noord-vm-begeleider", "noord-nm-begeleider"),
        ),
        absences={
            (-9, w.KEVIN): Absence("sick"),
            (-8, w.SENAIT): Absence("absent"),
            (-7, w.FATMA): Absence("leave"),
            (-6, w.SAMIR): Absence("present", _t("12:00")),
            (-4, w.AICHA): Absence("sick"),
            (-3, w.AICHA): Absence("sick"),
            (-2, w.YUSUF): Absence("leave"),
            (-1, w.JONAS): Absence("sick"),
        },
        first_day={w.AHMAD: -3},
        remarks=(
            "Route Noord liep vlot.",
            "Bezoekers waren op tijd binnen, ook op Route Oost.",
            "Wegenwerken op Route Zuid: tien minuten vertraging, familie verwittigd.",
            "Rustige dag; de muziekquiz bij de animatie sloeg goed aan.",
            "Alle ritten op tijd; één rolstoel extra op Route Noord.",
            "Regen in de ochtend, maar iedereen zat op tijd aan de koffie.",
            "Keuken en logistiek werkten goed samen voor het verjaardagsfeest.",
            "Nieuwe bezoeker op Route Oost; instappen ging vlot met de lift.",
            "Vlotte dag; evaluatie van de ritten gepland met de verpleging.",
        ),
    )


def _care_home_plan() -> SitePlan:
    return SitePlan(
        site=org.CARE_HOME,
        posts=(
            PostSpec("keuken", "kitchen", _t("07:30"), _t("11:30"), 1, "Keuken", (w.NATHALIE,)),
            PostSpec("wasserij", "laundry", _t("08:00"), _t("12:00"), 1, "Wasserij",
                     (w.IBRAHIM, w.BRAM), weekdays=MON_WED_FRI),
            PostSpec("strijk", "ironing", _t("08:00"), _t("12:00"), 1, "Strijkdienst",
                     (w.IBRAHIM,), weekdays=TUE_THU),
            PostSpec("huishouden", "housekeeping", _t("08:30"), _t("11:30"), 1,
                     "Huishouden gangen", (w.BRAM, w.JELENA), weekdays=MON_WED_FRI),
            PostSpec("kamerzorg", "room_care", _t("09:00"), _t("11:30"), 1,
                     "Kamerzorg afdeling Zonnebloem", (w.JELENA,)),
            PostSpec("maaltijd", "meal_distribution", _t("11:45"), _t("13:15"), 2,
                     "Maaltijdbedeling middag", (w.NATHALIE, w.BRAM, w.IBRAHIM)),
            PostSpec("logistiek", "logistics", _t("13:30"), _t("15:30"), 1,
                     "Logistiek (goederenontvangst)", (w.IBRAHIM, w.BRAM)),
            PostSpec("cafetaria", CAFETERIA, _t("14:00"), _t("16:00"), 1,
                     "Cafetaria bewoners", (w.BRAM,), weekdays=frozenset({2})),
        ),
        shifts={
            w.NATHALIE: (_t("07:15"), _t("13:30")),
            w.IBRAHIM: (_t("08:00"), _t("16:00")),
            w.JELENA: (_t("08:45"), _t("13:30")),
            w.BRAM: (_t("08:15"), _t("16:15")),
        },
        learners=(
            _learner(w.JELENA, "maaltijd"),
            _learner(w.BRAM, "keuken", weekdays=TUE_THU),
        ),
        absences={
            (-8, w.IBRAHIM): Absence("sick"),
            (-5, w.NATHALIE): Absence("leave"),
            (-3, w.JELENA): Absence("present", _t("11:00")),
            (-2, w.BRAM): Absence("sick"),
        },
        first_day={},
        remarks=(
            "Maaltijdbedeling verliep vlot op alle afdelingen.",
            "Veel was na het weekend; de wasserij werkte door tot de middag.",
            "Bewoners van afdeling Zonnebloem tevreden over de kamerzorg.",
            "Goederenlevering kwam pas om 14u; logistiek heeft alles nog opgeborgen.",
            "Rustige dag; tijd genomen om de karren te poetsen.",
            "Dieetmaaltijden correct bezorgd; keuken dankt voor de hulp.",
            "Cafetaria druk bezocht door familie.",
            "Nieuwe bewoner op de tweede verdieping; kamer samen klaargemaakt.",
            "Vlotte dag zonder bijzonderheden.",
        ),
    )


def site_plans() -> tuple[SitePlan, ...]:
    return (_day_care_plan(), _care_home_plan())


# --- building the days -------------------------------------------------------------------


def _overlaps(a: PostSpec, b: PostSpec) -> bool:
    return a.start < b.end and b.start < a.end


class _DayPlanner:
    """Fills one day of one site the way the nurse does in the morning."""

    def __init__(
        self, plan: SitePlan, today: dt.date, days: list[dt.date], position: int
    ) -> None:
        self.plan, self.today = plan, today
        self.day = days[position]
        self.offset = position - len(days)  # -1 for the last day, as in SitePlan.absences
        self.posts = [p for p in plan.posts if self.day.weekday() in p.weekdays]
        self.presence = self._presence()
        self.workers = {
            worker.key: WorkerFacts(
                driving_licence=worker.driving_licence,
                dutch_level=worker.dutch_level,
                # A skill gained later than this day was not there yet.
                skills={
                    s.task: s.level
                    for s in worker.skills
                    if (since := s.since(today, days)) is None or since <= self.day
                },
            )
            for worker in w.WORKERS
        }
        self.tasks = {
            code: TaskFacts(need.needs_licence, need.min_dutch_level)
            for code, need in task_needs().items()
        }
        self.assignments: list[AssignmentData] = []
        self.learners: set[tuple[str, str]] = set()  # (post key, worker)

    def _presence(self) -> list[PresenceData]:
        presence = []
        for worker, (start, end) in self.plan.shifts.items():
            first = self.plan.first_day.get(worker)
            if first is not None and self.offset < first:
                continue  # not working here yet
            absence = self.plan.absences.get((self.offset, worker))
            if absence is None:
                presence.append(PresenceData(worker, "present", start, end))
            elif absence.status == "present":
                presence.append(PresenceData(worker, "present", start, absence.leaves_at))
            else:
                presence.append(PresenceData(worker, absence.status))
        return presence

    def _data(self, assignments: list[AssignmentData]) -> RosterDayData:
        posts = [PostData(p.key, p.task, p.start, p.end, p.needed, p.label) for p in self.posts]
        return RosterDayData(self.plan.site, self.day, posts, self.presence, assignments)

    def _valid(self, assignments: list[AssignmentData]) -> bool:
        return not check_roster_day(self._data(assignments), self.workers, self.tasks)

    def fill(self) -> None:
        by_key = {p.key: p for p in self.posts}
        # The nurse first chooses where each learner goes; nobody else is put there at that
        # time. A learner is dropped again if no independent colleague ends up on the post.
        reserved: dict[str, list[PostSpec]] = {}
        for learner in self.plan.learners:
            if self.day.weekday() in learner.weekdays:
                for key in learner.posts:
                    if key in by_key:
                        reserved.setdefault(learner.worker, []).append(by_key[key])
        for post in self.posts:
            taken = 0
            for candidate in post.candidates:
                if taken == post.needed:
                    break
                if self.workers[candidate].skills.get(post.task) != "independent":
                    continue
                if any(_overlaps(post, other) for other in reserved.get(candidate, [])):
                    continue
                trial = [*self.assignments, AssignmentData(post.key, candidate, post.pinned)]
                if self._valid(trial):
                    self.assignments = trial
                    taken += 1
        for worker_key, posts in reserved.items():
            for post in posts:
                trial = [*self.assignments, AssignmentData(post.key, worker_key, True)]
                if self._valid(trial):
                    self.assignments = trial
                    self.learners.add((post.key, worker_key))

    def short_posts(self) -> list[PostSpec]:
        counted: dict[str, int] = {}
        for a in self.assignments:
            if (a.post_key, a.worker_id) not in self.learners:
                counted[a.post_key] = counted.get(a.post_key, 0) + 1
        return [p for p in self.posts if counted.get(p.key, 0) < p.needed]

    def review(self) -> str:
        """What the nurse notes when the team looks back on the day (in Dutch, as they do)."""
        sentences = [self.plan.remarks[self.offset % len(self.plan.remarks)]]
        for status, word in (("sick", "Ziek"), ("leave", "Verlof"),
                             ("absent", "Afwezig zonder bericht")):
            names = sorted(w.full_name(p.worker_id) for p in self.presence if p.status == status)
            if names:
                sentences.append(f"{word}: {', '.join(names)}.")
        for row in self.presence:
            if row.end is not None and row.end < self.plan.shifts[row.worker_id][1]:
                sentences.append(
                    f"{w.full_name(row.worker_id)} vertrok om {row.end:%H.%M} uur "
                    "(doktersbezoek)."
                )
        learned: dict[str, list[str]] = {}
        for post in self.posts:
            for post_key, worker_key in self.learners:
                if post_key == post.key:
                    learned.setdefault(worker_key, []).append(post.label)
        for worker_key, labels in learned.items():
            sentences.append(f"{w.full_name(worker_key)} leerde mee op {' en '.join(labels)}.")
        short = self.short_posts()
        if short:
            sentences.append(f"Onderbezet: {', '.join(p.label for p in short)}.")
        else:
            sentences.append("Alle posten waren bezet.")
        return " ".join(sentences)

    def as_exchange(self) -> dict[str, Any]:
        presence = []
        for row in self.presence:
            entry: dict[str, Any] = {"worker": row.worker_id, "status": row.status}
            if row.start is not None and row.end is not None:
                entry["from"], entry["to"] = f"{row.start:%H:%M}", f"{row.end:%H:%M}"
            presence.append(entry)
        day: dict[str, Any] = {
            "site": self.plan.site,
            "date": self.day.isoformat(),
            "posts": [
                {"id": p.key, "task": p.task, "from": f"{p.start:%H:%M}",
                 "to": f"{p.end:%H:%M}", "needed": p.needed, "label": p.label}
                for p in self.posts
            ],
            "presence": presence,
            "assignments": [
                {"post": a.post_key, "worker": a.worker_id, "pinned": a.pinned}
                for a in self.assignments
            ],
        }
        # Today is not over yet: only past days have a review.
        if self.day < self.today:
            day["review"] = self.review()
        return day


def roster_days_section(today: dt.date, days: list[dt.date]) -> list[dict[str, Any]]:
    section = []
    for plan in site_plans():
        for position in range(len(days)):
            planner = _DayPlanner(plan, today, days, position)
            planner.fill()
            section.append(planner.as_exchange())
    return section
