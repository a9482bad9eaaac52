"""Accounts on the shared laptop: set-up, signing in, roles and the audit trail."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from involve_desktop.core.errors import (
    AuthenticationError,
    PermissionDenied,
    SetupError,
    ValidationError,
)
from involve_desktop.core.models.accounts import Account
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, audit, organisation
from tests.conftest import COORDINATOR_PASSWORD


def test_set_up_creates_group_and_coordinator(session, coordinator):
    assert accounts.is_set_up(session)
    assert organisation.group_name(session) == "Riverside Voices"
    assert coordinator.role is Role.COORDINATOR


def test_set_up_twice_is_refused(session, coordinator):
    with pytest.raises(SetupError):
        accounts.set_up_group(session, "Other", "Someone", "someone", "a long password")


def test_password_is_stored_as_argon2id_above_owasp_minimum(session, coordinator):
    stored = session.scalar(select(Account.password_hash).where(Account.username == "sam"))
    assert COORDINATOR_PASSWORD not in stored
    assert stored.startswith("$argon2id$")
    params = dict(p.split("=") for p in stored.split("$")[3].split(","))
    assert int(params["m"]) >= 19 * 1024 and int(params["t"]) >= 2


def test_sign_in_accepts_right_password_case_insensitive_username(session, coordinator):
    actor = accounts.sign_in(session, "  SAM ", COORDINATOR_PASSWORD)
    assert actor.account_id == coordinator.account_id


@pytest.mark.parametrize("username,password", [("sam", "wrong password"), ("nobody", "x")])
def test_sign_in_refusal_does_not_say_which_was_wrong(session, coordinator, username, password):
    with pytest.raises(AuthenticationError) as wrong:
        accounts.sign_in(session, username, password)
    assert "username and password do not match" in wrong.value.message


def test_turned_off_account_cannot_sign_in(session, coordinator):
    info = accounts.create_account(
        session, coordinator, "Fran Facilitator", "fran", "tuesday group 2pm", Role.FACILITATOR
    )
    accounts.set_active(session, coordinator, info.id, False)
    with pytest.raises(AuthenticationError):
        accounts.sign_in(session, "fran", "tuesday group 2pm")


def test_create_account_writes_audit_row_without_password(session, coordinator):
    info = accounts.create_account(
        session, coordinator, "Fran Facilitator", "fran", "tuesday group 2pm", Role.FACILITATOR
    )
    rows = audit.list_entries(session, coordinator, entity="account", entity_id=info.id)
    created = [r for r in rows if r.action == "create"]
    assert len(created) == 1
    assert created[0].account_name == "Sam Coordinator"
    assert created[0].changes["role"] == "facilitator"
    assert "tuesday group 2pm" not in str(created[0].changes)
    assert "password_hash" not in created[0].changes


def test_facilitator_cannot_add_accounts_and_refusal_is_audited(session, coordinator):
    accounts.create_account(
        session, coordinator, "Fran Facilitator", "fran", "tuesday group 2pm", Role.FACILITATOR
    )
    fran = accounts.sign_in(session, "fran", "tuesday group 2pm")
    with pytest.raises(PermissionDenied, match="cannot add accounts"):
        accounts.create_account(session, fran, "Eve", "eve", "another password", Role.COORDINATOR)
    denied = session.scalars(select(AuditEntry).where(AuditEntry.action == "denied")).all()
    assert [d.account_name for d in denied] == ["Fran Facilitator"]
    assert session.scalar(select(Account.id).where(Account.username == "eve")) is None


def test_duplicate_username_names_the_field(session, coordinator):
    with pytest.raises(ValidationError) as err:
        accounts.create_account(
            session, coordinator, "Sam Two", "SAM", "password two", Role.COORDINATOR
        )
    assert err.value.field == "username"
    assert "taken" in err.value.message


@pytest.mark.parametrize(
    "field,kwargs",
    [
        ("display_name", {"display_name": "   "}),
        ("username", {"username": "has space"}),
        ("password", {"password": "short"}),
        ("password", {"password": "fran.smith", "username": "fran.smith"}),
    ],
)
def test_validation_names_the_field(session, coordinator, field, kwargs):
    values = {"display_name": "Fran", "username": "fran", "password": "long enough pass"} | kwargs
    with pytest.raises(ValidationError) as err:
        accounts.create_account(session, coordinator, role=Role.FACILITATOR, **values)
    assert err.value.field == field


def test_last_coordinator_cannot_be_turned_off(session, coordinator):
    other = accounts.create_account(
        session, coordinator, "Alex", "alex", "alex password", Role.FACILITATOR
    )
    with pytest.raises(ValidationError, match="your own account"):
        accounts.set_active(session, coordinator, coordinator.account_id, False)
    accounts.set_active(session, coordinator, other.id, False)
    assert [a.active for a in accounts.list_accounts(session, coordinator)] == [True, False]


def test_change_own_password_checks_current(session, coordinator):
    with pytest.raises(ValidationError, match="Current password"):
        accounts.change_own_password(session, coordinator, "not it", "brand new password")
    accounts.change_own_password(session, coordinator, COORDINATOR_PASSWORD, "brand new password")
    assert accounts.sign_in(session, "sam", "brand new password").username == "sam"


def test_rename_group_is_audited(session, coordinator):
    organisation.rename_group(session, coordinator, "  Riverside   Voices CIC ")
    assert organisation.group_name(session) == "Riverside Voices CIC"
    rows = audit.list_entries(session, coordinator, entity="organisation")
    assert rows[0].changes == {"name": ["Riverside Voices", "Riverside Voices CIC"]}
