"""The demo cooperation agreements: two running, one signed to start soon, one draft.

The enclave agreement with the custom-work company ends within 90 days, so the program
has an agreement to flag for renewal.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from zorgkoppel.demo import organisations as org
from zorgkoppel.demo import workers as w
from zorgkoppel.demo.calendar import end_of_month, first_of_month, month_text

DAY_CARE_SERVICE = "demo-agreement-dvc-lde"
CARE_HOME_ENCLAVE = "demo-agreement-wzc-enclave"
CARE_HOME_SERVICE = "demo-agreement-wzc-lde"
DAY_CARE_TRANSITION = "demo-agreement-dvc-doorstroom"

DAY_CARE_WORKERS = (
    w.SAMIR, w.KEVIN, w.YUSUF, w.OLENA, w.TOMASZ, w.MARIAM, w.AHMAD, w.FATMA, w.AICHA,
    w.JONAS, w.SENAIT, w.DIETER,
)
CARE_HOME_WORKERS = (w.NATHALIE, w.IBRAHIM, w.JELENA, w.BRAM)


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def agreements(today: dt.date) -> list[dict[str, Any]]:
    day_care_start = first_of_month(today, -13)
    enclave_start = first_of_month(today, -23)
    next_start = first_of_month(today, 2)
    return [
        {
            "id": DAY_CARE_SERVICE,
            "reference": "DEMO-SO-001",
            "phase": "service",
            "legal_form": "service_contract",
            "status": "active",
            "language": "nl",
            "care_partner": org.DAY_CARE,
            "se_partner": org.LDE,
            "commissioned_by": org.CITY,
            "signed_on": _day(day_care_start - dt.timedelta(days=19)),
            "start": _day(day_care_start),
            "end": _day(first_of_month(day_care_start, 24) - dt.timedelta(days=1)),
            "notice_days": 90,
            "tasks": [
                {"task": "driver", "description": "Ophalen en terugbrengen van bezoekers "
                                                  "op de routes Noord, Zuid en Oost"},
                {"task": "bus_companion", "description": "Bezoekers helpen instappen en "
                                                         "veilig vastmaken in de bus"},
                {"task": "kitchen", "description": "Hulp bij het bereiden van de maaltijden"},
                {"task": "animation", "description": "Mee begeleiden van activiteiten"},
                {"task": "logistics", "description": "Goederen ontvangen en opbergen"},
            ],
            "scope": {"workers": 12, "fte": "9.5", "hours_per_week": "361"},
            "performance": {
                "sites": ["Dagverzorgingscentrum De Lindeboom, Kerkstraat 12, Dendermonde"],
                "schedule": "ma-vr 7u15-17u45; ritten 7u30-9u30 en 15u30-17u30",
                "job_coach": org.COACH_LDE,
                "supervisor": org.NURSE_DAY_CARE,
                "evaluation_every_weeks": 8,
            },
            "financing": {
                "rate_type": "per_hour",
                "rate": "17.50",
                "guidance_hours_per_month": "8",
                "training_hours_per_year": "24",
                "index_base_month": month_text(first_of_month(day_care_start, -1)),
            },
            "workers": list(DAY_CARE_WORKERS),
        },
        {
            "id": CARE_HOME_ENCLAVE,
            "reference": "DEMO-EN-002",
            "phase": "service",
            "legal_form": "enclave",
            "status": "active",
            "language": "nl",
            "care_partner": org.CARE_HOME,
            "se_partner": org.CUSTOM_WORK,
            "signed_on": _day(enclave_start - dt.timedelta(days=25)),
            "start": _day(enclave_start),
            # Ends within 90 days of loading: up for renewal.
            "end": _day(end_of_month(today + dt.timedelta(days=60))),
            "notice_days": 60,
            "tasks": [
                {"task": "kitchen", "description": "Voorbereiding ontbijt en middagmaal"},
                {"task": "meal_distribution", "description": "Maaltijden rondbrengen op de "
                                                             "afdelingen"},
                {"task": "laundry", "description": "Wasserij: linnen en kledij van bewoners"},
                {"task": "ironing", "description": "Strijkdienst"},
                {"task": "room_care", "description": "Kamers van bewoners onderhouden"},
                {"task": "housekeeping", "description": "Gangen en gemeenschappelijke ruimtes"},
                {"task": "logistics", "description": "Goederenontvangst en voorraad"},
            ],
            "scope": {"workers": 4, "fte": "3.2", "hours_per_week": "121.6"},
            "performance": {
                "sites": ["Woonzorgcentrum Hof ter Beke, Molenstraat 45, Lokeren"],
                "schedule": "ma-vr 7u15-16u15",
                "job_coach": org.COACH_CUSTOM_WORK,
                "supervisor": org.NURSE_CARE_HOME,
                "evaluation_every_weeks": 12,
            },
            "financing": {
                "rate_type": "per_fte",
                "rate": "2950.00",
                "guidance_hours_per_month": "4",
                "training_hours_per_year": "16",
                "index_base_month": month_text(first_of_month(enclave_start, -1)),
            },
            "workers": list(CARE_HOME_WORKERS),
        },
        {
            "id": CARE_HOME_SERVICE,
            "reference": "DEMO-SO-003",
            "phase": "service",
            "legal_form": "service_contract",
            "status": "signed",
            "language": "nl",
            "care_partner": org.CARE_HOME,
            "se_partner": org.LDE,
            "commissioned_by": org.CITY,
            "signed_on": _day(today - dt.timedelta(days=12)),
            "start": _day(next_start),
            "end": _day(first_of_month(next_start, 12) - dt.timedelta(days=1)),
            "notice_days": 90,
            "tasks": [
                {"task": "mail_distribution", "description": "Post rondbrengen bij bewoners"},
                {"task": "reception", "description": "Onthaal in de namiddag"},
            ],
            "scope": {"workers": 2, "fte": "1.0", "hours_per_week": "38"},
            "performance": {
                "sites": ["Woonzorgcentrum Hof ter Beke, Molenstraat 45, Lokeren"],
                "schedule": "ma-vr 13u-17u",
                "job_coach": org.COACH_LDE,
                "supervisor": org.NURSE_CARE_HOME,
                "evaluation_every_weeks": 8,
            },
            "financing": {
                "rate_type": "per_hour",
                "rate": "18.25",
                "guidance_hours_per_month": "4",
                "training_hours_per_year": "12",
                "index_base_month": month_text(first_of_month(today, -1)),
            },
            "workers": [],
        },
        {
            "id": DAY_CARE_TRANSITION,
            "reference": "DEMO-DS-004",
            "phase": "transition",
            "legal_form": "service_contract",
            "status": "draft",
            "language": "nl",
            "care_partner": org.DAY_CARE,
            "se_partner": org.LDE,
            "start": _day(first_of_month(today, 1)),
            "tasks": [
                {"task": "logistics", "description": "Logistiek medewerker na doorstroom"},
            ],
            "scope": {"workers": 1, "fte": "0.8", "hours_per_week": "30.4"},
            "performance": {
                "sites": ["Dagverzorgingscentrum De Lindeboom, Kerkstraat 12, Dendermonde"],
                "job_coach": org.COACH_LDE,
                "supervisor": org.COORDINATOR_DAY_CARE,
            },
            "workers": [w.DIETER],
        },
    ]
