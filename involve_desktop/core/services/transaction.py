"""Helpers every service uses: one transaction per use case and the permission check."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor


@contextmanager
def transaction(session: Session) -> Iterator[Session]:
    """Commit what the block did, or roll all of it back if it raised."""
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise


def require(session: Session, actor: Actor, permission: Permission, what: str) -> None:
    """Refuse (and record the refusal) when ``actor``'s role does not allow ``permission``.

    ``what`` completes the sentence "Your account cannot …", e.g. "add accounts".
    """
    if actor.can(permission):
        return
    from involve_desktop.core.services import audit  # local: audit imports this module

    session.rollback()
    audit.record(session, actor, "denied", permission.value, None, {"attempted": what})
    session.commit()
    raise PermissionDenied(
        f"Your account ({actor.role.label.lower()}) cannot {what}. Ask a coordinator."
    )
