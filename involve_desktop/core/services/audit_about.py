"""Which audit entries are about one person — the one answer for the audit log's Person
filter, the subject access export and erasure.

An entry is about them when it is on their member record or on one of their own rows (a
shift they hold, a pay line, a cohort place…: ``on_their_records``, pure SQL), or when its
recorded changes name them (name, the name they go by, email or phone, as whole words in
any case) or carry their ``member_id``. Naming is found in two steps: SQL picks the few
entries whose stored text could name them (``_could_name``: a superset, no Python over the
whole trail), then ``names_them`` checks each of those exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Column, ColumnElement, Table, and_, bindparam, case, cast, or_, select
from sqlalchemy import Text as TextType
from sqlalchemy.orm import Session

from involve_desktop.core.models import Base
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.people import Member
from involve_desktop.core.services.member_names import display_name

# Audit entities whose ``entity_id`` is the primary key of one of the person's own rows.
OWN_ROW_ENTITIES = frozenset(
    {"rota_assignment", "pay_line", "expense_claim", "enrolment", "payment_preference"}
)
# The shortest piece of an identifier worth searching the stored text for.
_SHORTEST = 3


@dataclass(frozen=True)
class Reference:
    """A column that points at ``member.id``: the table holds rows about that member."""

    table: Table
    column: Column

    @property
    def name(self) -> str:
        """The table's name (tables with two member columns list each column)."""
        return self.table.name


def member_references() -> list[Reference]:
    """Every (table, column) with a foreign key to ``member.id``, from the live metadata."""
    found = []
    for table in Base.metadata.sorted_tables:
        for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name):
            if fk.column.table.name == Member.__tablename__ and fk.column.name == "id":
                found.append(Reference(table, fk.parent))
    return found


def identifiers(member: Member) -> list[str]:
    """The texts that identify the person: full name, the name they go by, email, phone."""
    names = [member.full_name, display_name(member.full_name, member.preferred_name)]
    texts = [*names, member.email or "", member.phone or ""]
    unique = dict.fromkeys(" ".join(t.split()) for t in texts if t and len(t.strip()) >= 3)
    return sorted(unique, key=len, reverse=True)  # longest first, for replacing


@lru_cache(maxsize=32)
def _pattern(idents: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(ident) for ident in idents)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def ident_pattern(idents: list[str]) -> re.Pattern[str]:
    """Any identifier as a whole word (any case): "Ann" matches "ann", never "Annual"."""
    return _pattern(tuple(idents))


def mentions(value: Any, idents: list[str]) -> bool:
    """Whether ``value`` (text, or JSON with keys and values) names the person."""
    if isinstance(value, str):
        return bool(idents) and ident_pattern(idents).search(value) is not None
    if isinstance(value, dict):
        return any(mentions(k, idents) or mentions(v, idents) for k, v in value.items())
    if isinstance(value, list):
        return any(mentions(v, idents) for v in value)
    return False


def names_them(changes: Any, member_id: int, idents: list[str]) -> bool:
    """Whether an entry's recorded changes name the person or carry their member id."""
    if not isinstance(changes, dict):
        return False
    return changes.get("member_id") == member_id or mentions(changes, idents)


def on_their_records(member_id: int) -> ColumnElement[bool]:
    """SQL: the entry is on their member record or on one of their own rows."""
    own = [
        and_(
            AuditEntry.entity == ref.name,
            AuditEntry.entity_id.in_(
                select(*ref.table.primary_key.columns).where(ref.column == member_id)
            ),
        )
        for ref in member_references()
        if ref.name in OWN_ROW_ENTITIES and len(ref.table.primary_key.columns) == 1
    ]
    return or_(and_(AuditEntry.entity == "member", AuditEntry.entity_id == member_id), *own)


def _searchable(ident: str) -> str | None:
    """The longest plain-ASCII piece of an identifier, lower-cased: it is stored as typed
    whatever the JSON encoding (others may be written as \\u escapes), and lower-casing it
    is the same in every database. None when no piece is long enough to search for."""
    pieces = [p.lower() for p in re.findall(r"[\x20-\x7e]+", ident)]
    pieces = [p.replace("\\", "\\\\").replace('"', '\\"') for p in pieces]  # as JSON stores it
    longest = max(pieces, key=len, default="")
    return longest if len(longest.strip()) >= _SHORTEST else None


def _could_name(session: Session, member_id: int, idents: list[str]) -> ColumnElement[bool]:
    """SQL: the entry's stored changes could name the person (every entry ``names_them``
    accepts, and some it does not — "Ann Lee" inside "Joann Lee")."""
    stored = cast(AuditEntry.changes, TextType)
    pieces = [_searchable(ident) for ident in idents]
    if None in pieces:  # a name with no searchable piece: every entry with changes
        return AuditEntry.changes.is_not(None)
    # SQLite's LIKE already ignores the case of ASCII letters (lower() would double the
    # time on a long trail); PostgreSQL's ILIKE does the same.
    sqlite = session.get_bind().dialect.name == "sqlite"
    words = [
        stored.contains(p, autoescape=True) if sqlite else stored.icontains(p, autoescape=True)
        for p in pieces
        if p
    ]
    their_id = and_(  # the cheap test first: reading the JSON is slower
        stored.contains('"member_id"'),
        AuditEntry.changes["member_id"].as_string() == str(member_id),
    )
    return or_(their_id, *words)


def entries_about(
    session: Session, member_id: int, idents: list[str]
) -> Iterator[tuple[AuditEntry, bool]]:
    """Every audit entry about the person, oldest first, with True when the whole entry is
    about them (on their records) and False when it only names them among others."""
    direct = on_their_records(member_id)
    query = (
        select(AuditEntry, case((direct, True), else_=False))
        .where(or_(direct, _could_name(session, member_id, idents)))
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    for entry, whole in session.execute(query.execution_options(yield_per=500)):
        if whole:
            yield entry, True
        elif names_them(entry.changes, member_id, idents):
            yield entry, False


def about_member(session: Session, member_id: int) -> ColumnElement[bool]:
    """SQL for "the entry is about this member" (the audit log's Person filter): on their
    records, or one of the few entries that name them (found as ``entries_about`` does)."""
    direct = on_their_records(member_id)
    member = session.get(Member, member_id)
    if member is None:
        return direct
    idents = identifiers(member)
    query = select(AuditEntry.id, AuditEntry.changes).where(_could_name(session, member_id, idents))
    named = [row.id for row in session.execute(query) if names_them(row.changes, member_id, idents)]
    if not named:
        return direct
    # Written into the SQL as numbers, not one bound value each: someone named in tens of
    # thousands of entries (a long-serving chair, say) would pass the database's limit on
    # bound values (65,535 in PostgreSQL; 32,766 in a default build of SQLite).
    ids = bindparam("named_entry_ids", sorted(named), expanding=True, literal_execute=True)
    return or_(direct, AuditEntry.id.in_(ids))
