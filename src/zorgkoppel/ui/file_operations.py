"""File menu work: import an exchange file, export everything, load the demo data.

Each runs off the GUI thread (background.py); the exchange and demo modules are imported
only when used, so they cost nothing at start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from zorgkoppel.core.changes import ALL_CHANGED, Changes
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ValidationError, ZorgkoppelError
from zorgkoppel.i18n import N_, _
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.background import run_in_background
from zorgkoppel.ui.problems_dialog import ProblemsDialog


def _report_text(report: Any) -> str:
    summary = getattr(report, "summary", None)
    return summary() if callable(summary) else str(report)


def _report_changes(report: Any) -> Changes:
    changes = getattr(report, "changes", None)
    return changes if isinstance(changes, Changes) else ALL_CHANGED


def _reason(error: BaseException) -> str:
    if isinstance(error, ZorgkoppelError):
        return error.text()
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


# Encryption at rest covers the data folder only; an exported file leaves it plain.
EXCHANGE_NOT_ENCRYPTED = N_("An exchange file is not encrypted: anyone who has the file can "
                            "read it.")


class FileOperations:
    def __init__(
        self,
        window: QWidget,
        ctx: ServiceContext,
        on_changes: Callable[[Changes], None],
        on_status: Callable[[str], None],
    ) -> None:
        self.window = window
        self.ctx = ctx
        self.on_changes = on_changes
        self.on_status = on_status

    # -- import

    def import_file(self, path: Path | None = None) -> None:
        path = path or dialogs.ask_open_path(self.window, _("Import exchange file"))
        if path is None:
            return

        def work() -> Any:
            from zorgkoppel.exchange.importer import import_exchange

            return import_exchange(self.ctx, path)

        self.on_status(_("Importing {path}…").format(path=path.name))
        run_in_background(
            self.window, work, lambda report: self._imported(path, report),
            lambda error: self._import_failed(path, error),
        )

    def _imported(self, path: Path, report: Any) -> None:
        self.on_changes(_report_changes(report))
        self.on_status(_("Imported {path}.").format(path=path.name))
        dialogs.inform(self.window, _("Import finished"), _report_text(report))

    def _import_failed(self, path: Path, error: Exception) -> None:
        self.on_status(_("Nothing was imported."))
        if isinstance(error, ValidationError):
            dialog = ProblemsDialog(
                _("Import refused"),
                _("{path} was not imported; nothing was changed. Problems found:").format(
                    path=path.name
                ),
                error.problems,
                self.window,
            )
            dialogs.exec_dialog(dialog)
            dialog.deleteLater()
            return
        dialogs.show_error(
            self.window,
            _("Import refused"),
            _("{path} was not imported; nothing was changed.\n{reason}").format(
                path=path.name, reason=_reason(error)
            ),
        )

    # -- export

    def export_file(self, path: Path | None = None) -> None:
        suggested = f"zorgkoppel-{dt.date.today().isoformat()}.json"
        path = path or dialogs.ask_save_path(self.window, _("Export all data"), suggested)
        if path is None:
            return

        def work() -> Path:
            from zorgkoppel.exchange.exporter import write_exchange_file

            write_exchange_file(self.ctx, path)
            return path

        self.on_status(_("Exporting to {path}…").format(path=path.name))
        run_in_background(self.window, work, self._exported, self._export_failed)

    def _exported(self, path: Path) -> None:
        self.on_status(_("All data was exported to {path}.").format(path=path))
        dialogs.inform(
            self.window, _("Export finished"),
            _("All data was exported to {path}.").format(path=path)
            + "\n" + _(EXCHANGE_NOT_ENCRYPTED),
        )

    def _export_failed(self, error: Exception) -> None:
        self.on_status(_("The export failed."))
        dialogs.show_error(
            self.window, _("Export failed"),
            _("The data could not be exported: {reason}").format(reason=_reason(error)),
        )

    # -- demo

    def load_demo(self, done: Callable[[], None] | None = None) -> None:
        def work() -> Any:
            from zorgkoppel.demo import load_demo

            return load_demo(self.ctx)

        def loaded(report: Any) -> None:
            self.on_changes(_report_changes(report))
            self.on_status(_("The demo data was loaded."))
            if done is not None:
                done()

        def failed(error: Exception) -> None:
            dialogs.show_error(
                self.window, _("Demo data"),
                _("The demo data could not be loaded: {reason}").format(reason=_reason(error)),
            )
            if done is not None:
                done()

        self.on_status(_("Loading the demo data…"))
        run_in_background(self.window, work, loaded, failed)

    def ask_and_load_demo(self) -> None:
        """File > Load demo data: warn when it would be mixed in with other data."""
        from zorgkoppel.core.services.dataset import is_empty

        if not is_empty(self.ctx) and not dialogs.confirm(
            self.window,
            _("Load demo data"),
            _("This database already holds data; the demo data (fictitious organisations, "
              "workers and agreements) will be added to it. Loading it twice adds nothing "
              "twice. Go on?"),
        ):
            return
        self.load_demo()
