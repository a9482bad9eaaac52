"""Writing and reading the audit trail: who changed what, when, on which record.

The trail in people's words (changes and times) lives in ``audit_words``, the names of
records in ``audit_names``; their functions are re-exported here for the viewer and the
export."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, insert, or_, select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.models.accounts import Account
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.base import utcnow
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.audit_about import about_member
from involve_desktop.core.services.audit_words import (  # the trail in words, re-exported
    LOCAL_ZONE,
    describe_changes,
    local_time,
    record_names,
    record_words,
    when_words,
)
from involve_desktop.core.services.dto import Actor, AuditInfo
from involve_desktop.core.services.transaction import require, transaction
from involve_desktop.core.spreadsheet_cells import safe_row

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
    at: datetime | None = None,
    account_name: str | None = None,
) -> None:
    """Add an audit row to the caller's transaction (committed or rolled back with it).

    ``at`` is for callers that carry their own clock (tests of time rules); default now.
    ``account_name`` says who it was when there is no signed-in account (``actor`` None).
    """
    row = _entry_row(actor, action, entity, entity_id, changes, at, account_name)
    session.add(AuditEntry(**row))


def _entry_row(
    actor: Actor | None,
    action: str,
    entity: str,
    entity_id: int | None,
    changes: Mapping[str, Any] | None,
    at: datetime | None,
    account_name: str | None = None,
) -> dict[str, Any]:
    return {
        "at": at if at is not None else utcnow(),
        "account_id": actor.account_id if actor else None,
        "account_name": actor.display_name if actor else (account_name or "(system)"),
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "changes": dict(changes) if changes else None,
    }


def record_many(
    session: Session,
    actor: Actor | None,
    action: str,
    entity: str,
    entries: Iterable[tuple[int | None, Mapping[str, Any] | None]],
    at: datetime | None = None,
) -> None:
    """Add one audit row per ``(entity_id, changes)`` in a single bulk INSERT.

    The rows are those ``record`` would write one by one (same columns and ``changes``
    shape), all stamped with the same time; they are committed or rolled back with the
    caller's transaction. For imports of thousands of records.
    """
    when = at if at is not None else utcnow()
    rows = [
        _entry_row(actor, action, entity, entity_id, changes, when)
        for entity_id, changes in entries
    ]
    if rows:
        session.execute(insert(AuditEntry.__table__), rows)


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


# Areas of the viewer's "Area" filter: the audit entities each one covers (exact names,
# or a prefix ending in "_" for every entity of that family, e.g. "rota_").
AREAS: dict[str, tuple[str, ...]] = {
    "Members": ("member", "role_type", "training_type", "training_record", "consent"),
    "Rota": ("rota_",),
    "Meetings": ("meeting", "meeting_"),
    "Panels": ("panel", "panel_"),
    "Payments": ("pay_line", "payment_", "expense_claim"),
    "Cohorts": ("cohort", "cohort_", "programme", "programme_", "enrolment", "alumni_action"),
    "Involvement": ("involvement_", "spectrum_", "you_said_"),
    "Backups and encryption": ("backup", "database"),
    "Accounts and group": ("account", "organisation"),
}
REFUSALS_AREA = "Refused actions"  # rows written by ``require`` when a role is refused
# The trail's action codes in words, as the viewer and the export show them.
ACTION_WORDS = {
    "create": "added",
    "update": "changed",
    "delete": "removed",
    "sign-in": "signed in",
    "sign-out": "signed out",
    "sign-in-failed": "wrong password",
    "lock": "locked (left idle)",
    "lock-now": "locked the screen",  # Lock now (Ctrl+L)
    "unlock": "unlocked",
    "denied": "refused",
    "export": "exported",
    "password-reset": "password reset",
    "password-change": "changed their own password",
    "password-reset-with-recovery-key": "password reset with the recovery key",
    "password-from-key-slot": "password reset from a saved key",
    "generate": "made",
    "import": "imported",
    "erase": "erased",
    "copy": "copied",
    "restore": "restored",
    "encrypt": "encrypted",
    "new-recovery-key": "new recovery key made",
    "print": "printed",
}
__all__ = [
    "LOCAL_ZONE",
    "describe_changes",
    "local_time",
    "record_names",
    "record_words",
    "when_words",
]
EXPORT_COLUMNS = ("When", "Account", "Action", "Area", "Record", "What changed")


@dataclass(frozen=True)
class AuditFilter:
    """What the audit viewer shows: every field left as None means "any"."""

    member_id: int | None = None  # entries about this person (``audit_about.about_member``)
    account_id: int | None = None  # entries made by this account
    area: str | None = None  # a key of AREAS, or REFUSALS_AREA
    date_from: date | None = None  # local days (Europe/London), both ends included
    date_to: date | None = None


def area_of(entity: str, action: str = "") -> str:
    """The viewer's area for an entity (the entity itself when it belongs to none)."""
    if action == "denied":
        return REFUSALS_AREA
    for area, names in AREAS.items():
        for name in names:
            if entity == name or (name.endswith("_") and entity.startswith(name)):
                return area
    return entity


def action_words(action: str) -> str:
    """An action code in words ("update" → "changed"); unknown codes as they are."""
    return ACTION_WORDS.get(action, action.replace("-", " "))


def _utc_start_of(day: date) -> datetime:
    local = datetime.combine(day, time.min, tzinfo=LOCAL_ZONE)
    return local.astimezone(UTC).replace(tzinfo=None)


def _filtered(session: Session, query: Select, chosen: AuditFilter | None) -> Select:
    if chosen is None:
        return query
    if chosen.member_id is not None:  # their record, their own rows, entries that name them
        query = query.where(about_member(session, chosen.member_id))
    if chosen.account_id is not None:
        query = query.where(AuditEntry.account_id == chosen.account_id)
    if chosen.area == REFUSALS_AREA:
        query = query.where(AuditEntry.action == "denied")
    elif chosen.area is not None:
        names = AREAS.get(chosen.area)
        if names is None:
            raise ValidationError("area", f"There is no area called {chosen.area}.")
        exact = [n for n in names if not n.endswith("_")]
        prefixes = [n for n in names if n.endswith("_")]
        query = query.where(
            or_(
                AuditEntry.entity.in_(exact),
                *(AuditEntry.entity.startswith(p, autoescape=True) for p in prefixes),
            ),
            AuditEntry.action != "denied",
        )
    if chosen.date_from and chosen.date_to and chosen.date_from > chosen.date_to:
        raise ValidationError("date_from", "The From day is after the To day — swap them.")
    if chosen.date_from is not None:
        query = query.where(AuditEntry.at >= _utc_start_of(chosen.date_from))
    if chosen.date_to is not None:
        query = query.where(AuditEntry.at < _utc_start_of(chosen.date_to + timedelta(days=1)))
    return query


def _info(e: AuditEntry, who: Mapping[int, tuple[str, str]] | None = None) -> AuditInfo:
    return AuditInfo(
        e.id, e.at, _account_words(e, who or {}), e.action, e.entity, e.entity_id, e.changes
    )


def _accounts(session: Session) -> dict[int, tuple[str, str]]:
    """Every account's (display name, username), by id (a shared laptop has a few)."""
    rows = session.execute(select(Account.id, Account.display_name, Account.username))
    return {row.id: (row.display_name, row.username) for row in rows}


def _account_words(e: AuditEntry, who: Mapping[int, tuple[str, str]]) -> str:
    """Who made the row: its stored name, with the username when another account has that
    name too (two "Sam Taylor"s on one laptop): "Sam Taylor (sam.t)"."""
    mine = who.get(e.account_id) if e.account_id is not None else None
    if mine is None:
        return e.account_name
    name = e.account_name.casefold()
    shared = any(
        shown.casefold() == name for other, (shown, _user) in who.items() if other != e.account_id
    )
    return f"{e.account_name} ({mine[1]})" if shared else e.account_name


def list_entries(
    session: Session,
    actor: Actor,
    entity: str | None = None,
    entity_id: int | None = None,
    limit: int = 500,
    *,
    chosen: AuditFilter | None = None,
    offset: int = 0,
) -> list[AuditInfo]:
    """The newest audit rows first, optionally for one record or a filter; coordinators only.

    Account reads as stored, with the username added where two accounts share that name.

    Filtering and paging happen in SQL (``limit`` rows from ``offset``), so a trail of
    100,000 rows is read a page at a time.
    """
    require(session, actor, Permission.VIEW_AUDIT_LOG, "see the audit log")
    query = select(AuditEntry)
    if entity is not None:
        query = query.where(AuditEntry.entity == entity)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    query = _filtered(session, query, chosen)
    query = query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit).offset(offset)
    rows = list(session.scalars(query))
    who = _accounts(session) if rows else {}
    return [_info(e, who) for e in rows]


def count_entries(session: Session, actor: Actor, chosen: AuditFilter | None = None) -> int:
    """How many rows the filter matches (coordinators only)."""
    require(session, actor, Permission.VIEW_AUDIT_LOG, "see the audit log")
    query = _filtered(session, select(func.count(AuditEntry.id)), chosen)
    return int(session.scalar(query) or 0)


def export_rows(
    entries: Iterable[AuditInfo], names: Mapping[Any, str] | None = None
) -> Iterator[list[str]]:
    """The rows of an audit export (header first): the record and what changed in words, as
    the viewer shows them, but When as an ISO local time (machines read the file).
    ``names`` comes from ``record_names``."""
    yield list(EXPORT_COLUMNS)
    for e in entries:
        yield [
            local_time(e.at).strftime("%Y-%m-%d %H:%M:%S"),
            e.account_name,
            action_words(e.action),
            area_of(e.entity, e.action),
            record_words(e, names),
            describe_changes(e.changes, e.entity, names),
        ]


def export_csv(
    session: Session, actor: Actor, chosen: AuditFilter | None, path: Path, page: int = 2000
) -> int:
    """Write the filtered trail to a CSV file and return how many rows it holds.

    Coordinators only (it may name people): needs VIEW_AUDIT_LOG and EXPORT_PERSONAL_DATA.
    The export itself is recorded on the trail. The file is written whole or not at all.
    """
    require(session, actor, Permission.VIEW_AUDIT_LOG, "see the audit log")
    require(session, actor, Permission.EXPORT_PERSONAL_DATA, "export the audit log")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    written = 0
    offset = 0
    rows = export_rows([])
    writer.writerow(next(rows))
    while True:
        batch = list_entries(session, actor, limit=page, chosen=chosen, offset=offset)
        names = record_names(session, batch)  # one query per kind of record in the batch
        for row in list(export_rows(batch, names))[1:]:
            writer.writerow(safe_row(row))  # names and free text typed by people
        written += len(batch)
        offset += page
        if len(batch) < page:
            break
    from involve_desktop.core.services.member_export import write_atomically  # local: cycle

    write_atomically(path, buffer.getvalue().encode("utf-8-sig"))
    filters = {k: _plain(v) for k, v in asdict(chosen).items() if v is not None} if chosen else {}
    with transaction(session):
        record(session, actor, "export", "audit_entry", None, {"rows": written, **filters})
    return written
