"""Whether an open session goes on: its account enabled, its role kept, its password not reset."""

from __future__ import annotations

from dataclasses import replace

import pytest

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.rules.organisation import OrganisationData
from zorgkoppel.core.services import accounts
from zorgkoppel.core.services.organisations import save_organisation
from zorgkoppel.core.services.sessions import SessionEnded, require_session, session_continues

ADMIN_PASSWORD = "admin-password-1"


@pytest.fixture
def admin(ctx: ServiceContext) -> ServiceContext:
    accounts.add_user(ctx, accounts.UserData("els", "admin"), ADMIN_PASSWORD)
    return ServiceContext(ctx.db, accounts.authenticate(ctx, "els", ADMIN_PASSWORD))


@pytest.fixture
def bert(admin: ServiceContext) -> ServiceContext:
    linde = save_organisation(admin, OrganisationData("De Linde", "care_facility")).value.id
    accounts.add_user(admin, accounts.UserData("bert", "coordinator", linde), "bert-password-1")
    return ServiceContext(admin.db, accounts.authenticate(admin, "bert", "bert-password-1"))


def test_the_local_owner_always_goes_on(ctx: ServiceContext) -> None:
    assert session_continues(ctx)
    require_session(ctx)


def test_a_session_ends_when_the_account_is_disabled(admin, bert) -> None:
    assert session_continues(bert)
    accounts.set_disabled(admin, "bert")
    assert not session_continues(bert)
    with pytest.raises(SessionEnded):
        require_session(bert)


def test_a_session_ends_when_the_password_is_reset(admin, bert) -> None:
    accounts.reset_password(admin, "bert", "temporary-1")
    assert not session_continues(bert)


def test_a_session_ends_when_the_role_changes(admin, bert) -> None:
    organisation = next(iter(bert.actor.organisation_ids or ()))
    accounts.change_role(admin, "bert", "viewer", organisation)
    assert not session_continues(bert)


def test_a_read_only_window_is_judged_by_the_login(admin, bert) -> None:
    # The window acts as a viewer while another window writes; the account stays a coordinator.
    viewer = ServiceContext(bert.db, replace(bert.actor, role="viewer"))
    assert not session_continues(viewer)
    assert session_continues(viewer, bert.actor)


def test_the_own_password_change_keeps_the_session(bert) -> None:
    accounts.change_own_password(bert, "bert-password-1", "bert-password-2")
    assert session_continues(bert)
