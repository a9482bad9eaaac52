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


def test_you_cannot_turn_off_your_own_account(session, coordinator):
    other = accounts.create_account(
        session, coordinator, "Alex", "alex", "alex password", Role.FACILITATOR
    )
    with pytest.raises(ValidationError, match="your own account"):
        accounts.set_active(session, coordinator, coordinator.account_id, False)
    accounts.set_active(session, coordinator, other.id, False)
    assert [a.active for a in accounts.list_accounts(session, coordinator)] == [True, False]
    rows = audit.list_entries(session, coordinator, entity="account", entity_id=other.id)
    assert rows[0].changes == {"active": [True, False]}


def test_turned_off_coordinator_still_signed_in_is_refused_at_once(session, coordinator):
    accounts.create_account(session, coordinator, "Bo", "bo", "bo password", Role.COORDINATOR)
    bo = accounts.sign_in(session, "bo", "bo password")
    accounts.set_active(session, coordinator, bo.account_id, False)
    with pytest.raises(PermissionDenied, match="turned off"):
        accounts.create_account(session, bo, "Eve", "eve", "eve password", Role.COORDINATOR)
    with pytest.raises(PermissionDenied):
        accounts.set_active(session, bo, coordinator.account_id, False)


def test_demoted_account_loses_coordinator_powers_at_once(session, coordinator):
    from involve_desktop.core.models.accounts import Account as AccountRow

    accounts.create_account(session, coordinator, "Bo", "bo", "bo password", Role.COORDINATOR)
    bo = accounts.sign_in(session, "bo", "bo password")
    session.execute(
        AccountRow.__table__.update()
        .where(AccountRow.id == bo.account_id)
        .values(role="facilitator")
    )
    session.commit()
    with pytest.raises(PermissionDenied, match="facilitator"):
        organisation.rename_group(session, bo, "New name")


@pytest.mark.parametrize(
    "attempt",
    [
        lambda s, fran, target: accounts.reset_password(s, fran, target, "new password 1"),
        lambda s, fran, target: accounts.set_active(s, fran, target, False),
        lambda s, fran, target: organisation.rename_group(s, fran, "Renamed"),
        lambda s, fran, target: audit.list_entries(s, fran),
        lambda s, fran, target: accounts.list_accounts(s, fran),
    ],
)
def test_facilitator_is_refused_coordinator_actions(session, coordinator, attempt):
    accounts.create_account(
        session, coordinator, "Fran Facilitator", "fran", "tuesday group 2pm", Role.FACILITATOR
    )
    fran = accounts.sign_in(session, "fran", "tuesday group 2pm")
    with pytest.raises(PermissionDenied):
        attempt(session, fran, coordinator.account_id)
    assert organisation.group_name(session) == "Riverside Voices"
    assert accounts.sign_in(session, "sam", COORDINATOR_PASSWORD)  # password unchanged


def test_password_changes_are_audited_without_the_password(session, coordinator):
    other = accounts.create_account(
        session, coordinator, "Alex", "alex", "alex password", Role.FACILITATOR
    )
    accounts.reset_password(session, coordinator, other.id, "brand new one")
    rows = audit.list_entries(session, coordinator, entity="account", entity_id=other.id)
    assert rows[0].changes == {"password": "(changed)"}
    assert "brand new one" not in str([r.changes for r in rows])


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


GUESSABLE = ["password", "Password1", "12345678", "sam12345", "Riverside Voices", "riverside1"]


@pytest.mark.parametrize("password", GUESSABLE)
def test_first_run_refuses_a_guessable_password_naming_the_field(session, password):
    with pytest.raises(ValidationError) as err:
        accounts.set_up_group(session, "Riverside Voices", "Sam Jones", "sam", password)
    assert err.value.field == "password"
    assert "easy to guess. Choose another" in err.value.message
    assert not accounts.is_set_up(session)  # nothing was saved


def test_first_run_says_which_name_a_password_was_made_from(session):
    with pytest.raises(ValidationError, match="made from the username"):
        accounts.set_up_group(session, "Riverside Voices", "Sam Jones", "samjones", "SamJones!")
    with pytest.raises(ValidationError, match="made from the group's name"):
        accounts.set_up_group(session, "Riverside Voices", "Sam Jones", "sam", "Riverside2026")
    with pytest.raises(ValidationError, match="one of the most common ones"):
        accounts.set_up_group(session, "Riverside Voices", "Sam Jones", "sam", "password")
    actor = accounts.set_up_group(
        session, "Riverside Voices", "Sam Jones", "sam", "kettle river orange"
    )
    assert accounts.sign_in(session, "sam", "kettle river orange") == actor


@pytest.mark.parametrize("password", GUESSABLE)
def test_add_reset_change_and_recovery_refuse_a_guessable_password(session, coordinator, password):
    new = password.replace("sam", "fran")  # the new account's own username
    with pytest.raises(ValidationError, match="easy to guess") as err:
        accounts.create_account(session, coordinator, "Fran Smith", "fran", new, Role.FACILITATOR)
    assert err.value.field == "password"
    other = accounts.create_account(
        session, coordinator, "Fran Smith", "fran", "tea in the garden", Role.FACILITATOR
    )
    with pytest.raises(ValidationError, match="easy to guess"):
        accounts.reset_password(session, coordinator, other.id, new)
    with pytest.raises(ValidationError, match="easy to guess"):
        accounts.change_own_password(session, coordinator, COORDINATOR_PASSWORD, password)
    with pytest.raises(ValidationError, match="easy to guess"):
        accounts.recover_with_key(session, "sam", password)
    assert accounts.sign_in(session, "sam", COORDINATOR_PASSWORD)  # unchanged
    assert accounts.sign_in(session, "fran", "tea in the garden")


def test_a_name_from_the_persons_own_name_is_refused(session, coordinator):
    with pytest.raises(ValidationError, match="made from the person's name"):
        accounts.create_account(
            session, coordinator, "Fran Smithson", "fran", "Smithson2026", Role.FACILITATOR
        )


def test_the_password_typed_twice_is_checked_after_the_rules(session, coordinator):
    """A short password with a typo in the second box hears "too short" first; a good
    password typed differently twice is refused on the second box; nothing is saved."""
    with pytest.raises(ValidationError, match="at least 8 characters") as err:
        accounts.create_account(
            session, coordinator, "Fran", "fran", "short", Role.FACILITATOR, again="shrot"
        )
    assert err.value.field == "password"
    with pytest.raises(ValidationError, match="different") as err:
        accounts.create_account(
            session,
            coordinator,
            "Fran",
            "fran",
            "tea in the garden",
            Role.FACILITATOR,
            again="tea in the gardn",
        )
    assert err.value.field == "confirm"
    assert [a.username for a in accounts.list_accounts(session, coordinator)] == ["sam"]
    with pytest.raises(ValidationError, match="different") as err:
        accounts.change_own_password(
            session, coordinator, COORDINATOR_PASSWORD, "kettle river orange", again="kettle"
        )
    assert err.value.field == "confirm"
    with pytest.raises(ValidationError, match="different"):
        accounts.recover_with_key(session, "sam", "kettle river orange", again="")
    assert accounts.sign_in(session, "sam", COORDINATOR_PASSWORD)  # unchanged
    accounts.change_own_password(
        session,
        coordinator,
        COORDINATOR_PASSWORD,
        "kettle river orange",
        again="kettle river orange",
    )
    assert accounts.sign_in(session, "sam", "kettle river orange")


def test_first_run_checks_the_password_typed_twice(session):
    with pytest.raises(ValidationError) as err:
        accounts.set_up_group(
            session, "Riverside Voices", "Sam Jones", "sam", "kettle river orange", again="x"
        )
    assert err.value.field == "confirm"
    assert not accounts.is_set_up(session)
