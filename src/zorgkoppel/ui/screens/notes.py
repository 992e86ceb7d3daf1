"""Notes: guidance notes and meetings, filterable by kind and visibility, read-only details."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from zorgkoppel.core.codes import NOTE_KINDS, SCORE_ITEMS, VISIBILITIES, label
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError
from zorgkoppel.core.services.listings import NoteDetail, NoteRow, list_note_rows, note_detail
from zorgkoppel.i18n import N_, _, ngettext
from zorgkoppel.ui.code_combo import CodeCombo, code_choices
from zorgkoppel.ui.detail_view import DetailView, Section
from zorgkoppel.ui.display import date_text, long_date_text, minutes_text
from zorgkoppel.ui.list_screen import ListScreen
from zorgkoppel.ui.table_model import Column


class NotesScreen(ListScreen[NoteRow]):
    areas = frozenset({"notes", "workers", "people"})
    search_placeholder = N_("Search in notes, workers, authors…")

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.kind_filter = CodeCombo(code_choices(NOTE_KINDS), N_("All kinds"))
        self.kind_filter.setObjectName("kind_filter")
        self.visibility_filter = CodeCombo(code_choices(VISIBILITIES), N_("Any visibility"))
        self.visibility_filter.setObjectName("visibility_filter")
        self.add_filter(self.kind_filter, N_("&Kind:"))
        self.add_filter(self.visibility_filter, N_("&Visibility:"))
        self.texts.on_retranslate(self.kind_filter.reload)
        self.texts.on_retranslate(self.visibility_filter.reload)
        self.refresh()

    def columns(self) -> Sequence[Column[NoteRow]]:
        return [
            Column(N_("Date"), lambda r: date_text(r.day), "day"),
            Column(N_("Worker"), lambda r: r.worker, "worker"),
            Column(N_("Kind"), lambda r: label(NOTE_KINDS, r.kind)),
            Column(N_("Author"), lambda r: r.author or "", "author"),
            Column(N_("Minutes"), lambda r: str(r.duration_minutes or ""), "duration_minutes",
                   align_right=True),
            Column(N_("Confidential"),
                   lambda r: _("Yes") if r.visibility == "enterprise_only" else "",
                   "visibility"),
            Column(N_("Open actions"), lambda r: str(r.open_actions or ""), "open_actions",
                   align_right=True),
            Column(N_("Summary"), lambda r: r.headline, tooltip=lambda r: r.summary),
        ]

    def query(self) -> Sequence[NoteRow]:
        return list_note_rows(
            self.ctx,
            search=self.search_text(),
            kind=self.kind_filter.code(),
            visibility=self.visibility_filter.code(),
        )

    def count_text(self, count: int) -> str:
        return ngettext("{count} note", "{count} notes", count).format(count=count)

    def build_side(self) -> QWidget:
        self.detail = DetailView()
        self.detail.setObjectName("detail")
        return self.detail

    def row_selected(self, row: NoteRow | None) -> None:
        if row is None:
            self.detail.show_message(_("Select a note to read it."))
            return
        try:
            detail = note_detail(self.ctx, row.id)
        except NotFoundError as error:
            self.detail.show_message(error.text())
            return
        heading = _("{kind} with {worker}").format(
            kind=label(NOTE_KINDS, detail.note.kind), worker=detail.worker
        )
        self.detail.show_record(heading, self.sections(detail))

    def sections(self, detail: NoteDetail) -> list[Section]:
        note = detail.note
        actions = []
        for action in detail.actions:
            parts = [action.description]
            if action.owner:
                parts.append(_("owner: {name}").format(name=action.owner))
            if action.due:
                parts.append(_("due {date}").format(date=long_date_text(action.due)))
            parts.append(_("done") if action.done else _("open"))
            actions.append(" — ".join(parts))
        return [
            Section(_("Note"), [
                (_("Date"), long_date_text(note.day)),
                (_("Worker"), detail.worker),
                (_("Kind"), label(NOTE_KINDS, note.kind)),
                (_("Author"), detail.author or ""),
                (_("Participants"), ", ".join(detail.participants)),
                (_("Duration"), minutes_text(note.duration_minutes)),
                (_("Visibility"), label(VISIBILITIES, note.visibility)),
            ]),
            Section(_("Summary"), text=note.summary, empty=_("No summary.")),
            Section(_("Work attitude (1–4)"), [
                (label(SCORE_ITEMS, item), str(score) if score is not None else _("not observed"))
                for item, score in detail.scores
            ], empty=_("No scores given.")),
            Section(_("Agreed actions"), lines=actions, empty=_("No actions agreed.")),
        ]
