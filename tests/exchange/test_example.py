"""The example file of EXCHANGE.md imports as it is, with every value where it belongs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests.exchange.support import EXAMPLE
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.agreements import get_agreement
from zorgkoppel.core.services.index_values import list_index_values
from zorgkoppel.core.services.notes import get_note
from zorgkoppel.core.services.organisations import get_organisation
from zorgkoppel.core.services.roster import get_roster_day
from zorgkoppel.core.services.tasks import list_tasks
from zorgkoppel.core.services.trajectories import get_trajectory
from zorgkoppel.core.services.workers import get_worker
from zorgkoppel.exchange.importer import import_exchange


def test_example_file_imports_as_is(ctx: ServiceContext) -> None:
    report = import_exchange(ctx, EXAMPLE)

    assert report.created == {
        "tasks": 1, "organisations": 3, "people": 2, "workers": 1, "agreements": 1,
        "roster_days": 1, "notes": 1, "trajectories": 1, "index_values": 2,
    }
    assert report.conflicts == []
    assert report.changes.touches("agreements", "roster", "notes", "tasks")
    assert "Created:" in report.summary()


def test_example_values_are_stored_exactly(ctx: ServiceContext) -> None:
    import_exchange(ctx, EXAMPLE)

    assert get_organisation(ctx, "org-dvc").enterprise_number == "0412.345.614"
    assert get_organisation(ctx, "org-dvc").city == "Dendermonde"
    worker = get_worker(ctx, "w-1")
    assert {(s.task_code, s.level, s.since) for s in worker.skills} == {
        ("driver", "with_companion", dt.date(2024, 5, 6)), ("kitchen", "independent", None)}
    assert worker.preferences == {"kitchen": 1, "laundry": -1}
    agreement = get_agreement(ctx, "ag-1").data
    assert agreement.rate == Decimal("17.50") and str(agreement.rate) == "17.50"
    assert agreement.scope_fte == Decimal("2.5")
    assert agreement.commissioned_by_id == "org-city"
    assert [t.task for t in agreement.tasks] == ["driver", "kitchen"]
    assert agreement.sites == ["Dagcentrum De Linde"]
    assert agreement.worker_ids == ["w-1"]
    day = get_roster_day(ctx, "org-dvc", dt.date(2024, 10, 7)).data
    assert [p.key for p in day.posts] == ["r-n", "k"]
    assert day.posts[0].start == dt.time(7, 30) and day.posts[0].label == "Route Noord"
    assert [(a.post_key, a.worker_id, a.pinned) for a in day.assignments] == [("k", "w-1", True)]
    assert day.review is not None and day.review.startswith("Route Noord")
    note = get_note(ctx, "n-1").data
    assert note.scores == {"punctuality": 4, "keeps_agreements": 3, "teamwork": 4,
                           "client_contact": 3}
    assert note.participant_ids == ["p-coach", "p-nurse"]
    assert note.actions[0].due == dt.date(2024, 11, 1)
    trajectory = get_trajectory(ctx, "t-1").data
    assert trajectory.phases[0].phase == "pre_trajectory" and trajectory.outcome is None
    assert [(v.month, str(v.value)) for v in list_index_values(ctx)] == [
        ("2018-12", "107.89"), ("2024-08", "131.44")]
    garden = next(t for t in list_tasks(ctx) if t.code == "garden")
    assert (garden.label_fr, garden.builtin) == ("Jardin", False)


def test_text_bytes_and_mapping_sources_are_equal(
    ctx: ServiceContext, example: dict[str, Any], tmp_path: Path
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert import_exchange(ctx, text).created["notes"] == 1
    assert import_exchange(ctx, text.encode("utf-8")).unchanged["notes"] == 1
    assert import_exchange(ctx, example).unchanged["notes"] == 1
