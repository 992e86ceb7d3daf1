"""Notes: guidance notes and meetings, filterable by kind and visibility, edited beside the
list; a signed-off note is locked and takes addenda."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QPushButton, QWidget

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.codes import NOTE_KINDS, VISIBILITIES, label
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.services.listings import NoteRow, list_note_rows
from zorgkoppel.i18n import N_, _, ngettext
from zorgkoppel.ui.code_combo import CodeCombo, code_choices
from zorgkoppel.ui.display import date_text
from zorgkoppel.ui.editor_screen import EditorScreen
from zorgkoppel.ui.forms.note_form import NoteForm
from zorgkoppel.ui.table_model import Column


class NotesScreen(EditorScreen[NoteRow]):
    areas = frozenset({"notes", "workers", "people", "agreements"})
    search_placeholder = N_("Search in notes, workers, authors…")
    list_share = 0.45

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
        self.texts.on_retranslate(self.form.texts.retranslate)
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

    def refresh(self) -> None:
        self.form.reload_choices()
        super().refresh()

    def count_text(self, count: int) -> str:
        return ngettext("{count} note", "{count} notes", count).format(count=count)

    def build_side(self) -> QWidget:
        self.form = NoteForm(self.ctx)
        # Signing off and addenda write at once, like Save.
        self.form.sign_off_button.clicked.connect(lambda: self._written(self.form.sign_off()))
        self.form.add_addendum_button.clicked.connect(
            lambda: self._written(self.form.add_addendum())
        )
        self.score_items_button = QPushButton()
        self.score_items_button.setObjectName("score_items")
        self.texts.bind(self.score_items_button.setText, N_("Work-attitude items…"))
        self.score_items_button.clicked.connect(self.edit_score_items)
        return self.form_pane(self.form, self.button_bar(), self.score_items_button)

    def edit_score_items(self) -> None:
        from zorgkoppel.ui.score_items_dialog import ScoreItemsDialog

        dialog = ScoreItemsDialog(self.ctx, self)
        # A note not being edited shows the new items at once.
        dialog.finished.connect(
            lambda _code: None if self.form.is_dirty() else self.form.load(self.form.record_id)
        )
        dialog.show()
        self.score_items_dialog = dialog

    def _written(self, changes: Changes | None) -> None:
        if changes is None:
            return
        self.refresh()
        self.edit_state_changed.emit()
        self.data_changed.emit(changes)
        self.status_message.emit(_("Saved."))

    def delete_question(self) -> str:
        return _("Delete this note? This cannot be undone.")
