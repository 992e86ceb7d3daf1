"""Notes in exchange files: own score items travel along; a signed-off note stays as signed."""

from __future__ import annotations

from typing import Any

from tests.exchange.support import example_document
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.note_signoff import sign_off_note
from zorgkoppel.core.services.notes import get_note
from zorgkoppel.core.services.score_items import list_score_items
from zorgkoppel.exchange.exporter import export_exchange
from zorgkoppel.exchange.importer import import_exchange
from zorgkoppel.storage.opening import open_database


def test_an_own_score_item_from_another_database_is_kept(ctx: ServiceContext, tmp_path) -> None:
    document = example_document()
    document["notes"][0]["scores"]["hygiene"] = 3
    import_exchange(ctx, document)
    assert get_note(ctx, "n-1").data.scores["hygiene"] == 3
    assert "hygiene" in {item.code for item in list_score_items(ctx)}

    exported = export_exchange(ctx)
    other = ServiceContext(open_database(tmp_path / "other"))
    import_exchange(other, exported)
    assert export_exchange(other)["notes"] == exported["notes"]


def test_a_signed_off_note_is_not_overwritten_by_a_file(ctx: ServiceContext) -> None:
    document: dict[str, Any] = example_document()
    import_exchange(ctx, document)
    sign_off_note(ctx, "n-1")
    changed = example_document()
    changed["notes"][0]["summary"] = "Rewritten elsewhere"
    changed["notes"][0]["updated_at"] = "2099-01-01T00:00:00+00:00"
    report = import_exchange(ctx, changed)
    assert get_note(ctx, "n-1").data.summary == document["notes"][0]["summary"]
    assert [(c.section, c.key, c.kept) for c in report.conflicts] == [("notes", "n-1", "local")]
