"""Optimistic locking: a save based on an outdated version never overwrites, and the
conflict is resolved by keeping mine, taking theirs or merging field by field."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from tests.core.services.conftest import Base
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import EditConflict, NotFoundError, ValidationError
from zorgkoppel.core.rules.note import NoteData
from zorgkoppel.core.rules.organisation import OrganisationData
from zorgkoppel.core.rules.roster import AssignmentData, PostData, PresenceData, RosterDayData
from zorgkoppel.core.services import edit_conflicts
from zorgkoppel.core.services.edit_conflicts import Pick
from zorgkoppel.core.services.notes import get_note, save_note
from zorgkoppel.core.services.organisations import get_organisation, save_organisation
from zorgkoppel.core.services.roster import get_roster_day, save_roster_day
from zorgkoppel.core.services.workers import get_worker, save_worker
from zorgkoppel.storage.database import Database


def _edit_twice(ctx: ServiceContext, base: Base) -> EditConflict:
    """Two people load Samir at version v; the first saves a new last name, the second a
    new Dutch level from the old version."""
    loaded = get_worker(ctx, base.samir)
    version = loaded.worker.version
    theirs = replace(loaded.as_data(), last_name="El Amrani-Peeters")
    save_worker(ctx, theirs, base.samir, expected_version=version)
    mine = replace(loaded.as_data(), dutch_level="B2", first_name="Sami")
    with pytest.raises(EditConflict) as caught:
        save_worker(ctx, mine, base.samir, expected_version=version)
    return caught.value


def test_outdated_save_is_refused_and_changes_nothing(ctx: ServiceContext, base: Base) -> None:
    conflict = _edit_twice(ctx, base)
    stored = get_worker(ctx, base.samir)
    assert (stored.worker.last_name, stored.worker.dutch_level) == ("El Amrani-Peeters", "B1")
    assert stored.worker.first_name == "Samir"
    assert conflict.kind == "worker" and conflict.record_id == base.samir
    assert conflict.theirs_version == stored.worker.version == conflict.mine_version + 1
    assert {f.name: (f.mine, f.theirs) for f in conflict.differing()} == {
        "first_name": ("Sami", "Samir"),
        "last_name": ("El Amrani", "El Amrani-Peeters"),
        "dutch_level": ("B2", "B1"),
    }
    # The message names the record by its id, never by the person's name.
    assert base.samir in conflict.text() and "Samir" not in conflict.text()


def test_keep_mine_saves_the_form_over_the_current_version(
    ctx: ServiceContext, base: Base
) -> None:
    conflict = _edit_twice(ctx, base)
    edit_conflicts.keep_mine(ctx, conflict)
    stored = get_worker(ctx, base.samir).worker
    assert (stored.first_name, stored.last_name, stored.dutch_level) == (
        "Sami", "El Amrani", "B2")


def test_take_theirs_saves_nothing(ctx: ServiceContext, base: Base) -> None:
    conflict = _edit_twice(ctx, base)
    before = get_worker(ctx, base.samir).worker.version
    assert edit_conflicts.take_theirs(conflict).last_name == "El Amrani-Peeters"
    assert get_worker(ctx, base.samir).worker.version == before


def test_merge_takes_each_field_from_the_side_picked(ctx: ServiceContext, base: Base) -> None:
    conflict = _edit_twice(ctx, base)
    edit_conflicts.merge(ctx, conflict, {"first_name": Pick.THEIRS, "last_name": Pick.THEIRS,
                                         "dutch_level": Pick.MINE})
    stored = get_worker(ctx, base.samir).worker
    assert (stored.first_name, stored.last_name, stored.dutch_level) == (
        "Samir", "El Amrani-Peeters", "B2")


def test_a_third_change_during_the_resolution_is_a_new_conflict(
    ctx: ServiceContext, base: Base
) -> None:
    conflict = _edit_twice(ctx, base)
    current = get_worker(ctx, base.samir)
    save_worker(ctx, replace(current.as_data(), programme="custom_work"), base.samir,
                expected_version=current.worker.version)
    with pytest.raises(EditConflict):
        edit_conflicts.keep_mine(ctx, conflict)
    assert get_worker(ctx, base.samir).worker.programme == "custom_work"


def test_version_grows_with_every_save_and_without_one_the_save_goes_ahead(
    ctx: ServiceContext, base: Base
) -> None:
    organisation = get_organisation(ctx, base.city)
    data = OrganisationData(organisation.name, organisation.kind, city="Dendermonde")
    saved = save_organisation(ctx, data, base.city, expected_version=organisation.version)
    assert saved.value.version == organisation.version + 1
    # No expected version (an import, a script): as before, no check.
    save_organisation(ctx, replace(data, city="Aalst"), base.city)
    with pytest.raises(EditConflict) as caught:
        save_organisation(ctx, replace(data, street="Markt 1"), base.city,
                          expected_version=organisation.version)
    assert caught.value.kind == "organisation"
    assert get_organisation(ctx, base.city).street is None


def test_a_note_changed_meanwhile_is_not_overwritten(ctx: ServiceContext, base: Base) -> None:
    data = NoteData(base.samir, dt.date(2024, 10, 7), "contact", summary="Goed bezig.")
    note = save_note(ctx, data).value
    save_note(ctx, replace(data, summary="Goed bezig, stipt."), note.id,
              expected_version=note.version)
    with pytest.raises(EditConflict) as caught:
        save_note(ctx, replace(data, summary="Vlot."), note.id, expected_version=note.version)
    assert [f.name for f in caught.value.differing()] == ["summary"]
    assert get_note(ctx, note.id).data.summary == "Goed bezig, stipt."


def test_a_concurrent_update_between_read_and_write_becomes_a_conflict(
    ctx: ServiceContext, base: Base
) -> None:
    """StaleDataError: the row's version moves after this save read it (here within the
    same transaction, as SQLite lets no other writer in; on PostgreSQL another session)."""
    loaded = get_worker(ctx, base.samir)
    fired: list[bool] = []

    def meanwhile(session: Session, _context: object, _instances: object) -> None:
        if not fired:
            fired.append(True)
            session.connection().exec_driver_sql("UPDATE worker SET version = version + 1")

    event.listen(Session, "before_flush", meanwhile)
    try:
        with pytest.raises(EditConflict) as caught:
            save_worker(ctx, replace(loaded.as_data(), dutch_level="C1"), base.samir,
                        expected_version=loaded.worker.version)
    finally:
        event.remove(Session, "before_flush", meanwhile)
    assert fired and caught.value.kind == "worker"
    assert caught.value.mine.dutch_level == "C1"
    assert get_worker(ctx, base.samir).worker.dutch_level == "B1"


MONDAY = dt.date(2024, 10, 7)


def _day(site: str, worker: str, start: dt.time, end: dt.time) -> RosterDayData:
    return RosterDayData(
        site_id=site, day=MONDAY,
        posts=[PostData("kitchen", "kitchen", start, end, 1)],
        presence=[PresenceData(worker, "present")],
        assignments=[AssignmentData("kitchen", worker)],
    )


def test_two_coordinators_at_once_never_place_a_worker_on_overlapping_posts(
    ctx: ServiceContext, base: Base, data_dir: Path
) -> None:
    """The second coordinator's placement commits between the first one's check and its
    write; the first is refused with the usual overlap message, nothing of it stored."""
    site_b = save_organisation(ctx, OrganisationData("WZC De Linde", "care_facility")).value.id
    second = Database(ctx.db.url)  # the same database (file or server), another connection
    second_ctx = ServiceContext(second)

    def place_meanwhile() -> None:
        ctx.db.before_write = None
        save_roster_day(second_ctx, _day(site_b, base.els, dt.time(11), dt.time(15)))

    ctx.db.before_write = place_meanwhile
    try:
        with pytest.raises(ValidationError) as caught:
            save_roster_day(ctx, _day(base.wzc, base.els, dt.time(10), dt.time(14)))
    finally:
        ctx.db.before_write = None
        second.dispose()
    assert [p.text() for p in caught.value.problems] == [
        f"worker {base.els} is also on post 'kitchen' at the same time"]
    assert get_roster_day(ctx, site_b, MONDAY).data.assignments
    with pytest.raises(NotFoundError):
        get_roster_day(ctx, base.wzc, MONDAY)


def test_a_roster_day_planned_from_an_old_version_is_a_conflict(
    ctx: ServiceContext, base: Base
) -> None:
    save_roster_day(ctx, _day(base.wzc, base.els, dt.time(10), dt.time(14)))
    loaded = get_roster_day(ctx, base.wzc, MONDAY)
    save_roster_day(ctx, replace(loaded.data, review="Vlot."),
                    expected_version=loaded.roster_day.version)
    with pytest.raises(EditConflict) as caught:
        save_roster_day(ctx, replace(loaded.data, assignments=[]),
                        expected_version=loaded.roster_day.version)
    assert {f.name for f in caught.value.differing()} == {"assignments", "review"}
    assert get_roster_day(ctx, base.wzc, MONDAY).data.assignments


def test_a_trajectory_conflict_is_merged_field_by_field(ctx: ServiceContext, base: Base) -> None:
    from tests.core.services.test_trajectories import trajectory
    from zorgkoppel.core.services.trajectories import get_trajectory, save_trajectory

    saved = save_trajectory(ctx, trajectory(base)).value
    start = get_trajectory(ctx, saved.id)
    save_trajectory(ctx, replace(start.data, index_base_month="2024-12"), saved.id,
                    expected_version=start.trajectory.version)
    with pytest.raises(EditConflict) as caught:
        save_trajectory(ctx, replace(start.data, outcome="hired"), saved.id,
                        expected_version=start.trajectory.version)
    conflict = caught.value
    assert {f.name for f in conflict.differing()} == {"index_base_month", "outcome"}
    edit_conflicts.merge(ctx, conflict, {"index_base_month": Pick.THEIRS,
                                         "outcome": Pick.MINE})
    stored = get_trajectory(ctx, saved.id).data
    assert (stored.index_base_month, stored.outcome) == ("2024-12", "hired")
