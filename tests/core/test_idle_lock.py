"""The idle lock's rules without Qt: the clock with a fake time, the minutes setting, and
repeated wrong passwords slowing down at sign-in and at the lock screen."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from involve_desktop.core.errors import AuthenticationError, PermissionDenied, ValidationError
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.base import utcnow
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, idle, sign_in_throttle
from involve_desktop.core.services.sign_in_throttle import TooManyTries
from tests.conftest import COORDINATOR_PASSWORD


class FakeClock:
    """Seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_clock_is_due_after_the_minutes_without_input():
    clock = FakeClock()
    idle_clock = idle.IdleClock(5, clock)
    clock.now += 4 * 60 + 59
    assert not idle_clock.is_due()
    clock.now += 1
    assert idle_clock.is_due()


def test_input_starts_the_count_again():
    clock = FakeClock()
    idle_clock = idle.IdleClock(2, clock)
    clock.now += 110
    idle_clock.touch()
    clock.now += 110
    assert not idle_clock.is_due()
    assert idle_clock.seconds_left() == 10
    clock.now += 10
    assert idle_clock.is_due()


def test_minutes_default_to_five_and_keep_between_2_and_15(session, coordinator):
    assert idle.idle_minutes(session) == 5
    idle.set_idle_minutes(session, coordinator, 12)
    assert idle.idle_minutes(session) == 12
    for wrong in (1, 16):
        with pytest.raises(ValidationError) as refused:
            idle.set_idle_minutes(session, coordinator, wrong)
        assert "between 2 and 15" in refused.value.message
    assert idle.idle_minutes(session) == 12
    change = session.scalars(
        select(AuditEntry).where(AuditEntry.entity == "organisation", AuditEntry.action == "update")
    ).one()
    assert change.changes == {"idle_lock_minutes": [5, 12]}


def test_facilitator_cannot_change_the_minutes(session, coordinator):
    fac = accounts.create_account(
        session, coordinator, "Fran Facilitator", "fran", "a long enough password", Role.FACILITATOR
    )
    actor = accounts.sign_in(session, fac.username, "a long enough password")
    with pytest.raises(PermissionDenied):
        idle.set_idle_minutes(session, actor, 3)
    assert idle.idle_minutes(session) == 5


def test_delays_grow_after_five_and_stop_at_a_minute():
    assert [sign_in_throttle.delay_after(n) for n in range(4, 12)] == [0, 2, 4, 8, 16, 32, 60, 60]


def test_sign_in_slows_down_after_five_wrong_passwords(session, coordinator):
    start = utcnow()
    for n in range(5):
        with pytest.raises(AuthenticationError):
            accounts.sign_in(session, "sam", "wrong", now=start + timedelta(seconds=n))
    last = start + timedelta(seconds=4)
    # The sixth try straight away is refused without checking, even with the right password.
    with pytest.raises(TooManyTries) as wait:
        accounts.sign_in(session, "sam", COORDINATOR_PASSWORD, now=last + timedelta(seconds=1))
    assert wait.value.seconds == 1
    assert "Wait 1 second," in wait.value.message
    # After the wait a wrong password counts again, and the next wait is longer.
    with pytest.raises(AuthenticationError):
        accounts.sign_in(session, "sam", "wrong", now=last + timedelta(seconds=2))
    with pytest.raises(TooManyTries) as wait:
        accounts.sign_in(session, "sam", COORDINATOR_PASSWORD, now=last + timedelta(seconds=2))
    assert wait.value.seconds == 4
    assert "Wait 4 seconds" in wait.value.message
    later = last + timedelta(seconds=6)
    assert accounts.sign_in(session, "sam", COORDINATOR_PASSWORD, now=later).username == "sam"
    # A right password starts the count again.
    assert sign_in_throttle.failures_in_a_row(session, coordinator.account_id)[0] == 0


def test_wrong_passwords_are_on_the_audit_trail_and_survive_a_new_session(engine, coordinator):
    from involve_desktop.core.db.engine import session_factory

    start = utcnow()
    with session_factory(engine)() as first:
        for n in range(6):
            with pytest.raises((AuthenticationError, TooManyTries)):
                accounts.sign_in(first, "sam", "wrong", now=start + timedelta(seconds=n * 10))
    with session_factory(engine)() as again:  # as after a restart
        failed = again.scalars(
            select(AuditEntry).where(AuditEntry.action == sign_in_throttle.FAILED_ACTION)
        ).all()
        assert len(failed) == 6
        assert failed[0].changes == {"username": "sam"}
        assert failed[0].account_name == "(sign-in screen)"
        with pytest.raises(TooManyTries):
            accounts.sign_in(again, "sam", COORDINATOR_PASSWORD, now=start + timedelta(seconds=51))


def test_unlock_needs_the_same_accounts_password_and_counts_wrong_ones(session, coordinator):
    start = utcnow()
    accounts.lock(session, coordinator, now=start)
    for n in range(5):
        with pytest.raises(AuthenticationError):
            accounts.unlock(session, coordinator, "wrong", now=start + timedelta(seconds=n))
    with pytest.raises(TooManyTries):
        accounts.unlock(
            session, coordinator, COORDINATOR_PASSWORD, now=start + timedelta(seconds=5)
        )
    unlocked = accounts.unlock(
        session, coordinator, COORDINATOR_PASSWORD, now=start + timedelta(seconds=7)
    )
    assert unlocked.account_id == coordinator.account_id
    actions = session.scalars(
        select(AuditEntry.action).where(AuditEntry.entity == "account").order_by(AuditEntry.id)
    ).all()
    assert actions[-7:] == ["lock"] + ["sign-in-failed"] * 5 + ["unlock"]


def test_turned_off_account_cannot_unlock(session, coordinator):
    fac = accounts.create_account(
        session, coordinator, "Fran Facilitator", "fran", "a long enough password", Role.FACILITATOR
    )
    actor = accounts.sign_in(session, "fran", "a long enough password")
    accounts.set_active(session, coordinator, fac.id, False)
    with pytest.raises(AuthenticationError):
        accounts.unlock(session, actor, "a long enough password")


def test_a_coordinators_password_reset_ends_the_slow_down(session, coordinator):
    fac = accounts.create_account(
        session, coordinator, "Fran Facilitator", "fran", "a long enough password", Role.FACILITATOR
    )
    start = utcnow()
    for n in range(7):
        with pytest.raises((AuthenticationError, TooManyTries)):
            accounts.sign_in(session, "fran", "forgotten", now=start + timedelta(seconds=n * 3))
    assert sign_in_throttle.seconds_to_wait(session, fac.id, start + timedelta(seconds=16)) > 0
    accounts.reset_password(session, coordinator, fac.id, "a fresh long password")
    later = start + timedelta(seconds=16)
    assert accounts.sign_in(session, "fran", "a fresh long password", now=later).username == "fran"
