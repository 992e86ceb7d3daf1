"""The first-run guide's work: everything it asked, checked first and then made at once.

The guide only collects answers; nothing is written until its last page. Then the own
organisation and the first administrator go in one transaction (or the installation
joins by importing an exchange file, itself all or nothing), the demo data follows, and
the settings (language, second backup folder) are written last. A check that fails
changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import Problem, Problems, ValidationError
from zorgkoppel.core.models import Organisation
from zorgkoppel.core.rules.organisation import OrganisationData, validate_organisation
from zorgkoppel.core.services.accounts import (
    UserData,
    add_user_in,
    check_new_account,
    has_accounts,
    require_account_admin,
)
from zorgkoppel.core.services.dataset import is_empty
from zorgkoppel.i18n import LANGUAGES, N_
from zorgkoppel.settings import load_settings, save_settings

OWN, JOIN = "own", "join"  # who you are: a new organisation, or a copy of an installation


@dataclass
class FirstSetup:
    language: str = "nl"
    start: str = OWN
    organisation: OrganisationData | None = None  # with OWN
    join_file: Path | None = None  # with JOIN: an exchange file of the installation
    admin: UserData | None = None  # None: no accounts yet (one local owner, as before)
    password: str = ""
    password_again: str = ""
    demo: bool = False
    second_backup_folder: Path | None = None


@dataclass(frozen=True)
class SetupResult:
    organisation_id: str | None
    admin_name: str | None
    imported: int  # records taken from the join file
    demo_loaded: bool


def may_run(ctx: ServiceContext) -> bool:
    """The guide is for an empty, writable data folder that has no accounts yet."""
    return ctx.actor.may_write and not has_accounts(ctx) and is_empty(ctx)


def check_organisation(data: OrganisationData) -> list[Problem]:
    """The organisation page (the enterprise number is put in its dotted form)."""
    return validate_organisation(data)


def check_join_file(path: Path | None) -> list[Problem]:
    problems = Problems()
    if path is None:
        problems.add("join_file", N_("choose the exchange file of the installation to join"))
    elif not path.is_file():
        problems.add("join_file", N_("there is no file {path}"), path=str(path))
    return problems.items


def check_admin(setup: FirstSetup) -> list[Problem]:
    """The account page: nothing to check when the guide makes no account."""
    if setup.admin is None:
        return []
    return check_new_account(setup.admin, setup.password, setup.password_again)


def check_backup_folder(data_dir: Path, folder: Path | None) -> list[Problem]:
    """A second backup folder must lie outside the data folder (it is there for when this
    disk fails) and be a folder that can be made."""
    problems = Problems()
    if folder is None:
        return []
    chosen, data = folder.expanduser().resolve(), data_dir.resolve()
    if chosen == data or data in chosen.parents:
        problems.add("second_backup_folder", N_(
            "choose a folder outside the data folder: the second folder is there for when "
            "this disk fails"))
    elif chosen.exists() and not chosen.is_dir():
        problems.add("second_backup_folder", N_("{path} is a file, not a folder"),
                     path=str(chosen))
    return problems.items


def check_setup(data_dir: Path, setup: FirstSetup) -> list[Problem]:
    """Every page at once, as the last page does before anything is made."""
    problems: list[Problem] = []
    if setup.language not in LANGUAGES:
        problems.append(Problem("language", N_("unknown language {code}"),
                                {"code": setup.language}))
    if setup.start == JOIN:
        problems += check_join_file(setup.join_file)
    elif setup.organisation is not None:
        problems += check_organisation(setup.organisation)
    problems += check_admin(setup)
    problems += check_backup_folder(data_dir, setup.second_backup_folder)
    return problems


def apply_first_setup(ctx: ServiceContext, data_dir: Path, setup: FirstSetup,
                      today: dt.date | None = None) -> SetupResult:
    """Make what the guide collected; ValidationError (nothing changed) when a page is
    wrong or the data folder is no longer empty."""
    require_account_admin(ctx)
    problems = check_setup(data_dir, setup)
    if problems:
        raise ValidationError(problems)
    if not may_run(ctx):
        raise ValidationError([Problem("", N_(
            "This data folder is no longer empty (another window set it up); the guide "
            "made nothing."))])
    imported = 0
    if setup.start == JOIN:
        imported = _join(ctx, setup.join_file)
    organisation_id, admin_name = _own_organisation_and_admin(ctx, setup)
    if setup.demo:
        from zorgkoppel.demo.loading import load_demo

        load_demo(ctx, today)
    settings = load_settings(data_dir)
    settings.language = setup.language
    settings.demo_offered = True  # the guide asked; the demo is not offered again
    if setup.second_backup_folder is not None:
        folder = setup.second_backup_folder.expanduser().resolve()
        folder.mkdir(parents=True, exist_ok=True)
        settings.second_backup_folder = str(folder)
    save_settings(data_dir, settings)
    return SetupResult(organisation_id, admin_name, imported, setup.demo)


def _join(ctx: ServiceContext, path: Path | None) -> int:
    from zorgkoppel.exchange.importer import import_exchange

    assert path is not None  # checked
    return sum(import_exchange(ctx, path).created.values())


def _own_organisation_and_admin(
        ctx: ServiceContext, setup: FirstSetup) -> tuple[str | None, str | None]:
    own = setup.organisation if setup.start == OWN else None
    if own is None and setup.admin is None:
        return None, None
    with ctx.db.transaction() as session:
        organisation_id = None
        if own is not None:
            organisation = Organisation(**asdict(own))
            session.add(organisation)
            session.flush()
            organisation_id = organisation.id
        admin_name = None
        if setup.admin is not None:
            data = replace(setup.admin, role="admin", organisation_id=organisation_id)
            admin_name = add_user_in(session, ctx, data, setup.password).user_name
    return organisation_id, admin_name
