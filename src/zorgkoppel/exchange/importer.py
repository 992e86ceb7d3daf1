"""Importing an exchange file (EXCHANGE.md, version 1) in one all-or-nothing transaction.

The whole file is read and checked first and every problem is reported with its JSON path
(`agreements[2].financing.rate: not a decimal`), at most MAX_PROBLEMS of them. Only a
valid file is written, in one transaction; any failure leaves the database as it was.

Records are matched by key: `id`, a task's `code`, an index value's `month`, a roster day's
`site` and `date`. Which version of a matched record wins, and when that is a conflict, is
decided by the `updated_at` rule in `exchange.resolution`. Children (skills, posts,
participants, phases …) are replaced together with their record. References may point at
records in the same file or in the database. When a record of the file loses to a newer
local one, the records that are written are checked again against what will really be
stored, so a roster day never ends up placing a worker who lacks the skill.

Known limit: changing a worker's skills or a task's requirements does not re-check roster
days already stored that are not in the file; they were valid when planned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.codes import SOCIAL_ECONOMY_KINDS
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import PermissionDenied, Problem, ValidationError
from zorgkoppel.core.models.types import utcnow
from zorgkoppel.core.rules.values import MSG_REQUIRED
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.access import require_write
from zorgkoppel.core.services.sync import agreed_times, record_agreed
from zorgkoppel.exchange.reader import MSG_UNKNOWN_FIELD, Reader
from zorgkoppel.exchange.report import Conflict, ImportReport
from zorgkoppel.exchange.resolution import Decision, Verdict, resolve
from zorgkoppel.exchange.sections import SECTION_NAMES, SECTIONS
from zorgkoppel.exchange.sections.base import Parsed, References, Section, Stored, Write
from zorgkoppel.exchange.source import Source, read_document
from zorgkoppel.exchange.values import FORMAT, VERSION
from zorgkoppel.i18n import N_

__all__ = ["Conflict", "ImportReport", "import_exchange"]

MAX_PROBLEMS = 200
MSG_EXCHANGE_NEEDS_ALL = N_(
    "Only a user who sees every organisation can import or export exchange files."
)


@dataclass
class _Record:
    section: Section[Any]
    path: str  # `notes[12]`
    parsed: Parsed[Any]
    bad_fields: frozenset[str]  # fields whose value could not be read
    verdict: Verdict | None = None
    stored: Stored[Any] | None = None


def import_exchange(ctx: ServiceContext, source: Source) -> ImportReport:
    """Import a document (mapping), JSON text (str), UTF-8 JSON (bytes) or a file (PathLike).

    Raises ValidationError naming every problem by its JSON path; nothing is changed then.
    """
    require_write(ctx)
    if not ctx.actor.unrestricted:
        raise PermissionDenied(MSG_EXCHANGE_NEEDS_ALL)
    document = read_document(source)
    problems: list[Problem] = []
    records = _read_records(document, problems)
    with ctx.db.transaction() as session:
        database = References.from_database(session)
        _check_records(records, _overlay(database, records), problems)
        _fail_if_any(problems)
        report = _resolve(session, records)
        written = [r for r in records if r.verdict in (Verdict.CREATE, Verdict.UPDATE)]
        final = _overlay(database, written)
        if any(r.verdict is Verdict.KEEP_LOCAL for r in records):
            # Some records lose to newer local ones: what is written must suit those.
            _check_records(written, final, problems)
        problems.extend(_kind_change_problems(written, final))
        _fail_if_any(problems)
        _write(session, records)
        people = sorted(_people(written))
        items: list[tuple[list[str], str | None]] = [([key], key) for key in people]
        audit.append_entries(session, ctx.actor.name, audit.IMPORT, items or [([], None)])
    return report


def _people(records: list[_Record]) -> set[str]:
    """The workers whose data the import wrote (for their access history)."""
    found: set[str] = set()
    for record in records:
        if record.section.name == "workers" and record.parsed.key:
            found.add(record.parsed.key)
        worker_id = getattr(record.parsed.data, "worker_id", None)
        if isinstance(worker_id, str) and worker_id:
            found.add(worker_id)
    return found


def _fail_if_any(problems: list[Problem]) -> None:
    if not problems:
        return
    shown = problems[:MAX_PROBLEMS]
    if len(problems) > MAX_PROBLEMS:
        shown.append(Problem("", N_("more problems not shown: {count}"),
                             {"count": len(problems) - MAX_PROBLEMS}))
    raise ValidationError(shown)


def _read_records(document: Any, problems: list[Problem]) -> list[_Record]:
    """Every record of the file with its key, reporting format, type and duplicate problems."""
    if not isinstance(document, Mapping):
        problems.append(Problem("", N_("the file must hold one JSON object")))
        _fail_if_any(problems)
    if document.get("format") != FORMAT:
        problems.append(Problem("format", N_("must be \"{expected}\""), {"expected": FORMAT}))
    version = document.get("version")
    if isinstance(version, bool) or version != VERSION:
        problems.append(Problem("version", N_("this program reads version {expected}"),
                                {"expected": VERSION}))
    # A file of another format or version would only give a list of confusing problems.
    _fail_if_any(problems)
    for name in document:
        if name not in ("format", "version", *SECTION_NAMES):
            problems.append(Problem(str(name), MSG_UNKNOWN_FIELD))

    records: list[_Record] = []
    for section in SECTIONS:
        items = document.get(section.name)
        if items is None:
            continue
        if not isinstance(items, list):
            problems.append(Problem(section.name, N_("not a list")))
            continue
        first_at: dict[str, int] = {}
        for index, item in enumerate(items):
            path = f"{section.name}[{index}]"
            reader = Reader()
            fields = reader.fields(item, "", section.fields)
            if fields is None:
                problems.extend(p.at(path) for p in reader.problems.items)
                continue
            parsed = section.parse(reader, fields)
            problems.extend(p.at(path) for p in reader.problems.items)
            key = parsed.key
            if key is None and not reader.problems:
                # Never let a keyless record reach the writing stage unreported.
                problems.append(Problem(f"{path}.{section.key_field}", MSG_REQUIRED))
            if key is not None:
                if key in first_at:
                    problems.append(
                        Problem(f"{path}.{section.key_field}",
                                N_("'{key}' appears twice in {section} (also at index {other})"),
                                {"key": key, "section": section.name, "other": first_at[key]})
                    )
                    continue
                first_at[key] = index
            bad = frozenset(p.field for p in reader.problems.items)
            records.append(_Record(section, path, parsed, bad))
    return records


def _overlay(database: References, records: list[_Record]) -> References:
    refs = database.copy()
    for record in records:
        if record.parsed.key is not None:
            record.section.overlay(refs, record.parsed.key, record.parsed.data)
    return refs


def _check_records(records: list[_Record], refs: References, problems: list[Problem]) -> None:
    """Every rule, against the references given; a field already reported is not repeated."""
    for record in records:
        if record.parsed.key is None:
            continue
        for problem in record.section.validate(record.parsed.key, record.parsed.data, refs):
            if problem.field not in record.bad_fields:
                problems.append(problem.at(record.path))


def _resolve(session: Session, records: list[_Record]) -> ImportReport:
    """Decide each record's fate by the updated_at rule (exchange.resolution)."""
    report = ImportReport()
    areas: set[str] = set()
    for section in SECTIONS:
        mine = [r for r in records if r.section is section]
        if not mine:
            continue
        keys = [r.parsed.key for r in mine if r.parsed.key is not None]
        stored = section.load(session, keys)
        agreed = agreed_times(session, section.name, keys)
        locked = section.locked_keys(session, keys)
        counts = dict.fromkeys(Verdict, 0)
        for record in mine:
            key = record.parsed.key
            assert key is not None  # records without a key failed the checks
            local = stored.get(key)
            same = local is not None and (
                section.render(key, local.data) == section.render(key, record.parsed.data)
            )
            decision = resolve(
                record.parsed.updated_at,
                local.updated_at if local else None,
                agreed.get(key),
                same_content=same,
                local_pristine=local is not None and section.pristine(local),
            )
            if key in locked and decision.verdict is Verdict.UPDATE:
                # A signed-off note changes only through addenda, never through a file.
                decision = Decision(Verdict.KEEP_LOCAL, conflict=True)
            record.verdict, record.stored = decision.verdict, local
            counts[decision.verdict] += 1
            if decision.conflict:
                kept = "incoming" if decision.verdict is Verdict.UPDATE else "local"
                report.conflicts.append(Conflict(section.name, key, kept))
        report.created[section.name] = counts[Verdict.CREATE]
        report.updated[section.name] = counts[Verdict.UPDATE]
        report.unchanged[section.name] = counts[Verdict.UNCHANGED]
        report.kept_local[section.name] = counts[Verdict.KEEP_LOCAL]
        if counts[Verdict.CREATE] or counts[Verdict.UPDATE]:
            areas.add(section.area)
    report.changes = Changes.of(*sorted(areas))
    return report


def _kind_change_problems(records: list[_Record], final: References) -> list[Problem]:
    """An organisation whose kind the file changes must still suit what points at it."""
    problems: list[Problem] = []
    for record in records:
        if record.section.name != "organisations" or record.verdict is not Verdict.UPDATE:
            continue
        assert record.stored is not None and record.parsed.key is not None
        key, kind = record.parsed.key, record.parsed.data.kind
        if kind == record.stored.data.kind:
            continue
        where = f"{record.path}.kind"
        if kind not in SOCIAL_ECONOMY_KINDS and key in final.worker_employers.values():
            problems.append(Problem(where, N_(
                "workers are employed here; it must stay a social-economy enterprise")))
        uses = list(final.agreements.values())
        if kind != "care_facility" and any(a[1] == key for a in uses):
            problems.append(Problem(where, N_(
                "agreements name it as care facility; it must stay one")))
        if kind not in SOCIAL_ECONOMY_KINDS and any(a[2] == key for a in uses):
            problems.append(Problem(where, N_(
                "agreements name it as social-economy partner; it must stay a custom-work "
                "company or a local-services enterprise")))
        if kind != "local_authority" and any(a[3] == key for a in uses):
            problems.append(Problem(where, N_(
                "agreements name it as commissioning authority; it must stay a local "
                "authority")))
    return problems


def _write(session: Session, records: list[_Record]) -> None:
    now = utcnow()
    for section in SECTIONS:
        creates: list[Write[Any]] = []
        updates: list[Write[Any]] = []
        agreed: dict[str, dt.datetime] = {}
        for record in records:
            if record.section is not section:
                continue
            key = record.parsed.key
            assert key is not None
            stored = record.stored
            if record.verdict is Verdict.CREATE:
                write = Write(key, record.parsed.updated_at or now, record.parsed.data,
                              section.new_row_id(key))
                creates.append(write)
                agreed[key] = write.updated_at
            elif record.verdict is Verdict.UPDATE:
                assert stored is not None
                write = Write(key, record.parsed.updated_at or now, record.parsed.data,
                              stored.row_id)
                updates.append(write)
                agreed[key] = write.updated_at
            else:
                assert stored is not None
                agreed[key] = stored.updated_at
        if creates or updates:
            section.write(session, creates, updates, now)
            section.after_write(session, creates + updates)
        if agreed:
            record_agreed(session, section.name, agreed)
