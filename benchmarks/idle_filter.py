"""Cost of the auto-lock's application-wide event filter, which sees every event of the program.

Sends the same events (mouse moves, which the filter notes, and timer-like events it only
looks at) to a widget N times without and with the filter installed, interleaved, and prints
the median cost per event and the extra per event.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/idle_filter.py [--events 200000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit

import zorgkoppel.ui  # noqa: F401  (the binding work-around before any Qt call)
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.settings import Settings
from zorgkoppel.storage.opening import open_database
from zorgkoppel.ui.auto_lock import AutoLock


def per_event_us(widget: QLineEdit, events: list[QEvent]) -> float:
    send = QApplication.sendEvent
    start = time.perf_counter()
    for event in events:
        send(widget, event)
    return (time.perf_counter() - start) / len(events) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    db = open_database(folder)
    widget = QLineEdit()
    widget.show()
    half = arguments.events // 2
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(3, 3), QPointF(3, 3),
                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    other = QEvent(QEvent.Type.UpdateRequest)  # not input: looked at and let through
    events = [move, other] * half
    without: list[float] = []
    with_filter: list[float] = []
    for _round in range(arguments.rounds):
        without.append(per_event_us(widget, events))
        lock = AutoLock(widget, ServiceContext(db), Settings())
        with_filter.append(per_event_us(widget, events))
        app.removeEventFilter(lock)
        lock.deleteLater()
        app.processEvents()
    base, filtered = statistics.median(without), statistics.median(with_filter)
    print(f"events per round: {len(events)} (half mouse moves), rounds: {arguments.rounds}")
    print(f"without the filter: {base:.2f} µs per event")
    print(f"with the filter:    {filtered:.2f} µs per event (+{filtered - base:.2f} µs)")
    db.dispose()


if __name__ == "__main__":
    main()
