"""What a locked window shows: an opaque cover over each open window, and on one of them the
question for the password (or passphrase).

The covers are children of the windows they hide, so the forms underneath stay exactly as
they were; they only have to follow their window's size.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.i18n import _
from zorgkoppel.ui.look import muted


class LockCover(QWidget):
    """An opaque widget over the whole of its parent window, menus and status bar included."""

    def __init__(self, window: QWidget, hint: bool = True) -> None:
        super().__init__(window)
        self.setObjectName("lock_cover")
        if hint:  # the question itself is on another window
            label = QLabel(_("This window is locked; unlock it where the password is asked."))
            muted(label)
            layout = QVBoxLayout(self)
            layout.addWidget(label, 0, Qt.AlignmentFlag.AlignCenter)
        self.setAutoFillBackground(True)  # the window's own colour: nothing shows through
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False


class LockOverlay(LockCover):
    """The cover that asks: who is locked out, the secret field, Unlock, and what went wrong."""

    def __init__(self, window: QWidget, who: str, passphrase: bool) -> None:
        super().__init__(window, hint=False)
        self.setObjectName("lock_overlay")
        self.passphrase = passphrase
        title = QLabel(_("The window is locked"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        if passphrase:
            question = _("Enter the passphrase of the data folder to go on.")
        else:
            question = _("{name}, enter your password to go on.").format(name=who)
        self.question = QLabel(question)
        self.question.setObjectName("unlock_question")
        self.question.setWordWrap(True)
        self.secret = QLineEdit()
        self.secret.setObjectName("unlock_secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        # A context menu would open a pop-up outside the overlay, which gets no input.
        self.secret.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.secret.setAccessibleName(_("Passphrase") if passphrase else _("Password"))
        self.unlock_button = QPushButton(_("Unlock"))
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        self.message = QLabel()
        self.message.setObjectName("unlock_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        note = QLabel(_("What you were doing stays as it was until you unlock."))
        note.setWordWrap(True)
        muted(note)

        row = QHBoxLayout()
        row.addWidget(self.secret, 1)
        row.addWidget(self.unlock_button)
        panel = QFrame()
        panel.setObjectName("unlock_panel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setFixedWidth(440)  # wrapped texts need a set width to know their height
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(24, 20, 24, 20)
        panel_layout.setSpacing(10)
        panel_layout.addWidget(title)
        panel_layout.addWidget(self.question)
        panel_layout.addLayout(row)
        panel_layout.addWidget(self.message)
        panel_layout.addWidget(note)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.setFocusProxy(self.secret)

    def take_secret(self) -> str:
        """The typed secret; the field is emptied at once so it is kept nowhere."""
        text = self.secret.text()
        self.secret.clear()
        return text

    def set_waiting(self, waiting: bool) -> None:
        self.secret.setEnabled(not waiting)
        self.unlock_button.setEnabled(not waiting)
        if not waiting:
            self.secret.setFocus()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab moves between the field and the button only, never to the form underneath."""
        target = self.unlock_button if self.secret.hasFocus() else self.secret
        if target.isEnabled():
            target.setFocus(Qt.FocusReason.TabFocusReason)
        return True
