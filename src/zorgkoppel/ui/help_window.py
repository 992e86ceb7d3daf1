"""Help ▸ User guide (F1): the shipped HTML guide in a text browser, with its contents.

A window of its own beside the main window (not modal), so the guide stays open while the
user follows its steps; F1 again brings it forward on the topic of the current screen.
Everything is local files: no internet, links move between the guide's pages.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.i18n import N_, current_language
from zorgkoppel.ui.texts import Texts
from zorgkoppel.user_guide import HOME, guide_folder, topic_path, topic_titles

# Qt's rich text knows a subset of CSS; one sheet for every page keeps the pages plain.
STYLE = """
body { font-size: 11pt; line-height: 130%; }
h1 { color: #1f6f8b; font-size: 17pt; margin-bottom: 6px; }
h2 { color: #1f6f8b; font-size: 13pt; margin-top: 16px; }
p, li { margin-top: 3px; margin-bottom: 3px; }
a { color: #1f6f8b; }
.menu { font-weight: bold; }
.key { font-family: monospace; background-color: #eef2f4; }
.tip { background-color: #f4f8ec; }
"""


class HelpWindow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help_window")
        self.texts = Texts()
        self.texts.bind(self.setWindowTitle, N_("zorgkoppel user guide"))
        self.language = ""

        self.contents = QListWidget()
        self.contents.setObjectName("help_contents")
        self.contents.setWordWrap(True)  # long titles wrap instead of being cut
        self.contents.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents.setSpacing(3)
        font = self.contents.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.contents.setFont(font)
        self.texts.bind(self.contents.setAccessibleName, N_("Contents"))
        self.contents.itemActivated.connect(self._picked)
        self.contents.itemClicked.connect(self._picked)

        self.browser = QTextBrowser()
        self.browser.setObjectName("help_browser")
        self.browser.setOpenExternalLinks(False)  # the guide is offline
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.browser.sourceChanged.connect(self._follow_contents)

        self.back_button = self.texts.button(N_("&Back"), self.browser.backward, "help_back")
        self.forward_button = self.texts.button(N_("&Forward"), self.browser.forward,
                                                "help_forward")
        self.home_button = self.texts.button(N_("&Contents"), lambda: self.show_topic(HOME),
                                             "help_home")
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)

        buttons = QHBoxLayout()
        for button in (self.back_button, self.forward_button, self.home_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 660])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.resize(960, 680)
        self.set_language(current_language())

    # -- language and contents

    def set_language(self, language: str) -> None:
        """Show the guide in `language` (English when it has none), on the same page."""
        topic = self.current_topic() if self.language else HOME
        self.language = guide_folder(language).name
        self.texts.retranslate()
        self.contents.clear()
        for key, title in topic_titles(self.language).items():
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.contents.addItem(item)
        self.browser.clearHistory()
        self.show_topic(topic)

    def show_topic(self, topic: str = HOME, anchor: str = "") -> None:
        url = QUrl.fromLocalFile(str(topic_path(self.language, topic)))
        if anchor:
            url.setFragment(anchor)
        self.browser.setSource(url)

    def current_topic(self) -> str:
        return Path(self.browser.source().toLocalFile()).stem or HOME

    def _picked(self, item: QListWidgetItem) -> None:
        self.show_topic(item.data(Qt.ItemDataRole.UserRole))

    def _follow_contents(self, url: QUrl) -> None:
        # The signal comes before source() returns the new page: take the page from `url`.
        topic = Path(url.toLocalFile()).stem
        for row in range(self.contents.count()):
            if self.contents.item(row).data(Qt.ItemDataRole.UserRole) == topic:
                blocked = self.contents.blockSignals(True)
                self.contents.setCurrentRow(row)
                self.contents.blockSignals(blocked)
                break

    def bring_forward(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
