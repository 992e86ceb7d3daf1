"""Roster: the planned days per site, how full they are, and the posts of the selected day."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QWidget

from zorgkoppel.core.codes import PRESENCE_STATUSES, SKILL_LEVELS, label
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError
from zorgkoppel.core.services.listings import (
    PostLine,
    RosterDayDetail,
    RosterDayRow,
    distinct_sites,
    list_roster_day_rows,
    roster_day_detail,
)
from zorgkoppel.i18n import N_, _, ngettext
from zorgkoppel.ui.code_combo import CodeCombo
from zorgkoppel.ui.detail_view import DetailView, Section
from zorgkoppel.ui.display import date_text, long_date_text, period_text, yes_no
from zorgkoppel.ui.list_screen import ListScreen
from zorgkoppel.ui.table_model import Column
from zorgkoppel.ui.task_names import TaskNames


class RosterScreen(ListScreen[RosterDayRow]):
    areas = frozenset({"roster", "organisations", "workers", "tasks"})
    search_placeholder = N_("Search by site or review…")

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        self.task_names = TaskNames(ctx)
        super().__init__(ctx, parent)
        self.site_filter = CodeCombo(lambda: list(distinct_sites(self.ctx)), N_("All sites"))
        self.site_filter.setObjectName("site_filter")
        self.unfilled_only = QCheckBox()
        self.unfilled_only.setObjectName("unfilled_only")
        self.texts.bind(self.unfilled_only.setText, N_("Only days with &unfilled places"))
        self.add_filter(self.site_filter, N_("S&ite:"))
        self.add_filter(self.unfilled_only)
        self.texts.on_retranslate(self.site_filter.reload)
        self.refresh()

    def columns(self) -> Sequence[Column[RosterDayRow]]:
        return [
            Column(N_("Date"), lambda r: date_text(r.day), "day"),
            Column(N_("Site"), lambda r: r.site, "site"),
            Column(N_("Posts"), lambda r: str(r.posts), "posts", align_right=True),
            Column(N_("Places"), lambda r: str(r.needed), "needed", align_right=True),
            Column(N_("Unfilled"), lambda r: str(r.unfilled), "unfilled", align_right=True,
                   warn=lambda r: r.unfilled > 0),
            Column(N_("Assigned"), lambda r: str(r.assigned), "assigned", align_right=True),
            Column(N_("Present"), lambda r: str(r.present), "present", align_right=True),
            Column(N_("Reviewed"), lambda r: yes_no(r.reviewed), "reviewed"),
        ]

    def query(self) -> Sequence[RosterDayRow]:
        return list_roster_day_rows(
            self.ctx,
            search=self.search_text(),
            site_id=self.site_filter.code(),
            only_unfilled=self.unfilled_only.isChecked(),
        )

    def count_text(self, count: int) -> str:
        return ngettext("{count} roster day", "{count} roster days", count).format(count=count)

    def build_side(self) -> QWidget:
        self.detail = DetailView()
        self.detail.setObjectName("detail")
        return self.detail

    def refresh(self) -> None:
        self.task_names.reload()
        self.site_filter.reload()
        super().refresh()

    def row_selected(self, row: RosterDayRow | None) -> None:
        if row is None:
            self.detail.show_message(_("Select a day to see its posts and who works where."))
            return
        try:
            detail = roster_day_detail(self.ctx, row.id)
        except NotFoundError as error:
            self.detail.show_message(error.text())
            return
        heading = _("{site}, {date}").format(site=detail.site, date=long_date_text(row.day))
        self.detail.show_record(heading, self.sections(detail, row))

    def _post_line(self, post: PostLine) -> str:
        title = self.task_names.label(post.task_code)
        if post.label:
            title = f"{title} ({post.label})"
        placed = ", ".join(
            w.name
            + (f" [{label(SKILL_LEVELS, w.level)}]" if w.level not in (None, "independent")
               else "")
            + (" " + _("(pinned)") if w.pinned else "")
            for w in post.workers
        )
        missing = max(post.needed - post.counted, 0)
        status = (
            ngettext("{count} place unfilled", "{count} places unfilled", missing).format(
                count=missing
            )
            if missing
            else _("filled")
        )
        return _("{time} {title}: {workers} — {status}").format(
            time=period_text(post.start, post.end),
            title=title,
            workers=placed or _("nobody yet"),
            status=status,
        )

    def sections(self, detail: RosterDayDetail, row: RosterDayRow) -> list[Section]:
        review = detail.roster_day.review or ""
        return [
            Section(_("Summary"), [
                (_("Places"), str(row.needed)),
                (_("Unfilled"), str(row.unfilled)),
                (_("Assigned"), str(row.assigned)),
                (_("Present"), str(row.present)),
            ]),
            Section(_("Posts"), lines=[self._post_line(p) for p in detail.posts],
                    empty=_("No posts planned.")),
            Section(_("Presence"), lines=[
                f"{p.worker}: {label(PRESENCE_STATUSES, p.status)}"
                + (f" ({period_text(p.start, p.end)})" if p.start or p.end else "")
                for p in detail.presence
            ], empty=_("Nobody registered.")),
            Section(_("Review of the day"), text=review, empty=_("Not reviewed yet.")),
        ]
