"""Opening the data folder for the window: one writer, safe folders, plain words when not.

The window takes the data folder's lock (storage.instance_lock) and listens on a local
socket named after the folder. A second window on the same folder finds the lock taken,
tells the user who has the data open (host, user, since when) and offers to bring the
open window forward (it connects to the socket; the first window raises itself) or to
open the data read-only (as a "viewer": the services refuse every write). A data folder
on a network share or in a sync folder is refused with a one-click move to the local
data folder.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from zorgkoppel.core.context import LOCAL_OWNER, Actor, ServiceContext
from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.core.services import audit
from zorgkoppel.i18n import _
from zorgkoppel.storage.instance_lock import DataInUseError, InstanceLock, holding_lock
from zorgkoppel.storage.integrity import DatabaseDamagedError
from zorgkoppel.ui import dialogs

ACTIVATE = b"activate"
CONNECT_TIMEOUT_MS = 1000
READ_ONLY_ACTOR = Actor(name="local", role="viewer")


def server_name(data_dir: Path) -> str:
    """One name per data folder (and user: sockets of other users are out of reach anyway)."""
    digest = hashlib.sha1(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"zorgkoppel-{digest}"


class ActivationServer(QObject):
    """Listens for a second window asking this one to come forward."""

    activate_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._connected)
        name = server_name(data_dir)
        # A socket file left by a crashed window would block listening; we hold the lock,
        # so no live window uses this name.
        QLocalServer.removeServer(name)
        self.listening = self.server.listen(name)

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # The other window writes one word right after connecting: read it here rather
            # than keep the socket alive with signal connections (which outlive it badly).
            if socket.bytesAvailable() or socket.waitForReadyRead(CONNECT_TIMEOUT_MS):
                message = bytes(socket.readAll().data()).strip()
            else:
                message = b""
            socket.abort()
            if message == ACTIVATE:
                self.activate_requested.emit()

    def close(self) -> None:
        self.server.close()


def bring_forward(data_dir: Path) -> bool:
    """Ask the window that holds `data_dir` to come forward; False when none answers."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(ACTIVATE)
    sent = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return sent


def raise_window(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


@dataclass
class Opened:
    ctx: ServiceContext
    data_dir: Path
    lock: InstanceLock | None = None  # None: read-only
    server: ActivationServer | None = None
    notes: list[str] = field(default_factory=list)  # told to the user once the window shows

    @property
    def read_only(self) -> bool:
        return not self.ctx.actor.may_write

    def attach(self, window: QWidget) -> None:
        if self.server is not None:
            self.server.activate_requested.connect(lambda: raise_window(window))

    def close(self) -> None:
        self.ctx.db.dispose()
        if self.server is not None:
            self.server.close()
        if self.lock is not None:
            self.lock.release()


def open_data(data_dir: Path, quiet: bool) -> Opened | int:
    """The opened data folder, or the exit code after telling the user why not.

    `quiet` (a smoke test) never asks: every obstacle is printed and ends with 1.
    """
    from zorgkoppel.paths import default_data_dir
    from zorgkoppel.storage.network_folder import NetworkFolderError, move_to_local

    notes: list[str] = []
    try:
        return _open_writable(data_dir, notes)
    except DataInUseError as error:
        if quiet:
            return _failed(data_dir, error.text(), quiet)
        choice = dialogs.ask_data_in_use(None, error.who())
        if choice is dialogs.InUseChoice.BRING_FORWARD:
            if bring_forward(data_dir):
                return 0
            dialogs.show_error(None, _("zorgkoppel"), _(
                "The open window did not answer. It may be on another computer, or still "
                "starting; look for it in the task bar."))
            return 1
        if choice is dialogs.InUseChoice.READ_ONLY:
            return _open_read_only(data_dir, quiet)
        return 0
    except NetworkFolderError as error:
        local = default_data_dir()
        if quiet or local == data_dir:
            return _failed(data_dir, error.text(), quiet)
        if not dialogs.ask_move_to_local(None, error.text()):
            return 1
        try:
            move_to_local(data_dir, local)
        except (ZorgkoppelError, OSError) as move_error:
            return _failed(data_dir, str(move_error), quiet)
        notes.append(_(
            "The data was copied to {local}; the program uses that folder from now on. The "
            "old copy in {folder} was left untouched and may be deleted."
        ).format(local=local, folder=data_dir))
        try:
            opened = _open_writable(local, notes)
        except (ZorgkoppelError, OSError) as reopen_error:
            return _failed(local, str(reopen_error), quiet)
        return opened
    except DatabaseDamagedError as error:
        if quiet or error.newest_good_backup is None:
            return _failed(data_dir, error.text(), quiet)
        return _offer_restore(data_dir, error, notes)
    except ZorgkoppelError as error:
        return _failed(data_dir, error.text(), quiet)
    except OSError as error:
        return _failed(data_dir, error.strerror or str(error), quiet)
    except Exception as error:  # a database SQLAlchemy cannot open
        from sqlalchemy.exc import SQLAlchemyError

        if not isinstance(error, SQLAlchemyError):
            raise
        return _failed(data_dir, str(getattr(error, "orig", None) or error), quiet)


def _offer_restore(data_dir: Path, error: DatabaseDamagedError, notes: list[str]) -> Opened | int:
    """A damaged database at start: offer to put the newest good backup back, then open."""
    from zorgkoppel.storage.restore import restore_backup

    backup = error.newest_good_backup
    assert backup is not None
    if not dialogs.confirm(None, _("zorgkoppel cannot start"), "\n\n".join([
        error.text(), _("Restore that backup now? The damaged file is kept beside it.")
    ])):
        return 1
    try:
        with holding_lock(data_dir, wait_seconds=0):
            result = restore_backup(data_dir, backup)
        opened = _open_writable(data_dir, notes)
        # Nobody could log in over the damaged file: the entry names the local owner.
        audit.record_as(opened.ctx.db, LOCAL_OWNER.name, audit.RESTORE)
    except (ZorgkoppelError, OSError) as restore_error:
        return _failed(data_dir, str(restore_error), quiet=False)
    notes.append(_("The backup {backup} was restored; the damaged file is kept as {path}.")
                 .format(backup=backup.name, path=result.safety_copy))
    return opened


def _open_writable(data_dir: Path, notes: list[str]) -> Opened:
    from zorgkoppel.storage.opening import open_database

    lock = InstanceLock(data_dir)
    lock.acquire()
    try:
        db = open_database(data_dir)
    except BaseException:
        lock.release()
        raise
    server = ActivationServer(data_dir)
    return Opened(ServiceContext(db), data_dir, lock, server, notes)


def _open_read_only(data_dir: Path, quiet: bool) -> Opened | int:
    from zorgkoppel.storage.opening import open_database
    from zorgkoppel.storage.schema import SCHEMA_REVISION, stored_revision

    try:
        db = open_database(data_dir, read_only=True)
    except ZorgkoppelError as error:
        return _failed(data_dir, error.text(), quiet)
    if stored_revision(db) != SCHEMA_REVISION:
        db.dispose()
        return _failed(data_dir, _(
            "The open window uses another version of zorgkoppel; close it before opening "
            "the data here."), quiet)
    return Opened(ServiceContext(db, READ_ONLY_ACTOR), data_dir, notes=[
        _("The data is open in another window, so it is shown read-only here.")
    ])


def _failed(data_dir: Path, reason: str, quiet: bool) -> int:
    message = _("The data in {folder} cannot be opened.\n{reason}").format(
        folder=data_dir, reason=reason
    )
    if quiet:
        print(message, file=sys.stderr)
    else:
        dialogs.show_error(None, _("zorgkoppel cannot start"), message)
    return 1
