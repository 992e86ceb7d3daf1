"""The contract (or an amendment) previewed inside the program, printed or saved as PDF.

The PDF comes from `zorgkoppel.documents.contract` (no Qt there); this window only shows
it with QtPdf. Printing and saving record the issued file's SHA-256, previewing does not.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.documents.contract import (
    amendment_pdf,
    contract_file_name,
    contract_pdf,
    issue_contract,
)
from zorgkoppel.documents.contract_data import load_contract_source
from zorgkoppel.i18n import N_, _
from zorgkoppel.ui import agreement_dialogs, dialogs
from zorgkoppel.ui.code_combo import CodeCombo
from zorgkoppel.ui.language import LANGUAGE_NAMES
from zorgkoppel.ui.texts import Texts


def load_pdf(pdf: bytes, parent: QWidget | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over the bytes; keep the buffer as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def page_image(document: QPdfDocument, page: int, width: int) -> QImage:
    """One page on white paper: QPdfDocument.render() leaves the background transparent."""
    points = document.pagePointSize(page)
    height = round(width * points.height() / points.width())
    rendered = document.render(page, QSize(width, height))
    paper = QImage(width, height, QImage.Format.Format_RGB32)
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return paper


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page, scaled to the printer's page; returns the number of pages."""
    document, _buffer = load_pdf(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(_("The printer could not be started."))
    try:
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            image = page_image(document, page, target.width())
            scaled = image.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
            painter.drawImage(0, 0, scaled)
    finally:
        painter.end()
    return document.pageCount()


class ContractPreview(QDialog):
    """Preview of the contract (amendment 0) or of amendment no. `amendment`."""

    def __init__(self, ctx: ServiceContext, agreement_id: str, amendment: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contract_preview")
        self.ctx = ctx
        self.agreement_id = agreement_id
        self.amendment = amendment
        self.texts = Texts()
        self.source = load_contract_source(ctx, agreement_id)
        self.pdf = b""
        self._buffer: QBuffer | None = None
        self.document: QPdfDocument | None = None

        self.language = CodeCombo(lambda: list(LANGUAGE_NAMES.items()))
        self.language.setObjectName("contract_language")
        self.language.set_code(self.source.file.data.language)
        self.language.currentIndexChanged.connect(lambda _i: self.render_pdf())
        language_label = QLabel()
        self.texts.bind(language_label.setText, N_("&Language:"))
        language_label.setBuddy(self.language)
        self.print_button = QPushButton()
        self.print_button.setObjectName("print_button")
        self.texts.bind(self.print_button.setText, N_("&Print…"))
        self.print_button.clicked.connect(self.print_contract)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_pdf_button")
        self.texts.bind(self.save_button.setText, N_("&Save as PDF…"))
        self.save_button.clicked.connect(self.save_contract)
        close = QPushButton()
        self.texts.bind(close.setText, N_("Close"))
        close.clicked.connect(self.close)
        self.info = QLabel()
        self.info.setObjectName("issue_info")
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.view = QPdfView()
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        top = QHBoxLayout()
        top.addWidget(language_label)
        top.addWidget(self.language)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.save_button)
        top.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.info)
        self.resize(820, 980)
        self.render_pdf()

    def title(self) -> str:
        reference = self.source.file.data.reference
        if self.amendment:
            return _("Amendment {number} to {reference}").format(
                number=self.amendment, reference=reference)
        return _("Contract {reference}").format(reference=reference)

    def render_pdf(self) -> None:
        language = self.language.code()
        if self.amendment:
            self.pdf = amendment_pdf(self.source, self.amendment, language)
        else:
            self.pdf = contract_pdf(self.source, language)
        old = (self.document, self._buffer)
        self.document, self._buffer = load_pdf(self.pdf, self)
        self.view.setDocument(self.document)
        for item in old:
            if item is not None:
                item.deleteLater()
        self.setWindowTitle(self.title())

    def page_count(self) -> int:
        return self.document.pageCount() if self.document else 0

    def _issue(self) -> bytes | None:
        try:
            issued = issue_contract(self.ctx, self.agreement_id, self.language.code(),
                                    self.amendment)
        except ZorgkoppelError as error:
            dialogs.show_error(self, _("Cannot issue the contract"), error.text())
            return None
        self.info.setText(_("Issued on {date}, SHA-256 {sha256}").format(
            date=issued.issue.issued_on.isoformat(), sha256=issued.issue.sha256))
        return issued.pdf

    def print_contract(self) -> bool:
        printer = agreement_dialogs.ask_printer(self, self.title())
        if printer is None:
            return False
        pdf = self._issue()
        if pdf is None:
            return False
        try:
            print_pdf(pdf, printer)
        except OSError as error:
            dialogs.show_error(self, _("Cannot print"), str(error))
            return False
        return True

    def save_contract(self) -> bool:
        language = self.language.code() or "nl"
        suggested = contract_file_name(self.source.file.data.reference, language,
                                       self.amendment)
        path = agreement_dialogs.ask_pdf_path(self, suggested)
        if path is None:
            return False
        pdf = self._issue()
        if pdf is None:
            return False
        try:
            path.write_bytes(pdf)
        except OSError as error:
            dialogs.show_error(self, _("Cannot save"), _("Cannot write {path}: {reason}").format(
                path=path, reason=error.strerror or str(error)))
            return False
        return True
