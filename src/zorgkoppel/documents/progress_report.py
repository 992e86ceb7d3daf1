"""The progress report: a worker's file on paper, to bring to an evaluation meeting.

Built from `core.services.worker_file` in the report's own language (a French report can be
printed from a Dutch screen). The worker and the facility's supervisor read it at the
meeting, so only `shared` notes are quoted unless the job coach asks for all of them.
No Qt: the GUI and the command line print it alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from zorgkoppel.core.codes import NOTE_KINDS, SCORE_ITEMS, SKILL_LEVELS, TRAJECTORY_PHASES
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.score_items import list_score_items
from zorgkoppel.core.services.tasks import task_labels
from zorgkoppel.core.services.worker_file import (
    NOTE,
    PLACEMENT_END,
    PLACEMENT_START,
    SKILL,
    TRAJECTORY_PHASE,
    TimelineEntry,
    WorkerFile,
    worker_file,
)
from zorgkoppel.documents.fonts import register_fonts
from zorgkoppel.documents.pages import DocumentInfo, build_pdf, styles, table_style
from zorgkoppel.i18n import N_, gettext_for
from zorgkoppel.i18n.formatting import format_date

GRID = colors.HexColor("#999999")
HEAD = colors.HexColor("#e4ecf4")
NOTES_SHOWN = 12
MONTHS_SHOWN = 6
SCORE_WORDS = {1: N_("insufficient"), 2: N_("to improve"), 3: N_("good"), 4: N_("very good")}


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), styles()[style])


def _table(rows: list[list[object]], widths: list[float]) -> Table:
    fonts = register_fonts()
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(table_style([
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def _entry_text(
    entry: TimelineEntry, translate: Callable[[str], str], tasks: dict[str, str]
) -> str:
    if entry.kind == NOTE:
        return translate(NOTE_KINDS.get(entry.code, entry.code))
    if entry.kind == SKILL:
        return translate(N_("{task}: {level}")).format(
            task=tasks.get(entry.subject, entry.subject),
            level=translate(SKILL_LEVELS.get(entry.code, entry.code)),
        )
    if entry.kind == PLACEMENT_START:
        return translate(N_("Placed with {facility} ({reference})")).format(
            facility=entry.text, reference=entry.code)
    if entry.kind == PLACEMENT_END:
        return translate(N_("Placement with {facility} ended ({reference})")).format(
            facility=entry.text, reference=entry.code)
    if entry.kind == TRAJECTORY_PHASE:
        return translate(N_("Transition trajectory: {phase}")).format(
            phase=translate(TRAJECTORY_PHASES.get(entry.code, entry.code)))
    return entry.code


def report_story(
    file: WorkerFile,
    language: str,
    tasks: dict[str, str],
    score_labels: dict[str, str],
    include_confidential: bool = False,
) -> list[Flowable]:
    t = gettext_for(language)
    story: list[Flowable] = [
        _p(t(N_("Progress report")), "title"),
        _p(file.worker.full_name, "subtitle"),
        _p(t(N_("{employer} · printed on {day}")).format(
            employer=file.employer, day=format_date(file.today, language)), "meta"),
        Spacer(1, 4 * mm),
    ]
    # Skills and scores: where the worker stands now.
    story.append(_p(t(N_("Tasks and skills")), "heading"))
    if file.skills:
        story.append(_table(
            [[_p(t(N_("Task")), "cell"), _p(t(N_("Level")), "cell")]]
            + [[_p(tasks.get(code, code), "cell"),
                _p(t(SKILL_LEVELS.get(level, level)), "cell")]
               for code, level in sorted(file.skills.items(),
                                         key=lambda kv: tasks.get(kv[0], kv[0]))],
            [90 * mm, 70 * mm],
        ))
    else:
        story.append(_p(t(N_("No skills recorded yet.")), "small"))
    story.append(_p(t(N_("Work attitude")), "heading"))
    if file.latest_scores:
        story.append(_p(t(N_("Scores of {day}")).format(
            day=format_date(file.latest_scores_day, language)), "small"))
        rows: list[list[object]] = [[_p(t(N_("Item")), "cell"), _p(t(N_("Score")), "cell")]]
        for item, score in file.latest_scores.items():
            shown = (t(N_("not observed")) if score is None
                     else f"{score}/4 – {t(SCORE_WORDS[score])}")
            rows.append([_p(score_labels.get(item, item), "cell"), _p(shown, "cell")])
        story.append(_table(rows, [90 * mm, 70 * mm]))
    else:
        story.append(_p(t(N_("No scores yet.")), "small"))
    # Guidance and what is agreed.
    story.append(_p(t(N_("Guidance")), "heading"))
    hours, minutes = divmod(file.guidance_minutes, 60)
    story.append(_p(t(N_("Guidance time on file: {hours} h {minutes} min")).format(
        hours=hours, minutes=f"{minutes:02d}")))
    for due in file.evaluations:
        text = t(N_("Next evaluation ({reference}): {day}")).format(
            reference=due.reference, day=format_date(due.due, language))
        if due.overdue:
            text += " – " + t(N_("overdue"))
        story.append(_p(text))
    if file.open_actions:
        story.append(_p(t(N_("Open actions")), "subheading"))
        story.append(_table(
            [[_p(t(N_("Action")), "cell"), _p(t(N_("Due")), "cell")]]
            + [[_p(a.description, "cell"),
                _p(format_date(a.due, language) if a.due else "–", "cell")]
               for a in file.open_actions],
            [125 * mm, 35 * mm],
        ))
    # Roster history.
    story.append(_p(t(N_("Tasks done per month")), "heading"))
    if file.roster_months:
        rows = [[_p(t(N_("Month")), "cell"), _p(t(N_("Tasks (posts worked)")), "cell")]]
        for month in file.roster_months[:MONTHS_SHOWN]:
            first = dt.date.fromisoformat(f"{month.month}-01")
            label = format_date(first, language, "MMMM yyyy")
            done = ", ".join(f"{tasks.get(code, code)} {count}"
                             for code, count in month.counts.items())
            rows.append([_p(label, "cell"), _p(done, "cell")])
        story.append(_table(rows, [40 * mm, 120 * mm]))
    else:
        story.append(_p(t(N_("No roster days yet.")), "small"))
    # The timeline: notes quoted when they may be shared.
    story.append(_p(t(N_("Timeline")), "heading"))
    rows = [[_p(t(N_("Date")), "cell"), _p(t(N_("What")), "cell")]]
    notes = 0
    for entry in file.entries:
        if entry.kind == NOTE:
            if notes >= NOTES_SHOWN:
                continue
            notes += 1
            what = _entry_text(entry, t, tasks)
            if entry.shared or include_confidential:
                what += "\n" + entry.text
            else:
                what += "\n" + t(N_("(confidential note: not printed)"))
        else:
            what = _entry_text(entry, t, tasks)
        rows.append([_p(format_date(entry.day, language, "medium"), "cell"), _p(what, "cell")])
    story.append(_table(rows, [30 * mm, 130 * mm]))
    return story


def progress_report_pdf(
    ctx: ServiceContext,
    worker_id: str,
    language: str,
    today: dt.date | None = None,
    include_confidential: bool = False,
) -> bytes:
    """The report as PDF bytes, in `language` (nl, fr or en)."""
    file = worker_file(ctx, worker_id, today)
    t = gettext_for(language)
    score_labels = {item.code: item.label for item in list_score_items(ctx)}
    # Built-in items take the report's language, whatever the screen's language is.
    for code, msgid in SCORE_ITEMS.items():
        score_labels[code] = t(msgid)
    story = report_story(file, language, task_labels(ctx, language), score_labels,
                         include_confidential)
    info = DocumentInfo(
        title=t(N_("Progress report")) + " – " + file.worker.full_name,
        language=language,
        translate=t,
        author=file.employer,
        subject=t(N_("Progress report")),
        keywords=("zorgkoppel",),
        footer=file.worker.full_name,
    )
    return build_pdf(story, info)
