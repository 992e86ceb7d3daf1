"""The five warning kinds of the dashboard, each at its boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.services.conftest import Base
from zorgkoppel.core.context import Actor, ServiceContext
from zorgkoppel.core.models import (
    Agreement,
    AgreementWorker,
    Note,
    NoteAction,
    Trajectory,
    TrajectoryPhase,
    Worker,
)
from zorgkoppel.core.services.dashboard import (
    dashboard,
    dashboard_document,
    integration_deadline,
)
from zorgkoppel.core.services.evaluation_schedule import evaluation_schedule

TODAY = dt.date(2026, 6, 15)
DAY = dt.timedelta(days=1)


def _agreement(ctx: ServiceContext, base: Base, reference: str, **fields: object) -> str:
    agreement = Agreement(
        reference=reference, phase="service", legal_form="service_contract",
        status=fields.pop("status", "active"), care_partner_id=base.wzc,
        se_partner_id=base.lde, commissioned_by_id=base.city, **fields,  # type: ignore[arg-type]
    )
    with ctx.db.transaction() as session:
        session.add(agreement)
    return agreement.id


def _kinds(
    ctx: ServiceContext, today: dt.date = TODAY, kind: str | None = None
) -> list[tuple[str, str, dt.date]]:
    """Warnings as (kind, subject, due), leaving out the base data's own (Samir's deadline)."""
    return [
        (w.kind, w.subject, w.due) for w in dashboard(ctx, today).warnings
        if w.kind != "integration_deadline" and (kind is None or w.kind == kind)
    ]


@pytest.mark.parametrize(("days", "warned"), [(89, True), (90, True), (91, False)])
def test_agreement_ending_within_90_days(
    ctx: ServiceContext, base: Base, days: int, warned: bool
) -> None:
    end = TODAY + days * DAY
    key = _agreement(ctx, base, "SO-1", start_date=TODAY - 200 * DAY, end_date=end)
    expected = [("agreement_expiring", key, end)] if warned else []
    assert _kinds(ctx) == expected


@pytest.mark.parametrize(("days", "warned"), [(29, True), (30, True), (31, False)])
def test_notice_deadline_within_30_days(
    ctx: ServiceContext, base: Base, days: int, warned: bool
) -> None:
    # Ends in 150 days (no warning for the end itself); notice 120 days before the end.
    deadline = TODAY + days * DAY
    key = _agreement(ctx, base, "SO-1", start_date=TODAY - 200 * DAY,
                     end_date=deadline + 120 * DAY, notice_days=120)
    expected = [("agreement_expiring", key, deadline)] if warned else []
    assert _kinds(ctx) == expected
    if warned:
        text = dashboard(ctx, TODAY).of_kind("agreement_expiring")[0].text()
        assert "SO-1" in text and "notice" in text


def test_agreements_not_in_force_or_ended_give_no_warning(ctx: ServiceContext, base: Base) -> None:
    _agreement(ctx, base, "SO-draft", status="draft", start_date=TODAY - 10 * DAY,
               end_date=TODAY + 10 * DAY)
    _agreement(ctx, base, "SO-past", start_date=TODAY - 100 * DAY, end_date=TODAY - DAY)
    assert _kinds(ctx) == []


def _placed(ctx: ServiceContext, base: Base, start: dt.date, weeks: int = 8) -> str:
    key = _agreement(ctx, base, "SO-eval", start_date=start, end_date=TODAY + 400 * DAY,
                     evaluation_every_weeks=weeks)
    with ctx.db.transaction() as session:
        session.add(AgreementWorker(agreement_id=key, worker_id=base.els))
    return key


@pytest.mark.parametrize(("offset", "overdue"), [(-1, True), (0, False), (1, False)])
def test_evaluation_due_counted_from_the_agreement_start(
    ctx: ServiceContext, base: Base, offset: int, overdue: bool
) -> None:
    due = TODAY + offset * DAY
    _placed(ctx, base, due - 8 * 7 * DAY)
    [row] = evaluation_schedule(ctx, TODAY)
    assert (row.due, row.overdue, row.last_meeting) == (due, overdue, None)
    expected = [("evaluation_overdue", base.els, due)] if overdue else []
    assert _kinds(ctx) == expected


def test_evaluation_counted_from_the_last_evaluation_or_performance_meeting(
    ctx: ServiceContext, base: Base
) -> None:
    _placed(ctx, base, TODAY - 300 * DAY)
    assert [k for k, *_ in _kinds(ctx)] == ["evaluation_overdue"]
    with ctx.db.transaction() as session:
        # A plain contact does not count; a performance meeting does.
        session.add(Note(worker_id=base.els, day=TODAY - 10 * DAY, kind="contact"))
        session.add(Note(worker_id=base.els, day=TODAY - 56 * DAY, kind="performance_meeting"))
    [row] = evaluation_schedule(ctx, TODAY)
    assert (row.last_meeting, row.due, row.overdue) == (TODAY - 56 * DAY, TODAY, False)
    assert _kinds(ctx) == []
    assert _kinds(ctx, TODAY + DAY) == [("evaluation_overdue", base.els, TODAY)]


def _lde_worker(ctx: ServiceContext, base: Base, start: dt.date) -> str:
    worker = Worker(first_name="Jonas", last_name="Wouters", employer_id=base.lde,
                    programme="local_services", integration_start=start)
    with ctx.db.transaction() as session:
        session.add(worker)
    return worker.id


@pytest.mark.parametrize(("offset", "warned"), [(-1, False), (0, True), (1, True)])
def test_integration_deadline_warns_from_twelve_months_before(
    ctx: ServiceContext, base: Base, offset: int, warned: bool
) -> None:
    # Samir (base) started 2021-03-01: deadline 2026-03-01 has passed and still warns.
    assert [(w.kind, w.subject) for w in dashboard(ctx, TODAY).warnings] == [
        ("integration_deadline", base.samir)
    ]
    # Started 2022-06-15: deadline 2027-06-15, warned from 2026-06-15 (TODAY).
    start = dt.date(2022, 6, 15) - offset * DAY
    key = _lde_worker(ctx, base, start)
    deadline = integration_deadline(start)
    found = [w for w in dashboard(ctx, TODAY).warnings if w.subject == key]
    assert [(w.kind, w.due) for w in found] == (
        [("integration_deadline", deadline)] if warned else []
    )


def test_integration_deadline_not_for_a_worker_in_a_trajectory(
    ctx: ServiceContext, base: Base
) -> None:
    assert dashboard(ctx, TODAY).of_kind("integration_deadline")
    with ctx.db.transaction() as session:
        session.add(Trajectory(worker_id=base.samir, provider_id=base.lde))
    assert dashboard(ctx, TODAY).warnings == ()
    assert integration_deadline(dt.date(2020, 2, 29)) == dt.date(2025, 2, 28)


@pytest.mark.parametrize(("offset", "done", "warned"),
                         [(-1, False, True), (0, False, False), (-5, True, False)])
def test_action_overdue(
    ctx: ServiceContext, base: Base, offset: int, done: bool, warned: bool
) -> None:
    note = Note(worker_id=base.samir, day=TODAY - 30 * DAY, kind="contact",
                visibility="shared")
    with ctx.db.transaction() as session:
        session.add(note)
        session.flush()
        session.add(NoteAction(note_id=note.id, description="Route Zuid leren",
                               due=TODAY + offset * DAY, done=done))
    found = [w for w in dashboard(ctx, TODAY).warnings if w.kind == "action_overdue"]
    assert [(w.subject, w.due) for w in found] == (
        [(note.id, TODAY + offset * DAY)] if warned else []
    )
    if warned:
        assert "Route Zuid leren" in found[0].text()


def test_a_care_facility_does_not_see_actions_of_confidential_notes(
    ctx: ServiceContext, base: Base
) -> None:
    _placed(ctx, base, TODAY - 10 * DAY)
    note = Note(worker_id=base.els, day=TODAY - 30 * DAY, kind="contact")  # enterprise_only
    with ctx.db.transaction() as session:
        session.add(note)
        session.flush()
        session.add(NoteAction(note_id=note.id, description="Schulden", due=TODAY - DAY))
    facility = ServiceContext(ctx.db, Actor("wzc", "coordinator", frozenset({base.wzc})))
    assert "action_overdue" in [k for k, *_ in _kinds(ctx)]
    assert "action_overdue" not in [w.kind for w in dashboard(facility, TODAY).warnings]


@pytest.mark.parametrize(("phase", "months"), [("pre_trajectory", 1), ("internship", 3)])
@pytest.mark.parametrize(("offset", "warned"), [(-1, False), (0, False), (1, True)])
def test_trajectory_phase_overrun(
    ctx: ServiceContext, base: Base, phase: str, months: int, offset: int, warned: bool
) -> None:
    start = dt.date(2026, 1, 10)
    latest = dt.date(2026, 1 + months, 9)
    trajectory = Trajectory(worker_id=base.samir, provider_id=base.lde)
    with ctx.db.transaction() as session:
        session.add(trajectory)
        session.flush()
        session.add(TrajectoryPhase(trajectory_id=trajectory.id, phase=phase,
                                    start_date=start))
    found = [(k, s, d) for k, s, d in _kinds(ctx, latest + offset * DAY)
             if k == "trajectory_phase_overrun"]
    assert found == ([("trajectory_phase_overrun", trajectory.id, latest)] if warned else [])


def test_json_document(ctx: ServiceContext, base: Base) -> None:
    document = dashboard_document(dashboard(ctx, TODAY))
    assert document == {
        "today": "2026-06-15",
        "warnings": [{"kind": "integration_deadline", "subject": base.samir,
                      "due": "2026-03-01",
                      "message": "Samir El Amrani must move on or start a transition "
                                 "trajectory by 1 Mar 2026."}],
    }
