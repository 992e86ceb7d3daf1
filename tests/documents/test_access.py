"""Printed documents follow the role × record matrix: a PDF is a path out, like a screen."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.actors import acting_for
from tests.documents.pdf_text import pdf_text
from tests.matrix_world import build_world
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError
from zorgkoppel.documents.contract import contract_pdf
from zorgkoppel.documents.contract_data import load_contract_source
from zorgkoppel.documents.progress_report import progress_report_pdf

TODAY = dt.date(2025, 6, 2)


def test_a_facilitys_progress_report_never_holds_confidential_notes(ctx: ServiceContext):
    world = build_world(ctx)
    coordinator = acting_for(ctx, world.beuken, "coordinator")
    # Even when asked for, confidential notes are not the facility's to print.
    text = pdf_text(progress_report_pdf(coordinator, world.samir, "en", TODAY,
                                        include_confidential=True))
    assert "shared samir" in text and "confidential" not in text
    with pytest.raises(NotFoundError):
        progress_report_pdf(coordinator, world.jonas, "en", TODAY)
    coach = acting_for(ctx, world.buurtwerk, "job_coach")
    text = pdf_text(progress_report_pdf(coach, world.samir, "en", TODAY,
                                        include_confidential=True))
    assert "confidential samir" in text


def test_a_contract_is_printed_only_for_its_partners(ctx: ServiceContext):
    world = build_world(ctx)
    coordinator = acting_for(ctx, world.beuken, "coordinator")
    pdf = contract_pdf(load_contract_source(coordinator, world.agreements["beuken-buurtwerk"]))
    assert "Samir" in pdf_text(pdf)
    with pytest.raises(NotFoundError):
        load_contract_source(coordinator, world.agreements["linde-schelde"])
