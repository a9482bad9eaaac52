"""Helpers every service uses: one transaction per use case and the permission check."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from involve_desktop.core.errors import PermissionDenied, RecordChanged
from involve_desktop.core.models.accounts import Account
from involve_desktop.core.permissions import Permission, Role, allows
from involve_desktop.core.services.dto import Actor


@contextmanager
def transaction(session: Session) -> Iterator[Session]:
    """Commit what the block did, or roll all of it back if it raised.

    A save that lost a race with another laptop (SQLAlchemy's ``StaleDataError``: the row's
    version changed between reading and writing) becomes :class:`RecordChanged`, and so
    does a unique rule broken because another laptop added the same thing at the same
    moment (two laptops making the same pay lines): the services check uniqueness first,
    so only a race gets that far.
    """
    try:
        yield session
        session.commit()
    except StaleDataError as error:
        session.rollback()
        raise RecordChanged(
            "Someone else saved changes to this record at the same moment as you. "
            "Nothing of yours has been saved yet."
        ) from error
    except IntegrityError as error:
        session.rollback()
        if not _is_unique_violation(error):
            raise
        raise RecordChanged(
            "Someone else saved the same thing at the same moment on another laptop. "
            "Nothing of yours has been saved yet — look again, then try once more."
        ) from error
    except OperationalError as error:
        session.rollback()
        if not _is_sqlite_busy(error):
            raise
        # SQLite refuses a write whose read is older than another window's save (WAL keeps
        # the read's snapshot; waiting cannot help), or a save that waited its full time.
        raise RecordChanged(
            "Another window was saving at the same moment, so this could not be saved. "
            "Nothing of yours has been saved yet — try once more."
        ) from error
    except BaseException:
        session.rollback()
        raise


def _is_unique_violation(error: IntegrityError) -> bool:
    """A UNIQUE rule (SQLite's "UNIQUE constraint failed", PostgreSQL's SQLSTATE 23505)."""
    return getattr(error.orig, "sqlstate", None) == "23505" or "UNIQUE constraint failed" in str(
        error.orig
    )


def _is_sqlite_busy(error: OperationalError) -> bool:
    """SQLite's "database is locked" (or "busy"): another connection's write got there first."""
    text = str(error.orig).lower()
    return "database is locked" in text or "database is busy" in text


def permitted(session: Session, actor: Actor, permission: Permission) -> bool:
    """Whether the account, read afresh (on, and its current role), may do ``permission``.

    Use this, not ``actor.can``, wherever a service decides what to return (e.g. whether
    restricted fields are included): the role may have changed since sign-in.
    """
    current = session.execute(
        select(Account.active, Account.role).where(Account.id == actor.account_id)
    ).one_or_none()
    return current is not None and current.active and allows(Role(current.role), permission)


def require(session: Session, actor: Actor, permission: Permission, what: str) -> None:
    """Refuse (and record the refusal) when ``actor``'s role does not allow ``permission``.

    ``what`` completes the sentence "Your account cannot …", e.g. "add accounts". The
    account is read afresh, so turning an account off or changing its role takes effect at
    once, even for someone still signed in on another laptop.
    """
    current = session.execute(
        select(Account.active, Account.role).where(Account.id == actor.account_id)
    ).one_or_none()
    if current is not None and current.active and allows(Role(current.role), permission):
        return
    from involve_desktop.core.services import audit  # local: audit imports this module

    session.rollback()
    audit.record(session, actor, "denied", permission.value, None, {"attempted": what})
    session.commit()
    if current is None or not current.active:
        raise PermissionDenied(
            "Your account has been turned off, so it cannot do this. Ask a coordinator."
        )
    raise PermissionDenied(
        f"Your account ({Role(current.role).label.lower()}) cannot {what}. Ask a coordinator."
    )
