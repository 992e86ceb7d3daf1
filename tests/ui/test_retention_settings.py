"""Settings › note retention: off by default, a preview before anything goes, admins only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from sqlmodel import func, select

from zorgkoppel.core.context import Actor, ServiceContext
from zorgkoppel.core.models import Note
from zorgkoppel.demo.loading import load_demo
from zorgkoppel.settings import load_settings
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.main_window import MainWindow
from zorgkoppel.ui.privacy_settings import PrivacySettingsDialog
from zorgkoppel.ui.retention_settings import RetentionPreviewDialog, retention_section

FAR_FUTURE = dt.date(2060, 1, 1)


def _notes(ctx: ServiceContext) -> int:
    with ctx.db.session() as session:
        return session.exec(select(func.count()).select_from(Note)).one()


def test_retention_is_off_until_set_and_removes_only_after_the_preview(
    window: MainWindow, ctx: ServiceContext, data_dir: Path, qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load_demo(ctx, dt.date(2026, 12, 1))
    dialog = PrivacySettingsDialog(data_dir, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    section = dialog.retention
    assert section is not None
    assert not section.enabled.isChecked() and not section.preview_button.isEnabled()
    assert load_settings(data_dir).retention_years is None
    qtbot.mouseClick(section.enabled, Qt.MouseButton.LeftButton)
    section.years.setValue(2)
    assert load_settings(data_dir).retention_years == 2
    assert window.settings.retention_years == 2  # the window's copy, saved with the language
    section._today = FAR_FUTURE
    before = _notes(ctx)
    shown: list[RetentionPreviewDialog] = []

    def look(preview: QDialog) -> int:
        assert isinstance(preview, RetentionPreviewDialog)
        shown.append(preview)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(dialogs, "exec_dialog", look)
    qtbot.mouseClick(section.preview_button, Qt.MouseButton.LeftButton)
    [preview] = shown
    qtbot.addWidget(preview)
    due = preview.model.rowCount()
    assert due > 0 and f"Notes that would be removed: {due}" == preview.summary.text()
    assert _notes(ctx) == before  # the preview removed nothing
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: False)
    qtbot.mouseClick(preview.apply_button, Qt.MouseButton.LeftButton)
    assert _notes(ctx) == before
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    qtbot.mouseClick(preview.apply_button, Qt.MouseButton.LeftButton)
    assert _notes(ctx) == before - due
    assert preview.summary.text() == f"Notes removed: {due}"
    assert not preview.apply_button.isEnabled()
    qtbot.mouseClick(section.enabled, Qt.MouseButton.LeftButton)
    assert load_settings(data_dir).retention_years is None


def test_no_retention_section_for_others_than_administrators(
    ctx: ServiceContext, data_dir: Path, qtbot: Any
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.ctx = ServiceContext(ctx.db, Actor("s", role="staff", side="care"))  # type: ignore[attr-defined]
    assert retention_section(parent, data_dir) is None
    parent.ctx = ctx  # type: ignore[attr-defined]
    assert retention_section(parent, data_dir) is not None
