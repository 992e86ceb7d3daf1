"""The first-run guide's service: checked as a whole first, then made, or nothing at all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import select

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ValidationError
from zorgkoppel.core.models import Organisation, User
from zorgkoppel.core.rules.organisation import OrganisationData
from zorgkoppel.core.services.accounts import UserData, authenticate
from zorgkoppel.core.services.dataset import is_empty
from zorgkoppel.core.services.first_setup import (
    JOIN,
    FirstSetup,
    apply_first_setup,
    check_backup_folder,
    check_organisation,
    may_run,
)
from zorgkoppel.demo.loading import load_demo
from zorgkoppel.exchange.exporter import export_exchange
from zorgkoppel.settings import load_settings
from zorgkoppel.storage.opening import open_database

PASSWORD = "kamille-thee-42"


def own_setup(**changes: object) -> FirstSetup:
    setup = FirstSetup(
        language="fr",
        organisation=OrganisationData(name="WZC De Linde", kind="care_facility",
                                      enterprise_number="0404 616 494", province="oost-vlaanderen",
                                      joint_committee="330.01.20"),
        admin=UserData(user_name="Griet", role="admin", display_name="Griet Claes"),
        password=PASSWORD, password_again=PASSWORD,
    )
    for name, value in changes.items():
        setattr(setup, name, value)
    return setup


def organisations(ctx: ServiceContext) -> list[Organisation]:
    with ctx.db.session() as session:
        return list(session.exec(select(Organisation)))


def test_the_guide_makes_the_organisation_its_administrator_and_the_settings(
        ctx, data_dir, tmp_path):
    assert may_run(ctx)
    usb = tmp_path / "usb" / "zorgkoppel"
    result = apply_first_setup(ctx, data_dir, own_setup(second_backup_folder=usb))
    [made] = organisations(ctx)
    assert (made.name, made.enterprise_number, made.id) == (
        "WZC De Linde", "0404.616.494", result.organisation_id)
    actor = authenticate(ctx, "griet", PASSWORD)
    assert (actor.role, actor.display_name, result.admin_name) == ("admin", "Griet Claes", "griet")
    with ctx.db.session() as session:
        assert session.exec(select(User)).one().organisation_id == made.id
    settings = load_settings(data_dir)
    assert (settings.language, settings.demo_offered, settings.second_backup_folder) == (
        "fr", True, str(usb.resolve()))
    assert usb.is_dir() and not may_run(ctx)


def test_a_wrong_page_changes_nothing_and_names_every_problem(ctx, data_dir):
    setup = own_setup(password_again="something-else")
    assert setup.organisation is not None
    setup.organisation.enterprise_number = "0404 616 495"  # one digit off: the check fails
    with pytest.raises(ValidationError) as caught:
        apply_first_setup(ctx, data_dir, setup, today=dt.date(2026, 12, 1))
    fields = {problem.field for problem in caught.value.problems}
    assert fields == {"enterprise_number", "password_again"}
    assert is_empty(ctx) and may_run(ctx)
    assert not (data_dir / "settings.json").exists()


def test_an_account_failing_in_the_transaction_takes_the_organisation_back(
        ctx, data_dir, monkeypatch):
    # The name passes the page's check but the insert fails (a full disk): the
    # organisation made in the same transaction goes too.
    from zorgkoppel.core.services import first_setup
    from zorgkoppel.storage.disk_errors import DiskFullError

    def broken(*_args: object) -> object:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(first_setup, "add_user_in", broken)
    with pytest.raises(DiskFullError):
        apply_first_setup(ctx, data_dir, own_setup())
    assert organisations(ctx) == [] and may_run(ctx)


def test_without_an_account_and_with_the_demo(ctx, data_dir):
    result = apply_first_setup(ctx, data_dir, own_setup(admin=None, demo=True),
                               today=dt.date(2026, 12, 1))
    assert result.demo_loaded and result.admin_name is None
    names = {organisation.name for organisation in organisations(ctx)}
    assert "WZC De Linde" in names and len(names) > 3  # the demo's organisations too


def test_joining_an_installation_imports_its_exchange_file(ctx, data_dir, tmp_path):
    other = ServiceContext(open_database(tmp_path / "other"))
    load_demo(other, dt.date(2026, 12, 1))
    exchange = tmp_path / "installation.json"
    import json
    exchange.write_text(json.dumps(export_exchange(other)), encoding="utf-8")
    other.db.dispose()
    result = apply_first_setup(ctx, data_dir, own_setup(start=JOIN, join_file=exchange))
    assert result.imported > 10 and result.organisation_id is None
    assert result.admin_name == "griet"
    assert "WZC De Linde" not in {o.name for o in organisations(ctx)}


def test_a_second_window_that_set_the_folder_up_first_wins(ctx, data_dir):
    apply_first_setup(ctx, data_dir, own_setup(admin=None))
    with pytest.raises(ValidationError) as caught:
        apply_first_setup(ctx, data_dir, own_setup(admin=None))
    assert "no longer empty" in caught.value.text()
    assert len(organisations(ctx)) == 1


def test_the_page_checks(data_dir: Path, tmp_path: Path):
    data = OrganisationData(name="", kind="care_facility", enterprise_number="0404616494")
    assert [p.field for p in check_organisation(data)] == ["name"]
    assert data.enterprise_number == "0404.616.494"
    assert check_backup_folder(data_dir, None) == []
    assert check_backup_folder(data_dir, tmp_path / "stick") == []
    inside = check_backup_folder(data_dir, data_dir / "copies")
    assert [p.field for p in inside] == ["second_backup_folder"]
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    assert "is a file" in check_backup_folder(data_dir, a_file)[0].message
