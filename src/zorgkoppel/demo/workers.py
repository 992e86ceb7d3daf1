"""The demo workers: about fifteen people of the two social-economy enterprises.

Skill dates are relative to the loading day. The drivers of the day-care centre show the
three-week start of DOMAIN.md: Ahmad rides along this week (learning), Mariam drives next to
a colleague (with_companion), Tomasz has driven alone for a week (independent).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from zorgkoppel.demo import organisations as org
from zorgkoppel.demo.calendar import years_before
from zorgkoppel.demo.tasks import CAFETERIA


@dataclass(frozen=True)
class SkillSpec:
    task: str
    level: str
    days_ago: int | None = None
    # Index into the roster days (-1 is the last one): skills gained during the two weeks.
    roster_day: int | None = None

    def since(self, today: dt.date, days: list[dt.date]) -> dt.date | None:
        if self.roster_day is not None:
            return days[self.roster_day]
        if self.days_ago is not None:
            return today - dt.timedelta(days=self.days_ago)
        return None


@dataclass(frozen=True)
class WorkerSpec:
    key: str
    first_name: str
    last_name: str
    employer: str
    programme: str
    dutch_level: str
    driving_licence: bool
    skills: tuple[SkillSpec, ...]
    preferences: dict[str, int] = field(default_factory=dict)
    integration_days_ago: int | None = None

    def skill(self, task: str) -> SkillSpec | None:
        return next((s for s in self.skills if s.task == task), None)


SAMIR = "demo-worker-samir-el-amrani"
KEVIN = "demo-worker-kevin-van-den-broeck"
YUSUF = "demo-worker-yusuf-demir"
OLENA = "demo-worker-olena-kovalenko"
TOMASZ = "demo-worker-tomasz-kowalski"
MARIAM = "demo-worker-mariam-diallo"
AHMAD = "demo-worker-ahmad-rahimi"
FATMA = "demo-worker-fatma-yilmaz"
AICHA = "demo-worker-aicha-benali"
JONAS = "demo-worker-jonas-de-vos"
SENAIT = "demo-worker-senait-tesfaye"
DIETER = "demo-worker-dieter-maes"
NATHALIE = "demo-worker-nathalie-pieters"
IBRAHIM = "demo-worker-ibrahim-bah"
JELENA = "demo-worker-jelena-petrovic"
BRAM = "demo-worker-bram-willems"

# Dieter's five years of local services economy end this many days after the loading day:
# the program should warn that he must move on (DOMAIN.md), and his trajectory is under way.
DAYS_LEFT_BEFORE_FIVE_YEARS = 100

IND, WITH, LEARN = "independent", "with_companion", "learning"


def _lde(key: str, first: str, last: str, dutch: str, licence: bool, started: int,
         skills: tuple[SkillSpec, ...], preferences: dict[str, int]) -> WorkerSpec:
    return WorkerSpec(key, first, last, org.LDE, "local_services", dutch, licence, skills,
                      preferences, started)


def _custom(key: str, first: str, last: str, dutch: str, licence: bool,
            skills: tuple[SkillSpec, ...], preferences: dict[str, int],
            programme: str = "custom_work") -> WorkerSpec:
    return WorkerSpec(key, first, last, org.CUSTOM_WORK, programme, dutch, licence, skills,
                      preferences)


WORKERS: tuple[WorkerSpec, ...] = (
    _lde(SAMIR, "Samir", "El Amrani", "B1", True, 1100,
         (SkillSpec("driver", IND, 900), SkillSpec("bus_companion", IND, 1000),
          SkillSpec("kitchen", IND, 1000)),
         {"driver": 2, "kitchen": 1}),
    _lde(KEVIN, "Kevin", "Van den Broeck", "native", True, 800,
         (SkillSpec("driver", IND, 700), SkillSpec("logistics", IND, 780)),
         {"driver": 1, "animation": -1}),
    _lde(YUSUF, "Yusuf", "Demir", "A2", True, 1400,
         (SkillSpec("driver", IND, 1200), SkillSpec("bus_companion", IND, 1300)),
         {"driver": 2, "kitchen": -2}),
    _lde(OLENA, "Olena", "Kovalenko", "B1", True, 600,
         (SkillSpec("driver", IND, 400), SkillSpec("bus_companion", IND, 550),
          SkillSpec("animation", IND, 300)),
         {"animation": 2}),
    _lde(TOMASZ, "Tomasz", "Kowalski", "A2", True, 120,
         (SkillSpec("bus_companion", IND, 25), SkillSpec("driver", IND, roster_day=-5)),
         {"driver": 2}),
    _lde(MARIAM, "Mariam", "Diallo", "B1", True, 200,
         (SkillSpec("bus_companion", IND, 30), SkillSpec("driver", WITH, roster_day=-5)),
         {"driver": 1, "care_support": 2}),
    _lde(AHMAD, "Ahmad", "Rahimi", "A2", True, 12,
         (SkillSpec("bus_companion", LEARN, roster_day=-3),
          SkillSpec("driver", LEARN, roster_day=-3)),
         {"driver": 2, "kitchen": -1}),
    _lde(FATMA, "Fatma", "Yilmaz", "A2", False, 900,
         (SkillSpec("bus_companion", IND, 800), SkillSpec("kitchen", IND, 850)),
         {"kitchen": 2, "bus_companion": 1}),
    _lde(AICHA, "Aïcha", "Benali", "B2", False, 500,
         (SkillSpec("bus_companion", IND, 450), SkillSpec("animation", IND, 400)),
         {"animation": 2, "kitchen": -1}),
    _lde(JONAS, "Jonas", "De Vos", "native", False, 1000,
         (SkillSpec("bus_companion", IND, 900), SkillSpec("logistics", IND, 950)),
         {"logistics": 1}),
    # Starts on logistics and kitchen; client tasks come with language coaching (DOMAIN.md).
    _lde(SENAIT, "Senait", "Tesfaye", "A1", False, 300,
         (SkillSpec("kitchen", IND, 250), SkillSpec("logistics", IND, 200)),
         {"kitchen": 2, "bus_companion": 1}),
    _lde(DIETER, "Dieter", "Maes", "native", True, None,
         (SkillSpec("bus_companion", IND, 1500), SkillSpec("animation", IND, 1200),
          SkillSpec("logistics", IND, 1400)),
         {"logistics": 2, "animation": 1}),
    _custom(NATHALIE, "Nathalie", "Pieters", "native", False,
            (SkillSpec("kitchen", IND, 2000), SkillSpec("meal_distribution", IND, 1800)),
            {"kitchen": 1}),
    _custom(IBRAHIM, "Ibrahim", "Bah", "A2", False,
            (SkillSpec("laundry", IND, 700), SkillSpec("ironing", IND, 650),
             SkillSpec("logistics", IND, 600)),
            {"laundry": 1, "room_care": -1}),
    _custom(JELENA, "Jelena", "Petrović", "B1", False,
            (SkillSpec("room_care", IND, 300), SkillSpec("housekeeping", IND, 300),
             SkillSpec("meal_distribution", WITH, roster_day=-8)),
            {"meal_distribution": 2}, programme="individual_custom_work"),
    _custom(BRAM, "Bram", "Willems", "native", True,
            (SkillSpec("logistics", IND, 1500), SkillSpec("laundry", IND, 1400),
             SkillSpec("meal_distribution", IND, 1000), SkillSpec("housekeeping", IND, 1000),
             SkillSpec(CAFETERIA, IND, 500), SkillSpec("kitchen", LEARN, roster_day=-6)),
            {CAFETERIA: 2, "laundry": -1}),
)
WORKERS_BY_KEY = {w.key: w for w in WORKERS}


def full_name(key: str) -> str:
    worker = WORKERS_BY_KEY[key]
    return f"{worker.first_name} {worker.last_name}"


def integration_start(worker: WorkerSpec, today: dt.date) -> dt.date | None:
    if worker.key == DIETER:
        return years_before(today, 5) + dt.timedelta(days=DAYS_LEFT_BEFORE_FIVE_YEARS)
    if worker.integration_days_ago is None:
        return None
    return today - dt.timedelta(days=worker.integration_days_ago)


def workers(today: dt.date, days: list[dt.date]) -> list[dict[str, Any]]:
    section = []
    for worker in WORKERS:
        started = integration_start(worker, today)
        skills = []
        for skill in worker.skills:
            since = skill.since(today, days)
            entry: dict[str, Any] = {"task": skill.task, "level": skill.level}
            if since is not None:
                entry["since"] = since.isoformat()
            skills.append(entry)
        section.append(
            {
                "id": worker.key,
                "first_name": worker.first_name,
                "last_name": worker.last_name,
                "employer": worker.employer,
                "programme": worker.programme,
                "integration_start": started.isoformat() if started else None,
                "dutch_level": worker.dutch_level,
                "driving_licence": worker.driving_licence,
                "skills": skills,
                "preferences": dict(worker.preferences),
            }
        )
    return section
