"""The planning board's widgets: the people to place, the posts to drop them on, presence.

A worker is dragged as `application/x-zorgkoppel-worker` holding "worker id\\nfrom post"
(the post empty when dragged from the list of people). Every widget only reports what the
user did (signals); the screen asks the `RosterEditor` to do it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QMimeData, Qt, QTime, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from zorgkoppel.core.codes import PRESENCE_STATUSES, label
from zorgkoppel.core.rules.roster import PresenceData
from zorgkoppel.i18n import _

WORKER_MIME = "application/x-zorgkoppel-worker"
ROLE = Qt.ItemDataRole.UserRole
SHORT = QBrush(QColor("#b3261e"))
NO_TIME = QTime(0, 0)  # shown as "—": from the start or until the end of the day


def worker_mime(worker_id: str, from_post: str = "") -> QMimeData:
    mime = QMimeData()
    mime.setData(WORKER_MIME, f"{worker_id}\n{from_post}".encode())
    return mime


def read_worker_mime(mime: QMimeData) -> tuple[str, str] | None:
    if not mime.hasFormat(WORKER_MIME):
        return None
    worker_id, _sep, from_post = bytes(mime.data(WORKER_MIME).data()).decode().partition("\n")
    return worker_id, from_post


class PeopleList(QListWidget):
    """Who is present, to drag onto a post (or pick with the keyboard)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def show_people(self, rows: Sequence[tuple[str, str, str]]) -> None:
        """(worker id, text, tooltip) per present worker."""
        chosen = self.current_worker()
        self.clear()
        for worker_id, text, tip in rows:
            item = QListWidgetItem(text)
            item.setData(ROLE, worker_id)
            item.setToolTip(tip)
            self.addItem(item)
            if worker_id == chosen:
                self.setCurrentItem(item)

    def current_worker(self) -> str | None:
        item = self.currentItem()
        return item.data(ROLE) if item is not None else None

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        return worker_mime(items[0].data(ROLE)) if items else QMimeData()

    def mimeTypes(self) -> list[str]:
        return [WORKER_MIME]


class PostsTree(QTreeWidget):
    """The day's posts, each with the people on it; a drop places a worker on a post."""

    worker_dropped = Signal(str, str, str)  # worker id, from post ("" if none), to post

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setAcceptDrops(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)

    def post_items(self) -> list[QTreeWidgetItem]:
        return [self.topLevelItem(i) for i in range(self.topLevelItemCount())]

    def selected(self) -> tuple[str | None, str | None]:
        """(post key, worker id) of the selected row; worker None on a post's own row."""
        item = self.currentItem()
        if item is None:
            return None, None
        kind, key, worker = item.data(0, ROLE)
        return key, (worker if kind == "assignment" else None)

    def select(self, post_key: str, worker_id: str | None = None) -> None:
        for post in self.post_items():
            if post.data(0, ROLE)[1] != post_key:
                continue
            target = post
            for i in range(post.childCount()):
                if post.child(i).data(0, ROLE)[2] == worker_id:
                    target = post.child(i)
            self.setCurrentItem(target)

    def post_at(self, event: QDropEvent | QDragMoveEvent) -> str | None:
        item = self.itemAt(event.position().toPoint())
        return item.data(0, ROLE)[1] if item is not None else None

    def mimeData(self, items: Sequence[QTreeWidgetItem]) -> QMimeData:
        if not items or items[0].data(0, ROLE)[0] != "assignment":
            return QMimeData()
        _kind, post, worker = items[0].data(0, ROLE)
        return worker_mime(worker, post)

    def mimeTypes(self) -> list[str]:
        return [WORKER_MIME]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(WORKER_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(WORKER_MIME) and self.post_at(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        dragged = read_worker_mime(event.mimeData())
        post = self.post_at(event)
        if dragged is None or post is None:
            event.ignore()
            return
        # The screen rebuilds the tree; Qt must not move or delete the dragged row itself.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.worker_dropped.emit(dragged[0], dragged[1], post)


class PresenceTable(QTableWidget):
    """Check-in: per worker the status and, for part of a day, from–to."""

    presence_edited = Signal(str, str, object, object)  # worker, status, from, to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(4)
        self.verticalHeader().setVisible(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

    def set_headers(self) -> None:
        self.setHorizontalHeaderLabels([_("Worker"), _("Status"), _("From"), _("To")])

    def show_presence(self, rows: Sequence[PresenceData], name: Callable[[str], str],
                      tip: Callable[[str], str]) -> None:
        # Replaced cell widgets are deleted later; hide them now so none shows meanwhile.
        for row in range(self.rowCount()):
            for column in (1, 2, 3):
                old = self.cellWidget(row, column)
                if old is not None:
                    old.hide()
        self.setRowCount(len(rows))
        for row, presence in enumerate(rows):
            item = QTableWidgetItem(name(presence.worker_id))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setToolTip(tip(presence.worker_id))
            self.setItem(row, 0, item)
            status = QComboBox()
            status.setObjectName(f"status_{presence.worker_id}")
            for code in PRESENCE_STATUSES:
                status.addItem(label(PRESENCE_STATUSES, code), code)
            status.setCurrentIndex(list(PRESENCE_STATUSES).index(presence.status))
            self.setCellWidget(row, 1, status)
            start, end = self._time_edit(presence.start), self._time_edit(presence.end)
            self.setCellWidget(row, 2, start)
            self.setCellWidget(row, 3, end)
            self.setRowHeight(row, status.sizeHint().height())

            def edited(_value: object = None, worker: str = presence.worker_id,
                       status: QComboBox = status, start: QTimeEdit = start,
                       end: QTimeEdit = end) -> None:
                self.presence_edited.emit(worker, status.currentData(), _time(start),
                                          _time(end))

            status.activated.connect(edited)
            start.editingFinished.connect(edited)
            end.editingFinished.connect(edited)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    @staticmethod
    def _time_edit(value: dt.time | None) -> QTimeEdit:
        edit = QTimeEdit()
        edit.setDisplayFormat("HH:mm")
        edit.setMinimumTime(NO_TIME)
        edit.setSpecialValueText("—")
        edit.setTime(NO_TIME if value is None else QTime(value.hour, value.minute))
        return edit


def _time(edit: QTimeEdit) -> dt.time | None:
    value = edit.time()
    return None if value == NO_TIME else dt.time(value.hour(), value.minute())


def mark_short(item: QTreeWidgetItem, column: int) -> None:
    item.setForeground(column, SHORT)
