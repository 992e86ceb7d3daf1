"""The progress report PDF: in its own language, without confidential notes by default."""

from __future__ import annotations

import datetime as dt

from tests.core.listing_data import build_sample
from tests.documents.pdf_text import pdf_info, pdf_text
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.documents.progress_report import progress_report_pdf

TODAY = dt.date(2025, 3, 12)


def test_progress_report_content_and_privacy(ctx: ServiceContext) -> None:
    sample = build_sample(ctx, TODAY)
    pdf = progress_report_pdf(ctx, sample.samir, "nl", TODAY)
    text = pdf_text(pdf)
    assert pdf.startswith(b"%PDF")
    for expected in ("Samir El Amrani", "Buurtwerk Plus vzw", "Rijdt zelfstandig route Noord.",
                     "Route Zuid leren", "SO-2024-007", "Chauffeur", "12 maart 2025"):
        assert expected in text
    assert "Financiële zorgen" not in text
    assert "Financiële zorgen" in pdf_text(
        progress_report_pdf(ctx, sample.samir, "nl", TODAY, include_confidential=True)
    )
    assert pdf_info(pdf)["Title"].endswith("Samir El Amrani")
    # The same input gives the same bytes (invariant output), and French dates in French.
    assert pdf == progress_report_pdf(ctx, sample.samir, "nl", TODAY)
    assert "12 mars 2025" in pdf_text(progress_report_pdf(ctx, sample.samir, "fr", TODAY))
