"""A few organisations, people and workers, made through their own services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.rules.organisation import OrganisationData, PersonData
from zorgkoppel.core.rules.worker import SkillData, WorkerData
from zorgkoppel.core.services.organisations import save_organisation, save_person
from zorgkoppel.core.services.workers import save_worker


@dataclass(frozen=True)
class Base:
    wzc: str  # residential care centre
    lde: str  # local-services enterprise
    maatwerk: str  # custom-work company
    city: str
    coach: str  # job coach of the LDE
    nurse: str  # supervisor at the care centre
    samir: str  # LDE: independent driver with licence, learning in the kitchen
    els: str  # custom work: independent in the kitchen, no licence


@pytest.fixture
def base(ctx: ServiceContext) -> Base:
    def organisation(name: str, kind: str) -> str:
        return save_organisation(ctx, OrganisationData(name, kind)).value.id

    wzc = organisation("WZC Ter Beuken", "care_facility")
    lde = organisation("Buurtwerk Plus vzw", "local_services")
    maatwerk = organisation("Maatwerk Schelde", "custom_work")
    city = organisation("Stad Dendermonde", "local_authority")
    coach = save_person(ctx, PersonData("An Peeters", lde, "job_coach")).value.id
    nurse = save_person(ctx, PersonData("Greet Claes", wzc, "supervisor")).value.id
    samir = save_worker(ctx, WorkerData(
        "Samir", "El Amrani", lde, "local_services", dt.date(2021, 3, 1), "B1", True,
        [SkillData("driver", "independent"), SkillData("kitchen", "learning")])).value.id
    els = save_worker(ctx, WorkerData(
        "Els", "Maes", maatwerk, "custom_work", dutch_level="native",
        skills=[SkillData("kitchen", "independent")])).value.id
    return Base(wzc, lde, maatwerk, city, coach, nurse, samir, els)
