"""A small world for the role × record matrix, made through the services as the local owner.

Two care facilities (Ter Beuken, De Linde), two enterprises (Buurtwerk, Schelde):
- Samir (Buurtwerk) is placed at Ter Beuken; Jonas (Buurtwerk) only at De Linde;
  Els (Schelde) at De Linde.
- Each worker has a shared and a confidential (enterprise_only) note, whose texts name the
  worker ("shared Samir", "confidential Samir"), so a leak is easy to spot in any output.
- Trajectories: Samir's targets Ter Beuken, Jonas's targets De Linde.
- A roster day at each facility on MONDAY.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.rules.agreement import AgreementData, AgreementTaskData
from zorgkoppel.core.rules.note import NoteData
from zorgkoppel.core.rules.organisation import OrganisationData
from zorgkoppel.core.rules.roster import (
    AssignmentData,
    PostData,
    PresenceData,
    RosterDayData,
)
from zorgkoppel.core.rules.trajectory import TrajectoryData, TrajectoryPhaseData
from zorgkoppel.core.rules.worker import SkillData, WorkerData
from zorgkoppel.core.services.agreements import save_agreement
from zorgkoppel.core.services.notes import save_note
from zorgkoppel.core.services.organisations import save_organisation
from zorgkoppel.core.services.roster import save_roster_day
from zorgkoppel.core.services.trajectories import save_trajectory
from zorgkoppel.core.services.workers import save_worker

MONDAY = dt.date(2024, 10, 7)
WORKERS = ("samir", "jonas", "els")


@dataclass(frozen=True)
class World:
    beuken: str  # care facility A
    linde: str  # care facility B
    buurtwerk: str  # enterprise X (LDE)
    schelde: str  # enterprise Y (custom work)
    samir: str
    jonas: str
    els: str
    agreements: dict[str, str]  # "beuken-buurtwerk" -> id
    shared: dict[str, str]  # worker key -> shared note id
    confidential: dict[str, str]  # worker key -> enterprise_only note id
    trajectories: dict[str, str]  # worker key -> trajectory id
    roster_days: dict[str, str]  # facility key -> roster day id

    def worker(self, key: str) -> str:
        return {"samir": self.samir, "jonas": self.jonas, "els": self.els}[key]


def build_world(ctx: ServiceContext) -> World:
    def organisation(name: str, kind: str) -> str:
        return save_organisation(ctx, OrganisationData(name, kind)).value.id

    beuken = organisation("WZC Ter Beuken", "care_facility")
    linde = organisation("Dagcentrum De Linde", "care_facility")
    buurtwerk = organisation("Buurtwerk Plus vzw", "local_services")
    schelde = organisation("Maatwerk Schelde", "custom_work")
    city = organisation("Stad Dendermonde", "local_authority")
    skills = [SkillData("kitchen", "independent")]
    samir = save_worker(ctx, WorkerData("Samir", "El Amrani", buurtwerk, "local_services",
                                        dt.date(2021, 3, 1), skills=skills)).value.id
    jonas = save_worker(ctx, WorkerData("Jonas", "Wouters", buurtwerk, "local_services",
                                        dt.date(2022, 1, 3), skills=skills)).value.id
    els = save_worker(ctx, WorkerData("Els", "Maes", schelde, "custom_work",
                                      skills=skills)).value.id
    agreements = {}
    for reference, care, se, workers in (
        ("SO-beuken-buurtwerk", beuken, buurtwerk, [samir]),
        ("SO-linde-buurtwerk", linde, buurtwerk, [jonas]),
        ("SO-linde-schelde", linde, schelde, [els]),
    ):
        agreements[reference[3:]] = save_agreement(ctx, AgreementData(
            reference=reference, phase="service", legal_form="service_contract",
            care_partner_id=care, se_partner_id=se, start_date=dt.date(2024, 9, 1),
            commissioned_by_id=city if se == buurtwerk else None,
            tasks=[AgreementTaskData("kitchen")], worker_ids=workers,
        )).value.id
    shared, confidential = {}, {}
    for key, worker in (("samir", samir), ("jonas", jonas), ("els", els)):
        shared[key] = save_note(ctx, NoteData(
            worker, MONDAY, "contact", visibility="shared", summary=f"shared {key}",
        )).value.id
        confidential[key] = save_note(ctx, NoteData(
            worker, MONDAY, "contact", visibility="enterprise_only",
            summary=f"confidential {key}",
        )).value.id
    trajectories = {
        "samir": save_trajectory(ctx, TrajectoryData(
            samir, buurtwerk, beuken, None,
            [TrajectoryPhaseData("pre_trajectory", dt.date(2024, 9, 2))])).value.id,
        "jonas": save_trajectory(ctx, TrajectoryData(
            jonas, buurtwerk, linde, None,
            [TrajectoryPhaseData("pre_trajectory", dt.date(2024, 9, 2))])).value.id,
    }
    roster_days = {}
    for key, site, worker in (("beuken", beuken, samir), ("linde", linde, els)):
        roster_days[key] = save_roster_day(ctx, RosterDayData(
            site, MONDAY, posts=[PostData("kitchen", "kitchen", dt.time(10), dt.time(14))],
            presence=[PresenceData(worker, "present")],
            assignments=[AssignmentData("kitchen", worker)],
        )).value.id
    return World(beuken, linde, buurtwerk, schelde, samir, jonas, els, agreements, shared,
                 confidential, trajectories, roster_days)
