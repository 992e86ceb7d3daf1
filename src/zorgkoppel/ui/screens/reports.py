"""The Reports screen: the monitoring report's partnerships for a period, per grouping, as
a table with totals and the same bar chart as the PDF; a double-click on a row lists the
partnerships behind its counts; export to CSV, XLSX and PDF.

A thin layer over core.services.partnership_report and the documents that write it.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QByteArray, QDate, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.core.services.partnership_report import (
    GROUPINGS,
    PartnershipReport,
    partnership_report,
)
from zorgkoppel.documents.report_tables import (
    GROUPING_TITLES,
    group_label,
    period_text,
    table_rows,
    value_label,
)
from zorgkoppel.i18n import N_, _
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.screen import Screen

NO_SECOND = ""
MAX_ZOOM = 1.3  # the chart is drawn for paper; on screen it grows a little, not more


class ChartView(QWidget):
    """Shows the report's chart: reportlab's own drawing, as SVG, the one the PDF prints."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report_chart")
        self.renderer = QSvgRenderer(self)
        self.svg = b""

    def show_report(self, report: PartnershipReport) -> None:
        from reportlab.graphics import renderSVG

        from zorgkoppel.documents.report_pdf import report_chart

        svg = renderSVG.drawToString(report_chart(report))
        # Qt's SVG (Tiny 1.2) has no clip paths: it would paint reportlab's page-sized
        # clipping rectangle as a black box. The drawing stays inside its page anyway.
        svg = re.sub(r"<clipPath.*?</clipPath>", "", svg, flags=re.S)
        self.svg = svg.replace("clip-path: url(#clip)", "").encode("utf-8")
        self.renderer.load(QByteArray(self.svg))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return self.renderer.defaultSize() if self.renderer.isValid() else QSize(400, 200)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.renderer.isValid():
            return
        natural = self.renderer.defaultSize()
        size = natural.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        if size.width() > natural.width() * MAX_ZOOM:  # a few bars would fill the screen
            size = natural * MAX_ZOOM
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)  # the drawing's paper
        self.renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ReportsScreen(Screen):
    areas = frozenset({"agreements", "organisations", "workers"})

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(ctx, parent)
        self.report: PartnershipReport | None = None
        year = (today or dt.date.today()).year
        self.start = QDateEdit(_qdate(dt.date(year, 1, 1)))
        self.start.setObjectName("report_from")
        self.end = QDateEdit(_qdate(dt.date(year, 12, 31)))
        self.end.setObjectName("report_to")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.refresh)
        self.active = QRadioButton()
        self.active.setObjectName("report_active")
        self.texts.bind(self.active.setText, N_("&Active in the period"))
        self.active.setChecked(True)
        self.signed = QRadioButton()
        self.signed.setObjectName("report_signed")
        self.texts.bind(self.signed.setText, N_("&Signed in the period"))
        self.active.toggled.connect(self.refresh)
        self.first = QComboBox()
        self.first.setObjectName("report_by")
        self.second = QComboBox()
        self.second.setObjectName("report_then_by")
        self._fill_groupings()
        self.texts.on_retranslate(self._fill_groupings)
        self.first.currentIndexChanged.connect(self.refresh)
        self.second.currentIndexChanged.connect(self.refresh)

        self.title = QLabel()
        self.title.setObjectName("report_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.table = QTableWidget()
        self.table.setObjectName("report_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.cellDoubleClicked.connect(lambda row, _column: self.show_partnerships(row))
        self.chart = ChartView()
        self.message = QLabel()
        self.message.setObjectName("report_message")
        self.message.setWordWrap(True)

        self.csv_button = self.texts.button(N_("Export &CSV…"), lambda: self.export("csv"),
                                            "report_csv")
        self.xlsx_button = self.texts.button(N_("Export &XLSX…"),
                                             lambda: self.export("xlsx"), "report_xlsx")
        self.pdf_button = self.texts.button(N_("&Print to PDF…"), lambda: self.export("pdf"),
                                            "report_pdf")

        form = QFormLayout()
        period = QHBoxLayout()
        period.addWidget(self.start)
        dash = QLabel("–")
        period.addWidget(dash)
        period.addWidget(self.end)
        period.addSpacing(12)
        period.addWidget(self.active)
        period.addWidget(self.signed)
        period.addStretch(1)
        for caption, row in ((N_("Period:"), period), (N_("Group by:"), self._by_row())):
            label = QLabel()
            self.texts.bind(label.setText, caption)
            form.addRow(label, row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for button in (self.csv_button, self.xlsx_button, self.pdf_button):
            buttons.addWidget(button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.title)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.refresh()

    def _by_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.first)
        then = QLabel()
        self.texts.bind(then.setText, N_("then by"))
        row.addWidget(then)
        row.addWidget(self.second)
        row.addStretch(1)
        return row

    def _fill_groupings(self) -> None:
        for combo, extra in ((self.first, False), (self.second, True)):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if extra:
                combo.addItem(_("(nothing)"), NO_SECOND)
            for name in GROUPINGS:
                combo.addItem(_(GROUPING_TITLES[name]), name)
            index = combo.findData(chosen if chosen is not None else (
                NO_SECOND if extra else "province"))
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def groupings(self) -> list[str]:
        first, second = self.first.currentData(), self.second.currentData()
        return [first] + ([second] if second and second != first else [])

    def refresh(self) -> None:
        try:
            report = partnership_report(self.ctx, self.groupings(), _date(self.start.date()),
                                        _date(self.end.date()), self.signed.isChecked())
        except ZorgkoppelError as error:
            self.report = None
            self.message.setText(error.text())
            self.table.setRowCount(0)
            self.title.setText("")
            for button in (self.csv_button, self.xlsx_button, self.pdf_button):
                button.setEnabled(False)
            return
        self.report = report
        self.message.setText(_("Double-click a row for the partnerships behind it."))
        for button in (self.csv_button, self.xlsx_button, self.pdf_button):
            button.setEnabled(True)
        self.title.setText(period_text(report))
        lines = table_rows(report)
        self.table.clear()
        self.table.setColumnCount(len(lines[0]))
        self.table.setHorizontalHeaderLabels(lines[0])
        self.table.setRowCount(len(lines) - 1)
        counted_from = len(report.by)
        for row, line in enumerate(lines[1:]):
            for column, text in enumerate(line):
                item = QTableWidgetItem(text)
                if column >= counted_from:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if row == len(lines) - 2:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.chart.show_report(report)

    def retranslate(self) -> None:
        super().retranslate()
        self.refresh()

    def show_partnerships(self, row: int) -> None:
        """The list behind a row's counts (the totals row: all of them)."""
        report = self.report
        if report is None:
            return
        found = report.rows[row] if row < len(report.rows) else report.totals
        wanted = set(found.agreement_ids)
        listed = [p for p in report.partnerships if p.agreement_id in wanted]
        dialog = QDialog(self)
        dialog.setObjectName("report_partnerships")
        label = _("Total") if found is report.totals else group_label(report, found.key)
        dialog.setWindowTitle(_("Partnerships: {group}").format(group=label))
        names = QListWidget()
        names.setObjectName("report_partnership_list")
        for partnership in listed:
            names.addItem(f"{partnership.reference} — {partnership.care_name} ✕ "
                          f"{partnership.se_name} ({value_label('status', partnership.status)})")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(names)
        layout.addWidget(buttons)
        dialog.resize(640, 420)
        dialogs.exec_dialog(dialog)
        dialog.deleteLater()

    def export(self, kind: str) -> None:
        report = self.report
        if report is None:
            return
        from zorgkoppel.documents.report_files import write_report

        path = dialogs.ask_report_path(self, _("Export the report"), f"partnerships.{kind}")
        if path is None:
            return
        try:
            write_report(path, kind, report, self.ctx)
        except (OSError, ZorgkoppelError) as error:
            dialogs.show_error(self, _("Export the report"), str(error))
            return
        self.status_message.emit(_("The report was written to {path}.").format(path=path))

