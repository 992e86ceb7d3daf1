"""The agreed updated_at per record, kept by imports and exports and forgotten on delete."""

from __future__ import annotations

import datetime as dt

from tests.core.services.conftest import Base
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.rules.note import NoteData
from zorgkoppel.core.services.notes import delete_note, save_note
from zorgkoppel.core.services.sync import agreed_times, forget_agreed, record_agreed

T1 = dt.datetime(2024, 10, 1, 8, tzinfo=dt.UTC)
T2 = dt.datetime(2024, 10, 2, 8, 30, 0, 123456, tzinfo=dt.UTC)


def test_record_replace_and_forget(ctx: ServiceContext) -> None:
    with ctx.db.transaction() as session:
        record_agreed(session, "notes", {"n-1": T1, "n-2": T1})
        record_agreed(session, "notes", {"n-2": T2})
        record_agreed(session, "workers", {"n-1": T2})
    with ctx.db.session() as session:
        assert agreed_times(session, "notes") == {"n-1": T1, "n-2": T2}
        assert agreed_times(session, "notes", ["n-2", "n-3"]) == {"n-2": T2}
    with ctx.db.transaction() as session:
        forget_agreed(session, "notes", ["n-1"])
    with ctx.db.session() as session:
        assert agreed_times(session, "notes") == {"n-2": T2}
        assert agreed_times(session, "workers") == {"n-1": T2}


def test_deleting_a_record_forgets_its_agreement(ctx: ServiceContext, base: Base) -> None:
    saved = save_note(ctx, NoteData(base.samir, dt.date(2024, 10, 15), "contact")).value
    with ctx.db.transaction() as session:
        record_agreed(session, "notes", {saved.id: saved.updated_at})
    delete_note(ctx, saved.id)
    with ctx.db.session() as session:
        assert agreed_times(session, "notes") == {}
