"""Note sign-off and addenda, full-text search, linked agreement and own score items."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.services.conftest import Base
from zorgkoppel.core.context import Actor, ServiceContext
from zorgkoppel.core.errors import ValidationError
from zorgkoppel.core.models import Agreement, AgreementWorker
from zorgkoppel.core.rules.note import NoteData
from zorgkoppel.core.services.note_search import search_notes
from zorgkoppel.core.services.note_signoff import add_addendum, list_addenda, sign_off_note
from zorgkoppel.core.services.notes import delete_note, get_note, save_note
from zorgkoppel.core.services.score_items import list_score_items, save_score_item


def _note(base: Base, summary: str, visibility: str = "enterprise_only") -> NoteData:
    return NoteData(base.samir, dt.date(2025, 3, 4), "contact", author_id=base.coach,
                    duration_minutes=30, visibility=visibility, summary=summary,
                    start_time=dt.time(9, 30))


def test_a_signed_off_note_is_locked_and_takes_addenda(ctx: ServiceContext, base: Base) -> None:
    key = save_note(ctx, _note(base, "Rijdt route Noord.")).value.id
    with pytest.raises(ValidationError):
        add_addendum(ctx, key, "te vroeg")  # not signed off yet: just edit it
    assert sign_off_note(ctx, key).value.signed_off_at is not None
    with pytest.raises(ValidationError) as caught:
        save_note(ctx, _note(base, "Anders."), key)
    assert "locked" in str(caught.value.problems[0])
    with pytest.raises(ValidationError):
        delete_note(ctx, key)
    with pytest.raises(ValidationError):
        sign_off_note(ctx, key)
    with pytest.raises(ValidationError):
        add_addendum(ctx, key, "   ")
    add_addendum(ctx, key, "Correctie: route Zuid, niet Noord.", base.coach)
    assert [a.text for a in list_addenda(ctx, key)] == ["Correctie: route Zuid, niet Noord."]
    detail = get_note(ctx, key)
    assert detail.data.summary == "Rijdt route Noord." and detail.data.start_time == dt.time(9, 30)


def test_full_text_search_finds_summaries_and_addenda(ctx: ServiceContext, base: Base) -> None:
    first = save_note(ctx, _note(base, "Financiële zorgen thuis; schuldbemiddeling.")).value.id
    second = save_note(ctx, _note(base, "Rijdt zelfstandig route Noord.", "shared")).value.id
    for use_fts in (True, False):
        assert [n.id for n in search_notes(ctx, "route noord", use_fts=use_fts)] == [second]
        # Case does not matter; a word may be the start of a longer one; FTS syntax in
        # the query is only text.
        assert [n.id for n in search_notes(ctx, "SCHULD", use_fts=use_fts)] == [first]
        assert [n.id for n in search_notes(ctx, 'route" NEAR(', use_fts=use_fts)] == []
        assert [n.id for n in search_notes(ctx, 'route" (*', use_fts=use_fts)] == [second]
        assert search_notes(ctx, "  ", use_fts=use_fts) == []
    # FTS also ignores accents.
    assert [n.id for n in search_notes(ctx, "financiele")] == [first]
    # Changed and deleted notes follow in the index.
    save_note(ctx, _note(base, "Rijdt nu route Zuid.", "shared"), second)
    assert search_notes(ctx, "noord") == []
    assert [n.id for n in search_notes(ctx, "zuid")] == [second]
    delete_note(ctx, second)
    assert search_notes(ctx, "zuid") == []
    sign_off_note(ctx, first)
    add_addendum(ctx, first, "OCMW Dendermonde gecontacteerd.")
    for use_fts in (True, False):
        assert [n.id for n in search_notes(ctx, "ocmw", use_fts=use_fts)] == [first]


def test_search_shows_a_care_facility_only_shared_notes_of_its_workers(
    ctx: ServiceContext, base: Base
) -> None:
    save_note(ctx, _note(base, "Financiële zorgen; route besproken."))
    shared = save_note(ctx, _note(base, "Route Noord besproken.", "shared")).value.id
    agreement = Agreement(reference="SO-1", phase="service", legal_form="service_contract",
                          care_partner_id=base.wzc, se_partner_id=base.lde)
    with ctx.db.transaction() as session:
        session.add(agreement)
        session.flush()
        session.add(AgreementWorker(agreement_id=agreement.id, worker_id=base.samir))
    facility = ServiceContext(ctx.db, Actor("wzc", "coordinator", frozenset({base.wzc})))
    for use_fts in (True, False):
        assert len(search_notes(ctx, "route", use_fts=use_fts)) == 2
        assert [n.id for n in search_notes(facility, "route", use_fts=use_fts)] == [shared]
        assert search_notes(facility, "financiele zorgen", use_fts=use_fts) == []


def test_a_note_links_an_existing_agreement(ctx: ServiceContext, base: Base) -> None:
    data = _note(base, "x")
    data.agreement_id = "nope"
    with pytest.raises(ValidationError) as caught:
        save_note(ctx, data)
    assert [p.field for p in caught.value.problems] == ["agreement"]


def test_own_score_items(ctx: ServiceContext, base: Base) -> None:
    assert [i.code for i in list_score_items(ctx)][:2] == ["punctuality", "keeps_agreements"]
    data = _note(base, "x")
    data.scores = {"hygiene": 3}
    with pytest.raises(ValidationError):
        save_note(ctx, data)
    save_score_item(ctx, "hygiene", "Hygiëne", position=10)
    save_score_item(ctx, "pace", "", active=False)
    key = save_note(ctx, data).value.id
    assert get_note(ctx, key).data.scores == {"hygiene": 3}
    shown = [(i.code, i.label) for i in list_score_items(ctx, active_only=True)]
    assert ("hygiene", "Hygiëne") in shown and "pace" not in [c for c, _l in shown]
    with pytest.raises(ValidationError):
        save_score_item(ctx, "Bad Code!", "x")


def test_evaluation_meeting_as_ics(ctx: ServiceContext, base: Base) -> None:
    from icalendar import Calendar

    from zorgkoppel.core.services.calendar_export import evaluation_meeting_ics

    agreement = Agreement(reference="SO-7", phase="service", legal_form="service_contract",
                          care_partner_id=base.wzc, se_partner_id=base.lde,
                          sites="WZC Ter Beuken, afdeling Noord", job_coach_id=base.coach,
                          supervisor_id=base.nurse)
    with ctx.db.transaction() as session:
        session.add(agreement)
        session.flush()
        session.add(AgreementWorker(agreement_id=agreement.id, worker_id=base.samir))
    save_note(ctx, _note(base, "Geheime schulden."))
    content = evaluation_meeting_ics(ctx, base.samir, dt.datetime(2025, 3, 10, 14, 0), 45,
                                     language="nl")
    assert b"Geheime" not in content
    event = next(c for c in Calendar.from_ical(content).walk("VEVENT"))
    assert str(event["summary"]) == "Evaluatiegesprek: Samir El Amrani" or str(
        event["summary"]).endswith("Samir El Amrani")
    assert str(event["location"]) == "WZC Ter Beuken, afdeling Noord"
    start = event.decoded("dtstart")
    assert (start.hour, str(start.tzinfo)) == (14, "Europe/Brussels")
    assert event.decoded("dtend") - start == dt.timedelta(minutes=45)
    assert b"BEGIN:VTIMEZONE" in content and b"TZID=Europe/Brussels" in content
    assert str(event["description"]) == "SO-7"
