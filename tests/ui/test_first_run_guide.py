"""The first-run guide, driven page by page as a new user would, in the real widgets."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlmodel import select

from tests.ui.guide_support import (
    click_finish,
    click_next,
    close_guide,
    fill_organisation,
    finish_without_account,
    pick,
    type_into,
)
from tests.ui.login_support import answering, cancel
from zorgkoppel.core.models import Organisation, User
from zorgkoppel.core.services.dataset import is_empty
from zorgkoppel.i18n import _, set_language
from zorgkoppel.settings import Settings, load_settings
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.first_run import first_start
from zorgkoppel.ui.first_run_guide import FirstRunGuide
from zorgkoppel.ui.main_window import MainWindow

PASSWORD = "kamille-thee-42"


def guide_for(qtbot, ctx, data_dir) -> FirstRunGuide:
    guide = FirstRunGuide(ctx, data_dir)
    qtbot.addWidget(guide)
    guide.show()
    qtbot.waitExposed(guide)
    return guide








def in_french(msgid: str) -> str:
    set_language("fr")
    try:
        return _(msgid)
    finally:
        set_language("en")




def fill_account(qtbot, guide: FirstRunGuide, again: str = PASSWORD) -> None:
    page = guide.account
    type_into(qtbot, page.user_name, "Griet")
    type_into(qtbot, page.display_name, "Griet Claes")
    type_into(qtbot, page.password, PASSWORD)
    type_into(qtbot, page.password_again, again)


def stored(ctx, model):
    with ctx.db.session() as session:
        return list(session.exec(select(model)))


def test_from_an_empty_folder_to_an_organisation_an_admin_and_a_backup_folder(
        ctx, data_dir, tmp_path, qtbot):
    guide = guide_for(qtbot, ctx, data_dir)
    pick(qtbot, guide.language.buttons["fr"])
    assert guide.who.title() == in_french("Who are you?")  # the guide speaks French at once
    pick(qtbot, guide.language.buttons["en"])
    click_next(qtbot, guide)
    assert guide.currentPage() is guide.who

    fill_organisation(qtbot, guide, "0404.616.49")
    check = guide.who.number_check
    assert check.text() == "9 of 10 digits"  # said while typing
    qtbot.keyClicks(guide.who.form.enterprise_number, "5")
    assert check.text().startswith("✗")
    click_next(qtbot, guide)  # a wrong number: the page stays, and says why
    assert guide.currentPage() is guide.who
    assert "not a valid enterprise number" in guide.who.form.errors.label_for(
        "enterprise_number").text()
    qtbot.keyClick(guide.who.form.enterprise_number, Qt.Key.Key_Backspace)
    qtbot.keyClicks(guide.who.form.enterprise_number, "4")
    assert check.text() == "✓ a valid enterprise number: 0404.616.494"
    click_next(qtbot, guide)
    assert guide.currentPage() is guide.account

    fill_account(qtbot, guide, again="kamille-thee-43")
    click_next(qtbot, guide)
    assert guide.currentPage() is guide.account
    assert guide.account.errors.label_for("password_again").text() == "the two passwords differ"
    type_into(qtbot, guide.account.password_again, PASSWORD)
    click_next(qtbot, guide)
    assert guide.currentPage() is guide.start
    click_next(qtbot, guide)  # an empty start

    type_into(qtbot, guide.backup.second, str(data_dir / "copies"))
    click_next(qtbot, guide)  # inside the data folder: refused
    assert guide.currentPage() is guide.backup
    usb = tmp_path / "usb"
    type_into(qtbot, guide.backup.second, str(usb))
    click_next(qtbot, guide)
    assert guide.currentPage() is guide.done_page
    summary = guide.done_page.summary.text()
    assert str(data_dir) in summary and str(usb) in summary and "griet" in summary
    assert is_empty(ctx)  # nothing was stored before Finish

    click_finish(qtbot, guide)
    assert guide.result() == QDialog.DialogCode.Accepted and guide.result_made is not None
    [organisation] = stored(ctx, Organisation)
    assert (organisation.name, organisation.enterprise_number) == ("WZC De Linde", "0404.616.494")
    [user] = stored(ctx, User)
    assert (user.user_name, user.role, user.organisation_id) == ("griet", "admin", organisation.id)
    assert guide.account.password.text() == ""  # not kept in the widget
    settings = load_settings(data_dir)
    assert (settings.language, settings.second_backup_folder) == ("en", str(usb.resolve()))


def test_closing_the_guide_halfway_makes_nothing(ctx, data_dir, qtbot):
    guide = guide_for(qtbot, ctx, data_dir)
    click_next(qtbot, guide)
    fill_organisation(qtbot, guide, "0404.616.494")
    click_next(qtbot, guide)
    fill_account(qtbot, guide)
    click_next(qtbot, guide)
    guide.reject()
    assert guide.result_made is None
    assert is_empty(ctx) and stored(ctx, User) == []
    assert not (data_dir / "settings.json").exists()


def test_joining_an_installation_takes_its_exchange_file(ctx, data_dir, tmp_path, qtbot,
                                                         monkeypatch):
    from zorgkoppel.core.context import ServiceContext
    from zorgkoppel.demo.loading import load_demo
    from zorgkoppel.exchange.exporter import export_exchange
    from zorgkoppel.storage.opening import open_database

    other = ServiceContext(open_database(tmp_path / "other"))
    load_demo(other)
    exchange = tmp_path / "installation.json"
    exchange.write_text(json.dumps(export_exchange(other)), encoding="utf-8")
    other.db.dispose()
    monkeypatch.setattr(dialogs, "ask_open_path", lambda parent, title: exchange)
    guide = guide_for(qtbot, ctx, data_dir)
    click_next(qtbot, guide)
    pick(qtbot, guide.who.join)
    assert not guide.who.form_box.isEnabled()
    click_next(qtbot, guide)  # no file chosen yet
    assert guide.currentPage() is guide.who
    assert guide.who.join_error.text() == "choose the exchange file of the installation to join"
    qtbot.mouseClick(guide.who.choose, Qt.MouseButton.LeftButton)
    assert guide.who.join_file.text() == str(exchange)
    click_next(qtbot, guide)
    pick(qtbot, guide.account.make)  # no account for now
    for _page in range(3):
        click_next(qtbot, guide)
    click_finish(qtbot, guide)
    assert guide.result_made is not None and guide.result_made.imported > 10
    assert len(stored(ctx, Organisation)) > 3 and stored(ctx, User) == []




def test_the_first_start_shows_the_guide_then_offers_encryption(ctx, data_dir, qtbot,
                                                               monkeypatch):
    window = MainWindow(ctx, data_dir, Settings(language="en"))
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []
    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {
        "first_run_guide": [lambda guide: finish_without_account(qtbot, guide)],
        "encrypt": [lambda dialog: cancel(qtbot, dialog)],
    }, seen))
    first_start(window)
    assert seen == ["first_run_guide", "encrypt"]
    assert window.screen("organisations").model.rowCount() == 1  # the window shows it at once
    first_start(window)  # set up: neither the guide nor the demo offer comes again




def test_a_closed_guide_comes_again_and_offers_nothing_else(ctx, data_dir, qtbot, monkeypatch):
    window = MainWindow(ctx, data_dir, Settings(language="en"))
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []
    monkeypatch.setattr(dialogs, "exec_dialog", answering(qtbot, {
        "first_run_guide": [close_guide, close_guide],
    }, seen))
    first_start(window)
    first_start(window)
    assert seen == ["first_run_guide", "first_run_guide"] and is_empty(ctx)


def test_exit_after_start_never_shows_the_guide(data_dir: Path, qapp):
    from zorgkoppel.ui.app import run_gui

    assert run_gui(data_dir, language="en", exit_after_start=True) == 0  # exec_dialog raises
