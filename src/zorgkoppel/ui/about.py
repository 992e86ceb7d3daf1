"""Help > About: name, version, where the data is kept, its database revision, the last
backup, and the Qt version (what a helper on the phone asks first)."""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from zorgkoppel import __version__
from zorgkoppel.i18n import _
from zorgkoppel.i18n.formatting import format_datetime


class AboutDialog(QDialog):
    def __init__(
        self,
        data_dir: Path,
        database: str,
        parent: QWidget | None = None,
        *,
        revision: str | None = None,
        last_backup: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About zorgkoppel"))
        self.text = QLabel()
        self.text.setObjectName("about_text")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        lines = [
            f"<h2>zorgkoppel {escape(__version__)}</h2>",
            "<p>"
            + escape(_("Cooperation between care facilities and social-economy enterprises: "
                       "agreements, daily roster, guidance notes, transition trajectories."))
            + "</p>",
            "<p><b>" + escape(_("Data folder:")) + "</b><br>" + escape(str(data_dir)) + "</p>",
            "<p><b>" + escape(_("Database:")) + "</b><br>" + escape(database) + "</p>",
            "<p><b>" + escape(_("Database revision:")) + "</b> "
            + escape(revision or _("unknown")) + "</p>",
            "<p><b>" + escape(_("Last backup:")) + "</b> "
            + escape(format_datetime(last_backup) if last_backup else _("none yet")) + "</p>",
            "<p>"
            + escape(_("Qt {qt}, PySide6 {pyside}").format(qt=qVersion(), pyside=pyside_version))
            + "</p>",
        ]
        self.text.setText("".join(lines))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def plain_text(self) -> str:
        """The dialog's text without markup (for a test, or copying)."""
        from PySide6.QtGui import QTextDocument

        document = QTextDocument()
        document.setHtml(self.text.text())
        return document.toPlainText()
