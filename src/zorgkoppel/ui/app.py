"""Starting the window: Qt application, language, database, main window, first-start demo offer.

Imports stay inside run_gui and are limited to what the Overview needs: the start is
measured against a bare PySide6 window (benchmarks/startup.py).
"""

from __future__ import annotations

import pathlib
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zorgkoppel.ui.instance_guard import Opened

# A window that does not appear within this time after start is reported as a failure
# by --exit-after-start instead of hanging a script or an installer check.
EXIT_AFTER_START_TIMEOUT_MS = 30_000


def run_gui(
    data_dir: pathlib.Path, language: str | None = None, exit_after_start: bool = False,
    user: str | None = None,
) -> int:
    """Run the window until it is closed; returns the exit code.

    With `exit_after_start` no dialog is shown: the window quits with 0 as soon as the
    Overview has been painted with its data (a smoke test of a build or installation).
    With accounts it logs in as `user` with ZORGKOPPEL_PASSWORD, else ends with 3.
    """
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from zorgkoppel import __version__
    from zorgkoppel.i18n.catalog import system_language
    from zorgkoppel.paths import APP_NAME, resources_dir
    from zorgkoppel.settings import load_settings
    from zorgkoppel.ui.language import apply_language

    existing = QApplication.instance()
    app = existing or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    # The rendered PNGs first: they show even where Qt's SVG plug-in is missing.
    icon = QIcon()
    for path in sorted((resources_dir() / "icons" / "hicolor").glob("*/apps/zorgkoppel.png")):
        icon.addFile(str(path))
    if (resources_dir() / "zorgkoppel.svg").exists():
        icon.addFile(str(resources_dir() / "zorgkoppel.svg"))
    app.setWindowIcon(icon)
    app.setDesktopFileName(APP_NAME)  # the window belongs to zorgkoppel.desktop (Wayland, docks)

    settings = load_settings(data_dir)
    apply_language(language or settings.language or system_language())

    opened = _open(data_dir, exit_after_start, user)
    if isinstance(opened, int):
        return opened
    ctx, data_dir = opened.ctx, opened.data_dir  # the data may have moved to the local folder

    from zorgkoppel.ui.main_window import MainWindow

    window = MainWindow(ctx, data_dir, settings)
    opened.attach(window)
    window.accounts.watch(opened.account, ended=app.exit)
    for note in opened.notes:
        QTimer.singleShot(0, lambda note=note: window.show_status(note))
    if exit_after_start:
        window.overview_painted.connect(lambda: QTimer.singleShot(0, lambda: app.exit(0)))
        QTimer.singleShot(EXIT_AFTER_START_TIMEOUT_MS, lambda: app.exit(1))
    else:
        from zorgkoppel.ui.first_run import first_start

        QTimer.singleShot(0, lambda: first_start(window))
    window.show()
    try:
        code = app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone()
        window.hide()
        window.deleteLater()
        opened.close()  # the database, the lock and the socket that brings the window forward
    if existing is None:
        _skip_final_collection()
    return code


def _skip_final_collection() -> None:
    """The process ends after the window: spare it a last garbage collection.

    Everything is saved and closed by now. Python's collections at exit walk every object
    of SQLAlchemy, the models and Qt's wrappers, a third of a second here; frozen objects
    are left to the operating system, which frees the memory at once.
    """
    import gc

    gc.freeze()


def _open(data_dir: pathlib.Path, quiet: bool, user: str | None = None) -> Opened | int:
    """The opened data folder (locked for this window, unlocked and logged in), or the exit
    code after telling why not."""
    from zorgkoppel.ui.instance_guard import open_data
    from zorgkoppel.ui.start_login import StartLogin

    login = StartLogin(data_dir, quiet, user)
    key = login.unlock()
    if isinstance(key, int):
        return key
    opened = open_data(data_dir, quiet, key)
    if isinstance(opened, int):
        return opened
    code = login.log_in(opened)
    if code is not None:
        opened.close()
        return code
    opened.account = login.account
    return opened
