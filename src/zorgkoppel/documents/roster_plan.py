"""The roster on paper: the day plan for the notice board and the week overview (A4 landscape).

Built from `core.services.roster_sheets` data, in the sheet's own language. The page frame
(fonts, "Page X of Y" footer) is the one every document shares (`documents.pages`); only the
page is turned to landscape here.
"""

from __future__ import annotations

from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
        PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from zorgkoppel.core.services.roster_sheets import RosterSheet, SheetDay
from zorgkoppel.documents import pages
from zorgkoppel.documents.fonts import register_fonts
from zorgkoppel.i18n import N_, gettext_for
from zorgkoppel.i18n.formatting import format_date

MARGIN = 12 * mm
GRID = colors.HexColor("#888888")
BLOCK = colors.HexColor("#e4ecf4")
SHORT = colors.HexColor("#b3261e")


def _p(text: str, style: str = "cell") -> Paragraph:
    return Paragraph(escape(text), pages.styles()[style])


def _posts_table(sheet: RosterSheet, day: SheetDay, wide: bool) -> Flowable:
    t = gettext_for(sheet.language)
    fonts = register_fonts()
    rows: list[list[object]] = [[_p(t(N_("Time"))), _p(t(N_("Post"))), _p(t(N_("Route"))),
                                 _p(t(N_("Who")))]]
    style = [
        ("FONTNAME", (0, 0), (-1, 0), fonts.bold),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d0d0d0")),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    # One block per time window: the time shows once, on a shaded first row.
    for (start, end), posts in groupby(day.posts, key=lambda p: (p.start, p.end)):
        first = len(rows)
        for post in posts:
            who = ", ".join(post.people)
            if post.missing:
                short = t(N_("{count} missing")).format(count=post.missing)
                who = f"{who} — {short}" if who else short
            cell = _p(who)
            if post.missing:
                cell = Paragraph(f'<font color="#b3261e">{escape(who)}</font>',
                                 pages.styles()["cell"])
            rows.append([_p(""), _p(post.task), _p(post.route), cell])
        rows[first][0] = _p(f"{start:%H:%M}–{end:%H:%M}")
        style.append(("BACKGROUND", (0, first), (0, len(rows) - 1), BLOCK))
        style.append(("LINEABOVE", (0, first), (-1, first), 1.2, colors.black))
    if len(rows) == 1:
        rows.append([_p(""), _p(t(N_("No posts planned."))), _p(""), _p("")])
    widths = [30 * mm, 60 * mm, 45 * mm, 135 * mm] if wide else [22 * mm, 38 * mm, 28 * mm,
                                                                   None]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(pages.table_style(style))
    return table


def _absent(sheet: RosterSheet, day: SheetDay) -> list[Flowable]:
    t = gettext_for(sheet.language)
    absent = "; ".join(f"{name}: {status}" for name, status in day.absent) or t(N_("nobody"))
    present = "; ".join(f"{name} {hours}".strip() for name, hours in day.present) or "—"
    return [
        Paragraph(f"<b>{escape(t(N_('Absent')))}:</b> {escape(absent)}", pages.styles()["body"]),
        Paragraph(f"<b>{escape(t(N_('Present')))}:</b> {escape(present)}",
                  pages.styles()["body"]),
    ]


def _frame(sheet: RosterSheet, title: str, story: list[Flowable]) -> bytes:
    info = pages.DocumentInfo(
        title=title, language=sheet.language, translate=gettext_for(sheet.language),
        footer=sheet.site,
    )
    return pages.build_pdf(story, info, pagesize=landscape(A4), margin=MARGIN)


def day_plan_pdf(sheet: RosterSheet) -> bytes:
    """One page per day: per time block the post, route and who; absentees; remarks."""
    t = gettext_for(sheet.language)
    story: list[Flowable] = []
    for day in sheet.days:
        date = format_date(day.day, sheet.language, "full")
        story.append(_p(t(N_("Day plan — {date}")).format(date=date), "title"))
        story.append(_p(sheet.site, "centered"))
        story.append(Spacer(1, 2 * mm))
        story.append(_posts_table(sheet, day, wide=True))
        story.append(Spacer(1, 3 * mm))
        story.extend(_absent(sheet, day))
        story.append(_p(t(N_("Remarks")), "subheading"))
        story.append(_p(day.review or "—", "body"))
        story.append(PageBreak())
    story = story[:-1]  # no empty page after the last day
    title = t(N_("Day plan {site}")).format(site=sheet.site)
    return _frame(sheet, title, story)


def week_overview_pdf(sheet: RosterSheet) -> bytes:
    """The week at a glance: a row per post (time, task, route), a column per planned day."""
    t = gettext_for(sheet.language)
    fonts = register_fonts()
    title = t(N_("Week overview {site}")).format(site=sheet.site)
    story: list[Flowable] = [_p(title, "title")]
    if not sheet.days:
        story.append(_p(t(N_("No days planned in this week.")), "body"))
        return _frame(sheet, title, story)
    keys = sorted({(p.start, p.end, p.task, p.route) for d in sheet.days for p in d.posts})
    cells: dict[tuple[object, ...], dict[int, str]] = {key: {} for key in keys}
    for column, day in enumerate(sheet.days):
        for post in day.posts:
            text = ", ".join(post.people)
            if post.missing:
                text = f"{text} (−{post.missing})" if text else f"−{post.missing}"
            cells[(post.start, post.end, post.task, post.route)][column] = text
    header = [_p(t(N_("Time"))), _p(t(N_("Post")))] + [
        _p(format_date(day.day, sheet.language, "EEE d MMM")) for day in sheet.days
    ]
    rows: list[list[object]] = [header]
    for key in keys:
        start, end, task, route = key
        post = f"{task} — {route}" if route and route != task else task
        rows.append([_p(f"{start:%H:%M}–{end:%H:%M}", "small"), _p(post, "small")]
                    + [_p(cells[key].get(i, ""), "small") for i in range(len(sheet.days))])
    day_width = (landscape(A4)[0] - 2 * MARGIN - 70 * mm) / len(sheet.days)
    table = Table(rows, colWidths=[22 * mm, 48 * mm] + [day_width] * len(sheet.days),
                  repeatRows=1)
    table.setStyle(pages.table_style([
        ("FONTNAME", (0, 0), (-1, 0), fonts.bold),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d0d0d0")),
        ("BACKGROUND", (0, 1), (0, -1), BLOCK),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    story.append(Spacer(1, 3 * mm))
    story.append(table)
    for day in sheet.days:
        if day.absent:
            absent = "; ".join(f"{name}: {status}" for name, status in day.absent)
            date = format_date(day.day, sheet.language, "EEE d MMM")
            story.append(Paragraph(f"<b>{escape(date)}</b> {escape(absent)}",
                                   pages.styles()["small"]))
    return _frame(sheet, title, story)
