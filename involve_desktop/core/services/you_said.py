"""The you said, we did log: create, change, delete, list and read entries.

Coordinators only (MANAGE_INVOLVEMENT to change, VIEW_INVOLVEMENT to see); every change is
audited (entity ``you_said_entry``). An entry may be linked to the activity where it was
said. Entries never hold member names; who is responsible is a role or a team.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.models.activities import InvolvementActivity, YouSaidEntry
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.activities import MANAGE, SEE, STALE
from involve_desktop.core.services.activities_dto import YouSaidInfo, YouSaidInput, YouSaidStatus
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.transaction import require, transaction

ENTITY = "you_said_entry"


def _infos(session: Session, rows: Sequence[YouSaidEntry]) -> list[YouSaidInfo]:
    ids = {r.activity_id for r in rows if r.activity_id is not None}
    titles = (
        dict(
            session.execute(
                select(InvolvementActivity.id, InvolvementActivity.title).where(
                    InvolvementActivity.id.in_(ids)
                )
            ).all()
        )
        if ids
        else {}
    )
    return [
        YouSaidInfo(
            r.id,
            r.day,
            r.you_said,
            r.we_did,
            YouSaidStatus(r.status),
            r.reason,
            r.responsible,
            r.activity_id,
            titles.get(r.activity_id) if r.activity_id is not None else None,
            r.version,
        )
        for r in rows
    ]


def _load(session: Session, entry_id: int) -> YouSaidEntry:
    row = session.get(YouSaidEntry, entry_id)
    if row is None:
        raise NotFound("That entry is no longer in the log. Refresh the list.")
    return row


def _values(session: Session, data: YouSaidInput, today: date) -> dict[str, object]:
    if not isinstance(data.day, date):
        raise ValidationError("day", "Give the date it was said — for example 3 Mar 2026.")
    validation.not_in_future(data.day, "day", "The date it was said", today)
    said = validation.optional_text(data.you_said, 2000, "you_said", "You said")
    if not said:
        raise ValidationError("you_said", "You said is needed — what did people tell you?")
    did = validation.optional_text(data.we_did, 2000, "we_did", "We did")
    status = YouSaidStatus(data.status)
    reason = validation.optional_text(data.reason, 500, "reason", "Reason")
    if status is YouSaidStatus.DONE and not did:
        raise ValidationError("we_did", "Marked done: say what was done in We did.")
    if status is YouSaidStatus.NOT_POSSIBLE and not reason:
        raise ValidationError("reason", "Not possible: give the reason, so people know why.")
    if data.activity_id is not None and session.get(InvolvementActivity, data.activity_id) is None:
        raise ValidationError(
            "activity_id", "That activity is no longer in the records. Pick another or none."
        )
    return {
        "day": data.day,
        "you_said": said,
        "we_did": did,
        "status": status.value,
        "reason": reason if status is YouSaidStatus.NOT_POSSIBLE else None,
        "responsible": validation.optional_text(
            data.responsible, 200, "responsible", "Who is responsible"
        ),
        "activity_id": data.activity_id,
    }


def create_entry(
    session: Session, actor: Actor, data: YouSaidInput, *, today: date | None = None
) -> YouSaidInfo:
    """Add an entry to the you said, we did log."""
    require(session, actor, Permission.MANAGE_INVOLVEMENT, MANAGE)
    with transaction(session):
        values = _values(session, data, today or date.today())
        row = YouSaidEntry(**values)
        session.add(row)
        session.flush()
        audit.record(session, actor, "create", ENTITY, row.id, audit.created_fields(values))
        info = _infos(session, [row])[0]
    return info


def update_entry(
    session: Session,
    actor: Actor,
    entry_id: int,
    data: YouSaidInput,
    *,
    today: date | None = None,
) -> YouSaidInfo:
    """Change an entry (refused if someone else saved it since ``data.version``)."""
    require(session, actor, Permission.MANAGE_INVOLVEMENT, MANAGE)
    with transaction(session):
        row = _load(session, entry_id)
        if data.version is not None and data.version != row.version:
            raise ValidationError("version", STALE)
        values = _values(session, data, today or date.today())
        before = {name: getattr(row, name) for name in values}
        for name, value in values.items():
            setattr(row, name, value)
        changes = audit.changes_between(before, values)
        if changes:
            audit.record(session, actor, "update", ENTITY, row.id, changes)
        session.flush()
        info = _infos(session, [row])[0]
    return info


def delete_entry(session: Session, actor: Actor, entry_id: int) -> None:
    """Remove an entry from the log."""
    require(session, actor, Permission.MANAGE_INVOLVEMENT, MANAGE)
    with transaction(session):
        row = _load(session, entry_id)
        audit.record(session, actor, "delete", ENTITY, row.id, {"you_said": row.you_said})
        session.delete(row)


def get_entry(session: Session, actor: Actor, entry_id: int) -> YouSaidInfo:
    """One entry of the log."""
    require(session, actor, Permission.VIEW_INVOLVEMENT, SEE)
    return _infos(session, [_load(session, entry_id)])[0]


def list_entries(
    session: Session,
    actor: Actor,
    *,
    start: date | None = None,
    end: date | None = None,
    status: YouSaidStatus | None = None,
) -> list[YouSaidInfo]:
    """Entries, newest first, optionally within dates and of one status."""
    require(session, actor, Permission.VIEW_INVOLVEMENT, SEE)
    query = select(YouSaidEntry)
    if start is not None:
        query = query.where(YouSaidEntry.day >= start)
    if end is not None:
        query = query.where(YouSaidEntry.day <= end)
    if status is not None:
        query = query.where(YouSaidEntry.status == YouSaidStatus(status).value)
    rows = session.scalars(query.order_by(YouSaidEntry.day.desc(), YouSaidEntry.id.desc())).all()
    return _infos(session, rows)
