"""The Workers screen's "Worker file…" button, which opens the worker file window.

Kept here so the Workers screen needs only a two-line edit to offer it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QPushButton

from zorgkoppel.i18n import N_

if TYPE_CHECKING:
    from zorgkoppel.ui.editor_screen import EditorScreen


def worker_file_button(screen: EditorScreen[Any]) -> QPushButton:
    button = QPushButton()
    button.setObjectName("worker_file_button")
    screen.texts.bind(button.setText, N_("Worker file…"))
    screen.texts.bind(
        button.setToolTip,
        N_("Timeline, tasks per month, progress report, evaluation and trajectory"),
    )

    def open_file() -> None:
        from zorgkoppel.ui.worker_file import WorkerFileWindow

        if screen.form.record_id is None:
            return
        window = WorkerFileWindow(screen.ctx, screen.form.record_id, screen)
        window.show()
        screen.worker_file_window = window  # type: ignore[attr-defined]

    def update() -> None:
        button.setEnabled(screen.form.record_id is not None)

    button.clicked.connect(open_file)
    screen.edit_state_changed.connect(update)
    update()
    return button
