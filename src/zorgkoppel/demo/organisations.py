"""The demo organisations and their people: fictional, with valid enterprise numbers.

All in East Flanders around Dendermonde. The enterprise numbers pass the mod-97 check but
belong to no real organisation known to us.
"""

from __future__ import annotations

from typing import Any

DAY_CARE = "demo-org-dvc-lindeboom"
CARE_HOME = "demo-org-wzc-hof-ter-beke"
LDE = "demo-org-lde-buurtdiensten"
CITY = "demo-org-stad-dendermonde"
CUSTOM_WORK = "demo-org-maatwerk-scheldewerk"

COACH_LDE = "demo-person-liesbeth-van-damme"
COACH_CUSTOM_WORK = "demo-person-koen-de-smet"
DIRECTOR_LDE = "demo-person-dirk-verstraeten"
NURSE_DAY_CARE = "demo-person-hilde-verhulst"
COORDINATOR_DAY_CARE = "demo-person-marc-janssens"
NURSE_CARE_HOME = "demo-person-sofie-mertens"
DIRECTOR_CARE_HOME = "demo-person-ingrid-de-backer"
CITY_COORDINATOR = "demo-person-eline-goossens"
DIRECTOR_CUSTOM_WORK = "demo-person-patrick-wauters"


def organisations() -> list[dict[str, Any]]:
    return [
        {
            "id": DAY_CARE,
            "name": "Dagverzorgingscentrum De Lindeboom vzw",
            "kind": "care_facility",
            "care_type": "day_care",
            "enterprise_number": "0418.765.232",
            "joint_committee": "330.01.20",
            "province": "oost-vlaanderen",
            "address": {"street": "Kerkstraat 12", "postcode": "9200", "city": "Dendermonde"},
        },
        {
            "id": CARE_HOME,
            "name": "Woonzorgcentrum Hof ter Beke",
            "kind": "care_facility",
            "care_type": "residential",
            "enterprise_number": "0443.521.909",
            "joint_committee": "330.01.20",
            "province": "oost-vlaanderen",
            "address": {"street": "Molenstraat 45", "postcode": "9160", "city": "Lokeren"},
        },
        {
            "id": LDE,
            "name": "Buurtdiensten Scheldeland vzw",
            "kind": "local_services",
            "enterprise_number": "0859.013.786",
            "joint_committee": "329.01",
            "province": "oost-vlaanderen",
            "address": {"street": "Noordlaan 8", "postcode": "9200", "city": "Dendermonde"},
        },
        {
            "id": CITY,
            "name": "Stad Dendermonde",
            "kind": "local_authority",
            "enterprise_number": "0207.123.407",
            "province": "oost-vlaanderen",
            "address": {"street": "Grote Markt 1", "postcode": "9200", "city": "Dendermonde"},
        },
        {
            "id": CUSTOM_WORK,
            "name": "Maatwerkbedrijf Scheldewerk vzw",
            "kind": "custom_work",
            "enterprise_number": "0440.291.809",
            "joint_committee": "327.01",
            "province": "oost-vlaanderen",
            "address": {"street": "Industrieweg 21", "postcode": "9100", "city": "Sint-Niklaas"},
        },
    ]


def _person(key: str, name: str, organisation: str, role: str, email: str) -> dict[str, Any]:
    return {
        "id": key,
        "name": name,
        "organisation": organisation,
        "role": role,
        "email": f"{email}@example.org",
    }


def people() -> list[dict[str, Any]]:
    return [
        _person(COACH_LDE, "Liesbeth Van Damme", LDE, "job_coach", "liesbeth.vandamme"),
        _person(DIRECTOR_LDE, "Dirk Verstraeten", LDE, "director", "dirk.verstraeten"),
        _person(NURSE_DAY_CARE, "Hilde Verhulst", DAY_CARE, "supervisor", "hilde.verhulst"),
        _person(
            COORDINATOR_DAY_CARE, "Marc Janssens", DAY_CARE, "coordinator", "marc.janssens"
        ),
        _person(NURSE_CARE_HOME, "Sofie Mertens", CARE_HOME, "supervisor", "sofie.mertens"),
        _person(DIRECTOR_CARE_HOME, "Ingrid De Backer", CARE_HOME, "director", "ingrid.debacker"),
        _person(CITY_COORDINATOR, "Eline Goossens", CITY, "coordinator", "eline.goossens"),
        _person(COACH_CUSTOM_WORK, "Koen De Smet", CUSTOM_WORK, "job_coach", "koen.desmet"),
        _person(
            DIRECTOR_CUSTOM_WORK, "Patrick Wauters", CUSTOM_WORK, "director", "patrick.wauters"
        ),
    ]
