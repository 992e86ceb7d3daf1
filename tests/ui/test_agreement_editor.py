"""Agreements in the window: the editor, problems next to the fields, the workflow with its
lock and amendments, and the contract preview with Print and Save as PDF."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from tests.documents.pdf_text import pdf_text
from tests.ui.conftest import type_text
from zorgkoppel.core.services.agreement_workflow import (
    agreement_file,
    find_issue,
    list_amendments,
    list_issues,
)
from zorgkoppel.core.services.agreements import list_agreements
from zorgkoppel.documents.contract_text import AMENDMENT_TITLE
from zorgkoppel.i18n import gettext_for
from zorgkoppel.ui import agreement_dialogs, dialogs
from zorgkoppel.ui.contract_preview import load_pdf, page_image
from zorgkoppel.ui.forms.agreement_parts import DESCRIPTION
from zorgkoppel.ui.screens.agreements import AgreementsScreen, days_to_expiry


def open_screen(window) -> AgreementsScreen:
    screen = window.show_screen("agreements")
    assert isinstance(screen, AgreementsScreen)
    return screen


def column_texts(screen: AgreementsScreen, column: int) -> list[str]:
    return [screen.model.index(r, column).data() for r in range(screen.model.rowCount())]


def by_reference(ctx, reference: str) -> str:
    return next(a.id for a in list_agreements(ctx) if a.reference == reference)


def test_list_shows_legal_form_and_days_to_expiry(window, sample):
    screen = open_screen(window)
    model = screen.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[-2:] == ["Legal form", "Days to expiry"]
    row = next(r for r in screen.rows_shown() if r.id == sample.active)
    assert days_to_expiry(row, sample.today) == 30
    assert column_texts(screen, 9)[column_texts(screen, 0).index("SO-2024-007")] == "30"
    screen.form_filter.set_code("enclave")
    assert column_texts(screen, 0) == ["SO-2025-001"]


def test_create_a_draft_with_every_topic(window, sample, ctx):
    screen = open_screen(window)
    screen.new_record()
    form = screen.form
    type_text(form.reference, "SO-2026-010")
    form.care_partner.set_code(sample.linde)
    form.se_partner.set_code(sample.buurtwerk)
    form.commissioned_by.set_code(sample.city)
    form.language.set_code("fr")
    form.add_task_button.click()
    form.tasks.cellWidget(0, 0).set_code("driver")
    type_text(form.tasks.cellWidget(0, DESCRIPTION), "Ophalen van bezoekers")
    type_text(form.scope_workers, "2")
    type_text(form.scope_fte, "1,5")
    type_text(form.rate, "18,25")
    form.rate_type.set_code("per_hour")
    form.start_date.set_date_value(dt.date(2026, 1, 1))
    form.end_date.set_date_value(dt.date(2026, 12, 31))
    type_text(form.via_days, "3")
    form.renewal.set_code("tacit")
    form.disputes.set_code("mediation")
    form.gdpr.setChecked(False)
    form.job_coach.set_code(sample.coach)
    form.workers.set_checked(sample.samir, True)
    form.sites.setPlainText("Dagcentrum De Linde\n  \nBijhuis Oost")
    assert screen.save_record()

    file = agreement_file(ctx, by_reference(ctx, "SO-2026-010"))
    assert file.agreement.status == "draft" and file.data.language == "fr"
    assert file.data.scope_fte == Decimal("1.5") and file.data.rate == Decimal("18.25")
    assert [t.task for t in file.data.tasks] == ["driver"]
    assert file.data.worker_ids == [sample.samir]
    assert file.data.sites == ["Dagcentrum De Linde", "Bijhuis Oost"]
    assert file.data.job_coach_id == sample.coach
    assert (file.terms.renewal, file.terms.disputes, file.terms.gdpr_processing) == (
        "tacit", "mediation", False)
    assert file.terms.via_reduction_days_per_year == Decimal("3")


def test_problems_show_next_to_the_fields_and_nothing_is_stored(window, sample, ctx):
    screen = open_screen(window)
    screen.new_record()
    form = screen.form
    type_text(form.reference, "BAD-1")
    form.care_partner.set_code(sample.linde)
    form.se_partner.set_code(sample.buurtwerk)
    form.legal_form.set_code("enclave")
    type_text(form.rate, "zeventien")
    assert not screen.save_record()
    assert form.findChild(type(form.general_error), "error_financing.rate").isVisibleTo(form)

    form.rate.clear()
    form.start_date.set_date_value(dt.date(2026, 2, 1))
    form.end_date.set_date_value(dt.date(2026, 1, 1))
    assert not screen.save_record()
    shown = {name: form.errors.label_for(name).text() for name in
             ("legal_form", "commissioned_by", "end")}
    assert "only possible with a custom-work company" in shown["legal_form"]
    assert "commissioned by a local authority" in shown["commissioned_by"]
    assert shown["end"] == "ends before it starts"
    assert "BAD-1" not in [a.reference for a in list_agreements(ctx)]


def test_sign_lock_amend_and_history(window, sample, ctx, monkeypatch, qtbot):
    screen = open_screen(window)
    screen.select_record(sample.draft)
    form = screen.form
    # Signing needs tasks: the refusal is explained, nothing changes.
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: errors.append(text))
    monkeypatch.setattr(agreement_dialogs, "ask_date", lambda *_a, **_k: dt.date(2026, 1, 5))
    assert not screen.sign()
    assert "name at least one task before signing" in errors[0]

    form.add_task_button.click()
    form.tasks.cellWidget(0, 0).set_code("laundry")
    assert screen.save_record()
    assert screen.workflow["sign"].isEnabled()
    assert screen.sign()
    assert form.status == "signed" and form.locked
    assert not form.groups[0].isEnabled() and form.lock_note.isVisible()
    assert screen.workflow["activate"].isEnabled() and not screen.workflow["sign"].isEnabled()
    assert not screen.buttons["delete"].isEnabled()

    screen.workflow["amend"].click()
    assert form.amending and form.amendment_box.isVisible() and form.groups[0].isEnabled()
    assert not form.reference.isEnabled()
    assert not screen.workflow["end"].isEnabled() and screen.buttons["revert"].isEnabled()
    screen.revert_record()
    assert not form.amending and not form.groups[0].isEnabled()
    screen.workflow["amend"].click()
    type_text(form.rate, "19")
    form.rate_type.set_code("per_hour")
    form.amended_on.set_date_value(dt.date(2026, 2, 2))
    assert not screen.save_record()  # a reason is required
    assert form.errors.label_for("reason").isVisibleTo(form)
    type_text(form.reason, "Tarief afgesproken")
    assert screen.save_record()

    (amendment,) = list_amendments(ctx, sample.draft)
    assert (amendment.number, amendment.reason) == (1, "Tarief afgesproken")
    assert agreement_file(ctx, sample.draft).data.rate == Decimal("19")
    assert not form.amending and form.locked
    assert screen.amendments.rowCount() == 1
    assert screen.amendments.item(0, 2).text() == "Tarief afgesproken"
    preview = screen.preview_amendment()
    assert preview is not None and preview.page_count() >= 1
    # The amendment prints in the agreement's own language (Dutch), whatever the UI's.
    title = gettext_for("nl")(AMENDMENT_TITLE).format(number=1)
    assert title in pdf_text(preview.pdf)
    assert preview.windowTitle() == "Amendment 1 to SO-2025-001"
    preview.close()

    assert screen.activate()
    effective = sample.today + dt.timedelta(days=200)
    monkeypatch.setattr(agreement_dialogs, "ask_date", lambda *_a, **_k: effective)
    assert screen.terminate()
    file = agreement_file(ctx, sample.draft)
    assert (file.agreement.status, file.data.end_date) == ("terminated", effective)
    assert not screen.workflow["amend"].isEnabled() and not screen.workflow["end"].isEnabled()


def test_preview_print_and_save(window, sample, ctx, monkeypatch, tmp_path: Path):
    screen = open_screen(window)
    screen.select_record(sample.active)
    preview = screen.preview_contract()
    assert preview is not None and preview.isVisible()
    assert preview.page_count() >= 3
    assert "DRAFT" not in pdf_text(preview.pdf).replace(" ", "")
    image = page_image(preview.document, 0, 400)
    assert image.pixelColor(2, 2).name() == "#ffffff"  # painted on white, not transparent

    preview.language.set_code("en")
    assert "Cooperation agreement" in pdf_text(preview.pdf)

    target = tmp_path / "contract.pdf"
    monkeypatch.setattr(agreement_dialogs, "ask_pdf_path", lambda _p, name: target)
    assert preview.save_contract()
    saved = target.read_bytes()
    issue = find_issue(ctx, saved)
    assert issue is not None and issue.language == "en"
    assert issue.sha256 in preview.info.text()

    printed = tmp_path / "printed.pdf"

    def printer(_parent, _name):
        chosen = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        chosen.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        chosen.setOutputFileName(str(printed))
        return chosen

    monkeypatch.setattr(agreement_dialogs, "ask_printer", printer)
    assert preview.print_contract()
    document, _buffer = load_pdf(printed.read_bytes())
    assert document.pageCount() == preview.page_count()
    monkeypatch.setattr(agreement_dialogs, "ask_printer", lambda *_a: None)
    assert not preview.print_contract()
    preview.close()
    screen._show_history()
    assert issue.sha256 in screen.issues.text()
    assert len(list_issues(ctx, sample.active)) == 1  # print and save: the same bytes


@pytest.mark.parametrize("status", ["active", "ended"])
def test_a_locked_agreement_cannot_be_saved_as_a_draft(window, sample, status):
    screen = open_screen(window)
    screen.select_record(sample.active if status == "active" else sample.ended)
    assert screen.form.locked
    assert not screen.form.groups[0].isEnabled()
    assert screen.workflow["amend"].isEnabled() == (status == "active")
