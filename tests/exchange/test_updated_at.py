"""The updated_at rule: the newer version is kept, and changes on both sides are conflicts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import delete

from tests.exchange.support import messages_at, refused
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import SyncState
from zorgkoppel.core.rules.organisation import OrganisationData
from zorgkoppel.core.services.organisations import get_organisation, save_organisation
from zorgkoppel.core.services.tasks import list_tasks
from zorgkoppel.core.services.workers import get_worker, save_worker
from zorgkoppel.exchange.exporter import export_exchange
from zorgkoppel.exchange.importer import Conflict, import_exchange
from zorgkoppel.storage.opening import open_database

T1 = "2024-10-01T08:00:00+00:00"
T0 = "2024-09-01T08:00:00+02:00"
T2 = "2099-01-01T08:00:00+00:00"


def organisation_file(name: str, updated_at: str | None, key: str = "org-1") -> dict[str, Any]:
    record: dict[str, Any] = {"id": key, "name": name, "kind": "care_facility"}
    if updated_at is not None:
        record["updated_at"] = updated_at
    return {"format": "zorgkoppel-exchange", "version": 1, "organisations": [record]}


@pytest.fixture
def agreed(ctx: ServiceContext) -> ServiceContext:
    """A database that imported `org-1` at T1, so both sides agree on T1."""
    import_exchange(ctx, organisation_file("De Linde", T1))
    return ctx


def edit_locally(ctx: ServiceContext, name: str) -> None:
    save_organisation(ctx, OrganisationData(name, "care_facility"), "org-1")


def test_newer_incoming_is_kept(agreed: ServiceContext) -> None:
    report = import_exchange(agreed, organisation_file("De Linde vzw", T2))
    assert report.updated == {"organisations": 1} and report.conflicts == []
    organisation = get_organisation(agreed, "org-1")
    assert organisation.name == "De Linde vzw"
    assert organisation.updated_at == dt.datetime.fromisoformat(T2)


def test_older_incoming_is_refused(agreed: ServiceContext) -> None:
    report = import_exchange(agreed, organisation_file("Old name", T0))
    assert report.kept_local == {"organisations": 1} and report.conflicts == []
    assert get_organisation(agreed, "org-1").name == "De Linde"
    assert "Kept as they are here" in report.summary()


def test_both_changed_newer_file_wins_with_a_conflict(agreed: ServiceContext) -> None:
    edit_locally(agreed, "Changed here")
    report = import_exchange(agreed, organisation_file("Changed there", T2))
    assert report.conflicts == [Conflict("organisations", "org-1", "incoming")]
    assert get_organisation(agreed, "org-1").name == "Changed there"
    assert "changed both here and in the file" in report.summary()
    assert report.conflicts[0].text() == (
        "organisations org-1: changed here and in the file; the newer version from the file "
        "was kept")


def test_both_changed_newer_local_wins_with_a_conflict(agreed: ServiceContext) -> None:
    edit_locally(agreed, "Changed here")
    report = import_exchange(agreed, organisation_file("Changed there", "2025-01-01T00:00:00Z"))
    assert report.conflicts == [Conflict("organisations", "org-1", "local")]
    assert report.kept_local == {"organisations": 1}
    assert get_organisation(agreed, "org-1").name == "Changed here"


def test_a_conflict_is_reported_once(agreed: ServiceContext) -> None:
    edit_locally(agreed, "Changed here")
    changed_there = organisation_file("Changed there", "2025-01-01T00:00:00Z")
    assert import_exchange(agreed, changed_there).conflicts
    again = import_exchange(agreed, changed_there)
    assert again.conflicts == [] and again.kept_local == {"organisations": 1}


def test_without_agreement_different_content_is_a_conflict(ctx: ServiceContext) -> None:
    import_exchange(ctx, organisation_file("De Linde", T1))
    with ctx.db.transaction() as session:
        session.exec(delete(SyncState))  # type: ignore[call-overload]
    report = import_exchange(ctx, organisation_file("De Linde vzw", T2))
    assert report.conflicts == [Conflict("organisations", "org-1", "incoming")]


def test_identical_content_is_unchanged_whatever_the_time(agreed: ServiceContext) -> None:
    report = import_exchange(agreed, organisation_file("De Linde", T2))
    assert report.unchanged == {"organisations": 1}
    assert report.conflicts == [] and not report.changes


def test_record_without_updated_at(agreed: ServiceContext) -> None:
    new = import_exchange(agreed, organisation_file("Nieuw", None, key="org-2"))
    assert new.created == {"organisations": 1}
    assert get_organisation(agreed, "org-2").updated_at > dt.datetime.fromisoformat(T1)

    unchanged_here = import_exchange(agreed, organisation_file("From the file", None))
    assert unchanged_here.updated == {"organisations": 1} and unchanged_here.conflicts == []

    edit_locally(agreed, "Changed here")
    changed_here = import_exchange(agreed, organisation_file("From the file again", None))
    assert changed_here.conflicts == [Conflict("organisations", "org-1", "incoming")]
    assert get_organisation(agreed, "org-1").name == "From the file again"


def test_changed_built_in_task_replaces_the_shipped_one_without_conflict(
    ctx: ServiceContext,
) -> None:
    file = {"format": "zorgkoppel-exchange", "version": 1, "tasks": [
        {"code": "driver", "labels": {"nl": "Chauffeur", "fr": "Chauffeur", "en": "Driver"},
         "client_contact": True, "needs_licence": True, "min_dutch_level": "B1",
         "updated_at": T1}]}
    report = import_exchange(ctx, file)
    assert report.updated == {"tasks": 1} and report.conflicts == []
    driver = next(t for t in list_tasks(ctx) if t.code == "driver")
    assert driver.min_dutch_level == "B1" and driver.builtin
    exported = export_exchange(ctx)["tasks"]
    assert [t["code"] for t in exported] == ["driver"]  # unchanged built-ins are left out


@pytest.fixture
def partner(tmp_path: Path) -> Iterator[ServiceContext]:
    database = open_database(tmp_path / "partner")
    yield ServiceContext(database)
    database.dispose()


def test_export_records_what_both_sides_agree_on(
    ctx: ServiceContext, partner: ServiceContext, example: dict[str, Any]
) -> None:
    import_exchange(ctx, example)
    import_exchange(partner, export_exchange(ctx))
    save_organisation(partner, OrganisationData("Stad Dendermonde (OCMW)", "local_authority"),
                      "org-city")

    report = import_exchange(ctx, export_exchange(partner))

    assert report.updated["organisations"] == 1 and report.conflicts == []
    assert get_organisation(ctx, "org-city").name == "Stad Dendermonde (OCMW)"
    assert sum(report.unchanged.values()) == 12


def test_importing_the_same_file_twice_changes_nothing(
    ctx: ServiceContext, example: dict[str, Any]
) -> None:
    import_exchange(ctx, example)
    before = export_exchange(ctx)
    again = import_exchange(ctx, example)
    assert set(again.unchanged.values()) != {0}
    assert sum(again.created.values()) + sum(again.updated.values()) == 0
    assert sum(again.kept_local.values()) == 0
    assert again.conflicts == [] and not again.changes
    assert export_exchange(ctx) == before


def test_written_records_must_suit_the_local_versions_that_were_kept(
    ctx: ServiceContext, example: dict[str, Any]
) -> None:
    import_exchange(ctx, example)
    # Here Samir loses his kitchen skill; the file still has him in the kitchen on a new day.
    detail = get_worker(ctx, "w-1").as_data()
    detail.skills = [s for s in detail.skills if s.task != "kitchen"]
    save_worker(ctx, detail, "w-1")
    example["workers"][0]["driving_licence"] = False
    example["workers"][0]["updated_at"] = T1  # older than the change here
    new_day = dict(example["roster_days"][0], date="2024-10-08")
    example["roster_days"].append(new_day)

    problems = refused(ctx, example)

    assert messages_at(problems, "roster_days[1].assignments[0].worker") == [
        "worker w-1 has no skill for task 'kitchen'"]
    assert not messages_at(problems, "roster_days[0].assignments[0].worker")  # not written


def test_kind_change_must_suit_stored_references(
    ctx: ServiceContext, example: dict[str, Any]
) -> None:
    import_exchange(ctx, example)
    lde = dict(example["organisations"][1], kind="other", updated_at=T2)
    facility = dict(example["organisations"][0], kind="local_authority", care_type=None,
                    updated_at=T2)

    problems = refused(ctx, {"format": "zorgkoppel-exchange", "version": 1,
                             "organisations": [facility, lde]})

    assert messages_at(problems, "organisations[0].kind") == [
        "agreements name it as care facility; it must stay one"]
    assert messages_at(problems, "organisations[1].kind") == [
        "workers are employed here; it must stay a social-economy enterprise",
        "agreements name it as social-economy partner; it must stay a custom-work company "
        "or a local-services enterprise"]
