"""The worker file's GDPR buttons: export the person's data, and (administrators) erase them.

A thin layer over core.services.gdpr and gdpr_backups. The erasure asks in a dialog that
shows what goes, how many older backups still hold the person (with a box to purge those
too), and only lets the Erase button work once the person's name is typed: an erasure
cannot be undone.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.core.models import Worker
from zorgkoppel.core.services.erasure_plan import RemovedRows
from zorgkoppel.core.services.gdpr import (
    ERASURE_CHANGES,
    erase_person,
    erasure_preview,
    export_person,
    may_export_person,
)
from zorgkoppel.core.services.gdpr_backups import (
    backups_holding,
    folders_of,
    purge_person_from_backups,
)
from zorgkoppel.i18n import N_, _
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.texts import Texts

# Table names of the preview, in the order and words the dialog shows them.
PREVIEW_LINES: tuple[tuple[str, str], ...] = (
    ("note", N_("Notes: {count}")),
    ("notescore", N_("Scores: {count}")),
    ("noteaction", N_("Agreed actions: {count}")),
    ("noteaddendum", N_("Addenda to notes: {count}")),
    ("trajectory", N_("Transition trajectories: {count}")),
    ("rosterassignment", N_("Roster assignments: {count}")),
    ("rosterpresence", N_("Days of presence: {count}")),
    ("agreementworker", N_("Placements under agreements: {count}")),
    ("workerskill", N_("Skills: {count}")),
    ("workerpreference", N_("Preferences: {count}")),
)
MSG_BACKUPS_HOLDING = N_("Backups made before that still hold this person: {count}")


def preview_lines(removed: RemovedRows) -> list[str]:
    return [_(msgid).format(count=removed.get(table))
            for table, msgid in PREVIEW_LINES if removed.get(table)]


class ErasureDialog(QDialog):
    """Asks for the erasure; accepted only after the person's name is typed."""

    def __init__(self, name: str, removed: RemovedRows, backups: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("erasure_dialog")
        self.setMinimumWidth(440)
        self.setWindowTitle(_("Erase {name}").format(name=name))
        self.name = name
        intro = QLabel(_("This removes {name} and everything stored about them, for good. "
                         "Partners who received an exchange file keep their copy.").format(
            name=name))
        intro.setWordWrap(True)
        self.preview = QLabel("\n".join(f"• {line}" for line in preview_lines(removed)))
        self.preview.setObjectName("erasure_preview")
        self.backups_label = QLabel(_(MSG_BACKUPS_HOLDING).format(count=backups))
        self.backups_label.setObjectName("erasure_backups")
        self.backups_label.setWordWrap(True)
        self.purge = QCheckBox(_("Remove the person from those backups too"))
        self.purge.setObjectName("purge_backups")
        self.purge.setChecked(backups > 0)
        self.backups_label.setVisible(backups > 0)
        self.purge.setVisible(backups > 0)
        ask = QLabel(_("Type the name {name} to confirm:").format(name=name))
        ask.setWordWrap(True)
        self.typed = QLineEdit()
        self.typed.setObjectName("erasure_name")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = self.buttons.addButton(_("Erase"),
                                                   QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.setObjectName("erase_confirm")
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.typed.textChanged.connect(self._typed_changed)
        layout = QVBoxLayout(self)
        for widget in (intro, self.preview, self.backups_label, self.purge, ask, self.typed,
                       self.buttons):
            layout.addWidget(widget)

    def _typed_changed(self, text: str) -> None:
        self.erase_button.setEnabled(" ".join(text.split()).casefold() == self.name.casefold())


def close_after_erasure(window: QDialog, worker_id: str) -> None:
    """Close the person's window; the screen it was opened from drops them from its list
    (and its form, edits included: there is no one left to save them for) and tells the
    other screens (through the main window) what changed."""
    from zorgkoppel.ui.editor_screen import EditorScreen
    from zorgkoppel.ui.screen import Screen

    screen = window.parent()
    window.close()
    # Its tables still hold the person's notes: let Qt free them rather than keep them
    # in memory until the screen opens another file.
    window.deleteLater()
    if isinstance(screen, EditorScreen) and screen.form.record_id == worker_id:
        screen.form.load(None)
    if isinstance(screen, Screen):
        screen.refresh()
        screen.edit_state_changed.emit()
        screen.data_changed.emit(ERASURE_CHANGES)


class GdprButtons(QWidget):
    """"Export personal data (GDPR)…" and, for administrators, "Erase this person…"."""

    erased = Signal(str)

    def __init__(self, ctx: ServiceContext, worker_id: str, texts: Texts,
                 window: QDialog) -> None:
        super().__init__(window)
        self.setObjectName("gdpr_buttons")
        self.ctx = ctx
        self.worker_id = worker_id
        self.texts = texts  # the window's, so a language change reaches these buttons
        self.erased.connect(lambda worker: close_after_erasure(window, worker))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.export_button: QPushButton | None = None
        self.erase_button: QPushButton | None = None
        if may_export_person(ctx, worker_id):
            self.export_button = QPushButton()
            self.export_button.setObjectName("gdpr_export")
            self.texts.bind(self.export_button.setText, N_("Export personal data (GDPR)…"))
            self.export_button.clicked.connect(self.export)
            row.addWidget(self.export_button)
        if ctx.actor.is_admin and not ctx.db.read_only:
            self.erase_button = QPushButton()
            self.erase_button.setObjectName("gdpr_erase")
            self.texts.bind(self.erase_button.setText, N_("Erase this person…"))
            self.erase_button.clicked.connect(self.erase)
            row.addWidget(self.erase_button)

    def _name(self) -> str:
        with self.ctx.db.session() as session:
            worker = session.get(Worker, self.worker_id)
        return worker.full_name if worker else self.worker_id

    def export(self) -> None:
        folder = dialogs.ask_folder(self, _("Export personal data to which folder?"))
        if folder is None:
            return
        try:
            files = export_person(self.ctx, self.worker_id, folder)
        except (OSError, ZorgkoppelError) as error:
            dialogs.show_error(self, _("Cannot export"), str(error))
            return
        names = "\n".join(f"• {path.name}" for path in
                          (files.pdf, files.exchange, files.access_history))
        dialogs.inform(self, _("Personal data exported"), _(
            "Written to {folder}:\n{files}\n\nThese files are not encrypted: the exchange "
            "file and the others hold everything about the person. Hand them over safely "
            "and delete them here afterwards.").format(folder=folder, files=names))

    def erase(self) -> None:
        name = self._name()
        try:
            removed = erasure_preview(self.ctx, self.worker_id)
            folders = folders_of(self.ctx)
            holding = backups_holding(folders, self.worker_id, self.ctx.db.data_key)
        except ZorgkoppelError as error:
            dialogs.show_error(self, _("Cannot erase"), str(error))
            return
        dialog = ErasureDialog(name, removed, len(holding), self)
        if dialogs.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        now = dt.datetime.now(dt.UTC)
        try:
            erase_person(self.ctx, self.worker_id, now)
        except (OSError, ZorgkoppelError) as error:
            dialogs.show_error(self, _("Cannot erase"), str(error))
            return
        lines = [_("{name} was erased.").format(name=name)]
        if holding and dialog.purge.isChecked():
            outcomes = purge_person_from_backups(folders, self.worker_id, now,
                                                 self.ctx.db.data_key)
            removed_backups = [o.path for o in outcomes if not o.purged]
            lines.append(_("Backups rewritten without the person: {count}").format(
                count=len(outcomes) - len(removed_backups)))
            lines += [_("The backup {path} could not be rewritten and was removed.").format(
                path=Path(path).name) for path in removed_backups]
        elif holding:
            lines.append(_(MSG_BACKUPS_HOLDING).format(count=len(holding)))
        dialogs.inform(self, _("Erased"), "\n".join(lines))
        self.erased.emit(self.worker_id)
