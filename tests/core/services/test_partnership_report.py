"""The monitoring report of partnerships: the counts of the parliamentary answer."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.actors import acting_for
from tests.core.services.call_2023 import call_2023_document
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ValidationError
from zorgkoppel.core.services.partnership_report import partnership_report
from zorgkoppel.exchange.importer import import_exchange

IN_2024 = {"start": dt.date(2024, 1, 1), "end": dt.date(2024, 12, 31)}


@pytest.fixture
def call(ctx: ServiceContext) -> ServiceContext:
    import_exchange(ctx, call_2023_document())
    return ctx


def counts(report, name: str) -> dict[str | None, int]:
    return {row.key[name]: row.partnerships for row in report.rows}


def test_per_province_as_the_answer_counts(call):
    report = partnership_report(call, ["province"], **IN_2024)
    assert counts(report, "province") == {
        "antwerpen": 6, "brussel": 1, "limburg": 24, "oost-vlaanderen": 7,
        "west-vlaanderen": 6}
    assert report.totals.partnerships == 44 and report.care_facilities_total == 44


def test_joint_committees_grouped_as_entered_trimmed_and_case_insensitive(call):
    report = partnership_report(call, ["joint_committee"], **IN_2024)
    found = {(row.key["joint_committee"] or "").casefold(): row.partnerships
             for row in report.rows}
    assert found == {"330.01.20": 35, "319.01": 7, "331": 1, "welzijnsvereniging": 1}


def test_social_economy_organisations_per_kind(call):
    report = partnership_report(call, ["se_kind"], **IN_2024)
    assert report.se_organisations_by_kind == {"custom_work": 16, "local_services": 3}
    assert report.totals.se_organisations == 19
    assert sum(row.partnerships for row in report.rows) == 44
    assert report.totals.fte == Decimal("66.0")


def test_two_groupings_and_the_ids_behind_each_count(call):
    report = partnership_report(call, ["province", "phase"], **IN_2024)
    assert sum(row.partnerships for row in report.rows) == 44
    brussel = [row for row in report.rows if row.key["province"] == "brussel"]
    assert [(row.key["phase"], row.agreement_ids) for row in brussel] == [
        ("service", ["ag-6"])]


def test_the_period_active_or_signed_in(call):
    assert partnership_report(call, ["status"], start=dt.date(2026, 1, 1),
                              end=dt.date(2026, 6, 30)).totals.partnerships == 0
    signed = partnership_report(call, ["status"], start=dt.date(2023, 9, 1),
                                end=dt.date(2023, 9, 30), signed_in=True)
    assert signed.totals.partnerships == 44
    assert partnership_report(call, ["status"], start=dt.date(2024, 1, 1),
                              end=dt.date(2024, 1, 31), signed_in=True).totals.partnerships == 0


def test_a_coordinator_counts_only_their_facility(call):
    coordinator = acting_for(call, "care-7")
    report = partnership_report(coordinator, ["province"], **IN_2024)
    assert report.totals.partnerships == 1 and report.rows[0].agreement_ids == ["ag-7"]


def test_bad_periods_and_groupings_are_explained(call):
    with pytest.raises(ValidationError) as caught:
        partnership_report(call, ["province"], start=dt.date(2024, 2, 1),
                           end=dt.date(2024, 1, 1))
    assert "ends (2024-01-01) before it starts (2024-02-01)" in caught.value.text()
    with pytest.raises(ValidationError) as caught:
        partnership_report(call, ["colour"])
    assert "unknown grouping colour" in caught.value.text()


def test_the_default_period_is_the_current_calendar_year(call):
    report = partnership_report(call, ["province"], today=dt.date(2025, 5, 1))
    assert (report.period.start, report.period.end) == (dt.date(2025, 1, 1),
                                                         dt.date(2025, 12, 31))
    assert report.totals.partnerships == 44


def test_over_files_not_imported_organisations_count_once(tmp_path):
    import json

    from tests.core.services.call_2023 import split_by_province
    from zorgkoppel.core.services.report_sources import report_over_files

    paths = []
    for number, document in enumerate(split_by_province(call_2023_document())):
        path = tmp_path / f"partner-{number}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        paths.append(path)
    report = report_over_files(paths, ["province"], **IN_2024)
    assert counts(report, "province")["limburg"] == 24
    assert report.totals.partnerships == 44
    # The same enterprise appears in several files under other ids: counted once.
    assert report.se_organisations_by_kind == {"custom_work": 16, "local_services": 3}


def test_an_invalid_file_among_them_is_named_and_nothing_counted(tmp_path):
    import json

    from zorgkoppel.core.services.report_sources import report_over_files

    good = tmp_path / "good.json"
    good.write_text(json.dumps(call_2023_document()), encoding="utf-8")
    bad = tmp_path / "bad.json"
    broken = call_2023_document()
    broken["agreements"][3]["scope"]["fte"] = 1.5  # a float, not a decimal string
    bad.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        report_over_files([good, bad], ["province"], **IN_2024)
    assert "bad.json: agreements[3].scope.fte" in caught.value.text()
