"""The readable copy of a person's data (GDPR right of access): everything stored about them.

Built from `core.services.person_record` in the person's language: the one asked for, else
the language of the person's newest agreement (the worker record has no language of its
own), else Dutch. It holds every note in full (it is the person's own data), their scores
and actions, and the audit entries about the person. No Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from zorgkoppel.core.codes import (
    AGREEMENT_STATUSES,
    NOTE_KINDS,
    PRESENCE_STATUSES,
    PROGRAMMES,
    SCORE_ITEMS,
    SKILL_LEVELS,
    TRAJECTORY_OUTCOMES,
    TRAJECTORY_PHASES,
    VISIBILITIES,
)
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.audit_listing import AuditRow
from zorgkoppel.core.services.person_record import NoteLine, PersonRecord, person_record
from zorgkoppel.core.services.score_items import list_score_items
from zorgkoppel.core.services.tasks import task_labels
from zorgkoppel.documents.fonts import register_fonts
from zorgkoppel.documents.pages import DocumentInfo, build_pdf, styles, table_style
from zorgkoppel.i18n import LANGUAGES, N_, gettext_for
from zorgkoppel.i18n.formatting import format_date, format_datetime

GRID = colors.HexColor("#999999")
HEAD = colors.HexColor("#e4ecf4")
WIDTH = 166 * mm  # A4 minus the margins of pages.py
FALLBACK_LANGUAGE = "nl"
PREFERENCE_LABELS: dict[int, str] = {
    -2: N_("−2 dislikes strongly"),
    -1: N_("−1 rather not"),
    0: N_("0 no preference"),
    1: N_("+1 likes"),
    2: N_("+2 likes a lot"),
}
TITLE = N_("Personal data")

Translate = Callable[[str], str]


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), styles()[style])


def _table(header: list[str], rows: list[list[str]], widths: list[float]) -> Table:
    fonts = register_fonts()
    table = Table([[_p(h, "cell") for h in header]] + [[_p(c, "cell") for c in row]
                                                      for row in rows],
                  colWidths=widths, repeatRows=1)
    table.setStyle(table_style([
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def _section(story: list[Flowable], title: str, body: list[Flowable], empty: str) -> None:
    story.append(_p(title, "heading"))
    story.extend(body or [_p(empty, "small")])


def person_language(record: PersonRecord, language: str | None) -> str:
    for candidate in (language, *record.languages):
        if candidate in LANGUAGES:
            return candidate
    return FALLBACK_LANGUAGE


def _day(value: dt.date | None, language: str) -> str:
    return format_date(value, language, "medium") if value else "–"


def _identity(record: PersonRecord, t: Translate, language: str) -> Table:
    worker = record.worker
    rows = [
        [t(N_("Name")), worker.full_name],
        [t(N_("Employer")), record.employer],
        [t(N_("Programme")), t(PROGRAMMES.get(worker.programme, worker.programme))],
        [t(N_("Start of integration")), _day(worker.integration_start, language)],
        [t(N_("Dutch level")), worker.dutch_level or "–"],
        [t(N_("Driving licence")), t(N_("yes")) if worker.driving_licence else t(N_("no"))],
        [t(N_("Identifier")), worker.id],
        [t(N_("Recorded on")), format_datetime(worker.created_at, language)],
        [t(N_("Last changed on")), format_datetime(worker.updated_at, language)],
    ]
    table = Table([[_p(k, "cell"), _p(v, "cell")] for k, v in rows],
                  colWidths=[50 * mm, WIDTH - 50 * mm])
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (0, -1), HEAD),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def _note(note: NoteLine, t: Translate, language: str, scores: dict[str, str]) -> Flowable:
    heading = f"{_day(note.day, language)} – {t(NOTE_KINDS.get(note.kind, note.kind))}"
    parts: list[Flowable] = [_p(heading, "subheading")]
    facts = [t(VISIBILITIES.get(note.visibility, note.visibility))]
    if note.author:
        facts.append(t(N_("Written by {name}")).format(name=note.author))
    if note.duration_minutes:
        facts.append(t(N_("{minutes} minutes")).format(minutes=note.duration_minutes))
    if note.participants:
        facts.append(t(N_("With: {names}")).format(names=", ".join(note.participants)))
    parts.append(_p(" · ".join(facts), "small"))
    if note.summary:
        parts.append(_p(note.summary))
    if note.scores:
        parts.append(_p(t(N_("Scores: {scores}")).format(scores="; ".join(
            f"{scores.get(item, item)} "
            + (t(N_("not observed")) if score is None else f"{score}/4")
            for item, score in note.scores)), "small"))
    for action in note.actions:
        text = t(N_("Action: {description}")).format(description=action.description)
        if action.owner:
            text += " – " + action.owner
        if action.due:
            text += " – " + t(N_("due {day}")).format(day=_day(action.due, language))
        text += " – " + (t(N_("done")) if action.done else t(N_("open")))
        parts.append(_p(text, "small"))
    for addendum in note.addenda:
        parts.append(_p(t(N_("Addendum: {text}")).format(text=addendum), "small"))
    return KeepTogether(parts)


def person_file_story(
    record: PersonRecord, history: list[AuditRow], language: str, tasks: dict[str, str],
    scores: dict[str, str], today: dt.date,
) -> list[Flowable]:
    t = gettext_for(language)
    story: list[Flowable] = [
        _p(t(TITLE), "title"),
        _p(record.worker.full_name, "subtitle"),
        _p(t(N_("Everything stored about this person in zorgkoppel · made on {day}")).format(
            day=format_date(today, language)), "meta"),
        Spacer(1, 4 * mm),
        _p(t(N_("Identity")), "heading"),
        _identity(record, t, language),
    ]
    _section(story, t(N_("Placements")), [_table(
        [t(N_("Agreement")), t(N_("Care facility")), t(N_("Status")), t(N_("From")),
         t(N_("Until"))],
        [[p.reference, p.facility, t(AGREEMENT_STATUSES.get(p.status, p.status)),
          _day(p.start, language), _day(p.end, language)] for p in record.placements],
        [38 * mm, 54 * mm, 24 * mm, 25 * mm, 25 * mm])] if record.placements else [],
        t(N_("No placements.")))
    _section(story, t(N_("Tasks and skills")), [_table(
        [t(N_("Task")), t(N_("Level")), t(N_("Since"))],
        [[tasks.get(s.task_code, s.task_code), t(SKILL_LEVELS.get(s.level, s.level)),
          _day(s.since, language)] for s in record.skills],
        [80 * mm, 50 * mm, 36 * mm])] if record.skills else [], t(N_("No skills recorded yet.")))
    if record.skill_history:
        story.append(_p(t(N_("Changes of level")), "subheading"))
        story.append(_table(
            [t(N_("Since")), t(N_("Task")), t(N_("Level"))],
            [[_day(s.since, language), tasks.get(s.task_code, s.task_code),
              t(SKILL_LEVELS.get(s.level, s.level))] for s in record.skill_history],
            [36 * mm, 80 * mm, 50 * mm]))
    _section(story, t(N_("Preferences per task")), [_table(
        [t(N_("Task")), t(N_("Preference"))],
        [[tasks.get(code, code), t(PREFERENCE_LABELS.get(weight, str(weight)))]
         for code, weight in record.preferences],
        [80 * mm, 86 * mm])] if record.preferences else [], t(N_("No preferences.")))
    _section(story, t(N_("Notes")),
             [_note(n, t, language, scores) for n in record.notes], t(N_("No notes.")))
    trajectories: list[Flowable] = []
    for trajectory in record.trajectories:
        title = t(N_("Transition trajectory with {employer}")).format(
            employer=trajectory.target_employer or "–")
        if trajectory.provider:
            title += " · " + t(N_("provider: {name}")).format(name=trajectory.provider)
        if trajectory.outcome:
            title += " · " + t(TRAJECTORY_OUTCOMES.get(trajectory.outcome, trajectory.outcome))
        trajectories.append(_p(title, "subheading"))
        trajectories.append(_table(
            [t(N_("Phase")), t(N_("From")), t(N_("Until"))],
            [[t(TRAJECTORY_PHASES.get(p.phase, p.phase)), _day(p.start, language),
              _day(p.end, language)] for p in trajectory.phases],
            [80 * mm, 43 * mm, 43 * mm]))
    _section(story, t(N_("Transition trajectories")), trajectories,
             t(N_("No transition trajectories.")))
    _section(story, t(N_("Roster")), [_table(
        [t(N_("Date")), t(N_("Site")), t(N_("Presence")), t(N_("Posts"))],
        [[_day(r.day, language), r.site,
          t(PRESENCE_STATUSES.get(r.presence, r.presence)) if r.presence else "–",
          "\n".join(f"{label or tasks.get(code, code)} {start:%H:%M}–{end:%H:%M}"
                    for code, label, start, end in r.posts) or "–"]
         for r in record.roster],
        [26 * mm, 46 * mm, 28 * mm, 66 * mm])] if record.roster else [],
        t(N_("No roster days.")))
    _section(story, t(N_("Who accessed this person's data")), [_table(
        [t(N_("When")), t(N_("Who")), t(N_("What"))],
        [[format_datetime(e.at, language), e.user_name, t(e.action_label)] for e in history],
        [42 * mm, 40 * mm, 84 * mm])] if history else [], t(N_("No entries.")))
    return story


def write_person_file(
    ctx: ServiceContext, worker_id: str, path: Path, history: list[AuditRow],
    language: str | None = None, today: dt.date | None = None,
) -> str:
    """Write the person's data as a PDF to `path`; returns the language it was written in."""
    record = person_record(ctx, worker_id)
    chosen = person_language(record, language)
    t = gettext_for(chosen)
    scores = {item.code: item.label for item in list_score_items(ctx)}
    for code, msgid in SCORE_ITEMS.items():
        scores[code] = t(msgid)
    story = person_file_story(record, history, chosen, task_labels(ctx, chosen), scores,
                              today or dt.date.today())
    info = DocumentInfo(
        title=t(TITLE) + " – " + record.worker.full_name,
        language=chosen,
        translate=t,
        author=record.employer,
        subject=t(TITLE),
        keywords=("zorgkoppel", "GDPR"),
        footer=record.worker.full_name,
    )
    data = build_pdf(story, info)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_bytes(data)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    return chosen
