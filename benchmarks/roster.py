"""How fast Suggest is on a big day: 60 present workers, 55 posts of 1–3 places.

Prints (a) the solver time to proven optimal coverage (stage (a) alone, target <= 1 s) and
the time of all stages, over several random days; (b) the wall time of
`python -m zorgkoppel roster suggest --json` in a fresh process, start-up included
(target <= 3 s), on such a day stored in a temporary data folder.

    .venv/bin/python benchmarks/roster.py [--days 5] [--runs 3] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.roster.problem import Candidate, PlanInput
from zorgkoppel.core.roster.solver import solve_day
from zorgkoppel.core.rules.organisation import OrganisationData
from zorgkoppel.core.rules.roster import (
    PostData,
    PresenceData,
    RosterDayData,
    TaskFacts,
    WorkerFacts,
)
from zorgkoppel.core.rules.worker import SkillData, WorkerData
from zorgkoppel.core.services.organisations import save_organisation
from zorgkoppel.core.services.roster import save_roster_day
from zorgkoppel.core.services.workers import save_worker
from zorgkoppel.storage.opening import open_database

WORKERS = 60
POSTS = 55
COVERAGE_TARGET = 1.0
COMMAND_TARGET = 3.0
TASKS = {
    "driver": TaskFacts(needs_licence=True, min_dutch_level="A2"),
    "bus_companion": TaskFacts(),
    "kitchen": TaskFacts(),
    "meal_distribution": TaskFacts(min_dutch_level="A2"),
    "animation": TaskFacts(min_dutch_level="B1"),
    "care_support": TaskFacts(min_dutch_level="B1"),
    "room_care": TaskFacts(),
    "laundry": TaskFacts(),
    "logistics": TaskFacts(),
    "reception": TaskFacts(min_dutch_level="B1"),
}
LEVELS = ("independent", "independent", "independent", "with_companion", "learning")


def random_workers(rng: random.Random) -> list[dict]:
    workers = []
    for i in range(WORKERS):
        skills = {task: rng.choice(LEVELS) for task in rng.sample(list(TASKS), rng.randint(2, 5))}
        workers.append({
            "id": f"w{i}", "licence": rng.random() < 0.4,
            "dutch": rng.choice(["A1", "A2", "B1", "B2", "native"]),
            "skills": skills,
            "preferences": {rng.choice(list(TASKS)): rng.choice([-2, -1, 1, 2])},
            "start": rng.choice([None, None, None, dt.time(9), dt.time(10)]),
            "end": rng.choice([None, None, None, dt.time(14), dt.time(15)]),
        })
    return workers


def random_posts(rng: random.Random) -> list[PostData]:
    posts = []
    for i in range(POSTS):
        task = rng.choice(list(TASKS))
        start = rng.choice(range(7, 16))
        end = min(start + rng.choice([1, 2, 3, 4]), 18)
        label = f"Route {i}" if task in ("driver", "bus_companion") else None
        posts.append(PostData(f"p{i}", task, dt.time(start), dt.time(end), rng.randint(1, 3),
                              label))
    return posts


def plan_input(rng: random.Random) -> PlanInput:
    candidates = [
        Candidate(w["id"], w["id"], WorkerFacts(w["licence"], w["dutch"], w["skills"]),
                  w["start"], w["end"], w["preferences"],
                  {t: rng.randint(0, 8) for t, p in w["preferences"].items() if p < 0})
        for w in random_workers(rng)
    ]
    return PlanInput(random_posts(rng), candidates, TASKS)


def solver_figures(days: int, seed: int) -> list[tuple[float, float, int, int]]:
    figures = []
    for n in range(days):
        problem = plan_input(random.Random(seed + n))
        started = time.perf_counter()
        plan = solve_day(problem)
        total = time.perf_counter() - started
        figures.append((plan.seconds.get("coverage", 0.0), total, plan.filled, plan.needed))
    return figures


def stored_day(folder: Path, seed: int) -> tuple[str, dt.date]:
    """A site with 60 workers present and 55 posts, written through the services."""
    rng = random.Random(seed)
    ctx = ServiceContext(open_database(folder))
    site = save_organisation(ctx, OrganisationData("Dagcentrum Bench", "care_facility")).value.id
    employer = save_organisation(ctx, OrganisationData("Bench LDE", "local_services")).value.id
    presence = []
    for w in random_workers(rng):
        saved = save_worker(ctx, WorkerData(
            "Worker", w["id"], employer, "local_services", dutch_level=w["dutch"],
            driving_licence=w["licence"],
            skills=[SkillData(task, level) for task, level in w["skills"].items()],
            preferences=w["preferences"],
        )).value.id
        presence.append(PresenceData(saved, "present", w["start"], w["end"]))
    day = dt.date(2024, 10, 7)
    save_roster_day(ctx, RosterDayData(site, day, random_posts(rng), presence))
    ctx.db.dispose()
    return site, day


def command_seconds(folder: Path, site: str, day: dt.date, runs: int) -> list[float]:
    command = [sys.executable, "-m", "zorgkoppel", "--data-dir", str(folder), "roster",
               "suggest", "--site", site, "--date", day.isoformat(), "--json"]
    subprocess.run(command, check=True, capture_output=True)  # warm-up (file caches)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()

    print(f"{WORKERS} present workers, {POSTS} posts of 1-3 places, HiGHS (highspy)")
    worst = 0.0
    for n, (coverage, total, filled, needed) in enumerate(
        solver_figures(options.days, options.seed)
    ):
        worst = max(worst, coverage)
        print(f"day {n}: proven optimal coverage {filled}/{needed} in {coverage:.3f} s; "
              f"all stages {total:.3f} s")
    print(f"worst coverage solve: {worst:.3f} s (target <= {COVERAGE_TARGET:.1f} s) "
          f"{'OK' if worst <= COVERAGE_TARGET else 'TOO SLOW'}")

    with tempfile.TemporaryDirectory() as folder:
        site, day = stored_day(Path(folder), options.seed)
        times = command_seconds(Path(folder), site, day, options.runs)
    median = statistics.median(times)
    print(f"roster suggest --json, fresh process: median {median:.2f} s, max {max(times):.2f} s "
          f"over {options.runs} runs (target <= {COMMAND_TARGET:.1f} s) "
          f"{'OK' if max(times) <= COMMAND_TARGET else 'TOO SLOW'}")


if __name__ == "__main__":
    main()
