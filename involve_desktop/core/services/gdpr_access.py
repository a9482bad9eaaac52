"""Subject access (UK GDPR): everything held about one person, as JSON and as a PDF.

Which tables hold data about a member is read from the SQLAlchemy metadata (every table
with a foreign key to ``member.id``), so a table added later is included without anyone
remembering to list it here. Audit entries count as about them when they are on their
member record or on one of their own rows, or when the recorded changes name them (their
name, email or phone) — ``audit_about``, the rule the audit log's Person filter uses too.
From entries that also name other people, only the parts about this person are copied.
Free text in other people's records that names them is not copied (it is about someone
else too) but counted, so a coordinator can review it by hand.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import Column, String, Table, Text, select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import InvolveError, NotFound
from involve_desktop.core.models import Base
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.people import Member
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit, involvement, organisation
from involve_desktop.core.services.audit_about import (
    entries_about,
    ident_pattern,
    identifiers,
    member_references,
    mentions,
)
from involve_desktop.core.services.audit_names import NAMINGS, referenced_kind
from involve_desktop.core.services.dto import Actor, AuditInfo
from involve_desktop.core.services.gdpr_dto import SubjectAccessResult
from involve_desktop.core.services.member_export import write_atomically
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.services.transaction import require, transaction

# Tables never searched for mentions: accounts are staff sign-ins, audit is handled apart.
NOT_SCANNED = frozenset({"audit_entry", "account"})
# In other members' rows only free text is searched: their names, contact details and
# emergency contact are theirs, even when they share a name with the person.
MEMBER_FREE_TEXT = frozenset({"notes", "left_reason", "access_other"})
NOT_ABOUT_THEM = "(not about them)"


def plain(value: Any) -> Any:
    """A column value as JSON: dates and times as ISO text, everything else as is."""
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool, dict, list)) or value is None:
        return value
    return str(value)


def row_dict(table: Table, row: Any) -> dict[str, Any]:
    """All of a row's columns as plain JSON values."""
    return {column.name: plain(row._mapping[column]) for column in table.columns}


def rows_about(session: Session, member_id: int) -> dict[str, list[dict[str, Any]]]:
    """Per related table, every row that points at the member (tables with none left out)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for ref in member_references():
        order = list(ref.table.primary_key.columns)
        query = select(ref.table).where(ref.column == member_id).order_by(*order)
        rows = [row_dict(ref.table, row) for row in session.execute(query)]
        if rows:
            found.setdefault(ref.name, []).extend(rows)
    return found


def _only_them(value: Any, idents: list[str]) -> Any:
    """A value cut down to what names this person (others in a list are left out)."""
    if isinstance(value, str):
        found = ident_pattern(idents).search(value) if idents else None
        return found.group(0) if found else NOT_ABOUT_THEM
    if isinstance(value, list):
        return [_only_them(v, idents) for v in value]
    return value


def changes_about(changes: dict[str, Any], idents: list[str], member_id: int) -> dict[str, Any]:
    """The parts of an audit entry's changes that are about this person."""
    kept: dict[str, Any] = {}
    for key, value in changes.items():
        if mentions(key, idents):
            kept[key] = value
        elif mentions(value, idents):
            kept[key] = _only_them(value, idents)
        elif key == "member_id" and value == member_id:
            kept[key] = value
    return kept


def audit_entries_about(
    session: Session, member_id: int, idents: list[str]
) -> Iterator[tuple[AuditEntry, bool]]:
    """Every audit entry about the person, with True when the whole entry is about them:
    ``audit_about.entries_about``, the one rule the audit log's Person filter uses too."""
    return entries_about(session, member_id, idents)


def audit_dicts(session: Session, member_id: int, idents: list[str]) -> list[dict[str, Any]]:
    """The audit entries about the person as JSON, cut to their part where shared; each also
    "in_words" as the audit log viewer says it (records named, fields in the screen's words)."""
    infos = []
    for entry, direct in audit_entries_about(session, member_id, idents):
        changes = entry.changes if direct else changes_about(entry.changes, idents, member_id)
        infos.append(
            AuditInfo(
                entry.id,
                entry.at,
                entry.account_name,
                entry.action,
                entry.entity,
                entry.entity_id,
                changes,
            )
        )
    names = audit.record_names(session, infos)
    return [
        {
            "id": info.id,
            "at": plain(info.at),
            "account_name": info.account_name,
            "action": info.action,
            "entity": info.entity,
            "entity_id": info.entity_id,
            "changes": info.changes,
            "in_words": {
                "what": f"{audit.action_words(info.action)} {audit.record_words(info, names)}",
                "changes": audit.describe_changes(info.changes, info.entity, names),
            },
        }
        for info in infos
    ]


def _text_columns(table: Table) -> list[Column]:
    columns = [c for c in table.columns if isinstance(c.type, (String, Text))]
    if table.name == Member.__tablename__:
        return [c for c in columns if c.name in MEMBER_FREE_TEXT]
    return columns


def _owner_column(table: Table) -> Column | None:
    if table.name == Member.__tablename__:
        return table.c.id  # each member row is that member's own record
    for ref in member_references():
        if ref.table is table:
            return ref.column
    return None


@dataclass(frozen=True)
class Mention:
    """Free text outside the person's own rows that names them."""

    table: str
    column: str
    row_id: Any
    owner_member_id: int | None  # another person's row when set
    text: str


def _like(ident: str) -> str:
    return "%" + re.sub(r"([%_\\])", r"\\\1", ident) + "%"


def text_mentions(session: Session, member_id: int, idents: list[str]) -> list[Mention]:
    """Text anywhere else in the database (not their own rows) that names the person."""
    found: dict[tuple[str, str, Any], Mention] = {}
    for table in Base.metadata.sorted_tables:
        if table.name in NOT_SCANNED or not _text_columns(table):
            continue
        owner = _owner_column(table)
        pk = list(table.primary_key.columns)
        for column in _text_columns(table):
            for ident in idents:
                query = select(*pk, column, *([owner] if owner is not None else [])).where(
                    column.ilike(_like(ident), escape="\\")
                )
                if owner is not None:
                    query = query.where((owner != member_id) | owner.is_(None))
                for row in session.execute(query):
                    if not mentions(row[len(pk)], idents):  # "Ann" inside "Annual"
                        continue
                    row_id = row[0] if len(pk) == 1 else tuple(row[: len(pk)])
                    other = row[-1] if owner is not None else None
                    key = (table.name, column.name, row_id)
                    found[key] = Mention(table.name, column.name, row_id, other, row[len(pk)])
    return list(found.values())


def gather(session: Session, actor: Actor, member_id: int) -> dict[str, Any]:
    """Everything held about the member, as one JSON-ready dictionary."""
    member = session.get(Member, member_id, populate_existing=True)
    if member is None:
        raise NotFound("That member is no longer in the records. Refresh the list.")
    idents = identifiers(member)
    rows = rows_about(session, member_id)
    mentioned = text_mentions(session, member_id, idents)
    return {
        "about": {
            "what": "Everything Involve Desktop holds about this person (UK GDPR subject access)",
            "group": organisation.group_name(session),
            "made_at": plain(datetime.now().replace(microsecond=0)),
            "made_by": actor.display_name,
        },
        "member": row_dict(Member.__table__, _member_row(session, member_id)),
        "related_tables": rows,
        "names": reference_names(session, rows),
        "involvement": [
            {"on": plain(i.on), "area": i.area, "description": i.description}
            for i in involvement.history(session, actor, member_id)
        ],
        "audit_entries": audit_dicts(session, member_id, idents),
        "mentioned_in": [
            {"table": m.table, "column": m.column, "row_id": m.row_id, "text": m.text}
            for m in mentioned
            if m.owner_member_id is None
        ],
        "mentions_in_other_peoples_records": sum(
            1 for m in mentioned if m.owner_member_id is not None
        ),
    }


def reference_names(session: Session, tables: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The names of the records the person's rows point at, by field then id, so the
    readable sheet says "Group: Tuesday peer group" rather than "Group id: 3":
    ``{"group_id": {"3": "Tuesday peer group"}}``. One query per kind of record."""
    wanted: dict[str, set[int]] = {}
    fields: dict[str, str] = {}
    for rows in tables.values():
        for row in rows:
            for field, value in row.items():
                kind = referenced_kind(field, value)
                if kind is None or kind not in NAMINGS or field == "member_id":
                    continue
                wanted.setdefault(kind, set()).add(value)
                fields[field] = kind
    read = {kind: NAMINGS[kind].read(session, ids) for kind, ids in wanted.items()}
    return {
        field: {str(i): words for i, words in read[kind].items()} for field, kind in fields.items()
    }


def _member_row(session: Session, member_id: int) -> Any:
    table = Member.__table__
    return session.execute(select(table).where(table.c.id == member_id)).one()


def folder_name(name: str, day: date) -> str:
    """ "alan-wright-subject-access-2026-11-27": letters and digits of the name kept."""
    words = re.findall(r"\w+", name.casefold())
    return "-".join([*words, "subject-access", day.isoformat()])


def _new_folder(parent: Path, name: str) -> Path:
    if not parent.is_dir():
        raise InvolveError(f"The folder {parent} is not there any more. Choose another folder.")
    folder = parent / name
    counter = 1
    while folder.exists():
        counter += 1
        folder = parent / f"{name}-{counter}"
    try:
        folder.mkdir()
    except OSError as err:
        raise InvolveError(
            f"Could not make a folder in {parent} ({err.strerror or err}). Choose another folder."
        ) from err
    return folder


def export_subject_access(
    session: Session,
    actor: Actor,
    member_id: int,
    parent: Path,
    *,
    today: date | None = None,
) -> SubjectAccessResult:
    """Write ``<name>-subject-access-<date>/`` into ``parent`` with a JSON and a PDF file.

    Coordinators only (EXPORT_PERSONAL_DATA); audited on the member without the contents.
    """
    require(session, actor, Permission.EXPORT_PERSONAL_DATA, "export a person's personal data")
    from involve_desktop.core.sheets.subject_access import render_subject_access, sheet_from

    day = today or date.today()
    with transaction(session):
        data = gather(session, actor, member_id)
        member = data["member"]
        name = display_name(member["full_name"], member["preferred_name"])
        pdf = render_subject_access(sheet_from(data, name), printed_on=day)
        folder = _new_folder(parent, folder_name(name, day))
        stem = folder.name
        json_path, pdf_path = folder / f"{stem}.json", folder / f"{stem}.pdf"
        text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
        write_atomically(json_path, text.encode("utf-8"))
        write_atomically(pdf_path, pdf)
        tables = tuple(data["related_tables"])
        audit.record(
            session,
            actor,
            "export",
            "member",
            member_id,
            {"subject access export": "JSON and PDF", "tables": len(tables)},
        )
    return SubjectAccessResult(
        folder=folder,
        json_path=json_path,
        pdf_path=pdf_path,
        tables=tables,
        row_count=sum(len(rows) for rows in data["related_tables"].values()),
        audit_count=len(data["audit_entries"]),
        mentions_to_review=data["mentions_in_other_peoples_records"],
    )
