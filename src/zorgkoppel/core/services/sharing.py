"""What a care facility may receive: the records of its sharing package.

Its agreements, the workers placed with it (or rostered at it) and their employers, the
partners and people those records name, its own roster days, the `shared` notes of its
workers and their trajectories toward it. Never an `enterprise_only` note, and nothing
about other facilities: their agreements, roster days and trajectories stay out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, ZorgkoppelError
from zorgkoppel.core.models import (
    Agreement,
    AgreementWorker,
    Note,
    NoteAction,
    NoteParticipant,
    Organisation,
    Person,
    RosterDay,
    RosterPresence,
    Trajectory,
    Worker,
)
from zorgkoppel.core.services.sync import roster_day_key
from zorgkoppel.i18n import N_

SHARED = "shared"


class NotACareFacility(ZorgkoppelError):
    pass


@dataclass(frozen=True)
class SharingSelection:
    """Keys per exchange section; a section not named here is left out, None means all."""

    organisation_id: str
    keys: dict[str, frozenset[str] | None]

    def allows(self, section: str, key: str) -> bool:
        if section not in self.keys:
            return False
        wanted = self.keys[section]
        return wanted is None or key in wanted

    def redact(self, section: str, record: dict[str, Any]) -> dict[str, Any]:
        """The record as the package carries it: a note names only people in the package
        (a participant from another facility stays out, and so does that facility)."""
        if section != "notes":
            return record
        people = self.keys.get("people") or frozenset()
        record["participants"] = [p for p in record["participants"] if p in people]
        if record.get("author") not in people:
            record["author"] = None
        for action in record["actions"]:
            if action.get("owner") not in people:
                action["owner"] = None
        return record


def _ids(session: Session, query: object) -> set[str]:
    return {key for key in session.exec(query).all() if key is not None}  # type: ignore[call-overload]


def sharing_selection(ctx: ServiceContext, organisation_id: str) -> SharingSelection:
    """The records of `organisation_id`'s sharing package (it must be a care facility)."""
    with ctx.db.session() as session:
        facility = session.get(Organisation, organisation_id)
        if facility is None or not ctx.actor.works_for(organisation_id):
            raise NotFoundError(N_("No organisation with id {key}."), key=organisation_id)
        if facility.kind != "care_facility":
            raise NotACareFacility(
                N_("{name} is not a care facility; a sharing package is made for one."),
                name=facility.name,
            )
        agreements = session.exec(
            select(Agreement).where(Agreement.care_partner_id == organisation_id)
        ).all()
        agreement_ids = {a.id for a in agreements}
        roster_days = session.exec(
            select(RosterDay.id, RosterDay.day).where(RosterDay.site_id == organisation_id)
        ).all()
        workers = _ids(
            session,
            select(AgreementWorker.worker_id).where(
                col(AgreementWorker.agreement_id).in_(agreement_ids)
            ),
        ) | _ids(
            session,
            select(RosterPresence.worker_id).where(
                col(RosterPresence.roster_day_id).in_([row_id for row_id, _day in roster_days])
            ),
        )
        # Sub-queries rather than long lists of keys: a facility may have thousands of notes.
        note_query = select(Note.id).where(
            col(Note.worker_id).in_(workers), Note.visibility == SHARED
        )
        notes = _ids(session, note_query)
        trajectories = session.exec(
            select(Trajectory).where(
                col(Trajectory.worker_id).in_(workers),
                or_(
                    col(Trajectory.target_employer_id).is_(None),
                    Trajectory.target_employer_id == organisation_id,
                ),
            )
        ).all()
        organisations = {organisation_id}
        organisations |= _ids(
            session, select(Worker.employer_id).where(col(Worker.id).in_(workers))
        )
        people: set[str] = set()
        for a in agreements:
            organisations |= {a.se_partner_id} | ({a.commissioned_by_id} - {None})  # type: ignore[operator]
            people |= {a.job_coach_id, a.supervisor_id} - {None}  # type: ignore[operator]
        for t in trajectories:
            organisations |= {t.provider_id, t.target_employer_id} - {None}  # type: ignore[operator]
        named = _ids(session, select(Note.author_id).where(col(Note.id).in_(note_query)))
        named |= _ids(
            session,
            select(NoteParticipant.person_id).where(
                col(NoteParticipant.note_id).in_(note_query)
            ),
        )
        named |= _ids(
            session, select(NoteAction.owner_id).where(col(NoteAction.note_id).in_(note_query))
        )
        # People of other care facilities stay out of the notes (SharingSelection.redact).
        other_facilities = select(Organisation.id).where(
            Organisation.kind == "care_facility", Organisation.id != organisation_id
        )
        people |= named - _ids(
            session,
            select(Person.id).where(
                col(Person.id).in_(named), col(Person.organisation_id).in_(other_facilities)
            ),
        )
        people |= _ids(
            session, select(Person.id).where(Person.organisation_id == organisation_id)
        )
        organisations |= _ids(
            session, select(Person.organisation_id).where(col(Person.id).in_(people))
        )
    return SharingSelection(
        organisation_id,
        {
            "tasks": None,
            "organisations": frozenset(organisations),
            "people": frozenset(people),
            "workers": frozenset(workers),
            "agreements": frozenset(agreement_ids),
            "roster_days": frozenset(
                roster_day_key(organisation_id, day) for _row_id, day in roster_days
            ),
            "notes": frozenset(notes),
            "trajectories": frozenset(t.id for t in trajectories),
            "index_values": None,
        },
    )
