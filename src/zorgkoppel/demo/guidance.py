"""Guidance notes of the job coaches, and Dieter's transition trajectory.

Notes of every kind; the confidential ones (family, finances, health) are enterprise_only.
One agreed action is overdue. Dieter nears the five-year limit of the local services
economy and is in the internship phase of a trajectory towards a job at the day-care centre.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from zorgkoppel.demo import organisations as org
from zorgkoppel.demo import workers as w
from zorgkoppel.demo.agreements import CARE_HOME_WORKERS, DAY_CARE_WORKERS
from zorgkoppel.demo.index_values import BASE_MONTH

TRAJECTORY = "demo-trajectory-dieter-maes"

# Dieter's phases in days before the loading day: (phase, first day, last day or None).
TRAJECTORY_PHASES: tuple[tuple[str, int, int | None], ...] = (
    ("pre_trajectory", 100, 71),
    ("job_matching", 70, 11),
    ("internship", 10, None),
)


def _note(
    key: str,
    worker: str,
    day: dt.date,
    kind: str,
    author: str,
    participants: list[str],
    minutes: int,
    visibility: str,
    summary: str,
    scores: dict[str, int] | None = None,
    actions: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    return {
        "id": key,
        "worker": worker,
        "date": day.isoformat(),
        "kind": kind,
        "author": author,
        "participants": participants,
        "duration_minutes": minutes,
        "visibility": visibility,
        "summary": summary,
        "scores": scores or {},
        "actions": actions or [],
    }


def _action(description: str, owner: str, due: dt.date, done: bool = False) -> dict[str, Any]:
    return {"description": description, "owner": owner, "due": due.isoformat(), "done": done}


def notes(today: dt.date, days: list[dt.date]) -> list[dict[str, Any]]:
    def ago(n: int) -> dt.date:
        return today - dt.timedelta(days=n)

    def ahead(n: int) -> dt.date:
        return today + dt.timedelta(days=n)

    coach, nurse = org.COACH_LDE, org.NURSE_DAY_CARE
    mw_coach, wzc_nurse = org.COACH_CUSTOM_WORK, org.NURSE_CARE_HOME
    described = [
        _note("demo-note-ahmad-intake", w.AHMAD, days[-4], "intake", coach, [coach, nurse], 60,
              "shared",
              "Intake: Ahmad wil chauffeur worden en heeft rijbewijs B. Eerste week rijdt hij "
              "mee als busbegeleider op Route Noord om de ritten te leren.",
              actions=[_action("Veilig vastmaken van rolstoelen tonen", nurse, ahead(3))]),
        _note("demo-note-mariam-contact", w.MARIAM, days[-5], "contact", coach, [coach], 20,
              "shared",
              "Eerste dag samen met Kevin gereden op Route Zuid. Voelt zich zeker achter het "
              "stuur; parkeren aan de achteringang nog oefenen."),
        _note("demo-note-tomasz-evaluation", w.TOMASZ, ago(12), "evaluation_meeting", coach,
              [coach, nurse], 45, "shared",
              "Evaluatie na twee weken: rijdt rustig en kent de routes. Vanaf volgende week "
              "rijdt hij zelfstandig, als reserve op Route Zuid en Oost.",
              scores={"punctuality": 4, "keeps_agreements": 4, "teamwork": 3,
                      "client_contact": 3, "independence": 3},
              actions=[_action("Route Oost één keer samen verkennen", nurse, ago(8), done=True)]),
        # The overdue action: language coaching was to be planned a week ago.
        _note("demo-note-senait-performance", w.SENAIT, ago(20), "performance_meeting", coach,
              [coach, nurse], 50, "shared",
              "Functioneringsgesprek: werkt nauwkeurig in keuken en logistiek. Nederlands nog "
              "beperkt (A1); wil graag later mee op de bus. Taalcoaching op de werkvloer "
              "afgesproken.",
              scores={"punctuality": 4, "keeps_agreements": 4, "teamwork": 3,
                      "independence": 3, "pace": 3},
              actions=[_action("Taalcoaching inplannen met het CVO", coach, ago(7)),
                       _action("Woordenlijst keuken opmaken", nurse, ahead(10))]),
        _note("demo-note-yusuf-contact", w.YUSUF, ago(9), "contact", coach, [coach], 30,
              "enterprise_only",
              "Financiële zorgen besproken; doorverwezen naar de schuldbemiddeling van het "
              "OCMW. Niet delen met de voorziening.",
              actions=[_action("Afspraak schuldbemiddeling opvolgen", coach, ahead(7))]),
        _note("demo-note-aicha-performance", w.AICHA, ago(35), "performance_meeting", coach,
              [coach, nurse], 40, "shared",
              "Sterk in animatie, bezoekers vragen naar haar. Wil een opleiding "
              "activiteitenbegeleiding volgen.",
              scores={"punctuality": 3, "keeps_agreements": 4, "teamwork": 4,
                      "client_contact": 4}),
        _note("demo-note-dieter-pre", w.DIETER, ago(100), "transition_milestone", coach,
              [coach, org.COORDINATOR_DAY_CARE], 90, "shared",
              "Start voortraject: Dieter nadert de vijfjarentermijn in de lokale "
              "diensteneconomie. Interesse voor logistiek in het dagverzorgingscentrum."),
        _note("demo-note-dieter-family", w.DIETER, ago(40), "contact", coach, [coach], 45,
              "enterprise_only",
              "Gezinssituatie besproken: zorg voor zijn moeder vraagt veel tijd. Werkuren na "
              "de doorstroom afstemmen op de thuiszorg."),
        _note("demo-note-dieter-matching", w.DIETER, ago(70), "transition_milestone", coach,
              [coach, org.COORDINATOR_DAY_CARE, org.DIRECTOR_LDE], 60, "shared",
              "Start jobmatching: vacature logistiek medewerker (0,8 VTE) in het "
              "dagverzorgingscentrum besproken."),
        _note("demo-note-dieter-internship", w.DIETER, ago(10), "evaluation_meeting", coach,
              [coach, nurse, org.COORDINATOR_DAY_CARE], 60, "shared",
              "Start stage logistiek. Goede eerste indruk; afspraken over taken en "
              "begeleiding op de werkvloer.",
              scores={"punctuality": 4, "keeps_agreements": 3, "teamwork": 4,
                      "independence": 3},
              actions=[_action("Tussentijdse evaluatie stage", coach, ahead(20))]),
        _note("demo-note-jelena-performance", w.JELENA, ago(15), "performance_meeting",
              mw_coach, [mw_coach, wzc_nurse], 40, "shared",
              "Kamerzorg op afdeling Zonnebloem gaat goed. Leert maaltijden rondbrengen samen "
              "met Nathalie.",
              scores={"punctuality": 3, "keeps_agreements": 3, "teamwork": 4,
                      "client_contact": 3, "pace": 2}),
        _note("demo-note-ibrahim-contact", w.IBRAHIM, ago(3), "contact", mw_coach, [mw_coach],
              25, "enterprise_only",
              "Slaapt slecht door zorgen om familie in het buitenland. Gesprek met het "
              "maatschappelijk werk voorgesteld.",
              actions=[_action("Contact maatschappelijk werk", mw_coach, ahead(5))]),
        _note("demo-note-bram-evaluation", w.BRAM, ago(60), "evaluation_meeting", mw_coach,
              [mw_coach, wzc_nurse, org.DIRECTOR_CARE_HOME], 45, "shared",
              "Jaarlijkse evaluatie: betrouwbaar in logistiek en wasserij; runt de cafetaria "
              "op woensdag. Wil de keuken leren.",
              scores={"punctuality": 4, "keeps_agreements": 4, "teamwork": 4,
                      "client_contact": 4, "independence": 4, "pace": 3}),
    ]
    return described + _routine_evaluations(today, described)


# Short evaluations in the coaches' words, handed out in turn.
_ROUTINE_SUMMARIES = (
    "Evaluatie: komt afspraken na en werkt goed samen met het team. Zo verder.",
    "Evaluatie: stipt en vriendelijk met de bezoekers; tempo mag nog wat omhoog.",
    "Evaluatie: zelfstandiger dan bij de vorige evaluatie. Wil meer verschillende taken.",
    "Evaluatie: goede inzet. Afgesproken om pauzes beter af te stemmen met de collega's.",
)
# Days since the last evaluation, in turn; 62 days is past the eight-week interval of the
# day-care agreement, so one evaluation shows as overdue on the dashboard.
_ROUTINE_AGES = (62, 24, 31, 38, 17, 45, 27, 50)


def _routine_evaluations(today: dt.date, described: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An evaluation for every placed worker without one among the described notes, so the
    evaluation schedule shows a realistic picture rather than a year of arrears."""
    evaluated = {
        n["worker"]
        for n in described
        if n["kind"] in ("evaluation_meeting", "performance_meeting")
    }
    placed = [(worker, org.COACH_LDE, org.NURSE_DAY_CARE) for worker in DAY_CARE_WORKERS] + [
        (worker, org.COACH_CUSTOM_WORK, org.NURSE_CARE_HOME) for worker in CARE_HOME_WORKERS
    ]
    routine = []
    for i, (worker, coach, supervisor) in enumerate(
        item for item in placed if item[0] not in evaluated
    ):
        day = today - dt.timedelta(days=_ROUTINE_AGES[i % len(_ROUTINE_AGES)])
        routine.append(
            _note(f"demo-note-{worker.removeprefix('demo-worker-')}-evaluation", worker, day,
                  "evaluation_meeting", coach, [coach, supervisor], 30, "shared",
                  _ROUTINE_SUMMARIES[i % len(_ROUTINE_SUMMARIES)],
                  scores={"punctuality": 3 + i % 2, "keeps_agreements": 3, "teamwork": 4})
        )
    return routine


def trajectories(today: dt.date) -> list[dict[str, Any]]:
    phases = []
    for phase, first, last in TRAJECTORY_PHASES:
        entry: dict[str, Any] = {
            "phase": phase,
            "start": (today - dt.timedelta(days=first)).isoformat(),
        }
        entry["end"] = None if last is None else (today - dt.timedelta(days=last)).isoformat()
        phases.append(entry)
    return [
        {
            "id": TRAJECTORY,
            "worker": w.DIETER,
            "provider": org.LDE,
            "target_employer": org.DAY_CARE,
            "index_base_month": BASE_MONTH,
            "phases": phases,
            "outcome": None,
        }
    ]
