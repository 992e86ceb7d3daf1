"""The role × record matrix (README "Who may see what"), cell by cell, through the services.

Personas: an administrator; the coordinator and a viewer of Ter Beuken (care side); the job
coach and a viewer of Buurtwerk (enterprise side). A refused record answers exactly like a
missing one (NotFoundError); a visible record that may not be written raises PermissionDenied.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from tests.actors import acting_for
from tests.matrix_world import MONDAY, World, build_world
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, PermissionDenied
from zorgkoppel.core.rules.agreement import AgreementData, AgreementTaskData
from zorgkoppel.core.rules.note import NoteData
from zorgkoppel.core.rules.roster import PostData, RosterDayData
from zorgkoppel.core.rules.trajectory import TrajectoryData
from zorgkoppel.core.services import (
    agreement_workflow,
    agreements,
    dashboard,
    listings,
    note_search,
    notes,
    organisations,
    overview,
    roster,
    trajectories,
    worker_file,
    workers,
)
from zorgkoppel.documents.contract_data import load_contract_source
from zorgkoppel.exchange.exporter import export_exchange
from zorgkoppel.exchange.importer import import_exchange

PERSONAS = ("admin", "coordinator", "care_viewer", "job_coach", "enterprise_viewer")
TODAY = dt.date(2025, 6, 2)


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    return build_world(ctx)


def persona(ctx: ServiceContext, world: World, name: str) -> ServiceContext:
    return {
        "admin": lambda: ctx,
        "coordinator": lambda: acting_for(ctx, world.beuken, "coordinator"),
        "care_viewer": lambda: acting_for(ctx, world.beuken, "viewer"),
        "job_coach": lambda: acting_for(ctx, world.buurtwerk, "job_coach"),
        "enterprise_viewer": lambda: acting_for(ctx, world.buurtwerk, "viewer"),
    }[name]()


def side(name: str) -> str:
    return {"admin": "all", "coordinator": "care", "care_viewer": "care",
            "job_coach": "enterprise", "enterprise_viewer": "enterprise"}[name]


# What each side reads, by the world's keys.
READS: dict[str, dict[str, set[str]]] = {
    "all": {
        "agreements": {"beuken-buurtwerk", "linde-buurtwerk", "linde-schelde"},
        "workers": {"samir", "jonas", "els"},
        "shared": {"samir", "jonas", "els"},
        "confidential": {"samir", "jonas", "els"},
        "trajectories": {"samir", "jonas"},
        "roster_days": {"beuken", "linde"},
    },
    # Ter Beuken: its agreement, the worker placed there, only that worker's shared note,
    # the trajectory that targets it, its own roster.
    "care": {
        "agreements": {"beuken-buurtwerk"},
        "workers": {"samir"},
        "shared": {"samir"},
        "confidential": set(),
        "trajectories": {"samir"},
        "roster_days": {"beuken"},
    },
    # Buurtwerk: its workers with all their notes, their trajectories, the agreements it is
    # a partner in and those agreements' roster days.
    "enterprise": {
        "agreements": {"beuken-buurtwerk", "linde-buurtwerk"},
        "workers": {"samir", "jonas"},
        "shared": {"samir", "jonas"},
        "confidential": {"samir", "jonas"},
        "trajectories": {"samir", "jonas"},
        "roster_days": {"beuken", "linde"},
    },
}


def _keys(mapping: dict[str, str], ids: set[str]) -> set[str]:
    return {key for key, value in mapping.items() if value in ids}


def _visible(
    ids: dict[str, str], get: Callable[[str], Any], expected: set[str]
) -> set[str]:
    """Keys whose record `get` returns; every other one must look missing."""
    seen = set()
    for key, record_id in ids.items():
        try:
            get(record_id)
        except NotFoundError:
            continue
        seen.add(key)
    return seen


@pytest.mark.parametrize("name", PERSONAS)
def test_agreements(ctx, world, name):
    actor = persona(ctx, world, name)
    expected = READS[side(name)]["agreements"]
    assert _keys(world.agreements, {a.id for a in agreements.list_agreements(actor)}) == expected
    assert _keys(world.agreements,
                 {r.id for r in listings.list_agreement_rows(actor)}) == expected
    assert _visible(world.agreements, lambda i: agreements.get_agreement(actor, i),
                    expected) == expected
    # Contract printing reads the same way.
    assert _visible(world.agreements, lambda i: load_contract_source(actor, i),
                    expected) == expected


@pytest.mark.parametrize("name", PERSONAS)
def test_workers_and_their_files(ctx, world, name):
    actor = persona(ctx, world, name)
    expected = READS[side(name)]["workers"]
    ids = {key: world.worker(key) for key in ("samir", "jonas", "els")}
    assert _keys(ids, {w.id for w in workers.list_workers(actor)}) == expected
    assert _visible(ids, lambda i: workers.get_worker(actor, i), expected) == expected
    assert _visible(ids, lambda i: worker_file.worker_file(actor, i, TODAY),
                    expected) == expected


@pytest.mark.parametrize("name", PERSONAS)
def test_notes_in_lists_detail_search_and_worker_file(ctx, world, name):
    actor = persona(ctx, world, name)
    reads = READS[side(name)]
    listed = {n.id for n in notes.list_notes(actor)}
    assert _keys(world.shared, listed) == reads["shared"]
    assert _keys(world.confidential, listed) == reads["confidential"]
    rows = {r.id for r in listings.list_note_rows(actor)}
    assert rows == listed
    assert _visible(world.confidential, lambda i: notes.get_note(actor, i),
                    reads["confidential"]) == reads["confidential"]
    assert _visible(world.shared, lambda i: listings.note_detail(actor, i),
                    reads["shared"]) == reads["shared"]
    for use_fts in (True, False):
        found = {n.id for n in note_search.search_notes(actor, "confidential", use_fts=use_fts)}
        assert _keys(world.confidential, found) == reads["confidential"]
        found = {n.id for n in note_search.search_notes(actor, "shared", use_fts=use_fts)}
        assert _keys(world.shared, found) == reads["shared"]
    if "samir" in reads["workers"]:
        file = worker_file.worker_file(actor, world.samir, TODAY)
        subjects = {e.subject for e in file.entries if e.kind == worker_file.NOTE}
        expected = {world.shared["samir"]} | (
            {world.confidential["samir"]} if "samir" in reads["confidential"] else set())
        assert subjects == expected


@pytest.mark.parametrize("name", PERSONAS)
def test_trajectories(ctx, world, name):
    actor = persona(ctx, world, name)
    expected = READS[side(name)]["trajectories"]
    assert _keys(world.trajectories,
                 {t.id for t in trajectories.list_trajectories(actor)}) == expected
    assert _visible(world.trajectories, lambda i: trajectories.get_trajectory(actor, i),
                    expected) == expected


@pytest.mark.parametrize("name", PERSONAS)
def test_roster_days(ctx, world, name):
    actor = persona(ctx, world, name)
    expected = READS[side(name)]["roster_days"]
    assert _keys(world.roster_days, {d.id for d in roster.list_roster_days(actor)}) == expected
    assert _keys(world.roster_days,
                 {r.id for r in listings.list_roster_day_rows(actor)}) == expected
    sites = {"beuken": world.beuken, "linde": world.linde}
    assert _visible(sites, lambda site: roster.get_roster_day(actor, site, MONDAY),
                    expected) == expected


@pytest.mark.parametrize("name", PERSONAS)
def test_dashboard_and_overview_mention_only_visible_records(ctx, world, name):
    actor = persona(ctx, world, name)
    reads = READS[side(name)]
    visible = (
        {world.worker(k) for k in reads["workers"]}
        | {world.agreements[k] for k in reads["agreements"]}
        | {world.trajectories[k] for k in reads["trajectories"]}
        | {world.shared[k] for k in reads["shared"]}
        | {world.confidential[k] for k in reads["confidential"]}
    )
    board = dashboard.dashboard(actor, TODAY)
    assert {w.subject for w in board.warnings} <= visible
    if side(name) == "care":  # the check has something to hide
        assert {w.subject for w in dashboard.dashboard(ctx, TODAY).warnings} - visible
    figures = overview.overview(actor, TODAY)
    assert figures.workers == len(reads["workers"])
    assert {n.id for n in figures.recent_notes} <= visible


@pytest.mark.parametrize("name", PERSONAS)
def test_organisations_are_own_and_partners(ctx, world, name):
    actor = persona(ctx, world, name)
    seen = {o.name for o in organisations.list_organisations(actor)}
    if side(name) == "care":
        assert seen == {"WZC Ter Beuken", "Buurtwerk Plus vzw", "Stad Dendermonde"}
    elif side(name) == "enterprise":
        assert seen == {"Buurtwerk Plus vzw", "WZC Ter Beuken", "Dagcentrum De Linde",
                        "Stad Dendermonde"}
    else:
        assert len(seen) == 5


# Writes -------------------------------------------------------------------------------

ALLOWED, REFUSED, MISSING = "allowed", "refused", "missing"


def outcome(action: Callable[[], Any]) -> str:
    try:
        action()
    except PermissionDenied:
        return REFUSED
    except NotFoundError:
        return MISSING
    return ALLOWED


def _roster_day(site: str) -> RosterDayData:
    return RosterDayData(site, MONDAY + dt.timedelta(days=1),
                         posts=[PostData("kitchen", "kitchen", dt.time(10), dt.time(14))])


def _draft(world: World, reference: str) -> AgreementData:
    return AgreementData(reference=reference, phase="service", legal_form="service_contract",
                         care_partner_id=world.beuken, se_partner_id=world.schelde,
                         tasks=[AgreementTaskData("kitchen")])


WRITES: dict[str, Callable[[ServiceContext, World], Any]] = {
    "roster day of own facility": lambda c, w: roster.save_roster_day(c, _roster_day(w.beuken)),
    "roster day of another facility": lambda c, w: roster.save_roster_day(
        c, _roster_day(w.linde)),
    "draft agreement": lambda c, w: agreements.save_agreement(c, _draft(w, f"D-{c.actor.role}")),
    "sign an agreement": lambda c, w: agreement_workflow.sign_agreement(
        c, w.agreements["beuken-buurtwerk"], MONDAY),
    "shared note": lambda c, w: notes.save_note(c, NoteData(
        w.samir, MONDAY, "contact", visibility="shared", summary="new shared")),
    "confidential note": lambda c, w: notes.save_note(c, NoteData(
        w.samir, MONDAY, "contact", visibility="enterprise_only", summary="new secret")),
    "note on a worker placed elsewhere": lambda c, w: notes.save_note(c, NoteData(
        w.jonas if c.actor.on_care_side else w.els, MONDAY, "contact", visibility="shared",
        summary="elsewhere")),
    "worker": lambda c, w: workers.save_worker(
        c, workers.get_worker(c, w.samir).as_data(), w.samir),
    "trajectory": lambda c, w: trajectories.save_trajectory(c, TrajectoryData(
        w.samir, w.buurtwerk, w.beuken)),
    "full export": lambda c, w: export_exchange(c),
    "import": lambda c, w: import_exchange(c, {"format": "zorgkoppel-exchange",
                                               "version": 1}),
}

# persona -> write -> expected outcome (README "Who may see what").
WRITE_MATRIX: dict[str, dict[str, str]] = {
    "admin": dict.fromkeys(WRITES, ALLOWED),
    "coordinator": {
        "roster day of own facility": ALLOWED,
        "roster day of another facility": MISSING,
        "draft agreement": ALLOWED,
        "sign an agreement": REFUSED,
        "shared note": ALLOWED,
        "confidential note": REFUSED,
        "note on a worker placed elsewhere": MISSING,
        "worker": REFUSED,
        "trajectory": REFUSED,
        "full export": REFUSED,
        "import": REFUSED,
    },
    "job_coach": {
        # An enterprise reads the rosters of its partner facilities, and writes none.
        "roster day of own facility": REFUSED,
        "roster day of another facility": REFUSED,
        "draft agreement": REFUSED,
        "sign an agreement": REFUSED,
        "shared note": ALLOWED,
        "confidential note": ALLOWED,
        "note on a worker placed elsewhere": MISSING,
        "worker": ALLOWED,
        "trajectory": ALLOWED,
        "full export": REFUSED,
        "import": REFUSED,
    },
}
# A viewer is refused every write before anything is looked up, so nothing is revealed.
WRITE_MATRIX["care_viewer"] = dict.fromkeys(WRITES, REFUSED)
WRITE_MATRIX["enterprise_viewer"] = dict.fromkeys(WRITES, REFUSED)


@pytest.mark.parametrize("name", PERSONAS)
@pytest.mark.parametrize("write", list(WRITES))
def test_write_matrix(ctx, world, name, write):
    actor = persona(ctx, world, name)
    expected = WRITE_MATRIX[name][write]
    before = export_exchange(ctx)
    result = outcome(lambda: WRITES[write](actor, world))
    assert result == expected, f"{name} / {write}"
    if result != ALLOWED:
        assert export_exchange(ctx) == before  # a refusal changes nothing


def test_coordinator_may_not_turn_a_draft_into_a_signed_agreement(ctx, world):
    coordinator = persona(ctx, world, "coordinator")
    draft = agreements.save_agreement(coordinator, _draft(world, "D-1")).value
    signed = dataclasses.replace(agreements.get_agreement(ctx, draft.id).data, status="signed",
                                 signed_on=MONDAY, start_date=MONDAY)
    with pytest.raises(PermissionDenied):
        agreements.save_agreement(coordinator, signed, draft.id)
    assert agreements.get_agreement(ctx, draft.id).agreement.status == "draft"
