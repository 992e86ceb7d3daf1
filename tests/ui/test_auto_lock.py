"""The window locks when idle, after sleep and on request; the password unlocks it and every
half-typed form is still there. Passwords end up in no log, settings or other file."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from tests.storage.encryption_support import PASSPHRASE, encrypted_folder
from tests.ui.conftest import discard_edits, type_text
from zorgkoppel.core.context import LOCAL_OWNER, ServiceContext
from zorgkoppel.core.services import audit
from zorgkoppel.core.services.accounts import UserData, add_user, authenticate
from zorgkoppel.core.services.audit_listing import list_entries
from zorgkoppel.core.services.workers import list_workers
from zorgkoppel.settings import Settings, load_settings
from zorgkoppel.storage.opening import open_database
from zorgkoppel.ui.auto_lock import MSG_CANNOT_LOCK, AutoLock
from zorgkoppel.ui.lock_overlay import LockCover
from zorgkoppel.ui.main_window import MainWindow
from zorgkoppel.ui.privacy_settings import PrivacySettingsDialog
from zorgkoppel.ui.worker_file import WorkerFileWindow

PASSWORD = "Kastanje-Laan-42"
QUICK = {"idle_ms": 150, "tick_ms": 10}


@pytest.fixture
def user_ctx(ctx: ServiceContext) -> ServiceContext:
    """The context logged in as Griet, an administrator."""
    add_user(ctx, UserData("griet", "admin", display_name="Griet Claes"), PASSWORD)
    ctx.actor = authenticate(ctx, "griet", PASSWORD)
    return ctx


def lock_of(window: MainWindow, **timing: object) -> AutoLock:
    """A lock with a test's timing on the window (the window's own waits ten minutes)."""
    return AutoLock(window, window.ctx, window.settings, **timing)  # type: ignore[arg-type]


def unlock_with(lock: AutoLock, secret: str) -> None:
    assert lock.overlay is not None
    type_text(lock.overlay.secret, secret)
    lock.overlay.unlock_button.click()


def test_idle_locks_and_the_password_unlocks_with_the_form_as_it_was(
        user_ctx, sample, window, qtbot):
    screen = window.show_screen("workers")
    screen.new_record()
    type_text(screen.form.first_name, "Zoë")
    lock = lock_of(window, **QUICK)
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)

    overlay = lock.overlay
    assert overlay.isVisible() and overlay.geometry() == window.rect()
    assert "Griet Claes" in overlay.question.text()
    assert QApplication.focusWidget() is overlay.secret
    # Nothing reaches the form: typing, clicking, nor the menu's shortcuts (Ctrl+S saves).
    type_text(screen.form.first_name, "X")
    qtbot.mouseClick(screen.form.last_name, Qt.MouseButton.LeftButton)
    qtbot.keyClick(overlay.secret, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert screen.form.first_name.text() == "Zoë"
    assert len(list_workers(user_ctx)) == 3

    unlock_with(lock, "not-the-password")
    assert lock.locked and overlay.isVisible()
    assert overlay.message.text() == "That is not the right password; the window stays locked."
    assert overlay.secret.text() == ""  # emptied after every try

    type_text(overlay.secret, PASSWORD)
    qtbot.keyClick(overlay.secret, Qt.Key.Key_Return)
    assert not lock.locked
    assert not any(cover.isVisible() for cover in window.findChildren(LockCover))
    assert screen.form.first_name.text() == "Zoë"
    assert screen.is_dirty()
    assert QApplication.focusWidget() is screen.form.first_name
    actions = [row.action for row in list_entries(user_ctx, user_name="griet", limit=2)]
    assert actions == [audit.UNLOCK, audit.LOGIN_FAILED]


def test_open_worker_file_window_is_covered_and_unreachable(user_ctx, sample, window, qtbot):
    file_window = WorkerFileWindow(user_ctx, sample.samir, window)
    qtbot.addWidget(file_window)
    file_window.show()
    qtbot.waitExposed(file_window)
    lock = lock_of(window, **QUICK)
    assert lock.lock()
    (cover,) = file_window.findChildren(LockCover)
    assert cover.isVisible() and cover.geometry() == file_window.rect()
    file_window.tabs.setFocus()
    qtbot.keyClick(file_window.tabs, Qt.Key.Key_Right)
    assert file_window.tabs.currentIndex() == 0
    unlock_with(lock, PASSWORD)
    assert not cover.isVisible() and file_window.isVisible()


def test_a_wall_clock_jump_locks(user_ctx, window, qtbot):
    clock = [1_000_000.0]
    lock = lock_of(window, idle_ms=3_600_000, tick_ms=10, jump_ms=1_000,
                   wall_clock=lambda: clock[0])
    qtbot.wait(100)
    assert not lock.locked
    clock[0] += 2 * 3600  # the laptop slept two hours
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)


def test_input_restarts_the_idle_time(user_ctx, window, qtbot):
    now = [0.0]
    lock = lock_of(window, idle_ms=1_000, tick_ms=10, jump_ms=10**9,
                   monotonic=lambda: now[0])
    field = window.show_screen("workers").search
    now[0] = 0.9
    type_text(field, "a")
    now[0] = 1.5
    qtbot.wait(60)
    assert not lock.locked  # 0.6 s since the key, not 1.5 s since the start
    now[0] = 1.8
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    now[0] = 2.7
    qtbot.wait(60)
    assert not lock.locked
    now[0] = 2.9
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)


def test_the_local_owner_never_locks(ctx, window, qtbot):
    assert ctx.actor == LOCAL_OWNER
    lock = lock_of(window, idle_ms=20, tick_ms=10)
    qtbot.wait(150)
    assert not lock.locked and not lock.lock()
    window.lock_action.trigger()
    assert not window.auto_lock.locked
    assert window.statusBar().currentMessage() == MSG_CANNOT_LOCK


def test_lock_now_with_ctrl_l(user_ctx, window, qtbot):
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    window.lock_action.trigger()
    assert window.auto_lock.locked
    # Closing would save or drop the unsaved edits: not while locked, nor through Ctrl+Q.
    assert not window.close() and window.isVisible()
    qtbot.keyClick(window.auto_lock.overlay.secret, Qt.Key.Key_Q,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.isVisible()
    unlock_with(window.auto_lock, PASSWORD)
    assert not window.auto_lock.locked


def test_the_growing_wait_counts_down_without_freezing(user_ctx, window, qtbot):
    lock = lock_of(window, **QUICK)
    assert lock.lock()
    overlay = lock.overlay
    for _try in range(5):
        unlock_with(lock, "wrong-wrong")
    assert "wait 1 seconds" in overlay.message.text()
    assert not overlay.secret.isEnabled() and not overlay.unlock_button.isEnabled()
    qtbot.waitUntil(overlay.secret.isEnabled, timeout=4000)  # the event loop kept running
    assert overlay.message.text() == ""
    unlock_with(lock, PASSWORD)
    assert not lock.locked


def test_passwords_are_written_nowhere(user_ctx, window, data_dir, qtbot, caplog):
    caplog.set_level(logging.DEBUG)
    lock = lock_of(window, **QUICK)
    assert lock.lock()
    unlock_with(lock, PASSWORD + "x")
    unlock_with(lock, PASSWORD)
    assert not lock.locked
    window.settings.lock_after_minutes = 12
    window.set_language("en")  # writes the window's settings
    assert load_settings(data_dir).lock_after_minutes == 12
    assert PASSWORD not in caplog.text
    for path in data_dir.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert PASSWORD.encode() not in content, path
            assert PASSWORD.encode("utf-16-le") not in content, path


def test_an_encrypted_folder_without_accounts_asks_its_passphrase(tmp_path: Path, qtbot):
    folder = tmp_path / "encrypted"
    folder.mkdir()
    key = encrypted_folder(folder)
    db = open_database(folder, key=key)
    try:
        window = MainWindow(ServiceContext(db), folder, Settings(language="en",
                                                                demo_offered=True))
        qtbot.addWidget(window, before_close_func=discard_edits)
        window.show()
        lock = lock_of(window, **QUICK)
        qtbot.waitUntil(lambda: lock.locked, timeout=3000)
        assert lock.overlay.passphrase
        unlock_with(lock, "not the passphrase")
        assert lock.overlay.message.text() == (
            "That is not the right passphrase; the window stays locked.")
        unlock_with(lock, PASSPHRASE)
        assert not lock.locked
    finally:
        window.close()
        db.dispose()


def test_settings_menu_opens_privacy_and_security(user_ctx, window, monkeypatch):
    from zorgkoppel.ui import dialogs

    seen = []
    monkeypatch.setattr(dialogs, "exec_dialog", lambda dialog: seen.append(
        (dialog.windowTitle(), dialog.lock_field.minutes.value(), dialog.retention is not None)))
    window.privacy_settings_action.trigger()
    assert seen == [("Privacy and security", 10, True)]  # griet is an administrator


def test_the_lock_time_in_the_settings_dialog(user_ctx, window, data_dir, qtbot):
    dialog = PrivacySettingsDialog(data_dir, window)
    qtbot.addWidget(dialog)
    spin = dialog.lock_field.minutes
    assert spin.value() == 10
    spin.setValue(25)
    assert load_settings(data_dir).lock_after_minutes == 25
    assert window.settings.lock_after_minutes == 25
    assert window.auto_lock.idle_limit_ms() == 25 * 60_000
    # The spin box does not take 61 (the second digit is refused) …
    spin.lineEdit().selectAll()
    type_text(spin.lineEdit(), "61")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert spin.value() == 6 and load_settings(data_dir).lock_after_minutes == 6
    # … and were 0 or 61 to reach the field's save, it says why and saves nothing.
    for wrong in (0, 61):
        assert not dialog.lock_field.save(wrong)
        assert dialog.lock_field.error.isVisibleTo(dialog)
        assert dialog.lock_field.error.text() == (
            f"The window locks after 1 to 60 minutes without use; {wrong} is not possible. "
            "Nothing was saved.")
        assert load_settings(data_dir).lock_after_minutes == 6
        assert window.settings.lock_after_minutes == 6


def test_a_modal_dialog_gets_the_question_and_keeps_its_text(user_ctx, window, qtbot):
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    field = QLineEdit(dialog)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(field, "half a sentence")
    lock = lock_of(window, **QUICK)
    assert lock.lock()
    assert lock.overlay.parentWidget() is dialog  # the window below it gets no input
    assert dialog.width() >= lock.overlay.sizeHint().width()
    shown = {c.parentWidget() for c in window.findChildren(LockCover) if c.isVisible()}
    assert shown == {window, dialog}
    unlock_with(lock, PASSWORD)
    assert not lock.locked and dialog.isVisible() and field.text() == "half a sentence"
    dialog.close()


def test_windows_opened_while_locked_are_covered(user_ctx, sample, window, qtbot):
    lock = lock_of(window, **QUICK)
    assert lock.lock()
    file_window = WorkerFileWindow(user_ctx, sample.samir, window)
    qtbot.addWidget(file_window)
    file_window.show()
    qtbot.waitUntil(lambda: bool(file_window.findChildren(LockCover)), timeout=3000)
    message = QDialog(window)
    qtbot.addWidget(message)
    message.setWindowModality(Qt.WindowModality.ApplicationModal)
    message.show()  # a modal message at the end of an import, say: the question moves there
    qtbot.waitUntil(lambda: lock.overlay is not None and lock.overlay.parentWidget() is message,
                    timeout=3000)
    unlock_with(lock, PASSWORD)
    assert not lock.locked
    assert not any(c.isVisible() for w in (window, file_window, message)
                   for c in w.findChildren(LockCover))
    message.close()


def test_no_window_closes_while_locked_so_no_edit_is_lost(user_ctx, sample, window, qtbot):
    file_window = WorkerFileWindow(user_ctx, sample.samir, window)
    qtbot.addWidget(file_window)
    file_window.show()
    qtbot.waitExposed(file_window)
    lock = lock_of(window, **QUICK)
    assert lock.lock()
    # The title bar's × of the worker file (what the window manager sends) and of the
    # main window: both stay open behind the lock.
    file_window.windowHandle().close()
    window.windowHandle().close()
    assert file_window.isVisible() and window.isVisible()
    unlock_with(lock, PASSWORD)
    assert file_window.close() and not file_window.isVisible()


def test_when_the_dialog_that_asked_closes_the_main_window_asks(user_ctx, window, qtbot):
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.show()
    lock = lock_of(window, **QUICK)
    assert lock.lock() and lock.overlay.parentWidget() is dialog
    dialog.done(0)  # a message box closing itself, say
    qtbot.waitUntil(lambda: lock.overlay is not None and lock.overlay.parentWidget() is window,
                    timeout=3000)
    type_text(window.show_screen("workers").search, "x")  # still nothing reaches the window
    assert window.screen("workers").search.text() == ""
    unlock_with(lock, PASSWORD)
    assert not lock.locked


def test_a_failing_check_keeps_the_window_locked(user_ctx, window, qtbot, monkeypatch):
    from zorgkoppel.core.services import window_lock

    def broken(ctx: ServiceContext, secret: str) -> object:
        raise OSError(5, "Input/output error")

    working = window_lock.try_unlock
    lock = lock_of(window, **QUICK)
    assert lock.lock()
    monkeypatch.setattr(window_lock, "try_unlock", broken)
    unlock_with(lock, PASSWORD)
    assert lock.locked
    assert lock.overlay.message.text() == (
        "The password could not be checked ([Errno 5] Input/output error); the window stays "
        "locked.")
    assert lock.overlay.secret.text() == ""
    monkeypatch.setattr(window_lock, "try_unlock", working)
    unlock_with(lock, PASSWORD)
    assert not lock.locked
