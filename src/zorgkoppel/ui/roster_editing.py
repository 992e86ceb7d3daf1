"""The roster day being planned, with every change undoable (QUndoStack).

Each change replaces the whole working day by a new one; undo puts the previous back. Moves
are checked first through `core.services.roster_planning.move_problems`, so a move that
breaks a rule never enters the day and the reason is reported instead.
"""

from __future__ import annotations

import copy
import datetime as dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.rules.roster import AssignmentData, PostData, PresenceData, RosterDayData
from zorgkoppel.core.services.roster_planning import move_problems, post_problems
from zorgkoppel.i18n import _


class _Snapshot(QUndoCommand):
    def __init__(self, editor: RosterEditor, text: str, before: RosterDayData,
                 after: RosterDayData) -> None:
        super().__init__(text)
        self.editor, self.before, self.after = editor, before, after

    def redo(self) -> None:
        self.editor._show(self.after)

    def undo(self) -> None:
        self.editor._show(self.before)


class RosterEditor(QObject):
    changed = Signal()
    refused = Signal(object)  # the Problem that stopped a move
    review_changed = Signal()

    def __init__(self, ctx: ServiceContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stack = QUndoStack(self)
        self.day = RosterDayData("", None)
        self.saved = copy.deepcopy(self.day)

    def load(self, day: RosterDayData) -> None:
        """Start on `day`. A new day from the template counts as unchanged: merely looking
        at a day that is not planned yet must not make leaving it ask about saving."""
        self.stack.clear()
        self.day = copy.deepcopy(day)
        self.saved = copy.deepcopy(day)
        self.changed.emit()

    def mark_saved(self) -> None:
        self.saved = copy.deepcopy(self.day)
        self.stack.setClean()
        self.changed.emit()

    def is_dirty(self) -> bool:
        return self.day != self.saved

    def _show(self, day: RosterDayData) -> None:
        review = self.day.review  # typed text is not undone with planning steps
        self.day = copy.deepcopy(day)
        self.day.review = review
        self.changed.emit()

    def _change(self, text: str, after: RosterDayData) -> None:
        self.stack.push(_Snapshot(self, text, copy.deepcopy(self.day), after))

    # -- moves

    def assign(self, worker_id: str, post_key: str, from_post: str | None = None) -> bool:
        """Place a worker on a post (moving from `from_post`); False and `refused` if not."""
        if from_post == post_key:
            return False
        base = copy.deepcopy(self.day)
        pinned = False
        if from_post:
            pinned = any(a.pinned for a in base.assignments
                         if (a.post_key, a.worker_id) == (from_post, worker_id))
            base.assignments = [a for a in base.assignments
                                if (a.post_key, a.worker_id) != (from_post, worker_id)]
        problems = move_problems(self.ctx, base, post_key, worker_id)
        if problems:
            self.refused.emit(problems[0])
            return False
        base.assignments.append(AssignmentData(post_key, worker_id, pinned))
        self._change(_("Move") if from_post else _("Assign"), base)
        return True

    def unassign(self, worker_id: str, post_key: str) -> None:
        after = copy.deepcopy(self.day)
        after.assignments = [a for a in after.assignments
                             if (a.post_key, a.worker_id) != (post_key, worker_id)]
        if after != self.day:
            self._change(_("Remove from post"), after)

    def toggle_pin(self, worker_id: str, post_key: str) -> None:
        after = copy.deepcopy(self.day)
        for assignment in after.assignments:
            if (assignment.post_key, assignment.worker_id) == (post_key, worker_id):
                assignment.pinned = not assignment.pinned
        if after != self.day:
            self._change(_("Pin"), after)

    def set_presence(self, worker_id: str, status: str, start: dt.time | None,
                     end: dt.time | None) -> None:
        """Check a worker in or out; someone no longer present leaves their posts."""
        after = copy.deepcopy(self.day)
        after.presence = [p for p in after.presence if p.worker_id != worker_id]
        after.presence.append(PresenceData(worker_id, status, start, end))
        after.presence.sort(key=lambda p: p.worker_id)
        if status != "present":
            after.assignments = [a for a in after.assignments if a.worker_id != worker_id]
        if sorted(after.presence, key=lambda p: p.worker_id) != sorted(
            self.day.presence, key=lambda p: p.worker_id
        ):
            self._change(_("Presence"), after)

    def add_post(self, post: PostData) -> bool:
        """Add a post to the day; False and `refused` when it breaks a rule."""
        problems = post_problems(self.ctx, self.day, post)
        if problems:
            self.refused.emit(problems[0])
            return False
        after = copy.deepcopy(self.day)
        after.posts.append(post)
        self._change(_("Add post"), after)
        return True

    def remove_post(self, post_key: str) -> None:
        """Take a post off the day, with the people on it."""
        after = copy.deepcopy(self.day)
        after.posts = [p for p in after.posts if p.key != post_key]
        after.assignments = [a for a in after.assignments if a.post_key != post_key]
        if after != self.day:
            self._change(_("Remove post"), after)

    def replace_assignments(self, text: str, assignments: list[AssignmentData]) -> None:
        """Take a suggestion (one undoable step)."""
        after = copy.deepcopy(self.day)
        after.assignments = copy.deepcopy(assignments)
        self._change(text, after)

    def set_review(self, review: str | None) -> None:
        """The review is typed text with its own undo; it is not a planning step. Nothing
        is redrawn for it (`changed` is not emitted): only whether there is something to save
        changes, which `review_changed` tells."""
        self.day.review = review or None
        self.review_changed.emit()
