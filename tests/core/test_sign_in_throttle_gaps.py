"""Gaps in the shared laptop's sign-in rules: the slow-down on a read-only second copy and
when laptops' clocks differ, Change password counted like sign-in, nothing typed into
Username kept on the trail, Lock now told apart from the idle lock, and two accounts of
the same name told apart on the trail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from involve_desktop.core.db.engine import create_engine_for, session_factory
from involve_desktop.core.errors import AuthenticationError, PermissionDenied, ValidationError
from involve_desktop.core.models.accounts import Account
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.base import utcnow
from involve_desktop.core.passwords import verify_password
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, audit, sign_in_throttle
from involve_desktop.core.services.sign_in_throttle import TooManyTries
from tests.conftest import COORDINATOR_PASSWORD, TEST_DATABASE_URL

FRAN_PASSWORD = "a long enough password"


def _fran(session, coordinator) -> int:
    made = accounts.create_account(
        session, coordinator, "Fran Facilitator", "fran", FRAN_PASSWORD, Role.FACILITATOR
    )
    return made.id


def _failed_rows(session) -> list[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.action == sign_in_throttle.FAILED_ACTION)
    return list(session.scalars(query.order_by(AuditEntry.id)))


@pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="read-only copies are SQLite files")
def test_a_read_only_second_copy_still_slows_down_wrong_passwords(
    database_url, engine, coordinator
):
    reader = create_engine_for(database_url, read_only=True)
    try:
        with session_factory(reader)() as session:
            start = utcnow()
            for n in range(5):
                with pytest.raises(AuthenticationError):
                    accounts.sign_in(session, "sam", "guess", now=start + timedelta(seconds=n))
            last = start + timedelta(seconds=4)
            with pytest.raises(TooManyTries):
                accounts.sign_in(session, "sam", "guess", now=last + timedelta(seconds=1))
            # Nothing could be written, yet the right password after the wait signs in,
            # and that ends the slow-down kept in this process.
            assert _failed_rows(session) == []
            later = last + timedelta(seconds=2)
            assert accounts.sign_in(session, "sam", COORDINATOR_PASSWORD, now=later).username
            assert sign_in_throttle.failures_in_a_row(session, coordinator.account_id)[0] == 0
    finally:
        reader.dispose()


def test_wrong_passwords_kept_in_memory_end_with_a_right_one_on_the_trail(session, coordinator):
    start = utcnow()
    for _n in range(5):
        sign_in_throttle.remember_failure(session, coordinator.account_id, start)
    assert sign_in_throttle.seconds_to_wait(session, coordinator.account_id, start) == 2
    # The copy that can write records a right password afterwards: they no longer count.
    after = start + timedelta(seconds=1)
    audit.record(session, coordinator, "sign-in", "account", coordinator.account_id, at=after)
    session.commit()
    assert sign_in_throttle.failures_in_a_row(session, coordinator.account_id)[0] == 0
    sign_in_throttle.forget_failures(session, coordinator.account_id)


def test_a_laptop_whose_clock_is_behind_waits_no_longer_than_the_delay(session, coordinator):
    start = utcnow()
    for n in range(5):
        with pytest.raises(AuthenticationError):
            accounts.sign_in(session, "sam", "wrong", now=start + timedelta(seconds=n))
    two_hours_behind = start - timedelta(hours=2)
    with pytest.raises(TooManyTries) as wait:
        accounts.sign_in(session, "sam", COORDINATOR_PASSWORD, now=two_hours_behind)
    assert wait.value.seconds == 2
    assert "Wait 2 seconds" in wait.value.message


def test_a_wrong_current_password_is_recorded_and_slows_down_like_sign_in(session, coordinator):
    start = utcnow()
    for n in range(5):
        with pytest.raises(ValidationError) as wrong:
            accounts.change_own_password(
                session, coordinator, f"guess {n}", "brand new password", now=start
            )
        assert wrong.value.field == "current_password"
        assert wrong.value.message == accounts.WRONG_CURRENT_PASSWORD
    rows = _failed_rows(session)
    assert len(rows) == 5
    assert {(r.entity_id, r.account_name) for r in rows} == {
        (coordinator.account_id, "(change password)")
    }
    # The sixth try, even with the right password, waits: the field says how long.
    with pytest.raises(ValidationError) as wait:
        accounts.change_own_password(
            session, coordinator, COORDINATOR_PASSWORD, "brand new password", now=start
        )
    assert wait.value.field == "current_password"
    assert "Wait 2 seconds" in wait.value.message
    # They count at sign-in too (the same account), and a right one after the wait works.
    with pytest.raises(TooManyTries):
        accounts.sign_in(session, "sam", COORDINATOR_PASSWORD, now=start + timedelta(seconds=1))
    accounts.change_own_password(
        session,
        coordinator,
        COORDINATOR_PASSWORD,
        "brand new password",
        now=start + timedelta(seconds=3),
    )
    stored = session.get(Account, coordinator.account_id).password_hash
    assert verify_password(stored, "brand new password")
    # The right current password ended the slow-down: one more slip does not wait.
    assert sign_in_throttle.failures_in_a_row(session, coordinator.account_id)[0] == 0
    with pytest.raises(AuthenticationError):
        accounts.sign_in(session, "sam", "wrong", now=start + timedelta(seconds=4))
    assert accounts.sign_in(session, "sam", "brand new password", now=start + timedelta(seconds=4))


def test_a_turned_off_account_cannot_change_its_own_password(session, coordinator):
    fran_id = _fran(session, coordinator)
    fran = accounts.sign_in(session, "fran", FRAN_PASSWORD)
    accounts.set_active(session, coordinator, fran_id, False)
    with pytest.raises(PermissionDenied) as refused:
        accounts.change_own_password(session, fran, FRAN_PASSWORD, "another long password")
    assert "turned off" in refused.value.message
    session.expire_all()
    assert verify_password(session.get(Account, fran_id).password_hash, FRAN_PASSWORD)
    denied = session.scalars(
        select(AuditEntry).where(AuditEntry.action == "denied", AuditEntry.entity == "account")
    ).one()
    assert denied.account_id == fran_id
    assert audit.area_of(denied.entity, denied.action) == audit.REFUSALS_AREA


def test_a_password_typed_into_username_is_not_kept_on_the_trail(session, coordinator):
    with pytest.raises(AuthenticationError):
        accounts.sign_in(session, "Tangerine-Lamp-42", "")
    row = _failed_rows(session)[-1]
    assert row.entity_id is None
    assert "tangerine" not in str(row.changes).lower()
    assert row.changes == {"username": accounts.UNKNOWN_USERNAME}
    words = audit.describe_changes(row.changes, row.entity)
    assert "not kept" in words
    # A known username is still named (whose account was tried).
    with pytest.raises(AuthenticationError):
        accounts.sign_in(session, "SAM", "wrong")
    assert _failed_rows(session)[-1].changes == {"username": "sam"}


def test_lock_now_and_the_idle_lock_read_differently_on_the_trail(session, coordinator):
    accounts.lock(session, coordinator)
    accounts.lock(session, coordinator, asked=True)
    entries = audit.list_entries(session, coordinator, entity="account")
    words = [audit.action_words(e.action) for e in entries[:2]]
    assert words == ["locked the screen", "locked (left idle)"]


def test_two_accounts_of_the_same_name_are_told_apart_on_the_trail(session, coordinator):
    other = accounts.create_account(
        session, coordinator, "Sam Coordinator", "sam.t", "another long password", Role.FACILITATOR
    )
    fran_id = _fran(session, coordinator)
    twin = accounts.sign_in(session, "sam.t", "another long password")
    accounts.sign_in(session, "fran", FRAN_PASSWORD)
    entries = audit.list_entries(session, coordinator)
    by_account = {(e.action, e.entity_id): e.account_name for e in entries}
    assert by_account[("sign-in", twin.account_id)] == "Sam Coordinator (sam.t)"
    assert by_account[("create", other.id)] == "Sam Coordinator (sam)"
    assert by_account[("sign-in", fran_id)] == "Fran Facilitator"  # no one else's name
    failed_name = "(sign-in screen)"
    with pytest.raises(AuthenticationError):
        accounts.sign_in(session, "sam.t", "wrong")
    newest = audit.list_entries(session, coordinator, limit=1)[0]
    assert newest.account_name == failed_name
    exported = list(audit.export_rows(audit.list_entries(session, coordinator)))
    assert "Sam Coordinator (sam.t)" in {row[1] for row in exported[1:]}
