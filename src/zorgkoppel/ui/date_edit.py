"""A date field that may be left empty (QDateEdit always holds a date)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtWidgets import QDateEdit, QWidget

from zorgkoppel.i18n import N_

# Belgian day-month-year with four digits in every language, so a typed date is never
# ambiguous; the empty value is the minimum date shown as a dash.
DISPLAY_FORMAT = "dd/MM/yyyy"
EMPTY = QDate(1900, 1, 1)
TOOLTIP = N_("Day/month/year. The lowest value (—) leaves the date empty.")


class OptionalDateEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setCalendarPopup(True)
        self.setMinimumDate(EMPTY)
        self.setMaximumDate(QDate(2200, 12, 31))
        self.setSpecialValueText("—")
        self.setDate(EMPTY)
        self.calendarWidget().installEventFilter(self)

    def date_value(self) -> dt.date | None:
        value = self.date()
        return None if value == EMPTY else value.toPython()  # type: ignore[return-value]

    def set_date_value(self, value: dt.date | None) -> None:
        self.setDate(EMPTY if value is None else QDate(value.year, value.month, value.day))

    def clear_date(self) -> None:
        self.setDate(EMPTY)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # An empty field would open its calendar in 1900: open it on this month instead.
        if event.type() == QEvent.Type.Show and self.date() == EMPTY:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)
