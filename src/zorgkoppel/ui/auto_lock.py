"""Locking the window after a while without input, after the computer slept, or on request.

One event filter on the application notes the time of every key, mouse, wheel and touch
event (the filter sees every event of the program, so it does as little as it can). A timer
ticking every few seconds locks when the idle time is over, or when far more time passed
since its last tick than it should have: the computer slept, and nobody knows who sat down.

Locked, every open window gets an opaque cover (nothing is closed, hidden or reloaded, so a
half-typed form is still there) and the window on top asks for the password. Until it is
given, the filter lets input reach only that question.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.i18n import N_, _
from zorgkoppel.settings import Settings
from zorgkoppel.ui.lock_overlay import LockCover, LockOverlay

TICK_MS = 5_000
# A tick this much later than planned means the computer slept (or the clock was moved).
JUMP_MS = 60_000

MSG_CANNOT_LOCK = N_("The window cannot be locked without accounts: there is no password to "
                     "ask.")
MSG_WRONG_PASSWORD = N_("That is not the right password; the window stays locked.")
MSG_CHECK_FAILED = N_("The password could not be checked ({reason}); the window stays locked.")
MSG_WRONG_PASSPHRASE = N_("That is not the right passphrase; the window stays locked.")

_T = QEvent.Type
_INPUT_EVENTS = frozenset({
    _T.KeyPress, _T.KeyRelease, _T.ShortcutOverride, _T.InputMethod,
    _T.MouseButtonPress, _T.MouseButtonRelease, _T.MouseButtonDblClick, _T.MouseMove,
    _T.Wheel, _T.ContextMenu, _T.TouchBegin, _T.TouchUpdate, _T.TouchEnd,
    _T.TabletPress, _T.TabletMove, _T.TabletRelease,
})
# Menu shortcuts (Ctrl+Q, Ctrl+S…) act on the forms underneath: never delivered while
# locked. Nor is closing the main window or an editor beside it (its title bar's ×),
# which would save or drop their unsaved edits. Other dialogs may close: a message box
# the program ends goes through the same close event as a click on its ×.
_BLOCKED_WHILE_LOCKED = frozenset({_T.Shortcut, _T.Close})
_WINDOW_CHANGES = frozenset({_T.Show, _T.Hide})


KEEP_OPEN = "zorgkoppel_keep_open_while_locked"


def keep_open_while_locked(window: QWidget) -> None:
    """Mark a window that holds edits (a worker file, a trajectory): no × closes it while
    the program is locked."""
    window.setProperty(KEEP_OPEN, True)


class AutoLock(QObject):
    """The lock of `window` and of every other window of the program.

    `idle_ms` replaces the setting's minutes (tests lock in milliseconds); `wall_clock`
    and `monotonic` are there so a test can make time jump.
    """

    def __init__(
        self,
        window: QWidget,
        ctx: ServiceContext,
        settings: Settings,
        idle_ms: int | None = None,
        tick_ms: int = TICK_MS,
        jump_ms: int = JUMP_MS,
        wall_clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.settings = settings
        self._idle_ms = idle_ms
        self._tick_ms = tick_ms
        self._jump_ms = jump_ms
        self._wall_clock = wall_clock
        self._monotonic = monotonic
        self._last_input = monotonic()
        self._last_wall = wall_clock()
        self._last_tick = self._last_input
        self._locked = False
        self._passphrase = False  # what the question asks for
        self.overlay: LockOverlay | None = None
        self._covers: list[LockCover] = []
        self._focus_before: QWidget | None = None
        self._host_size: QSize | None = None
        self._wait_until = 0.0  # monotonic time before which a try would be refused anyway
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(250)
        self._wait_timer.timeout.connect(self._count_down)
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def stop(self) -> None:
        """The window closed: stop watching the application's events (and the clock).

        A closed window may live on (a test's, or until Qt deletes it); its filter would
        otherwise keep seeing every event of the application.
        """
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    @property
    def locked(self) -> bool:
        return self._locked

    def idle_limit_ms(self) -> int:
        if self._idle_ms is not None:
            return self._idle_ms
        return self.settings.lock_after_minutes * 60_000

    def _window_open(self) -> bool:
        """The window is shown (not closed, nor being destroyed at the end of a test)."""
        return isValid(self.window) and self.window.isVisible()

    # -- noticing input and time

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not self._locked:
            if kind in _INPUT_EVENTS:
                self._last_input = self._monotonic()
            return False
        if not self._window_open():  # a closed window's lock no longer stands in the way
            return False
        if kind in _WINDOW_CHANGES and isinstance(watched, QWidget) and watched.isWindow():
            QTimer.singleShot(0, self._windows_changed)
        elif kind in _BLOCKED_WHILE_LOCKED:
            if kind == _T.Close:
                if watched is not self.window and not (
                        isinstance(watched, QWidget) and watched.property(KEEP_OPEN)):
                    return False
                event.ignore()  # a swallowed close event still counts as accepted
                return True
            return not self._in_overlay(watched)
        if kind in _INPUT_EVENTS and isinstance(watched, QWidget):
            # Input for the platform window is passed on to a widget: judged there.
            return not self._in_overlay(watched)
        return False

    def _in_overlay(self, watched: QObject) -> bool:
        overlay = self.overlay
        if overlay is None or not isValid(overlay):
            return False
        return isinstance(watched, QWidget) and (
            watched is overlay or overlay.isAncestorOf(watched))

    def _tick(self) -> None:
        wall, now = self._wall_clock(), self._monotonic()
        # Linux and macOS stop the monotonic clock during sleep, Windows does not: the
        # larger of the two gaps is the time the program was away.
        gap_ms = max(wall - self._last_wall, now - self._last_tick) * 1000
        self._last_wall, self._last_tick = wall, now
        if self._locked:
            self._windows_changed()  # the window that asked may have gone (a dialog closed)
            return
        if not self._window_open():
            return
        slept = gap_ms > self._tick_ms + self._jump_ms
        idle = (now - self._last_input) * 1000 >= self.idle_limit_ms()
        if (slept or idle) and not self.lock():
            self._last_input = now  # nothing to ask: look again after another while

    # -- locking

    def lock(self) -> bool:
        """Cover every window and ask for the password; False when there is nothing to ask."""
        if self._locked:
            return True
        if not self._window_open():  # closed: there is nothing left to protect
            return False
        # Imported here: the accounts (and argon2) are not needed to show the first screen.
        from zorgkoppel.core.services.window_lock import PASSPHRASE, lock_secret

        kind = lock_secret(self.ctx)
        if kind is None:
            return False
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        while (popup := app.activePopupWidget()) is not None:  # open menus and combo lists
            popup.close()
        self._focus_before = app.focusWidget()
        self._locked = True
        self._passphrase = kind == PASSPHRASE
        self._cover_and_ask()
        return True

    def _cover_and_ask(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        # A modal dialog blocks the windows below it: the question goes on the top one.
        host = app.activeModalWidget() or self.window
        for window in app.topLevelWidgets():
            if window is not host and window.isVisible() and _is_window(window):
                self._covers.append(LockCover(window))
        who = self.ctx.actor.display_name or self.ctx.actor.name
        self.overlay = LockOverlay(host, who, self._passphrase)
        self.overlay.unlock_button.clicked.connect(self._attempt)
        self.overlay.secret.returnPressed.connect(self._attempt)
        needed = self.overlay.sizeHint()
        if needed.width() > host.width() or needed.height() > host.height():
            self._host_size = host.size()  # a small message box: room for the question
            host.resize(host.size().expandedTo(needed))
        if self._waiting():
            self.overlay.set_waiting(True)
            self._show_wait()
        self.overlay.secret.setFocus()

    def _windows_changed(self) -> None:
        """A window opened or closed while locked: cover a new one (a message at the end of an
        import, say), and ask again on the top window when the one that asked is no longer
        it (a modal dialog came, or the dialog that asked went)."""
        if not self._locked or not self._window_open():
            return
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        overlay = self.overlay
        host = overlay.parentWidget() if overlay is not None and isValid(overlay) else None
        if host is None or not host.isVisible() or host is not (
                app.activeModalWidget() or self.window):
            self._remove_covers()
            self._cover_and_ask()
            return
        covered = {cover.parentWidget() for cover in self._covers if isValid(cover)}
        covered.add(host)
        for window in app.topLevelWidgets():
            if window not in covered and window.isVisible() and _is_window(window):
                self._covers.append(LockCover(window))

    def _remove_covers(self) -> None:
        overlay = self.overlay
        host = overlay.parentWidget() if overlay is not None and isValid(overlay) else None
        self.overlay = None
        for cover in [*self._covers, overlay]:
            if cover is not None and isValid(cover):
                cover.hide()
                cover.deleteLater()
        self._covers = []
        if self._host_size is not None and host is not None and isValid(host):
            host.resize(self._host_size)
        self._host_size = None

    def lock_now(self, show_status: Callable[[str], None]) -> None:
        """The Lock now action: lock, or say why the window cannot be locked."""
        if not self.lock():
            show_status(_(MSG_CANNOT_LOCK))

    def _attempt(self) -> None:
        overlay = self.overlay
        if overlay is None or self._waiting():
            return
        from sqlalchemy.exc import SQLAlchemyError

        from zorgkoppel.core.errors import ZorgkoppelError
        from zorgkoppel.core.services.window_lock import try_unlock

        try:
            attempt = try_unlock(self.ctx, overlay.take_secret())
        except (ZorgkoppelError, OSError, SQLAlchemyError) as error:
            # The reason names the failing file or database, never the secret.
            overlay.message.setText(_(MSG_CHECK_FAILED).format(
                reason=str(getattr(error, "orig", None) or error)))
            return
        if attempt.unlocked:
            self._unlock()
            return
        if attempt.wait_seconds:
            # A little after the service's own deadline, so the next try is not refused.
            self._wait_until = time.monotonic() + attempt.wait_seconds + 0.2
            overlay.set_waiting(True)
            self._show_wait()
            self._wait_timer.start()  # counts down: the window stays responsive meanwhile
        else:
            overlay.message.setText(_(
                MSG_WRONG_PASSPHRASE if overlay.passphrase else MSG_WRONG_PASSWORD))

    def _waiting(self) -> bool:
        return time.monotonic() < self._wait_until

    def _show_wait(self) -> None:
        from zorgkoppel.core.services.accounts import MSG_THROTTLED

        seconds = math.ceil(max(0.0, self._wait_until - time.monotonic() - 0.2))
        if self.overlay is not None:
            self.overlay.message.setText(_(MSG_THROTTLED).format(seconds=max(1, seconds)))

    def _count_down(self) -> None:
        if self._waiting():
            self._show_wait()
            return
        self._wait_timer.stop()
        if self.overlay is not None:
            self.overlay.message.setText("")
            self.overlay.set_waiting(False)

    def _unlock(self) -> None:
        self._locked = False
        self._remove_covers()
        focus, self._focus_before = self._focus_before, None
        if focus is not None and isValid(focus) and focus.isVisible():
            focus.activateWindow()
            focus.setFocus()
        self._last_input = self._last_tick = self._monotonic()
        self._last_wall = self._wall_clock()


def _is_window(widget: QWidget) -> bool:
    """A window or dialog, not a tooltip, menu or splash screen."""
    return widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)


def install_auto_lock(window: QWidget, ctx: ServiceContext, settings: Settings) -> AutoLock:
    """The window's lock with the settings' idle time (called once by the main window)."""
    return AutoLock(window, ctx, settings)
