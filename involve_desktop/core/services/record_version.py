"""Optimistic locking: refusing a save based on a copy someone else has since changed.

Edit dialogs carry the ``version`` they loaded; update services call :func:`check_version`
before changing anything. When another laptop saved first, :class:`RecordChanged` says who
and when (from the audit trail) and that nothing of this person's has been saved yet.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from involve_desktop.core.errors import RecordChanged
from involve_desktop.core.formatting import format_date, local_from_utc
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.base import utcnow
from involve_desktop.core.services.dto import Actor

NOTHING_SAVED = "Nothing of yours has been saved yet."


def _latest_change(session: Session, entity: str, entity_id: int) -> AuditEntry | None:
    return session.scalars(
        select(AuditEntry)
        .where(
            AuditEntry.entity == entity,
            AuditEntry.entity_id == entity_id,
            AuditEntry.action != "denied",
        )
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(1)
    ).first()


def _when(at: datetime, today: datetime) -> str:
    local = local_from_utc(at)
    if local.date() == today.date():
        return f"at {local:%H:%M}"
    return f"at {local:%H:%M} on {format_date(local.date())}"


def changed_message(
    session: Session | None,
    entity: str,
    entity_id: int | None,
    what: str,
    by: Actor | None = None,
) -> str:
    """The sentence shown when ``what`` (e.g. "Zoë Adams's details") was saved by someone else.

    ``by`` is the person now saving: when the trail says it was their own account (another
    window, or the same account on another laptop) the message says "You".
    """
    latest = (
        _latest_change(session, entity, entity_id)
        if session is not None and entity_id is not None
        else None
    )
    if latest is None:
        return f"Someone else saved changes to {what} while you were editing. {NOTHING_SAVED}"
    when = _when(latest.at, local_from_utc(utcnow()))
    if by is not None and latest.account_id == by.account_id:
        return (
            f"You saved changes to {what} {when} in another window or on another laptop, "
            f"while you were editing here. {NOTHING_SAVED}"
        )
    return (
        f"{latest.account_name} saved changes to {what} {when}, while you were editing. "
        f"{NOTHING_SAVED}"
    )


def check_version(
    record: object, expected_version: int | None, *, what: str, by: Actor | None = None
) -> None:
    """Raise :class:`RecordChanged` when ``record`` is no longer the version being edited.

    ``expected_version`` None means "no check" (the CLI, the demo data, older callers).
    ``what`` names the record for the message, e.g. "Zoë Adams's details"; ``by`` is the
    person saving (so a clash with their own earlier save says "You").
    """
    if expected_version is None:
        return
    session = object_session(record)
    if session is not None:
        session.refresh(record)  # sessions keep objects after commit: read the stored version
    current = record.version  # type: ignore[attr-defined]
    if current == expected_version:
        return
    entity = record.__tablename__  # type: ignore[attr-defined]
    message = changed_message(session, entity, record.id, what, by)  # type: ignore[attr-defined]
    raise RecordChanged(message, current_version=current)
