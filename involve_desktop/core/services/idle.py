"""The idle lock's rules: how long without input before the window locks, and the clock.

``IdleClock`` is pure logic over a clock function, so tests drive it with a fake clock and
never wait. The minutes are a group setting (Settings → Screen lock), 2 to 15, default 5.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.models.accounts import Organisation
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.transaction import require, transaction

MIN_MINUTES = 2
MAX_MINUTES = 15
DEFAULT_MINUTES = 5


class IdleClock:
    """Notes the latest input and says when the idle time has run out.

    ``now`` returns seconds on a clock that only goes forward (``time.monotonic`` by
    default; a fake in tests).
    """

    def __init__(self, minutes: int = DEFAULT_MINUTES, now: Callable[[], float] = time.monotonic):
        self._now = now
        self.minutes = minutes
        self._last_input = now()

    @property
    def limit_seconds(self) -> float:
        """Seconds without input before locking."""
        return self.minutes * 60.0

    def touch(self) -> None:
        """Someone used the mouse or keyboard: start counting again."""
        self._last_input = self._now()

    def idle_seconds(self) -> float:
        """Seconds since the latest input."""
        return max(0.0, self._now() - self._last_input)

    def seconds_left(self) -> float:
        """Seconds before the lock is due (0 once it is due)."""
        return max(0.0, self.limit_seconds - self.idle_seconds())

    def is_due(self) -> bool:
        """True once nobody has touched anything for the whole idle time."""
        return self.idle_seconds() >= self.limit_seconds


def _organisation(session: Session) -> Organisation | None:
    return session.scalars(select(Organisation).order_by(Organisation.id).limit(1)).one_or_none()


def idle_minutes(session: Session) -> int:
    """The group's minutes without input before locking (the default before set-up)."""
    org = _organisation(session)
    return org.idle_lock_minutes if org is not None else DEFAULT_MINUTES


def set_idle_minutes(session: Session, actor: Actor, minutes: int) -> int:
    """Change the minutes without input before locking (coordinators only; 2 to 15)."""
    require(session, actor, Permission.EDIT_GROUP_SETTINGS, "change when the screen locks")
    if not isinstance(minutes, int) or not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValidationError(
            "idle_lock_minutes",
            f"Lock after must be between {MIN_MINUTES} and {MAX_MINUTES} minutes.",
        )
    with transaction(session):
        org = _organisation(session)
        if org is None:
            raise ValidationError("idle_lock_minutes", "Set up the group first.")
        changes = audit.changes_between(
            {"idle_lock_minutes": org.idle_lock_minutes}, {"idle_lock_minutes": minutes}
        )
        org.idle_lock_minutes = minutes
        if changes:
            audit.record(session, actor, "update", "organisation", org.id, changes)
    return minutes
