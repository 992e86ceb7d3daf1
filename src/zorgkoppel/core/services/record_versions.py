"""Refusing a save that started from an outdated version of a record (optimistic locking).

A form keeps the version it loaded; the save compares it with the stored one and raises
`EditConflict` (nothing written) when they differ. A change that lands between the save's
own read and its write is caught by SQLAlchemy's version check (StaleDataError) and turned
into the same conflict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm.exc import StaleDataError

from zorgkoppel.core.errors import EditConflict
from zorgkoppel.i18n import N_

# One whole sentence per kind of record, so each language words it naturally; the record
# is named by its id, never by a person's name (messages may reach the log).
MESSAGES: dict[str, str] = {
    "worker": N_("The worker {key} was changed by someone else while you were editing it; "
                 "nothing was saved."),
    "organisation": N_("The organisation {key} was changed by someone else while you were "
                       "editing it; nothing was saved."),
    "person": N_("The person {key} was changed by someone else while you were editing it; "
                 "nothing was saved."),
    "note": N_("The note {key} was changed by someone else while you were editing it; "
               "nothing was saved."),
    "trajectory": N_("The trajectory {key} was changed by someone else while you were "
                     "editing it; nothing was saved."),
    "roster_day": N_("The roster day {key} was changed by someone else while you were "
                     "planning it; nothing was saved."),
}

# The form captions (already translated), per field of the service's data object.
LABELS: dict[str, dict[str, str]] = {
    "worker": {
        "first_name": N_("&First name:"),
        "last_name": N_("L&ast name:"),
        "employer_id": N_("E&mployer:"),
        "programme": N_("&Programme:"),
        "integration_start": N_("&Integration started:"),
        "dutch_level": N_("&Dutch level:"),
        "driving_licence": N_("Has a driving &licence"),
        "skills": N_("Skills"),
        "preferences": N_("Preferences per task"),
    },
    "organisation": {
        "name": N_("&Name:"),
        "kind": N_("&Kind:"),
        "care_type": N_("Care t&ype:"),
        "enterprise_number": N_("E&nterprise number:"),
        "joint_committee": N_("&Joint committee:"),
        "province": N_("Pro&vince:"),
        "street": N_("St&reet:"),
        "postcode": N_("Postco&de:"),
        "city": N_("C&ity:"),
    },
    "person": {
        "name": N_("&Name:"),
        "organisation_id": N_("Organisation"),
        "role": N_("&Role:"),
        "email": N_("&E-mail:"),
        "phone": N_("&Phone:"),
    },
    "note": {
        "worker_id": N_("Worker"),
        "day": N_("Date"),
        "kind": N_("Kind"),
        "author_id": N_("Author"),
        "participant_ids": N_("Participants"),
        "duration_minutes": N_("Duration (minutes)"),
        "visibility": N_("Visibility"),
        "summary": N_("Summary"),
        "scores": N_("Scores"),
        "actions": N_("Actions"),
        "start_time": N_("Start time"),
        "agreement_id": N_("Agreement"),
    },
    "trajectory": {
        "worker_id": N_("Worker"),
        "provider_id": N_("&Provider:"),
        "target_employer_id": N_("&Target employer:"),
        "index_base_month": N_("Index &base month:"),
        "phases": N_("Phase"),
        "outcome": N_("&Outcome:"),
    },
    "roster_day": {
        "posts": N_("Posts"),
        "presence": N_("Presence"),
        "assignments": N_("Assignments"),
        "review": N_("Review"),
    },
}

StoredLoader = Callable[[], tuple[int, Any]]


def conflict(
    kind: str, record_id: str, expected_version: int | None, stored: tuple[int, Any],
    mine: Any, base: Any = None,
) -> EditConflict:
    theirs_version, theirs = stored
    return EditConflict(
        MESSAGES[kind],
        kind=kind,
        record_id=record_id,
        mine_version=expected_version,
        theirs_version=theirs_version,
        mine=mine,
        theirs=theirs,
        labels=LABELS[kind],
        base=base,
    )


def check_version(
    kind: str, record_id: str, stored_version: int, expected_version: int | None,
    mine: Any, load_stored: StoredLoader,
) -> None:
    """Raise EditConflict when the form started from another version than the stored one.

    `expected_version` None means the caller does not track versions (an import, a script):
    the save goes ahead as before.
    """
    if expected_version is not None and stored_version != expected_version:
        raise conflict(kind, record_id, expected_version, load_stored(), mine)


@contextmanager
def stale_as_conflict(
    kind: str, record_id: str | None, expected_version: int | None, mine: Any,
    load_stored: StoredLoader,
) -> Iterator[None]:
    """Wrap a write transaction: a concurrent update between its read and its write
    (StaleDataError, the transaction already rolled back) becomes an EditConflict."""
    try:
        yield
    except StaleDataError as error:
        if record_id is None:
            raise
        raise conflict(kind, record_id, expected_version, load_stored(), mine) from error
