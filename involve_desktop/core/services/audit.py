"""Writing and reading the audit trail: who changed what, when, on which record."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor, AuditInfo
from involve_desktop.core.services.transaction import require

# Never copied into the trail, whatever the entity.
SECRET_FIELDS = frozenset({"password", "password_hash"})
REDACTED = "(changed)"


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def changes_between(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """The fields that differ, as ``{field: [old, new]}``, with secrets redacted."""
    changed: dict[str, Any] = {}
    for field in sorted(set(before) | set(after)):
        old, new = before.get(field), after.get(field)
        if old == new:
            continue
        if field in SECRET_FIELDS:
            changed[field] = REDACTED
        else:
            changed[field] = [_plain(old), _plain(new)]
    return changed


def created_fields(values: Mapping[str, Any]) -> dict[str, Any]:
    """The initial values of a new record for the trail, with secrets left out."""
    return {k: _plain(v) for k, v in sorted(values.items()) if k not in SECRET_FIELDS}


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    entity: str,
    entity_id: int | None,
    changes: Mapping[str, Any] | None = None,
) -> None:
    """Add an audit row to the caller's transaction (committed or rolled back with it)."""
    session.add(
        AuditEntry(
            account_id=actor.account_id if actor else None,
            account_name=actor.display_name if actor else "(system)",
            action=action,
            entity=entity,
            entity_id=entity_id,
            changes=dict(changes) if changes else None,
        )
    )


def delete_member_detail(
    session: Session,
    row: Any,
    actor: Actor,
    change: str,
    description: str,
) -> None:
    """Delete one of a member's detail rows (a role, training, time away…) and note it on
    the member's audit trail as ``{change: description}``. Call inside the transaction."""
    record(session, actor, "update", "member", row.member_id, {change: description})
    session.delete(row)


def list_entries(
    session: Session,
    actor: Actor,
    entity: str | None = None,
    entity_id: int | None = None,
    limit: int = 500,
) -> list[AuditInfo]:
    """The newest audit rows first, optionally for one record; coordinators only."""
    require(session, actor, Permission.VIEW_AUDIT_LOG, "see the audit log")
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    if entity is not None:
        query = query.where(AuditEntry.entity == entity)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    return [
        AuditInfo(e.id, e.at, e.account_name, e.action, e.entity, e.entity_id, e.changes)
        for e in session.scalars(query)
    ]
