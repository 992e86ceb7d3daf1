"""The partnership report as an A4 PDF: the period, the table with its totals and a bar
chart, in the chosen language, with the date of printing.

The chart is drawn once, with reportlab's own chart library (`report_chart`); the Reports
screen shows that same drawing as SVG, so the window and the paper never disagree.
"""

from __future__ import annotations

import datetime as dt
import re
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table

from zorgkoppel.core.services.partnership_report import PartnershipReport
from zorgkoppel.documents.fonts import DocumentFonts, register_fonts
from zorgkoppel.documents.pages import DocumentInfo, build_pdf, styles, table_style
from zorgkoppel.documents.report_tables import (
    GROUPING_TITLES,
    group_label,
    period_text,
    table_rows,
    value_label,
)
from zorgkoppel.i18n import _, current_language
from zorgkoppel.i18n.formatting import format_date

BAR = colors.HexColor("#2f6f9f")
CHART_WIDTH = 170 * mm
BAR_HEIGHT = 6 * mm


def report_chart(report: PartnershipReport, width: float = CHART_WIDTH) -> Drawing:
    """Partnerships per group as horizontal bars (long names fit), largest count labelled."""
    fonts = register_fonts()
    rows = report.rows or []
    labels = [group_label(report, row.key) for row in rows]
    label_room = min(max([40.0, *(stringWidth(label, fonts.regular, 8) + 8
                                  for label in labels)]), width * 0.5)
    height = max(len(rows), 1) * BAR_HEIGHT + 24 * mm
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 5 * mm, _("Partnerships per {grouping}").format(
        grouping=" × ".join(_(GROUPING_TITLES[name]).lower() for name in report.by)),
        fontName=fonts.bold, fontSize=10))
    if not rows:
        drawing.add(String(0, height - 12 * mm, _("No partnerships in this period."),
                           fontName=fonts.regular, fontSize=9))
        return drawing
    chart = HorizontalBarChart()
    chart.x, chart.y = label_room + 4, 8 * mm
    chart.width, chart.height = width - label_room - 16, len(rows) * BAR_HEIGHT
    # The first row at the top, as in the table.
    chart.data = [[row.partnerships for row in reversed(rows)]]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName = fonts.regular
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = fonts.regular
    chart.valueAxis.labels.fontSize = 8
    most = max(row.partnerships for row in rows)
    chart.valueAxis.valueStep = max(1, round(most / 5))
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = fonts.regular
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


PADDING = 3


def _column_widths(lines: list[list[str]], groups: int, fonts: DocumentFonts) -> list[float]:
    """Words never break: a count column is as wide as the longest word of its heading, a
    group column as its longest label (groups share what is left when that is too much)."""
    def word(text: str, size: float, font: str) -> float:
        # A cell may also break after a hyphen (embeddedHyphenation below).
        parts = [piece for chunk in text.split() for piece in re.findall(r"[^-]+-?", chunk)]
        return max((stringWidth(part, font, size) for part in parts), default=0)

    counts = [max(word(lines[0][column], 7.5, fonts.bold),
                  max(stringWidth(line[column], fonts.bold, 8) for line in lines[1:]))
              + 2 * PADDING + 4 for column in range(groups, len(lines[0]))]
    slack = 2 * PADDING + 4
    wanted = [max(word(lines[0][column], 7.5, fonts.bold),
                  max(stringWidth(line[column], fonts.regular, 8) for line in lines[1:]))
              + slack for column in range(groups)]
    # The least a group column may get: its longest word (labels wrap between words).
    least = [max(word(line[column], 8, fonts.regular) for line in lines) + slack
             for column in range(groups)]
    room = CHART_WIDTH - sum(counts)
    if sum(wanted) > room:
        spare = max(room - sum(least), 0)
        extra = sum(want - low for want, low in zip(wanted, least, strict=True)) or 1
        wanted = [low + spare * (want - low) / extra
                  for want, low in zip(wanted, least, strict=True)]
    return wanted + counts


def report_pdf(report: PartnershipReport, printed: dt.date | None = None) -> bytes:
    style = styles()
    fonts = register_fonts()
    lines: list[list[object]] = list(table_rows(report))
    heading = ParagraphStyle("heading_cell", parent=style["cell"], fontName=fonts.bold,
                             fontSize=7.5, leading=9.5, embeddedHyphenation=1)
    cell = ParagraphStyle("group_cell", parent=style["cell"], fontSize=8, leading=10,
                          embeddedHyphenation=1)
    total = ParagraphStyle("total_cell", parent=cell, fontName=fonts.bold)
    counts_from = len(report.by)
    lines[0] = [Paragraph(escape(str(text)), heading) for text in lines[0]]
    lines[1:] = [[Paragraph(escape(str(text)), total if number == len(lines) - 2 else cell)
                  if column < counts_from else text for column, text in enumerate(line)]
                 for number, line in enumerate(lines[1:])]
    table = Table(lines, repeatRows=1, hAlign="LEFT",
                  colWidths=_column_widths(table_rows(report), counts_from, fonts))
    table.setStyle(table_style([
        ("FONTNAME", (0, 0), (-1, 0), fonts.bold),
        ("FONTNAME", (0, -1), (-1, -1), fonts.bold),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("ALIGN", (counts_from, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("LINEABOVE", (0, -1), (-1, -1), 0.6, colors.black),
        ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, colors.HexColor("#f2f5f8")]),
    ]))
    when = format_date(printed or dt.date.today())
    title = _("Monitoring report: partnerships")
    kinds = ", ".join(f"{value_label('se_kind', kind)}: {count}"
                      for kind, count in report.se_organisations_by_kind.items())
    story = [
        Paragraph(escape(title), style["title"]),
        Paragraph(escape(period_text(report)), style["subtitle"]),
        Paragraph(escape(_("Printed on {date}").format(date=when)), style["meta"]),
        Spacer(1, 6 * mm),
        table,
        Spacer(1, 3 * mm),
        Paragraph(escape(_("Social-economy organisations per kind: {kinds}").format(
            kinds=kinds or "–")), style["small"]),
        Spacer(1, 6 * mm),
        report_chart(report),
    ]
    info = DocumentInfo(title=title, language=current_language(), translate=_,
                        footer=period_text(report))
    return build_pdf(story, info)
