"""Roster: the morning puzzle of a site's day, planned by hand or with Suggest, then printed.

Left the check-in (who is there, from–to), in the middle who can be placed and the posts
they are dragged onto (or placed with the keyboard: pick a person, pick a post, Ctrl+Return),
right yesterday's plan and review beside today's review. Every move is checked against the
roster rules at once; a refused move says why. Planning steps undo and redo (Ctrl+Z,
Ctrl+Shift+Z); Save stores the day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.codes import SKILL_LEVELS, label
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import EditConflict, Problem, ValidationError, ZorgkoppelError
from zorgkoppel.core.rules.roster import RosterDayData, places_filled
from zorgkoppel.core.services.roster import save_roster_day
from zorgkoppel.core.services.roster_board import (
    RosterBoard,
    describe_workers,
    locate_roster_day,
    other_workers,
    planning_sites,
    roster_board,
)
from zorgkoppel.core.services.roster_planning import (
    free_post_key,
    save_template,
    suggest_roster,
)
from zorgkoppel.core.services.skill_progression import companion_hints, record_skill_level
from zorgkoppel.i18n import N_, _, current_language
from zorgkoppel.i18n.formatting import format_date
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.detail_view import Section, render_html
from zorgkoppel.ui.dialogs import UnsavedChoice
from zorgkoppel.ui.display import long_date_text, period_text
from zorgkoppel.ui.edit_conflict_dialog import Resolution, resolve_conflict
from zorgkoppel.ui.roster_board_widgets import (
    PeopleList,
    PostsTree,
    PresenceTable,
    mark_short,
)
from zorgkoppel.ui.roster_editing import RosterEditor
from zorgkoppel.ui.roster_post_dialog import PostDialog
from zorgkoppel.ui.roster_skill_dialog import SkillLevelDialog
from zorgkoppel.ui.screen import Screen
from zorgkoppel.ui.task_names import TaskNames


class RosterScreen(Screen):
    areas = frozenset({"roster", "organisations", "workers", "tasks", "agreements"})

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.board: RosterBoard | None = None
        self.reasons: dict[tuple[str, str], str] = {}
        self.unfilled: dict[str, str] = {}
        self._shown_site: str | None = None
        self._shown_day: dt.date | None = None
        self._workers: list[tuple[str, str]] = []
        self.editor = RosterEditor(ctx, self)
        self.editor.changed.connect(self._render)
        self.editor.refused.connect(self._refused)
        self.editor.review_changed.connect(self._edit_state)
        self.editor.stack.indexChanged.connect(self._edit_state)
        self._build()
        self.refresh()

    # -- layout

    def _heading(self, msgid: str) -> QLabel:
        heading = QLabel()
        self.texts.bind(heading.setText, msgid)
        heading.setStyleSheet("font-weight: bold")
        return heading

    def _build(self) -> None:
        self.site = QComboBox()
        self.site.setObjectName("site")
        self.site.setMinimumWidth(260)
        self.site.activated.connect(lambda _i: self._switch())
        self.date = QDateEdit()
        self.date.setObjectName("date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd dd/MM/yyyy")
        self.date.setDate(QDate.currentDate())
        self.date.dateChanged.connect(lambda _d: self._switch())
        site_label, date_label = QLabel(), QLabel()
        self.texts.bind(site_label.setText, N_("S&ite:"))
        self.texts.bind(date_label.setText, N_("&Day:"))
        site_label.setBuddy(self.site)
        date_label.setBuddy(self.date)

        self.undo_action = self.editor.stack.createUndoAction(self)
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.editor.stack.createRedoAction(self)
        self.redo_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)])
        assign = QAction(self)
        assign.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        assign.triggered.connect(self.assign_selected)
        pin = QAction(self)
        pin.setShortcut(QKeySequence("Ctrl+P"))
        pin.triggered.connect(self.pin_selected)
        for action in (self.undo_action, self.redo_action, assign, pin):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        # Short button texts ("Undo", not "Undo Suggest"): the step is in the tooltip.
        self.undo_button = self.texts.button(N_("&Undo"), self.editor.stack.undo, "undo")
        self.redo_button = self.texts.button(N_("Red&o"), self.editor.stack.redo, "redo")
        self.editor.stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.editor.stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.editor.stack.undoTextChanged.connect(self.undo_button.setToolTip)
        self.editor.stack.redoTextChanged.connect(self.redo_button.setToolTip)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)

        pickers = QHBoxLayout()
        for widget in (site_label, self.site, date_label, self.date,
                       self.texts.button(N_("From te&mplate"), self.new_from_template, "template"),
                       self.texts.button(N_("&Copy previous day"), self.copy_previous, "copy")):
            pickers.addWidget(widget)
        pickers.addStretch(1)
        self.suggest_button = self.texts.button(N_("Su&ggest"), self.suggest, "suggest")
        actions = QHBoxLayout()
        for widget in (self.suggest_button, self.undo_button, self.redo_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        for widget in (self.texts.button(N_("Save"), self.save_record, "save"),
                       self.texts.button(N_("Print day p&lan…"), self.print_day, "print_day"),
                       self.texts.button(N_("Print wee&k…"), self.print_week, "print_week")):
            actions.addWidget(widget)

        self.presence = PresenceTable()
        self.presence.setObjectName("presence")
        self.presence.presence_edited.connect(self.editor.set_presence)
        self.texts.on_retranslate(self.presence.set_headers)
        self.presence.set_headers()
        self.hints = QLabel()
        self.hints.setObjectName("hints")
        self.hints.setWordWrap(True)
        self.hints.setStyleSheet("color: #8a5a00")
        self.check_in = QComboBox()
        self.check_in.setObjectName("check_in")
        self.check_in.activated.connect(self._checked_in)
        left = self._column(self._heading(N_("Who is there")), self.presence, self.check_in,
                            self.hints)

        self.people = PeopleList()
        self.people.setObjectName("people")
        buttons = QHBoxLayout()
        for button in (self.texts.button(N_("&Assign"), self.assign_selected, "assign"),
                       self.texts.button(N_("Pi&n"), self.pin_selected, "pin"),
                       self.texts.button(N_("&Remove"), self.remove_selected, "remove"),
                       self.texts.button(N_("&Level…"), self.record_level, "level")):
            buttons.addWidget(button)
        middle = self._column(self._heading(N_("To place")), self.people)
        middle.layout().addLayout(buttons)  # type: ignore[union-attr]

        self.posts = PostsTree()
        self.posts.setObjectName("posts")
        self.posts.worker_dropped.connect(self._dropped)
        self.posts.currentItemChanged.connect(self._edit_state)
        self.texts.on_retranslate(self._render)
        posts = self._column(self._heading(N_("Posts of the day")), self.posts)
        post_buttons = QHBoxLayout()
        for button in (self.texts.button(N_("Add &post…"), self.add_post, "add_post"),
                       self.texts.button(N_("Remove pos&t"), self.remove_post, "remove_post"),
                       self.texts.button(N_("Use as &weekly template"), self.save_as_template,
                                    "save_template")):
            post_buttons.addWidget(button)
        post_buttons.addStretch(1)
        posts.layout().addLayout(post_buttons)  # type: ignore[union-attr]

        self.yesterday = QTextBrowser()
        self.yesterday.setObjectName("yesterday")
        self.review = QPlainTextEdit()
        self.review.setObjectName("review")
        self.review.textChanged.connect(self._review_typed)
        right = self._column(self._heading(N_("Yesterday")), self.yesterday,
                             self._heading(N_("Review of today")), self.review)

        # Check-in above the people to place, the posts in the middle, yesterday and
        # today's review on the right.
        people_side = QSplitter(Qt.Orientation.Vertical)
        people_side.addWidget(left)
        people_side.addWidget(middle)
        splitter = QSplitter()
        for widget, stretch in ((people_side, 3), (posts, 6), (right, 3)):
            splitter.addWidget(widget)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
        splitter.setSizes([380, 720, 300])
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def _edit_state(self, *_args: object) -> None:
        self.edit_state_changed.emit()

    @staticmethod
    def _column(*widgets: QWidget) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget, 1 if not isinstance(widget, QLabel) else 0)
        return column

    # -- which day

    def site_id(self) -> str | None:
        return self.site.currentData()

    def day(self) -> dt.date:
        return self.date.date().toPython()  # type: ignore[return-value]

    def refresh(self) -> None:
        chosen = self.site_id()
        blocked = self.site.blockSignals(True)
        self.site.clear()
        for organisation in planning_sites(self.ctx):
            self.site.addItem(organisation.name, organisation.id)
        index = self.site.findData(chosen)
        self.site.setCurrentIndex(max(index, 0))
        self.site.blockSignals(blocked)
        if not self.editor.is_dirty():
            self._load()

    def show_day(self, site_id: str, day: dt.date) -> None:
        """Open a site's day (asks first about unsaved changes)."""
        if not self._settle():
            return
        for widget, setter in ((self.site, lambda: self.site.setCurrentIndex(
                self.site.findData(site_id))),
                               (self.date, lambda: self.date.setDate(
                                   QDate(day.year, day.month, day.day)))):
            blocked = widget.blockSignals(True)
            setter()
            widget.blockSignals(blocked)
        self._load()

    def select_record(self, record_id: str) -> None:
        found = locate_roster_day(self.ctx, record_id)
        if found is not None:
            self.show_day(*found)

    def _switch(self) -> None:
        if (self.site_id(), self.day()) == (self._shown_site, self._shown_day):
            return
        if self._settle():
            self._load()
            return
        # Stay on the day with the changes: put the pickers back.
        for widget, setter in ((self.site, lambda: self.site.setCurrentIndex(
                self.site.findData(self._shown_site))),
                               (self.date, lambda: self.date.setDate(self._shown_day))):
            blocked = widget.blockSignals(True)
            setter()
            widget.blockSignals(blocked)

    def _load(self, copy_from: dt.date | None = None) -> None:
        site = self.site_id()
        self._shown_site, self._shown_day = site, self.day()
        self.reasons.clear()
        self.unfilled.clear()
        self.message.clear()
        if site is None:
            self.board = None
            self.editor.load(RosterDayData("", None))
            self.message.setText(_("Add a care facility first: a roster belongs to a site."))
            return
        self.board = roster_board(self.ctx, site, self.day(), copy_from)
        self._workers = other_workers(self.ctx, set())  # read once per day shown, not per move
        self.editor.load(self.board.today)
        if not self.board.stored:
            self.message.setText(
                _("Not planned yet: posts from the weekly template, presence from the "
                  "agreements. Save to keep the day.") if copy_from is None else
                _("Posts copied from {date}. Save to keep the day.").format(
                    date=long_date_text(copy_from)))
        self._show_yesterday()
        self.edit_state_changed.emit()

    def new_from_template(self) -> None:
        if self._settle():
            self._load()
            if self.board is not None and self.board.stored:
                self.message.setText(_("This day is planned already; shown as stored."))

    def copy_previous(self) -> None:
        if self.board is None or self.board.yesterday is None or not self._settle():
            return
        assert self.board.yesterday.day is not None
        self._load(copy_from=self.board.yesterday.day)

    # -- drawing

    def _person_text(self, worker_id: str) -> str:
        assert self.board is not None
        facts = self.board.facts.get(worker_id)
        learning = [
            _("{task}: {level}").format(task=self.board.task_names.get(task, task),
                                        level=label(SKILL_LEVELS, level))
            for task, level in sorted((facts.skills if facts else {}).items())
            if level != "independent"
        ]
        name = self.board.name(worker_id)
        return f"{name} · {', '.join(learning)}" if learning else name

    def _short_name(self, worker_id: str) -> str:
        """The name, marked when the worker still learns a task (details in the tooltip)."""
        assert self.board is not None
        facts = self.board.facts.get(worker_id)
        name = self.board.name(worker_id)
        if facts and any(level != "independent" for level in facts.skills.values()):
            return _("{name} (learner)").format(name=name)
        return name

    def _skills_tip(self, worker_id: str) -> str:
        assert self.board is not None
        facts = self.board.facts.get(worker_id)
        return "\n".join(
            f"{self.board.task_names.get(task, task)}: {label(SKILL_LEVELS, level)}"
            for task, level in sorted((facts.skills if facts else {}).items())
        )

    def _render(self) -> None:
        board, day = self.board, self.editor.day
        if board is None:
            self.presence.setRowCount(0)
            self.people.clear()
            self.posts.clear()
            return
        self.presence.show_presence(sorted(day.presence, key=lambda p: board.name(p.worker_id)),
                                    self._short_name, self._skills_tip)
        placed: dict[str, int] = {}
        for assignment in day.assignments:
            placed[assignment.worker_id] = placed.get(assignment.worker_id, 0) + 1
        present = sorted((p.worker_id for p in day.presence if p.status == "present"),
                         key=board.name)
        self.people.show_people([
            (w, self._person_text(w) + (f"  ({placed[w]})" if w in placed else ""),
             self._skills_tip(w))
            for w in present
        ])
        self._render_posts(board, day)
        self._fill_check_in({p.worker_id for p in day.presence})
        self.hints.setText("\n".join(
            _("{name} has done '{task}' with a companion for {weeks} weeks: ready to go "
              "alone?").format(name=board.name(h.worker_id),
                               task=board.task_names.get(h.task, h.task), weeks=h.weeks)
            for h in board.hints
        ))
        if self.review.toPlainText() != (day.review or ""):
            blocked = self.review.blockSignals(True)
            self.review.setPlainText(day.review or "")
            self.review.blockSignals(blocked)
        self.edit_state_changed.emit()

    def _fill_check_in(self, listed: set[str]) -> None:
        blocked = self.check_in.blockSignals(True)
        self.check_in.clear()
        self.check_in.addItem(_("Check in another worker…"), None)
        for worker_id, name in self._workers:
            if worker_id not in listed:
                self.check_in.addItem(name, worker_id)
        self.check_in.blockSignals(blocked)

    def _checked_in(self, index: int) -> None:
        worker_id = self.check_in.itemData(index)
        if worker_id is None or self.board is None:
            return
        names, facts = describe_workers(self.ctx, [worker_id])
        self.board.names.update(names)
        self.board.facts.update(facts)
        self.editor.set_presence(worker_id, "present", None, None)

    def _render_posts(self, board: RosterBoard, day: RosterDayData) -> None:
        chosen = self.posts.selected()
        self.posts.clear()
        self.posts.setHeaderLabels([_("Post"), _("Filled"), _("Why")])
        filled = places_filled(day, board.facts)
        for post in sorted(day.posts, key=lambda p: (p.start, p.end)):  # type: ignore[arg-type, return-value]
            title = board.task_names.get(post.task, post.task)
            if post.label and post.label != title:
                title = f"{title} — {post.label}"
            count = filled.get(post.key, 0)
            item = QTreeWidgetItem([f"{period_text(post.start, post.end)}  {title}",
                                    f"{count}/{post.needed}", ""])
            item.setData(0, Qt.ItemDataRole.UserRole, ("post", post.key, None))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
            if count < post.needed:
                mark_short(item, 1)
                why = self.unfilled.get(post.key, "")
                item.setText(2, why)
                item.setToolTip(2, why)
            for assignment in day.assignments:
                if assignment.post_key != post.key:
                    continue
                marks = []
                if board.level(assignment.worker_id, post.task) != "independent":
                    marks.append(_("learner"))
                if assignment.pinned:
                    marks.append(_("pinned"))
                name = board.name(assignment.worker_id)
                text = f"{name} ({', '.join(marks)})" if marks else name
                reason = self.reasons.get((post.key, assignment.worker_id), "")
                child = QTreeWidgetItem([text, "", reason])
                child.setToolTip(2, reason)
                child.setData(0, Qt.ItemDataRole.UserRole,
                              ("assignment", post.key, assignment.worker_id))
                item.addChild(child)
            self.posts.addTopLevelItem(item)
            item.setExpanded(True)
        for column in range(2):
            self.posts.resizeColumnToContents(column)
        if chosen[0]:
            self.posts.select(chosen[0], chosen[1])

    def _show_yesterday(self) -> None:
        board = self.board
        before = board.yesterday if board else None
        if board is None or before is None:
            self.yesterday.setHtml(render_html(_("Yesterday"), [
                Section(_("Posts"), empty=_("No earlier day planned."))]))
            return
        lines = []
        for post in sorted(before.posts, key=lambda p: (p.start, p.end)):  # type: ignore[arg-type, return-value]
            people = ", ".join(board.name(a.worker_id) for a in before.assignments
                               if a.post_key == post.key)
            title = board.task_names.get(post.task, post.task)
            if post.label and post.label != title:
                title = f"{title} — {post.label}"
            lines.append(f"{period_text(post.start, post.end)} {title}: "
                         f"{people or _('nobody')}")
        self.yesterday.setHtml(render_html(long_date_text(before.day), [
            Section(_("Review"), text=before.review or "", empty=_("Not reviewed.")),
            Section(_("Posts"), lines=lines, empty=_("No posts planned.")),
        ]))

    # -- planning

    def readable(self, problem: Problem) -> str:
        """The rules name workers and tasks by code (they serve files too); here by name."""
        if self.board is None:
            return problem.text()
        params = dict(problem.params)
        if "worker" in params:
            params["worker"] = self.board.name(params["worker"])
        if "task" in params:
            params["task"] = self.board.task_names.get(params["task"], params["task"])
        return replace(problem, params=params).text()

    def _refused(self, problem: Problem) -> None:
        self.message.setText(_("Not possible: {reason}").format(reason=self.readable(problem)))
        self.status_message.emit(self.message.text())

    def _dropped(self, worker_id: str, from_post: str, post_key: str) -> None:
        if self.editor.assign(worker_id, post_key, from_post or None):
            self.message.clear()
            self.posts.select(post_key, worker_id)

    def assign_selected(self) -> None:
        worker = self.people.current_worker()
        post, _worker = self.posts.selected()
        if worker is None or post is None:
            self.message.setText(_("Pick a person in the list and a post, then Assign."))
            return
        self._dropped(worker, "", post)

    def remove_selected(self) -> None:
        post, worker = self.posts.selected()
        if post and worker:
            self.editor.unassign(worker, post)

    def pin_selected(self) -> None:
        post, worker = self.posts.selected()
        if post and worker:
            self.editor.toggle_pin(worker, post)

    def suggest(self) -> None:
        site = self.site_id()
        if site is None:
            return
        try:
            suggestion = suggest_roster(self.ctx, site, self.day(), data=self.editor.day)
        except ValidationError as error:
            dialogs.show_error(self, _("No suggestion"),
                               "\n".join(self.readable(p) for p in error.problems))
            return
        except ZorgkoppelError as error:
            dialogs.show_error(self, _("No suggestion"), error.text())
            return
        plan = suggestion.plan
        self.reasons = {(a.post_key, a.worker_id): a.reason.text() for a in plan.assignments}
        self.unfilled = {u.post_key: u.reason.text() for u in plan.unfilled}
        self.editor.replace_assignments(_("Suggest"), suggestion.data.assignments)
        self.message.setText(_("Suggestion: {filled} of {needed} places filled.").format(
            filled=plan.filled, needed=plan.needed))

    def record_level(self) -> None:
        """A new skill level for the person picked in the list, kept in the history."""
        worker = self.people.current_worker()
        if worker is None or self.board is None:
            self.message.setText(_("Pick a person in the list first."))
            return
        dialog = SkillLevelDialog(self.board.name(worker), TaskNames(self.ctx), self.day(),
                                  self)
        if dialogs.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        task, level = dialog.task.code(), dialog.level.code()
        try:
            changes = record_skill_level(self.ctx, worker, task or "", level or "",
                                         dialog.since_date())
        except ValidationError as error:
            dialogs.show_error(self, _("The level was not recorded"),
                               "\n".join(self.readable(p) for p in error.problems))
            return
        self.data_changed.emit(changes)
        # Only the facts change: the plan being made stays as it is.
        _names, facts = describe_workers(self.ctx, [worker])
        self.board.facts.update(facts)
        self.board.hints = companion_hints(
            self.ctx, [p.worker_id for p in self.editor.day.presence if p.status == "present"],
            self.day())
        self._render()

    def add_post(self) -> None:
        if self.board is None:
            return
        dialog = PostDialog(TaskNames(self.ctx), self)
        if dialogs.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        post = dialog.post(free_post_key(self.editor.day, dialog.task.code() or "post"))
        if self.editor.add_post(post):
            self.message.clear()
            self.posts.select(post.key)

    def remove_post(self) -> None:
        post, _worker = self.posts.selected()
        if post:
            self.editor.remove_post(post)

    def save_as_template(self) -> None:
        site = self.site_id()
        if site is None:
            return
        day = self.day()
        try:
            changes = save_template(self.ctx, site, day.weekday(), self.editor.day.posts)
        except ValidationError as error:
            dialogs.show_error(self, _("The template was not saved"),
                               "\n".join(self.readable(p) for p in error.problems))
            return
        self.data_changed.emit(changes)
        self.message.setText(_("These posts are now the template for every {weekday}.").format(
            weekday=format_date(day, None, "EEEE")))

    def _review_typed(self) -> None:
        self.editor.set_review(self.review.toPlainText())

    # -- saving, printing

    def can_edit(self) -> bool:
        return self.board is not None

    def is_dirty(self) -> bool:
        return self.board is not None and self.editor.is_dirty()

    def can_delete(self) -> bool:
        return self.posts.selected()[1] is not None

    def delete_record(self) -> None:
        self.remove_selected()

    def new_record(self) -> None:
        self.new_from_template()

    def save_record(self) -> bool:
        if self.board is None:
            return False
        try:
            outcome = save_roster_day(self.ctx, self.editor.day,
                                      expected_version=self.board.version)
        except EditConflict as conflict:
            return self._resolve(conflict)
        except ValidationError as error:
            dialogs.show_error(self, _("The day was not saved"),
                               "\n".join(self.readable(p) for p in error.problems))
            return False
        self.board.stored = True
        self.board.version = outcome.value.version
        self.editor.mark_saved()
        self.data_changed.emit(outcome.changes)
        self.status_message.emit(_("The roster was saved."))
        return True

    def _resolve(self, conflict: EditConflict) -> bool:
        """Another coordinator saved the day meanwhile: Keep mine / Merge store and reload,
        Take theirs reloads, Cancel keeps the board as planned here."""
        try:
            resolution = resolve_conflict(self, self.ctx, conflict)
        except ValidationError as error:
            dialogs.show_error(self, _("The day was not saved"),
                               "\n".join(self.readable(p) for p in error.problems))
            return False
        if resolution is Resolution.CANCEL:
            return False
        self._load()
        self.data_changed.emit(Changes.of("roster"))
        return True

    def revert_record(self) -> None:
        self._load()

    def confirm_leave(self) -> bool:
        return self._settle()

    def _settle(self) -> bool:
        if not self.is_dirty():
            return True
        choice = dialogs.ask_unsaved_changes(self)
        if choice is UnsavedChoice.SAVE:
            return self.save_record()
        if choice is UnsavedChoice.DISCARD:
            self.editor.load(self.editor.saved)
            return True
        return False

    def print_day(self) -> None:
        self._print(week=False)

    def print_week(self) -> None:
        self._print(week=True)

    def _print(self, week: bool) -> None:
        site = self.site_id()
        if site is None or not self._settle():
            return
        from zorgkoppel.core.services.roster_sheets import day_sheet, week_sheet
        from zorgkoppel.documents.roster_plan import day_plan_pdf, week_overview_pdf

        day = self.day()
        if week:
            title, name = _("Print the week overview"), f"week-{day.isoformat()}.pdf"
        else:
            title, name = _("Print the day plan"), f"dagplan-{day.isoformat()}.pdf"
        path = dialogs.ask_pdf_path(self, title, name)
        if path is None:
            return
        try:
            language = current_language()
            pdf = (week_overview_pdf(week_sheet(self.ctx, site, day, language)) if week
                   else day_plan_pdf(day_sheet(self.ctx, site, day, language)))
            Path(path).write_bytes(pdf)
        except ZorgkoppelError as error:
            dialogs.show_error(self, title, error.text())
            return
        except OSError as error:
            dialogs.show_error(self, title, _("Cannot write {path}: {reason}").format(
                path=path, reason=error.strerror or str(error)))
            return
        self.status_message.emit(_("The roster was written to {path}.").format(path=path))
