"""After the first-run guide (without an account), the first start offers to encrypt the new
data folder with a passphrase typed twice."""

from __future__ import annotations

from tests.storage.encryption_support import PASSPHRASE
from tests.ui.guide_support import finish_without_account
from tests.ui.login_support import answering, cancel, message_of, type_and_accept
from zorgkoppel.settings import Settings
from zorgkoppel.storage.encryption import has_passphrase, is_encrypted
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.first_run import first_start, is_first_run
from zorgkoppel.ui.main_window import MainWindow


def _first_window(qtbot, ctx, data_dir):
    window = MainWindow(ctx, data_dir, Settings(language="en"))
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_first_run_encrypts_with_a_checked_passphrase(
        ctx, data_dir, qtbot, monkeypatch):
    window = _first_window(qtbot, ctx, data_dir)
    assert is_first_run(window)
    messages = []

    def encrypt(dialog):
        type_and_accept(qtbot, dialog, passphrase="too short", passphrase_again="too short")
        messages.append(message_of(dialog))
        type_and_accept(qtbot, dialog, passphrase=PASSPHRASE, passphrase_again=PASSPHRASE + "!")
        messages.append(message_of(dialog))
        assert not is_encrypted(data_dir)
        type_and_accept(qtbot, dialog, passphrase=PASSPHRASE, passphrase_again=PASSPHRASE)

    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {
        "first_run_guide": [lambda guide: finish_without_account(qtbot, guide)],
        "encrypt": [encrypt]}))
    first_start(window)
    assert messages == ["a passphrase needs at least 12 characters",
                        "the two passphrases differ"]
    assert is_encrypted(data_dir) and has_passphrase(data_dir)
    assert window.ctx.db.data_key is not None  # the window goes on with the encrypted data
    assert window.backups.back_up() is not None  # and its backups use the key
    assert window.screen("organisations").model.rowCount() == 1  # what the guide made
    window.ctx.db.dispose()


def test_not_now_leaves_the_data_plain(ctx, data_dir, qtbot, monkeypatch):
    window = _first_window(qtbot, ctx, data_dir)
    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {
        "first_run_guide": [lambda guide: finish_without_account(qtbot, guide)],
        "encrypt": [lambda d: cancel(qtbot, d)]}))
    first_start(window)
    assert not is_encrypted(data_dir)
    first_start(window)  # asked once: the second time the patch has no answer left


def test_not_offered_with_data_or_once_offered(window, sample):
    assert not is_first_run(window)
