"""Slowing down repeated wrong passwords for one account.

After ``FREE_TRIES`` wrong passwords in a row the next try is refused until a delay has
passed: 2 seconds, then 4, 8, 16, 32 and at most 60. The count comes from the audit trail
(each wrong password is a ``sign-in-failed`` row on the account; a right one is ``sign-in``
or ``unlock``, and a coordinator's ``password-reset`` also starts again), so restarting the
app does not reset it and nothing extra is stored.
"""

from __future__ import annotations

import math
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import InvolveError
from involve_desktop.core.models.audit import AuditEntry

FREE_TRIES = 5
FIRST_DELAY_SECONDS = 2
MAX_DELAY_SECONDS = 60
FAILED_ACTION = "sign-in-failed"
SUCCESS_ACTIONS = ("sign-in", "unlock", "password-reset")  # a coordinator's reset too


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


def failures_in_a_row(session: Session, account_id: int) -> tuple[int, datetime | None]:
    """Wrong passwords since the account's last right one, and when the latest was."""
    last_success = (
        select(func.coalesce(func.max(AuditEntry.id), 0))
        .where(
            AuditEntry.entity == "account",
            AuditEntry.entity_id == account_id,
            AuditEntry.action.in_(SUCCESS_ACTIONS),
        )
        .scalar_subquery()
    )
    count, latest = session.execute(
        select(func.count(AuditEntry.id), func.max(AuditEntry.at)).where(
            AuditEntry.entity == "account",
            AuditEntry.entity_id == account_id,
            AuditEntry.action == FAILED_ACTION,
            AuditEntry.id > last_success,
        )
    ).one()
    return int(count or 0), latest


def seconds_to_wait(session: Session, account_id: int, now: datetime) -> int:
    """Whole seconds before the account may try again (0: it may try now)."""
    failures, latest = failures_in_a_row(session, account_id)
    delay = delay_after(failures)
    if delay == 0 or latest is None:
        return 0
    left = delay - (now - latest).total_seconds()
    return max(0, math.ceil(left))


def check(session: Session, account_id: int, now: datetime) -> None:
    """Raise ``TooManyTries`` when the account must still wait before another try."""
    wait = seconds_to_wait(session, account_id, now)
    if wait > 0:
        raise TooManyTries(wait)
