"""The note form: who, when, what kind, who took part, the summary, work-attitude scores,
agreed actions, visibility and the agreement it is about; then the worker's sign-off, which
locks the note, and addenda for corrections after that."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.codes import NOTE_KINDS, PERSON_ROLES, VISIBILITIES, label
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import Problem, ZorgkoppelError
from zorgkoppel.core.rules.note import NoteActionData, NoteData
from zorgkoppel.core.services.agreements import list_agreements
from zorgkoppel.core.services.note_signoff import add_addendum, list_addenda, sign_off_note
from zorgkoppel.core.services.notes import delete_note, get_note, save_note
from zorgkoppel.core.services.organisations import list_people
from zorgkoppel.core.services.score_items import list_score_items
from zorgkoppel.core.services.workers import list_workers
from zorgkoppel.i18n import N_, _
from zorgkoppel.i18n.formatting import format_date
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.code_combo import CodeCombo, code_choices
from zorgkoppel.ui.date_edit import OptionalDateEdit
from zorgkoppel.ui.field_errors import error_label
from zorgkoppel.ui.forms.record_form import RecordForm, problems_of
from zorgkoppel.ui.look import muted
from zorgkoppel.ui.row_table import RowWidgetsTable

NOT_SCORED = "-"  # the item is left out of the note
NOT_OBSERVED = "0"  # scored as "not observed" (null)
NO_TIME = QTime(0, 0)
ACTION_TEXT, ACTION_OWNER, ACTION_DUE, ACTION_DONE = range(4)
MSG_SAVE_FIRST = N_("Save the note before the worker signs it off.")


class ActionsTable(RowWidgetsTable):
    """One row per agreed action: description, owner, due date, done."""

    def __init__(self, form: NoteForm) -> None:
        super().__init__(4, form.mark_changed, "actions", min_height=120)
        self._form = form
        header = self.horizontalHeader()
        header.setSectionResizeMode(ACTION_TEXT, QHeaderView.ResizeMode.Stretch)
        for column in (ACTION_OWNER, ACTION_DUE, ACTION_DONE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([_("Action"), _("Owner"), _("Due"), _("Done")])

    def add_action(self, action: NoteActionData | None = None) -> None:
        row = self.rowCount()
        self.insertRow(row)
        text = QLineEdit(action.description if action else "")
        text.setObjectName(f"action_text_{row}")
        owner = CodeCombo(self._form.people_choices, N_("(nobody)"))
        owner.setObjectName(f"action_owner_{row}")
        due = OptionalDateEdit()
        due.setObjectName(f"action_due_{row}")
        done = QCheckBox()
        done.setObjectName(f"action_done_{row}")
        if action is not None:
            owner.set_code(action.owner_id)
            due.set_date_value(action.due)
            done.setChecked(action.done)
        for column, widget in enumerate((text, owner, due, done)):
            self.setCellWidget(row, column, widget)
        self.setRowHeight(row, due.sizeHint().height() + 4)
        self._form.watch(text, owner, due, done)

    def actions(self) -> list[NoteActionData]:
        found = []
        for row in range(self.rowCount()):
            text = self.cellWidget(row, ACTION_TEXT)
            owner = self.cellWidget(row, ACTION_OWNER)
            due = self.cellWidget(row, ACTION_DUE)
            done = self.cellWidget(row, ACTION_DONE)
            assert isinstance(text, QLineEdit) and isinstance(owner, CodeCombo)
            assert isinstance(due, OptionalDateEdit) and isinstance(done, QCheckBox)
            found.append(NoteActionData(text.text().strip(), owner.code(), due.date_value(),
                                        done.isChecked()))
        return found


class NoteForm(RecordForm):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.signed_off_at: dt.datetime | None = None
        self.worker = CodeCombo(self._worker_choices, N_("(choose a worker)"))
        self.worker.setObjectName("worker")
        self.day = OptionalDateEdit()
        self.day.setObjectName("date")
        self.time = QTimeEdit()
        self.time.setObjectName("time")
        self.time.setDisplayFormat("HH:mm")
        self.time.setMinimumTime(NO_TIME)
        self.time.setSpecialValueText("—")
        self.kind = CodeCombo(code_choices(NOTE_KINDS))
        self.kind.setObjectName("kind")
        self.duration = QSpinBox()
        self.duration.setObjectName("duration_minutes")
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSpecialValueText("—")
        self.author = CodeCombo(self.people_choices, N_("(nobody)"))
        self.author.setObjectName("author")
        self.visibility = CodeCombo(code_choices(VISIBILITIES))
        self.visibility.setObjectName("visibility")
        self.agreement = CodeCombo(self._agreement_choices, N_("(no agreement)"))
        self.agreement.setObjectName("agreement")
        self.participants = QListWidget()
        self.participants.setObjectName("participants")
        self.participants.setMaximumHeight(110)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("summary")
        self.summary.setMinimumHeight(110)
        self.scores_box = QWidget()
        self.scores_grid = QGridLayout(self.scores_box)
        self.scores_grid.setContentsMargins(0, 0, 0, 0)
        self.score_combos: dict[str, QComboBox] = {}
        self.actions = ActionsTable(self)
        add_action = self.texts.button(
            N_("Add action"),
            lambda: (self.actions.add_action(), self.mark_changed()),
            "add_action",
        )
        remove_action = self.texts.button(
            N_("Remove action"), self.actions.remove_current, "remove_action"
        )
        self.texts.on_retranslate(self.actions.retranslate)

        form = QFormLayout()
        self.field_row(form, N_("&Worker:"), self.worker, "worker")
        when = QWidget()
        when_row = QHBoxLayout(when)
        when_row.setContentsMargins(0, 0, 0, 0)
        when_row.addWidget(self.day)
        when_row.addWidget(self.time)
        when_row.addStretch(1)
        self.field_row(form, N_("&Date and time:"), when, "date")
        self.field_row(form, N_("&Kind:"), self.kind, "kind")
        self.field_row(form, N_("D&uration (minutes):"), self.duration, "duration_minutes")
        self.field_row(form, N_("&Author:"), self.author, "author")
        self.field_row(form, N_("&Participants:"), self.participants, "participants")
        self.field_row(form, N_("&Visibility:"), self.visibility, "visibility")
        self.field_row(form, N_("A&greement:"), self.agreement, "agreement")
        self.field_row(form, N_("&Summary:"), self.summary, "summary")

        self.locked_label = QLabel()
        self.locked_label.setObjectName("locked")
        self.locked_label.setWordWrap(True)
        muted(self.locked_label)
        self.sign_off_button = QPushButton()
        self.sign_off_button.setObjectName("sign_off")
        self.texts.bind(self.sign_off_button.setText, N_("Signed off by the worker…"))
        self.texts.bind(self.sign_off_button.setToolTip, N_(
            "The worker has seen the note. It is then locked: corrections become addenda."))
        self.addenda = QLabel()
        self.addenda.setObjectName("addenda")
        self.addenda.setWordWrap(True)
        self.addendum_text = QPlainTextEdit()
        self.addendum_text.setObjectName("addendum_text")
        self.addendum_text.setMaximumHeight(70)
        self.add_addendum_button = QPushButton()
        self.add_addendum_button.setObjectName("add_addendum")
        self.texts.bind(self.add_addendum_button.setText, N_("Add addendum"))
        self.addendum_error = error_label()
        self.addendum_error.setObjectName("addendum_error")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.locked_label)
        layout.addWidget(self.general_error)
        layout.addLayout(form)
        for caption, widget in ((N_("Work attitude (1–4)"), self.scores_box),):
            title = QLabel()
            self.texts.bind(title.setText, caption)
            bold = title.font()
            bold.setBold(True)
            title.setFont(bold)
            layout.addWidget(title)
            layout.addWidget(widget)
        actions_title = QLabel()
        self.texts.bind(actions_title.setText, N_("Agreed actions"))
        bold = actions_title.font()
        bold.setBold(True)
        actions_title.setFont(bold)
        layout.addWidget(actions_title)
        layout.addWidget(self.actions)
        buttons = QHBoxLayout()
        buttons.addWidget(add_action)
        buttons.addWidget(remove_action)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_off_button)
        layout.addLayout(buttons)
        self.addenda_box = QWidget()
        addenda_layout = QVBoxLayout(self.addenda_box)
        addenda_layout.setContentsMargins(0, 6, 0, 0)
        addenda_title = QLabel()
        addenda_title.setFont(bold)
        self.texts.bind(addenda_title.setText, N_("Addenda"))
        addenda_layout.addWidget(addenda_title)
        addenda_layout.addWidget(self.addenda)
        addenda_layout.addWidget(self.addendum_text)
        addenda_layout.addWidget(self.addendum_error)
        addenda_layout.addWidget(self.add_addendum_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.addenda_box)

        self.watch(self.worker, self.day, self.kind, self.duration, self.author,
                   self.visibility, self.agreement, self.summary)
        self.time.timeChanged.connect(self.mark_changed)
        self.participants.itemChanged.connect(self.mark_changed)
        self.worker.currentIndexChanged.connect(lambda _i: self.agreement.reload())
        self.texts.on_retranslate(self._retranslate_scores)
        self.texts.on_retranslate(self._show_lock)
        self.load(None)

    # -- choices

    def _worker_choices(self) -> list[tuple[str, str]]:
        return [(w.id, w.full_name) for w in list_workers(self.ctx)]

    def people_choices(self) -> list[tuple[str, str]]:
        return [(p.id, p.name) for p in list_people(self.ctx)]

    def _agreement_choices(self) -> list[tuple[str, str]]:
        # All agreements the actor sees; the worker's own placements are what is usual.
        return [(a.id, a.reference) for a in list_agreements(self.ctx)]

    def reload_choices(self) -> None:
        for combo in (self.worker, self.author, self.agreement):
            combo.reload()

    def _build_scores(self, scores: dict[str, int | None]) -> None:
        while self.scores_grid.count():
            item = self.scores_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.score_combos = {}
        self._score_labels: dict[str, QLabel] = {}
        items = [i for i in list_score_items(self.ctx) if i.active or i.code in scores]
        for row, item in enumerate(items):
            caption = QLabel(item.label)
            combo = QComboBox()
            combo.setObjectName(f"score_{item.code}")
            for value in (NOT_SCORED, NOT_OBSERVED, "1", "2", "3", "4"):
                combo.addItem("", value)
            self._score_texts(combo)
            if item.code in scores:
                score = scores[item.code]
                combo.setCurrentIndex(combo.findData(NOT_OBSERVED if score is None
                                                     else str(score)))
            combo.currentIndexChanged.connect(self.mark_changed)
            self.scores_grid.addWidget(caption, row // 2, (row % 2) * 2)
            self.scores_grid.addWidget(combo, row // 2, (row % 2) * 2 + 1)
            self.score_combos[item.code] = combo
            self._score_labels[item.code] = caption

    def _score_texts(self, combo: QComboBox) -> None:
        texts = {NOT_SCORED: "—", NOT_OBSERVED: _("not observed"), "1": _("1 insufficient"),
                 "2": _("2 to improve"), "3": _("3 good"), "4": _("4 very good")}
        for index in range(combo.count()):
            combo.setItemText(index, texts[combo.itemData(index)])

    def _retranslate_scores(self) -> None:
        labels = {i.code: i.label for i in list_score_items(self.ctx)}
        for code, combo in self.score_combos.items():
            self._score_texts(combo)
            self._score_labels[code].setText(labels.get(code, code))

    def _scores(self) -> dict[str, int | None]:
        scores: dict[str, int | None] = {}
        for code, combo in self.score_combos.items():
            value = combo.currentData()
            if value == NOT_OBSERVED:
                scores[code] = None
            elif value != NOT_SCORED:
                scores[code] = int(value)
        return scores

    def _fill_participants(self, chosen: list[str]) -> None:
        self.participants.clear()
        for person in list_people(self.ctx):
            key, name = person.id, person.name
            if person.role:
                name = _("{name} ({role})").format(name=name,
                                                   role=label(PERSON_ROLES, person.role))
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in chosen
                               else Qt.CheckState.Unchecked)
            self.participants.addItem(item)

    def _participant_ids(self) -> list[str]:
        return [
            self.participants.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.participants.count())
            if self.participants.item(i).checkState() == Qt.CheckState.Checked
        ]

    # -- RecordForm

    def fill(self, record_id: str | None) -> None:
        self.reload_choices()
        detail = get_note(self.ctx, record_id) if record_id else None
        data = detail.data if detail else NoteData(
            worker_id="", day=dt.date.today(), kind="contact"
        )
        self.signed_off_at = detail.note.signed_off_at if detail else None
        self.loaded_version = detail.note.version if detail else None
        self.worker.set_code(data.worker_id or None)
        self.agreement.reload()
        self.day.set_date_value(data.day)
        self.time.setTime(QTime(data.start_time.hour, data.start_time.minute)
                          if data.start_time else NO_TIME)
        self.kind.set_code(data.kind)
        self.duration.setValue(data.duration_minutes or 0)
        self.author.set_code(data.author_id)
        self.visibility.set_code(data.visibility)
        self.agreement.set_code(data.agreement_id)
        self._fill_participants(data.participant_ids)
        self.summary.setPlainText(data.summary)
        self._build_scores(data.scores)
        self.actions.setRowCount(0)
        for action in data.actions:
            self.actions.add_action(action)
        self.addendum_text.clear()
        self.addendum_error.clear()
        self._show_addenda(record_id)

    def load(self, record_id: str | None) -> None:
        super().load(record_id)
        self._show_lock()  # needs record_id, which load sets after fill

    def _show_addenda(self, record_id: str | None) -> None:
        if record_id is None or self.signed_off_at is None:
            self.addenda_box.setVisible(False)
            return
        self.addenda_box.setVisible(True)
        lines = [
            f"{format_date(a.created_at.date(), fmt='medium')}: {a.text}"
            for a in list_addenda(self.ctx, record_id)
        ]
        self.addenda.setText("\n".join(lines) or _("No addenda yet."))

    def _show_lock(self) -> None:
        locked = self.signed_off_at is not None
        self.locked_label.setVisible(locked)
        if locked:
            assert self.signed_off_at is not None
            self.locked_label.setText(_(
                "Signed off by the worker on {date}: this note is locked. Add an addendum "
                "below to correct or add something."
            ).format(date=format_date(self.signed_off_at.date(), fmt="long")))
        for widget in (self.worker, self.day, self.time, self.kind, self.duration,
                       self.author, self.visibility, self.agreement, self.participants,
                       self.scores_box, self.actions):
            widget.setEnabled(not locked)
        self.summary.setReadOnly(locked)
        self.sign_off_button.setEnabled(self.record_id is not None and not locked)

    def write(self) -> tuple[str, Changes]:
        time_value = self.time.time()
        data = NoteData(
            worker_id=self.worker.code() or "",
            day=self.day.date_value(),
            kind=self.kind.code() or "",
            author_id=self.author.code(),
            participant_ids=self._participant_ids(),
            duration_minutes=self.duration.value() or None,
            visibility=self.visibility.code() or "enterprise_only",
            summary=self.summary.toPlainText().strip(),
            scores=self._scores(),
            actions=self.actions.actions(),
            start_time=None if time_value == NO_TIME else dt.time(time_value.hour(),
                                                                  time_value.minute()),
            agreement_id=self.agreement.code(),
        )
        outcome = save_note(self.ctx, data, self.record_id,
                            expected_version=self.loaded_version)
        return outcome.value.id, outcome.changes

    def conflict_sections(self) -> tuple[str, ...]:
        return ("notes",)

    def remove(self, record_id: str) -> Changes:
        return delete_note(self.ctx, record_id)

    def heading_text(self) -> str:
        return _("New note") if self.record_id is None else _("Note")

    # -- sign-off and addenda

    def sign_off(self) -> Changes | None:
        if self.record_id is None:
            return None
        if self.is_dirty():
            self.errors.show([Problem("", MSG_SAVE_FIRST)])
            return None
        if not dialogs.confirm(self, _("Sign off"), _(
            "Has the worker seen this note? Once signed off it can no longer be changed; "
            "corrections become addenda."
        )):
            return None
        try:
            outcome = sign_off_note(self.ctx, self.record_id)
        except ZorgkoppelError as error:
            self.errors.show(problems_of(error))
            return None
        self.load(self.record_id)
        return outcome.changes

    def add_addendum(self) -> Changes | None:
        if self.record_id is None:
            return None
        try:
            outcome = add_addendum(self.ctx, self.record_id,
                                   self.addendum_text.toPlainText(), self.author.code())
        except ZorgkoppelError as error:
            self.addendum_error.setText("\n".join(p.text() for p in problems_of(error)))
            return None
        self.load(self.record_id)
        return outcome.changes
