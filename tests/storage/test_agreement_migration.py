"""Migration 0002: agreements already on file get the default contract terms."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from zorgkoppel.storage.database import Database
from zorgkoppel.storage.schema import run_migrations


def test_existing_agreements_survive_with_default_terms(tmp_path: Path) -> None:
    db = Database.in_folder(tmp_path)
    run_migrations(db, "0001")
    with db.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO organisation (id, name, kind, created_at, updated_at) VALUES "
            "('c', 'WZC', 'care_facility', '2024-01-01', '2024-01-01'), "
            "('s', 'LDE', 'custom_work', '2024-01-01', '2024-01-01')"))
        connection.execute(text(
            "INSERT INTO agreement (id, reference, phase, legal_form, status, language, "
            "care_partner_id, se_partner_id, created_at, updated_at) VALUES "
            "('a', 'SO-1', 'service', 'enclave', 'active', 'nl', 'c', 's', "
            "'2024-01-01', '2024-01-01')"))
    run_migrations(db, "0002")
    with db.engine.connect() as connection:
        row = connection.execute(text(
            "SELECT reference, status, renewal, confidentiality, gdpr_processing, "
            "liability_insurance, invoicing_frequency, payment_term_days, disputes, "
            "via_reduction_days_per_year FROM agreement")).one()
        tables = {r[0] for r in connection.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'table'"))}
    assert tuple(row) == ("SO-1", "active", "none", 1, 1, 1, "monthly", 30, "courts", None)
    assert {"agreementamendment", "contractissue"} <= tables
    db.dispose()
