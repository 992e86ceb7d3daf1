"""Every kind of invalid input is refused with its JSON path, and nothing is changed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.exchange.support import messages_at, refused
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.exchange import importer
from zorgkoppel.exchange.importer import import_exchange


def test_unknown_top_level_key(ctx: ServiceContext, example: dict[str, Any]) -> None:
    example["colour"] = "blue"
    assert messages_at(refused(ctx, example), "colour") == ["unknown field"]


def test_unknown_fields_at_any_depth(ctx: ServiceContext, example: dict[str, Any]) -> None:
    example["organisations"][1]["vat"] = "BE0876543270"
    example["agreements"][0]["financing"]["discount"] = "5"
    example["roster_days"][0]["posts"][1]["colour"] = "red"
    example["notes"][0]["actions"][0]["priority"] = 1

    problems = refused(ctx, example)

    for path in ("organisations[1].vat", "agreements[0].financing.discount",
                 "roster_days[0].posts[1].colour", "notes[0].actions[0].priority"):
        assert messages_at(problems, path) == ["unknown field"], path


def test_money_as_a_json_number_is_refused(ctx: ServiceContext, example: dict[str, Any]) -> None:
    example["agreements"][0]["financing"]["rate"] = 17.5
    example["index_values"][0]["value"] = 107

    problems = refused(ctx, example)

    assert messages_at(problems, "agreements[0].financing.rate") == [
        'not a decimal: write it as a string, e.g. "17.50"']
    assert messages_at(problems, "index_values[0].value")


def test_money_that_is_no_decimal(ctx: ServiceContext, example: dict[str, Any]) -> None:
    example["agreements"][0]["financing"]["rate"] = "17,50"
    example["agreements"][0]["scope"]["fte"] = "1e3"
    problems = refused(ctx, example)
    assert messages_at(problems, "agreements[0].financing.rate") == ["not a decimal"]
    assert messages_at(problems, "agreements[0].scope.fte") == ["not a decimal"]


def test_floats_in_a_json_text_are_refused_too(ctx: ServiceContext) -> None:
    text = Path(__file__).with_name("example.json").read_text(encoding="utf-8")
    text = text.replace('"rate": "17.50"', '"rate": 17.50')
    assert messages_at(refused(ctx, text), "agreements[0].financing.rate")


def test_bad_enterprise_number(ctx: ServiceContext, example: dict[str, Any]) -> None:
    example["organisations"][0]["enterprise_number"] = "0412.345.615"
    [message] = messages_at(refused(ctx, example), "organisations[0].enterprise_number")
    assert "0412.345.615" in message and "mod-97" in message


def test_bad_dates_times_and_timestamps(ctx: ServiceContext, example: dict[str, Any]) -> None:
    example["agreements"][0]["start"] = "2024-13-01"
    example["workers"][0]["integration_start"] = "01/03/2021"
    example["roster_days"][0]["posts"][0]["from"] = "7:30"
    example["notes"][0]["updated_at"] = "2024-10-15T09:30:00"  # no offset
    example["people"][0]["updated_at"] = "2024-10-15"

    problems = refused(ctx, example)

    assert messages_at(problems, "agreements[0].start") == ["not a date (YYYY-MM-DD)"]
    assert messages_at(problems, "workers[0].integration_start") == ["not a date (YYYY-MM-DD)"]
    assert messages_at(problems, "roster_days[0].posts[0].from") == ["not a time (HH:MM)"]
    for path in ("notes[0].updated_at", "people[0].updated_at"):
        [message] = messages_at(problems, path)
        assert message.startswith("not a timestamp with offset")


def test_end_before_start(ctx: ServiceContext, example: dict[str, Any]) -> None:
    example["agreements"][0]["end"] = "2024-08-31"
    example["trajectories"][0]["phases"][0]["end"] = "2025-01-01"
    problems = refused(ctx, example)
    assert messages_at(problems, "agreements[0].end") == ["ends before it starts"]
    assert messages_at(problems, "trajectories[0].phases[0].end") == ["ends before it starts"]


def test_negative_amounts(ctx: ServiceContext, example: dict[str, Any]) -> None:
    example["agreements"][0]["financing"]["rate"] = "-1.00"
    example["agreements"][0]["notice_days"] = -5
    example["notes"][0]["duration_minutes"] = -1
    problems = refused(ctx, example)
    for path in ("agreements[0].financing.rate", "agreements[0].notice_days",
                 "notes[0].duration_minutes"):
        assert messages_at(problems, path) == ["must not be negative"], path


def test_worker_employer_must_be_social_economy(
    ctx: ServiceContext, example: dict[str, Any]
) -> None:
    example["workers"][0]["employer"] = "org-dvc"
    assert messages_at(refused(ctx, example), "workers[0].employer") == [
        "must be a custom-work company or a local-services enterprise"]


def test_care_partner_must_be_a_care_facility(
    ctx: ServiceContext, example: dict[str, Any]
) -> None:
    example["agreements"][0]["care_partner"] = "org-city"
    assert messages_at(refused(ctx, example), "agreements[0].care_partner") == [
        "must be a care facility"]


def test_local_services_service_needs_commissioned_by(
    ctx: ServiceContext, example: dict[str, Any]
) -> None:
    del example["agreements"][0]["commissioned_by"]
    [message] = messages_at(refused(ctx, example), "agreements[0].commissioned_by")
    assert "commissioned by a local authority" in message


def test_commissioned_by_must_be_a_local_authority(
    ctx: ServiceContext, example: dict[str, Any]
) -> None:
    example["agreements"][0]["commissioned_by"] = "org-dvc"
    assert messages_at(refused(ctx, example), "agreements[0].commissioned_by") == [
        "must be a local authority"]


def test_enclave_only_with_custom_work(ctx: ServiceContext, example: dict[str, Any]) -> None:
    example["agreements"][0]["legal_form"] = "enclave"
    assert messages_at(refused(ctx, example), "agreements[0].legal_form") == [
        "an enclave is only possible with a custom-work company"]


def test_unknown_codes(ctx: ServiceContext, example: dict[str, Any]) -> None:
    example["organisations"][0]["kind"] = "hospital"
    example["agreements"][0]["status"] = "approved"
    example["notes"][0]["visibility"] = "public"
    example["roster_days"][0]["presence"][0]["status"] = "late"
    problems = refused(ctx, example)
    for path in ("organisations[0].kind", "agreements[0].status", "notes[0].visibility",
                 "roster_days[0].presence[0].status"):
        [message] = messages_at(problems, path)
        assert "is not one of" in message, path


def test_dangling_references(ctx: ServiceContext, example: dict[str, Any]) -> None:
    example["people"][0]["organisation"] = "org-nowhere"
    example["agreements"][0]["performance"]["job_coach"] = "p-nobody"
    example["agreements"][0]["workers"] = ["w-1", "w-ghost"]
    example["notes"][0]["worker"] = "w-ghost"
    example["notes"][0]["participants"] = ["p-coach", "p-ghost"]
    example["trajectories"][0]["target_employer"] = "org-nowhere"
    example["roster_days"][0]["site"] = "org-nowhere"
    example["workers"][0]["skills"][0]["task"] = "flying"

    problems = refused(ctx, example)

    assert messages_at(problems, "people[0].organisation") == [
        "no organisation with id org-nowhere"]
    assert messages_at(problems, "agreements[0].performance.job_coach") == [
        "no person with id p-nobody"]
    assert messages_at(problems, "agreements[0].workers[1]") == ["no worker with id w-ghost"]
    assert messages_at(problems, "notes[0].worker") == ["no worker with id w-ghost"]
    assert messages_at(problems, "notes[0].participants[1]") == ["no person with id p-ghost"]
    assert messages_at(problems, "trajectories[0].target_employer") == [
        "no organisation with id org-nowhere"]
    assert messages_at(problems, "roster_days[0].site") == [
        "no organisation with id org-nowhere"]
    assert messages_at(problems, "workers[0].skills[0].task") == ["unknown task 'flying'"]


def test_references_may_point_into_the_database(
    ctx: ServiceContext, example: dict[str, Any]
) -> None:
    import_exchange(ctx, {k: example[k] for k in ("format", "version", "tasks",
                                                   "organisations", "people", "workers")})
    rest = {k: example[k] for k in ("format", "version", "agreements", "roster_days", "notes",
                                    "trajectories", "index_values")}
    assert import_exchange(ctx, rest).created["roster_days"] == 1


def test_duplicate_ids_and_keys(ctx: ServiceContext, example: dict[str, Any]) -> None:
    example["people"].append(dict(example["people"][0], name="Someone else"))
    example["index_values"].append({"month": "2018-12", "value": "108.00"})
    example["roster_days"].append(dict(example["roster_days"][0]))
    example["tasks"].append(dict(example["tasks"][0]))

    problems = refused(ctx, example)

    assert messages_at(problems, "people[2].id") == [
        "'p-coach' appears twice in people (also at index 0)"]
    assert messages_at(problems, "index_values[2].month")
    assert messages_at(problems, "roster_days[1].date")
    assert messages_at(problems, "tasks[1].code")


def test_agreement_reference_unique_in_file_and_database(
    ctx: ServiceContext, example: dict[str, Any]
) -> None:
    import_exchange(ctx, example)
    second = dict(example["agreements"][0], id="ag-2")
    problems = refused(ctx, {"format": "zorgkoppel-exchange", "version": 1,
                             "agreements": [second]})
    assert messages_at(problems, "agreements[0].reference") == [
        "another agreement has reference 'SO-2024-007'"]


def test_wrong_types(ctx: ServiceContext, example: dict[str, Any]) -> None:
    example["workers"][0]["driving_licence"] = "yes"
    example["agreements"][0]["notice_days"] = "90"
    example["agreements"][0]["scope"] = ["3 workers"]
    example["notes"] = {"n-1": {}}
    example["organisations"][2] = "Stad Dendermonde"
    example["workers"][0]["preferences"]["kitchen"] = 1.5

    problems = refused(ctx, example)

    assert messages_at(problems, "workers[0].driving_licence") == ["must be true or false"]
    assert messages_at(problems, "agreements[0].notice_days") == ["must be a whole number"]
    assert messages_at(problems, "agreements[0].scope") == ["not an object"]
    assert messages_at(problems, "notes") == ["not a list"]
    assert messages_at(problems, "organisations[2]") == ["not an object"]
    assert messages_at(problems, "workers[0].preferences.kitchen") == ["must be a whole number"]


def test_note_scores_and_actions(ctx: ServiceContext, example: dict[str, Any]) -> None:
    example["notes"][0]["scores"] = {"punctuality": 5, "Charm!": 3, "teamwork": None}
    example["notes"][0]["actions"][0]["description"] = " "
    problems = refused(ctx, example)
    assert messages_at(problems, "notes[0].scores.punctuality") == [
        "must be 1, 2, 3, 4 or null (not observed)"]
    assert messages_at(problems, "notes[0].scores.Charm!")
    assert messages_at(problems, "notes[0].actions[0].description") == ["is required"]
    assert not messages_at(problems, "notes[0].scores.teamwork")


def test_trajectory_phase_twice(ctx: ServiceContext, example: dict[str, Any]) -> None:
    phases = example["trajectories"][0]["phases"]
    phases.append(dict(phases[0]))
    example["trajectories"][0]["outcome"] = "promoted"
    problems = refused(ctx, example)
    assert messages_at(problems, "trajectories[0].phases[1].phase") == [
        "phase 'pre_trajectory' appears twice"]
    assert messages_at(problems, "trajectories[0].outcome")


def test_index_value_must_be_positive(ctx: ServiceContext, example: dict[str, Any]) -> None:
    example["index_values"][0]["value"] = "0"
    example["index_values"][1]["month"] = "2024-8"
    problems = refused(ctx, example)
    assert messages_at(problems, "index_values[0].value") == ["must be more than zero"]
    assert messages_at(problems, "index_values[1].month") == ["is not a month (YYYY-MM)"]


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"format": "something-else"}, "format", 'must be "zorgkoppel-exchange"'),
        ({"version": 2}, "version", "this program reads version 1"),
        ({"version": True}, "version", "this program reads version 1"),
    ],
)
def test_format_and_version(
    ctx: ServiceContext, example: dict[str, Any], change: dict[str, Any], path: str,
    message: str,
) -> None:
    example.update(change)
    assert messages_at(refused(ctx, example), path) == [message]


def test_unreadable_sources(ctx: ServiceContext, tmp_path: Path) -> None:
    [missing] = refused(ctx, tmp_path / "missing.json")
    assert missing.field == "" and "cannot read the file" in missing.text()

    [broken] = refused(ctx, '{"format": "zorgkoppel-exchange",\n "version": 1,,}')
    assert broken.field == "" and "line 2, column" in broken.text()

    [latin] = refused(ctx, '{"x": "caf\xe9"}'.encode("latin-1"))
    assert "not UTF-8" in latin.text()

    [twice] = refused(ctx, '{"format": "zorgkoppel-exchange", "format": "x", "version": 1}')
    assert "appears twice" in twice.text()

    [nan] = refused(ctx, '{"format": "zorgkoppel-exchange", "version": NaN}')
    assert "not valid JSON" in nan.text()

    [array] = refused(ctx, "[]")
    assert array.text() == "the file must hold one JSON object"


def test_all_problems_are_reported_together_up_to_a_cap(ctx: ServiceContext) -> None:
    notes = [{"id": f"n-{i}", "worker": "w-ghost", "date": "2024-10-15", "kind": "contact"}
             for i in range(importer.MAX_PROBLEMS + 50)]
    problems = refused(ctx, {"format": "zorgkoppel-exchange", "version": 1, "notes": notes})
    assert len(problems) == importer.MAX_PROBLEMS + 1
    assert problems[0].field == "notes[0].worker"
    assert problems[-1].text() == "more problems not shown: 50"


def test_a_failed_import_leaves_a_filled_database_alone(
    ctx: ServiceContext, example: dict[str, Any]
) -> None:
    import_exchange(ctx, example)
    example["organisations"][0]["name"] = "Renamed"
    example["organisations"][0]["updated_at"] = "2099-01-01T00:00:00+00:00"
    example["agreements"][0]["financing"]["rate"] = Decimal("18")  # a float-like number
    problems = refused(ctx, example)
    assert [p.field for p in problems] == ["agreements[0].financing.rate"]


def test_problems_in_lists_keep_their_index(
    ctx: ServiceContext, example: dict[str, Any]
) -> None:
    example["agreements"][0]["workers"] = [7, "w-ghost"]
    example["agreements"][0]["performance"]["sites"] = ["", "Keuken\nBerging"]
    problems = refused(ctx, example)
    assert messages_at(problems, "agreements[0].workers[0]") == ["not a text"]
    assert messages_at(problems, "agreements[0].workers[1]") == ["no worker with id w-ghost"]
    assert messages_at(problems, "agreements[0].performance.sites[0]") == ["is required"]
    assert messages_at(problems, "agreements[0].performance.sites[1]") == [
        "must be one non-empty line"]
