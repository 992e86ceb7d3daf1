"""Running a long service call (import, export, demo data) off the GUI thread.

The window stays painted and shows a busy cursor; the result comes back on the GUI thread.
One job at a time: the window is disabled meanwhile so nobody edits what is being written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QWidget


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to the GUI thread, which explains it
            self._relay.failed.emit(error)
        else:
            self._relay.succeeded.emit(result)


_running: set[_Relay] = set()


def run_in_background(
    window: QWidget,
    work: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_error: Callable[[Exception], None],
) -> None:
    """Run `work()` on the thread pool; then `on_success(result)` or `on_error(exception)`."""
    relay = _Relay()
    _running.add(relay)

    def finish() -> None:
        _running.discard(relay)
        QApplication.restoreOverrideCursor()
        window.setEnabled(True)

    def succeeded(result: Any) -> None:
        finish()
        on_success(result)

    def failed(error: Exception) -> None:
        finish()
        on_error(error)

    relay.succeeded.connect(succeeded, Qt.ConnectionType.QueuedConnection)
    relay.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    window.setEnabled(False)
    QThreadPool.globalInstance().start(_Job(work, relay))


def is_busy() -> bool:
    return bool(_running)
