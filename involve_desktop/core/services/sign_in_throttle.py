"""Slowing down repeated wrong passwords for one account.

After ``FREE_TRIES`` wrong passwords in a row the next try is refused until a delay has
passed: 2 seconds, then 4, 8, 16, 32 and at most 60. The count comes from the audit trail
(each wrong password is a ``sign-in-failed`` row on the account; a right one is ``sign-in``
or ``unlock``, and a coordinator's ``password-reset`` or the account's own
``password-change`` also starts again), so restarting the app does not reset it and
nothing extra is stored.

A copy of the app that opened the database read-only cannot write those rows; there the
wrong passwords are also kept in this process (``remember_failure``), so the slow-down
still applies until the app is closed. Laptops whose clocks differ never wait longer than
the delay itself (a failure stamped "in the future" by a laptop ahead of this one).
"""

from __future__ import annotations

import math
from datetime import datetime
from threading import Lock

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import InvolveError
from involve_desktop.core.models.audit import AuditEntry

FREE_TRIES = 5
FIRST_DELAY_SECONDS = 2
MAX_DELAY_SECONDS = 60
FAILED_ACTION = "sign-in-failed"
# A coordinator's reset, and the account's own change after its right current password, too.
SUCCESS_ACTIONS = ("sign-in", "unlock", "password-reset", "password-change")

# Wrong passwords that could not be written to the trail (a read-only copy), by database
# and account: their times, oldest first. Cleared by a right password in this process.
_unwritten: dict[tuple[str, int], list[datetime]] = {}
_unwritten_lock = Lock()


class TooManyTries(InvolveError):
    """The account had too many wrong passwords in a row; wait ``seconds`` before the next."""

    def __init__(self, seconds: int) -> None:
        unit = "second" if seconds == 1 else "seconds"
        super().__init__(
            f"Too many wrong passwords in a row. Wait {seconds} {unit}, then try again."
        )
        self.seconds = seconds


def delay_after(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passwords in a row (0 before the fifth)."""
    if failures < FREE_TRIES:
        return 0
    return min(FIRST_DELAY_SECONDS * 2 ** (failures - FREE_TRIES), MAX_DELAY_SECONDS)


def _database(session: Session) -> str:
    return session.get_bind().url.render_as_string(hide_password=True)


def remember_failure(session: Session, account_id: int, at: datetime) -> None:
    """Count a wrong password that could not be written to the trail (read-only copy)."""
    with _unwritten_lock:
        _unwritten.setdefault((_database(session), account_id), []).append(at)


def forget_failures(session: Session, account_id: int) -> None:
    """A right password: the wrong ones kept in this process no longer count."""
    with _unwritten_lock:
        _unwritten.pop((_database(session), account_id), None)


def failures_in_a_row(session: Session, account_id: int) -> tuple[int, datetime | None]:
    """Wrong passwords since the account's last right one, and when the latest was.

    Those on the trail, and any this process could not write there (``remember_failure``)
    made after the last right one on the trail.
    """
    on_account = (AuditEntry.entity == "account", AuditEntry.entity_id == account_id)
    last_id, last_at = session.execute(
        select(func.coalesce(func.max(AuditEntry.id), 0), func.max(AuditEntry.at)).where(
            *on_account, AuditEntry.action.in_(SUCCESS_ACTIONS)
        )
    ).one()
    count, latest = session.execute(
        select(func.count(AuditEntry.id), func.max(AuditEntry.at)).where(
            *on_account, AuditEntry.action == FAILED_ACTION, AuditEntry.id > last_id
        )
    ).one()
    with _unwritten_lock:
        kept = list(_unwritten.get((_database(session), account_id), ()))
    unwritten = [at for at in kept if last_at is None or at > last_at]
    if unwritten:
        latest = max(unwritten) if latest is None else max(latest, *unwritten)
    return int(count or 0) + len(unwritten), latest


def seconds_to_wait(session: Session, account_id: int, now: datetime) -> int:
    """Whole seconds before the account may try again (0: it may try now), never more than
    the delay itself: a wrong password stamped by a laptop whose clock is ahead of this
    one's would otherwise seem to be in the future and make the wait hours long."""
    failures, latest = failures_in_a_row(session, account_id)
    delay = delay_after(failures)
    if delay == 0 or latest is None:
        return 0
    left = delay - (now - latest).total_seconds()
    return max(0, min(delay, math.ceil(left)))


def check(session: Session, account_id: int, now: datetime) -> None:
    """Raise ``TooManyTries`` when the account must still wait before another try."""
    wait = seconds_to_wait(session, account_id, now)
    if wait > 0:
        raise TooManyTries(wait)
