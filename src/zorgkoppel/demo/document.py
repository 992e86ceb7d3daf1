"""The demo data set as one exchange document (EXCHANGE.md, version 1)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from zorgkoppel.demo.agreements import agreements
from zorgkoppel.demo.calendar import roster_days
from zorgkoppel.demo.guidance import notes, trajectories
from zorgkoppel.demo.index_values import index_values
from zorgkoppel.demo.organisations import organisations, people
from zorgkoppel.demo.roster import roster_days_section
from zorgkoppel.demo.tasks import custom_tasks
from zorgkoppel.demo.workers import workers


def demo_timestamp(today: dt.date) -> str:
    """Every demo record's `updated_at`: midnight (UTC) of the loading day.

    With a timestamp, loading the demo again never overwrites what a user changed in a demo
    record since (their version is newer and is kept); without one the file would win.
    """
    return f"{today.isoformat()}T00:00:00+00:00"


def demo_document(today: dt.date) -> dict[str, Any]:
    """Every section, dated relative to `today`; the same `today` gives the same document."""
    days = roster_days(today)
    sections: dict[str, list[dict[str, Any]]] = {
        "tasks": custom_tasks(),
        "organisations": organisations(),
        "people": people(),
        "workers": workers(today, days),
        "agreements": agreements(today),
        "roster_days": roster_days_section(today, days),
        "notes": notes(today, days),
        "trajectories": trajectories(today),
        "index_values": index_values(today),
    }
    stamp = demo_timestamp(today)
    for records in sections.values():
        for record in records:
            record["updated_at"] = stamp
    return {"format": "zorgkoppel-exchange", "version": 1, **sections}
