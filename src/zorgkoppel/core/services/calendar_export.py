"""A planned evaluation meeting as an `.ics` file for the office calendar (RFC 5545).

Only what a shared calendar may show: the kind of meeting, the worker's name, the place
and who takes part. Never note text: calendars are often visible to the whole office.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from icalendar import Calendar, Event
from sqlmodel import col, select

from zorgkoppel import __version__
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError
from zorgkoppel.core.models import Agreement, AgreementWorker, Organisation, Person, Worker
from zorgkoppel.core.services.visibility import may_see_worker
from zorgkoppel.core.services.workers import MSG_NO_WORKER
from zorgkoppel.i18n import current_language, gettext_for

# Belgian offices; the file carries the zone so a calendar elsewhere shows the right hour.
OFFICE_ZONE = "Europe/Brussels"
PRODUCT_ID = f"-//zorgkoppel//zorgkoppel {__version__}//EN"


def evaluation_meeting_ics(
    ctx: ServiceContext,
    worker_id: str,
    start: dt.datetime,
    minutes: int = 60,
    agreement_id: str | None = None,
    language: str | None = None,
    uid: str | None = None,
) -> bytes:
    """An invitation for an evaluation meeting; `start` is local office time when naive."""
    with ctx.db.session() as session:
        worker = session.get(Worker, worker_id)
        if worker is None or not may_see_worker(session, ctx, worker_id):
            raise NotFoundError(MSG_NO_WORKER, key=worker_id)
        query = (
            select(Agreement)
            .join(AgreementWorker, col(AgreementWorker.agreement_id) == col(Agreement.id))
            .where(AgreementWorker.worker_id == worker_id)
        )
        if agreement_id:
            query = query.where(Agreement.id == agreement_id)
        # The latest agreement placing the worker gives the place and who takes part.
        agreement = session.exec(query.order_by(col(Agreement.start_date).desc())).first()
        location = None
        attendees: list[Person] = []
        if agreement is not None:
            facility = session.get(Organisation, agreement.care_partner_id)
            location = agreement.site_list[0] if agreement.site_list else (
                facility.name if facility else None
            )
            attendees = [
                p for p in (session.get(Person, agreement.job_coach_id or ""),
                            session.get(Person, agreement.supervisor_id or ""))
                if p is not None
            ]
    translate = gettext_for(language or current_language())
    title = translate("Evaluation meeting: {worker}").format(worker=worker.full_name)
    if start.tzinfo is None:
        start = start.replace(tzinfo=zoneinfo.ZoneInfo(OFFICE_ZONE))
    return meeting_ics(
        title, start, minutes, location,
        uid or f"evaluation-{worker_id}-{start.strftime('%Y%m%dT%H%M')}@zorgkoppel",
        [(p.name, p.email) for p in attendees],
        description=agreement.reference if agreement else None,
    )


def meeting_ics(
    title: str,
    start: dt.datetime,
    minutes: int,
    location: str | None,
    uid: str,
    attendees: list[tuple[str, str | None]],
    description: str | None = None,
) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", dt.datetime.now(dt.UTC))
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(minutes=minutes))
    event.add("summary", title)
    if location:
        event.add("location", location)
    if description:
        event.add("description", description)
    for name, email in attendees:
        if email:
            event.add("attendee", f"mailto:{email}", parameters={"cn": name})
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


