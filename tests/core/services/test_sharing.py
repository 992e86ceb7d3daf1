"""The sharing package of a care facility: never an enterprise_only note, nothing of others."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.core.services.conftest import Base
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError
from zorgkoppel.core.models import (
    Agreement,
    AgreementWorker,
    Note,
    NoteAction,
    NoteParticipant,
    RosterDay,
    Trajectory,
)
from zorgkoppel.core.rules.organisation import OrganisationData, PersonData
from zorgkoppel.core.services.organisations import save_organisation, save_person
from zorgkoppel.core.services.sharing import NotACareFacility, sharing_selection
from zorgkoppel.exchange.exporter import export_exchange, write_exchange_file
from zorgkoppel.exchange.importer import import_exchange
from zorgkoppel.storage.opening import open_database

SECRET = "Schuldbemiddeling loopt; partner werkloos."


@pytest.fixture
def other(ctx: ServiceContext, base: Base) -> str:
    """Another care facility with its own agreement, worker, roster day and notes."""
    other = save_organisation(ctx, OrganisationData("WZC Andere", "care_facility")).value.id
    save_person(ctx, PersonData("Jan Anders", other, "supervisor"))
    agreement_here = Agreement(reference="SO-HIER", phase="service",
                               legal_form="service_contract", care_partner_id=base.wzc,
                               se_partner_id=base.lde, commissioned_by_id=base.city,
                               job_coach_id=base.coach, supervisor_id=base.nurse)
    agreement_there = Agreement(reference="SO-DAAR", phase="service", legal_form="enclave",
                                care_partner_id=other, se_partner_id=base.maatwerk)
    day = dt.date(2025, 3, 4)
    confidential = Note(worker_id=base.samir, day=day, kind="contact", summary=SECRET,
                        author_id=base.coach)
    shared = Note(worker_id=base.samir, day=day, kind="evaluation_meeting",
                  visibility="shared", summary="Rijdt zelfstandig.", author_id=base.coach)
    about_els = Note(worker_id=base.els, day=day, kind="contact", visibility="shared",
                     summary="Els werkt in WZC Andere.")
    with ctx.db.transaction() as session:
        session.add_all([agreement_here, agreement_there, confidential, shared, about_els])
        session.flush()
        session.add_all([
            AgreementWorker(agreement_id=agreement_here.id, worker_id=base.samir),
            AgreementWorker(agreement_id=agreement_there.id, worker_id=base.els),
            NoteParticipant(note_id=confidential.id, person_id=base.nurse),
            NoteAction(note_id=confidential.id, description="Budgetplan opmaken " + SECRET,
                       owner_id=base.coach),
            NoteParticipant(note_id=shared.id, person_id=base.nurse),
            RosterDay(site_id=base.wzc, day=day),
            RosterDay(site_id=other, day=day),
            Trajectory(worker_id=base.samir, provider_id=base.lde, target_employer_id=base.wzc),
        ])
    return other


def test_the_package_holds_only_what_the_facility_may_receive(
    ctx: ServiceContext, base: Base, other: str
) -> None:
    document = export_exchange(ctx, sharing_selection(ctx, base.wzc))
    text = json.dumps(document, ensure_ascii=False)
    assert SECRET not in text and "Schuldbemiddeling" not in text and "Budgetplan" not in text
    assert [n["summary"] for n in document["notes"]] == ["Rijdt zelfstandig."]
    assert [n["visibility"] for n in document["notes"]] == ["shared"]
    assert [a["reference"] for a in document["agreements"]] == ["SO-HIER"]
    assert [w["first_name"] for w in document["workers"]] == ["Samir"]
    assert [r["site"] for r in document["roster_days"]] == [base.wzc]
    assert len(document["trajectories"]) == 1
    names = {o["name"] for o in document["organisations"]}
    assert names == {"WZC Ter Beuken", "Buurtwerk Plus vzw", "Stad Dendermonde"}
    assert "WZC Andere" not in text and "SO-DAAR" not in text and "Jan Anders" not in text
    assert {p["name"] for p in document["people"]} == {"An Peeters", "Greet Claes"}


def test_the_package_imports_into_an_empty_database(
    ctx: ServiceContext, base: Base, other: str, tmp_path: Path
) -> None:
    path = tmp_path / "package.json"
    write_exchange_file(ctx, path, sharing_selection(ctx, base.wzc))
    assert SECRET not in path.read_text(encoding="utf-8")
    fresh = open_database(tmp_path / "facility")
    try:
        report = import_exchange(ServiceContext(fresh), path)
        assert report.summary().startswith("Created:")
    finally:
        fresh.dispose()


def test_a_participant_from_another_facility_stays_out(
    ctx: ServiceContext, base: Base, other: str, tmp_path: Path
) -> None:
    """A shared note attended by someone of another facility names neither that person nor
    that facility in the package, which still imports on its own."""
    jan = save_person(ctx, PersonData("Jan Elders", other, "supervisor")).value.id
    with ctx.db.transaction() as session:
        note = Note(worker_id=base.samir, day=dt.date(2025, 3, 5), kind="contact",
                    visibility="shared", summary="Samen met de andere voorziening.",
                    author_id=jan)
        session.add(note)
        session.flush()
        session.add_all([NoteParticipant(note_id=note.id, person_id=jan),
                         NoteParticipant(note_id=note.id, person_id=base.nurse),
                         NoteAction(note_id=note.id, description="Bellen", owner_id=jan)])
    path = tmp_path / "package.json"
    write_exchange_file(ctx, path, sharing_selection(ctx, base.wzc))
    text = path.read_text(encoding="utf-8")
    assert "Jan Elders" not in text and "WZC Andere" not in text and jan not in text
    (shared,) = [n for n in json.loads(text)["notes"] if n["id"] == note.id]
    assert shared["participants"] == [base.nurse] and shared["author"] is None
    assert shared["actions"][0]["owner"] is None
    fresh = open_database(tmp_path / "facility")
    try:
        import_exchange(ServiceContext(fresh), path)
    finally:
        fresh.dispose()


def test_only_for_a_known_care_facility(ctx: ServiceContext, base: Base) -> None:
    with pytest.raises(NotFoundError):
        sharing_selection(ctx, "nope")
    with pytest.raises(NotACareFacility):
        sharing_selection(ctx, base.lde)
