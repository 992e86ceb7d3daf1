"""The Access history tab of the worker file: administrators and the employer's job coaches
see who used the person's data (their own opening included); a coordinator gets no tab."""

from __future__ import annotations

import datetime as dt

from tests.actors import acting_for
from zorgkoppel.core.context import Actor, ServiceContext
from zorgkoppel.core.services import audit
from zorgkoppel.ui.display import datetime_text
from zorgkoppel.ui.worker_file import WorkerFileWindow


def open_file(ctx: ServiceContext, worker_id: str, qtbot) -> WorkerFileWindow:
    window = WorkerFileWindow(ctx, worker_id)
    qtbot.addWidget(window)
    window.show()
    return window


def tab_titles(window: WorkerFileWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_the_job_coach_of_the_employer_sees_who_opened_the_file(ctx, sample, qtbot):
    coordinator = acting_for(ctx, sample.linde, name="greet")
    open_file(coordinator, sample.samir, qtbot)
    audit.record(coordinator, audit.PRINT_CONTRACT, [sample.active], sample.samir)

    coach = acting_for(ctx, sample.buurtwerk, name="an")
    window = open_file(coach, sample.samir, qtbot)
    assert tab_titles(window) == ["Timeline", "Tasks per month", "Access history"]
    window.tabs.setCurrentWidget(window.access_history.view)
    rows = window.access_history.view.texts()
    assert [row.split(" | ", 1)[1] for row in rows] == [
        "an | opened the worker file",  # the opening just made, newest first
        "greet | printed a contract",
        "greet | opened the worker file",
    ]
    newest = window.access_history.view.model.row_at(0)
    assert rows[0].startswith(datetime_text(newest.at))
    assert str(dt.date.today().year) in rows[0]


def test_an_administrator_sees_it_and_it_follows_a_refresh(ctx, sample, qtbot):
    admin = ServiceContext(ctx.db, Actor("beheerder", "admin"))
    window = open_file(admin, sample.els, qtbot)
    assert "Access history" in tab_titles(window)
    assert window.access_history.view.texts()[0].endswith("beheerder | opened the worker file")
    window.refresh()
    assert len(window.access_history.view.texts()) == 2


def test_a_coordinator_gets_no_access_history(ctx, sample, qtbot):
    coordinator = acting_for(ctx, sample.linde, name="greet")
    window = open_file(coordinator, sample.samir, qtbot)
    assert tab_titles(window) == ["Timeline", "Tasks per month"]
    assert not window.access_history.shown
    window.refresh()
    assert not window.access_history.shown


def test_each_employer_s_coach_sees_only_what_was_done_with_their_worker(ctx, sample, qtbot):
    open_file(acting_for(ctx, sample.buurtwerk, name="an"), sample.samir, qtbot)
    coach = acting_for(ctx, sample.schelde, name="kris")  # Els works for Maatwerk Schelde
    window = open_file(coach, sample.els, qtbot)
    assert window.access_history.shown
    assert [row.split(" | ", 1)[1] for row in window.access_history.view.texts()] == [
        "kris | opened the worker file"]
