"""Guidance notes: saved with their children, and shown only to who may read them."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.services.conftest import Base
from zorgkoppel.core.context import Actor, ServiceContext
from zorgkoppel.core.errors import NotFoundError, ValidationError
from zorgkoppel.core.rules.agreement import AgreementData
from zorgkoppel.core.rules.note import NoteActionData, NoteData
from zorgkoppel.core.services.agreements import save_agreement
from zorgkoppel.core.services.notes import delete_note, get_note, list_notes, save_note


def note(base: Base, **changes: object) -> NoteData:
    data = NoteData(
        worker_id=base.samir, day=dt.date(2024, 10, 15), kind="evaluation_meeting",
        author_id=base.coach, participant_ids=[base.coach, base.nurse], duration_minutes=45,
        summary="Rijdt zelfstandig route Noord.",
        scores={"punctuality": 4, "teamwork": 3, "pace": None},
        actions=[NoteActionData("Route Zuid leren", base.nurse, dt.date(2024, 11, 1))],
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def test_save_and_read_back(ctx: ServiceContext, base: Base) -> None:
    saved = save_note(ctx, note(base)).value
    assert saved.visibility == "enterprise_only"
    assert get_note(ctx, saved.id).data == note(base)


def test_update_replaces_children(ctx: ServiceContext, base: Base) -> None:
    saved = save_note(ctx, note(base)).value
    changed = note(base, participant_ids=[base.nurse], scores={}, actions=[],
                   visibility="shared")
    save_note(ctx, changed, saved.id)
    assert get_note(ctx, saved.id).data == changed


def test_invalid_note_is_refused(ctx: ServiceContext, base: Base) -> None:
    with pytest.raises(ValidationError) as caught:
        save_note(ctx, note(base, scores={"punctuality": 7}, author_id="nobody"))
    assert {p.field for p in caught.value.problems} == {"scores.punctuality", "author"}
    assert list_notes(ctx) == []


def test_list_filters_newest_first(ctx: ServiceContext, base: Base) -> None:
    old = save_note(ctx, note(base, day=dt.date(2024, 1, 5), kind="intake")).value
    new = save_note(ctx, note(base)).value
    other = save_note(ctx, note(base, worker_id=base.els, author_id=None)).value
    assert [n.id for n in list_notes(ctx, worker_id=base.samir)] == [new.id, old.id]
    assert [n.id for n in list_notes(ctx, kind="intake")] == [old.id]
    assert [n.id for n in list_notes(ctx, start=dt.date(2024, 6, 1))] == sorted(
        [new.id, other.id])
    assert [n.id for n in list_notes(ctx, search="ROUTE", worker_id=base.els)] == [other.id]


def test_care_facility_sees_shared_notes_of_placed_workers_only(
    ctx: ServiceContext, base: Base
) -> None:
    confidential = save_note(ctx, note(base)).value
    shared = save_note(ctx, note(base, visibility="shared")).value
    facility = ServiceContext(ctx.db, Actor("wzc", "coordinator", frozenset({base.wzc})))
    enterprise = ServiceContext(ctx.db, Actor("lde", "job_coach", frozenset({base.lde})))

    assert list_notes(facility) == []  # Samir is not placed with the facility yet
    save_agreement(ctx, AgreementData(
        reference="SO-1", phase="transition", legal_form="service_contract",
        care_partner_id=base.wzc, se_partner_id=base.lde, worker_ids=[base.samir]))

    assert [n.id for n in list_notes(facility)] == [shared.id]
    with pytest.raises(NotFoundError):
        get_note(facility, confidential.id)
    assert {n.id for n in list_notes(enterprise)} == {confidential.id, shared.id}


def test_delete(ctx: ServiceContext, base: Base) -> None:
    saved = save_note(ctx, note(base)).value
    assert delete_note(ctx, saved.id).touches("notes")
    with pytest.raises(NotFoundError):
        get_note(ctx, saved.id)


def test_nobody_writes_notes_about_workers_they_cannot_see(
    ctx: ServiceContext, base: Base
) -> None:
    outsider = ServiceContext(ctx.db, Actor("mw", "job_coach", frozenset({base.maatwerk})))
    with pytest.raises(NotFoundError):
        save_note(outsider, note(base))
    assert list_notes(ctx) == []
