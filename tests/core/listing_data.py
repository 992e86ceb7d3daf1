"""A small data set for list, overview and screen tests.

Organisations, people and workers go through their services; agreements, roster days and
notes are inserted as rows, so these tests do not depend on the services that write them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import (
    Agreement,
    AgreementTask,
    AgreementWorker,
    Note,
    NoteAction,
    NoteParticipant,
    NoteScore,
    RosterAssignment,
    RosterDay,
    RosterPost,
    RosterPresence,
    Trajectory,
)
from zorgkoppel.core.rules.organisation import OrganisationData, PersonData
from zorgkoppel.core.rules.worker import SkillData, WorkerData
from zorgkoppel.core.services.organisations import save_organisation, save_person
from zorgkoppel.core.services.workers import save_worker


@dataclass(frozen=True)
class Sample:
    today: dt.date
    linde: str  # day-care centre
    beuken: str  # residential care centre
    buurtwerk: str  # LDE enterprise
    schelde: str  # custom-work company
    city: str
    coach: str
    nurse: str
    samir: str  # LDE, five-year deadline in 100 days
    els: str  # custom work, independent in the kitchen
    jonas: str  # LDE, started last year
    active: str  # agreement in force, ends in 30 days
    draft: str
    ended: str
    today_day: str  # roster day at De Linde, today
    yesterday_day: str
    shared_note: str
    confidential_note: str


def _time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def build_sample(ctx: ServiceContext, today: dt.date) -> Sample:
    def org(**fields: object) -> str:
        return save_organisation(ctx, OrganisationData(**fields)).value.id  # type: ignore[arg-type]

    linde = org(name="Dagcentrum De Linde vzw", kind="care_facility", care_type="day_care",
                enterprise_number="0412345614", province="oost-vlaanderen",
                joint_committee="330.01.20", street="Kerkstraat 1", postcode="9200",
                city="Dendermonde")
    beuken = org(name="WZC Ter Beuken", kind="care_facility", care_type="residential",
                 province="antwerpen", city="Mortsel")
    buurtwerk = org(name="Buurtwerk Plus vzw", kind="local_services",
                    enterprise_number="0876.543.270", province="oost-vlaanderen")
    schelde = org(name="Maatwerk Schelde", kind="custom_work", province="antwerpen")
    city = org(name="Stad Dendermonde", kind="local_authority", province="oost-vlaanderen")
    coach = save_person(ctx, PersonData("An Peeters", buurtwerk, "job_coach",
                                        "an@example.org")).value.id
    nurse = save_person(ctx, PersonData("Greet Claes", linde, "supervisor")).value.id

    five_years_ago = today.replace(year=today.year - 5)
    samir = save_worker(ctx, WorkerData(
        "Samir", "El Amrani", buurtwerk, "local_services",
        integration_start=five_years_ago + dt.timedelta(days=100), dutch_level="B1",
        driving_licence=True,
        skills=[SkillData("driver", "with_companion"), SkillData("kitchen", "independent")],
        preferences={"kitchen": 1, "laundry": -1},
    )).value.id
    els = save_worker(ctx, WorkerData(
        "Els", "Vermeulen", schelde, "custom_work", dutch_level="native",
        skills=[SkillData("kitchen", "independent"), SkillData("driver", "independent")],
    )).value.id
    jonas = save_worker(ctx, WorkerData(
        "Jonas", "Wouters", buurtwerk, "local_services",
        integration_start=today - dt.timedelta(days=300),
    )).value.id

    active = Agreement(
        reference="SO-2024-007", phase="service", legal_form="service_contract",
        status="active", care_partner_id=linde, se_partner_id=buurtwerk,
        commissioned_by_id=city, signed_on=today - dt.timedelta(days=340),
        start_date=today - dt.timedelta(days=335), end_date=today + dt.timedelta(days=30),
        notice_days=90, scope_workers=3, scope_fte=Decimal("2.5"),
        scope_hours_per_week=Decimal("95"), sites="Dagcentrum De Linde\nBijhuis Oost",
        schedule="ma-vr 7u30-17u", job_coach_id=coach, supervisor_id=nurse,
        evaluation_every_weeks=8, rate_type="per_hour", rate=Decimal("17.50"),
        guidance_hours_per_month=Decimal("6"), index_base_month="2024-08",
    )
    draft = Agreement(
        reference="SO-2025-001", phase="service", legal_form="enclave", status="draft",
        care_partner_id=beuken, se_partner_id=schelde, start_date=today + dt.timedelta(days=60),
    )
    ended = Agreement(
        reference="DS-2022-003", phase="transition", legal_form="service_contract",
        status="ended", care_partner_id=linde, se_partner_id=schelde,
        start_date=today - dt.timedelta(days=900), end_date=today - dt.timedelta(days=500),
    )
    today_day = RosterDay(site_id=linde, day=today, review=None)
    yesterday_day = RosterDay(site_id=linde, day=today - dt.timedelta(days=1),
                              review="Route Noord liep vlot.")
    shared_note = Note(worker_id=samir, day=today - dt.timedelta(days=3),
                       kind="evaluation_meeting", author_id=coach, duration_minutes=45,
                       visibility="shared",
                       summary="Rijdt zelfstandig route Noord.\nVolgende stap: Zuid.")
    confidential_note = Note(worker_id=samir, day=today - dt.timedelta(days=10),
                             kind="contact", author_id=coach, duration_minutes=20,
                             visibility="enterprise_only", summary="Financiële zorgen thuis.")
    with ctx.db.transaction() as session:
        session.add_all([active, draft, ended, today_day, yesterday_day, shared_note,
                         confidential_note])
        session.flush()
        session.add_all([
            AgreementTask(agreement_id=active.id, task_code="driver",
                          description="Ophalen en terugbrengen", position=0),
            AgreementTask(agreement_id=active.id, task_code="kitchen", position=1),
            AgreementWorker(agreement_id=active.id, worker_id=samir, position=0),
            AgreementWorker(agreement_id=active.id, worker_id=jonas, position=1),
            AgreementWorker(agreement_id=ended.id, worker_id=els, position=0),
            NoteParticipant(note_id=shared_note.id, person_id=coach, position=0),
            NoteParticipant(note_id=shared_note.id, person_id=nurse, position=1),
            NoteScore(note_id=shared_note.id, item="punctuality", score=4),
            NoteScore(note_id=shared_note.id, item="teamwork", score=3),
            NoteAction(note_id=shared_note.id, description="Route Zuid leren",
                       owner_id=nurse, due=today - dt.timedelta(days=1), done=False),
            NoteAction(note_id=shared_note.id, description="Evaluatie plannen",
                       owner_id=coach, due=today + dt.timedelta(days=20), done=False),
            NoteAction(note_id=confidential_note.id, description="Doorverwijzen",
                       owner_id=coach, due=today - dt.timedelta(days=5), done=True),
            Trajectory(worker_id=jonas, provider_id=buurtwerk, target_employer_id=linde),
        ])
        # Today: the driver post has only Samir, who drives with a companion and does not
        # count; the kitchen needs two and has one independent worker. Two places unfilled.
        driver = RosterPost(roster_day_id=today_day.id, key="r-n", task_code="driver",
                            start_time=_time("07:30"), end_time=_time("09:30"), needed=1,
                            label="Route Noord", position=0)
        kitchen = RosterPost(roster_day_id=today_day.id, key="k", task_code="kitchen",
                             start_time=_time("10:00"), end_time=_time("14:00"), needed=2,
                             position=1)
        full = RosterPost(roster_day_id=yesterday_day.id, key="k", task_code="kitchen",
                          start_time=_time("10:00"), end_time=_time("14:00"), needed=1)
        session.add_all([driver, kitchen, full])
        session.flush()
        session.add_all([
            RosterPresence(roster_day_id=today_day.id, worker_id=samir, status="present",
                           start_time=_time("07:30"), end_time=_time("16:00")),
            RosterPresence(roster_day_id=today_day.id, worker_id=els, status="present"),
            RosterPresence(roster_day_id=today_day.id, worker_id=jonas, status="sick"),
            RosterAssignment(roster_day_id=today_day.id, post_id=driver.id, worker_id=samir,
                             pinned=True),
            RosterAssignment(roster_day_id=today_day.id, post_id=kitchen.id, worker_id=els),
            RosterPresence(roster_day_id=yesterday_day.id, worker_id=els, status="present"),
            RosterAssignment(roster_day_id=yesterday_day.id, post_id=full.id, worker_id=els),
        ])
    return Sample(
        today=today, linde=linde, beuken=beuken, buurtwerk=buurtwerk, schelde=schelde,
        city=city, coach=coach, nurse=nurse, samir=samir, els=els, jonas=jonas,
        active=active.id, draft=draft.id, ended=ended.id, today_day=today_day.id,
        yesterday_day=yesterday_day.id, shared_note=shared_note.id,
        confidential_note=confidential_note.id,
    )
