"""Erasure (UK GDPR): anonymise one person so nothing identifies them, keeping the counts.

The member row stays, renamed "Erased person 123", so attendance, shifts, seats and
payments still count in statistics. Contact details, restricted fields, access needs and
notes are cleared; free text in their own rows is removed; any text elsewhere (other
tables, audit entries) that names them, their email or phone has that replaced by the
anonymous name; audit entries on their record keep which fields changed but not the values,
and on their shifts, payments and places keep statuses, dates and amounts but not free text.
Their involvement ends too (``gdpr_erasure_involvement``): recorded as left, roles ended,
shifts, panel seats and cohort places still to come removed; ``erased_people`` then refuses
anything new for them.

Backups are not rewritten: the erasure records until when backups made before it still
hold the old details (backups are kept up to 9 months, so about 10 months from today).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import String, Text, select, update
from sqlalchemy.orm import Session

from involve_desktop.core.dates import add_months
from involve_desktop.core.errors import InvolveError, NotFound, ValidationError
from involve_desktop.core.models import Base
from involve_desktop.core.models.base import utcnow
from involve_desktop.core.models.people import Member
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.gdpr_access import (
    audit_entries_about,
    ident_pattern,
    identifiers,
    member_references,
    rows_about,
    text_mentions,
)
from involve_desktop.core.services.gdpr_dto import ErasurePreview, ErasureResult
from involve_desktop.core.services.gdpr_erasure_involvement import (
    end_involvement,
    ended_involvement,
    unpaid_pence,
)
from involve_desktop.core.services.member_names import anonymous_name, display_name
from involve_desktop.core.services.members import apply_values
from involve_desktop.core.services.transaction import require, transaction

# Backups are kept up to 9 monthly copies; one month more covers the copy made this month.
BACKUP_RETENTION_MONTHS = 10
ERASED = "(erased)"

# Free text in the person's own rows: removed on erasure.
FREE_TEXT: dict[str, frozenset[str]] = {
    "member_status_change": frozenset({"reason"}),
    "rota_assignment": frozenset({"override_reason"}),
    "rota_call_down": frozenset({"note"}),
    "panel_seat": frozenset({"override_reason", "outside_name", "job_title"}),
    "payment_preference": frozenset({"note"}),
    "pay_line": frozenset({"note"}),
    "expense_claim": frozenset({"description"}),
    "enrolment": frozenset({"withdrawn_reason"}),
    "cohort_facilitator": frozenset({"outside_name", "job_title"}),
}
# Text in their own rows that is kept: codes, states, staff account names, activity words.
KEPT_TEXT: dict[str, frozenset[str]] = {
    "member_status_change": frozenset({"status", "recorded_by"}),
    "rota_assignment": frozenset({"assigned_by", "attendance"}),
    "rota_call_down": frozenset({"asked_by", "answer"}),
    "meeting_attendance": frozenset({"state"}),
    "panel_seat": frozenset({"kind", "panel_role", "added_by"}),
    "payment_preference": frozenset({"method", "updated_by"}),
    "pay_line": frozenset(
        {
            "source_kind",
            "activity",
            "description",
            "basis",
            "method",
            "status",
            "approved_by",
            "paid_by",
            "created_by",
        }
    ),
    "expense_claim": frozenset({"kind", "status", "approved_by", "paid_by", "created_by"}),
    "enrolment": frozenset({"state"}),
    "consent": frozenset({"how"}),
}
# Audit entries on their own rows name fields in words, not always by column: these words
# hold free text too ("override reason", a withdrawal's "reason").
AUDIT_FREE_TEXT_WORDS = frozenset({"reason", "note", "override reason", "description"})
# Audit entries on their member record: values kept (no one is identified by them).
MEMBER_AUDIT_KEPT = frozenset({"status", "date_joined", "left_on", "check_in_on"})
# The member row: what each personal column becomes.
CLEARED_MEMBER_FIELDS: dict[str, Any] = {
    "preferred_name": None,
    "pronouns": None,
    "email": None,
    "phone": None,
    "address": None,
    "postcode": None,
    "preferred_contact": None,
    "check_in_on": None,
    "left_reason": None,
    "lived_experience": None,
    "emergency_contact": None,
    "notes": None,
    "needs_large_print": False,
    "needs_interpreter": False,
    "needs_step_free": False,
    "needs_hearing_loop": False,
    "access_other": None,
}


def unclassified_text_columns() -> list[str]:
    """Text columns in tables about a member that are neither cleared nor kept on purpose.

    Empty when every column has been thought about; a new table or column shows up here
    (and a test fails) until someone decides whether erasure clears it.
    """
    missing = []
    for ref in member_references():
        for column in ref.table.columns:
            if not isinstance(column.type, (String, Text)):
                continue
            name = ref.table.name
            if column.name not in FREE_TEXT.get(name, set()) | KEPT_TEXT.get(name, set()):
                missing.append(f"{name}.{column.name}")
    return missing


def backups_hold_until(erased_on: date) -> date:
    """The day the last backup made before ``erased_on`` is deleted."""
    return add_months(erased_on, BACKUP_RETENTION_MONTHS)


def _replace(value: Any, idents: list[str], replacement: str) -> Any:
    """``value`` with every identifier (any case) replaced; keys of dictionaries too."""
    if isinstance(value, str):
        return ident_pattern(idents).sub(replacement, value) if idents else value
    if isinstance(value, dict):
        return {
            _replace(k, idents, replacement): _replace(v, idents, replacement)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_replace(v, idents, replacement) for v in value]
    return value


def _blank_strings(value: Any) -> Any:
    """Every text value replaced by "(erased)"; numbers, yes/no and blanks kept."""
    if isinstance(value, str):
        return ERASED
    if isinstance(value, dict):
        return {k: _blank_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_blank_strings(v) for v in value]
    return value


def _is_free_text(entity: str, key: str) -> bool:
    """Whether an audit entry's ``key`` on one of the person's own ``entity`` rows is free
    text (blanked) rather than a status, date, amount, id or generated label (kept)."""
    if entity == "member":
        return key not in MEMBER_AUDIT_KEPT
    column = key.replace(" ", "_")
    return column in FREE_TEXT.get(entity, frozenset()) or key in AUDIT_FREE_TEXT_WORDS


def scrub_own_changes(
    entity: str, changes: dict[str, Any], idents: list[str], label: str
) -> dict[str, Any]:
    """An audit entry on the person's own row with its free text blanked and their name,
    email or phone replaced by ``label`` elsewhere; statuses, dates, amounts and ids stay,
    so who approved or paid what, and when, is still there."""
    return {
        _replace(key, idents, label): (
            _blank_strings(value) if _is_free_text(entity, key) else _replace(value, idents, label)
        )
        for key, value in changes.items()
    }


def check_typed_name(member: Member, typed: str) -> None:
    """Refuse unless ``typed`` is the person's name (full or as they go by), any case."""
    wanted = {
        " ".join(member.full_name.split()).casefold(),
        " ".join(display_name(member.full_name, member.preferred_name).split()).casefold(),
    }
    if " ".join((typed or "").split()).casefold() not in wanted:
        raise ValidationError(
            "typed_name",
            f"Type their name exactly as shown ({member.full_name}) to confirm the erasure.",
        )


def _clear_own_rows(session: Session, member_id: int) -> int:
    cleared = 0
    for ref in member_references():
        columns = FREE_TEXT.get(ref.table.name, frozenset())
        for name in sorted(columns):
            column = ref.table.c[name]
            result = session.execute(
                update(ref.table)
                .where(ref.column == member_id, column.is_not(None))
                .values({name: None})
            )
            cleared += result.rowcount or 0
    return cleared


def _replace_mentions(session: Session, member_id: int, idents: list[str], label: str) -> int:
    """Replace the identifiers in every text column that holds them (own rows and others')."""
    replaced = 0
    targets = {(m.table, m.column, m.row_id) for m in text_mentions(session, member_id, idents)}
    rows = rows_about(session, member_id)  # their own rows' remaining text (e.g. descriptions)
    for table_name, table_rows in rows.items():
        table = Base.metadata.tables[table_name]
        pk = [c.name for c in table.primary_key.columns]
        for row in table_rows:
            for column in table.columns:
                value = row.get(column.name)
                if isinstance(value, str) and _replace(value, idents, label) != value:
                    row_id = row[pk[0]] if len(pk) == 1 else tuple(row[c] for c in pk)
                    targets.add((table_name, column.name, row_id))
    for table_name, column_name, row_id in sorted(targets, key=str):
        table = Base.metadata.tables[table_name]
        pk = list(table.primary_key.columns)
        ids = row_id if isinstance(row_id, tuple) else (row_id,)
        where = [c == v for c, v in zip(pk, ids, strict=True)]
        column = table.c[column_name]
        current = session.execute(select(column).where(*where)).scalar_one_or_none()
        if isinstance(current, str):
            new = _replace(current, idents, label)[: column.type.length or None]
            session.execute(update(table).where(*where).values({column_name: new}))
            replaced += 1
    return replaced


def _scrub_audit(session: Session, member_id: int, idents: list[str], label: str) -> int:
    scrubbed = 0
    for entry, direct in list(audit_entries_about(session, member_id, idents)):
        if not entry.changes:
            continue
        changes = (
            scrub_own_changes(entry.entity, entry.changes, idents, label)
            if direct
            else _replace(entry.changes, idents, label)
        )
        if changes != entry.changes:
            entry.changes = changes
            scrubbed += 1
    return scrubbed


def erase_in_transaction(
    session: Session, actor: Actor, member: Member, now: datetime
) -> ErasureResult:
    """Anonymise ``member`` inside the caller's transaction and audit it without details."""
    if member.erased_at is not None:
        raise InvolveError(
            f"{member.full_name} was already erased; there is nothing left to erase."
        )
    idents = identifiers(member)
    label = anonymous_name(member.id)
    session.flush()
    cleared = _clear_own_rows(session, member.id)
    cleared += _replace_mentions(session, member.id, idents, label)
    cleared += _scrub_audit(session, member.id, idents, label)
    values = dict(CLEARED_MEMBER_FIELDS, full_name=label)
    cleared += sum(1 for k, v in values.items() if getattr(member, k) not in (None, False, v))
    apply_values(member, values)
    member.erased_at = now
    session.flush()
    today = now.date()
    ended = end_involvement(session, actor, member, today)
    until = backups_hold_until(today)
    audit.record(
        session,
        actor,
        "erase",
        "member",
        member.id,
        {
            "personal details erased": "name, contact details, restricted fields, notes",
            "backups made before": today.isoformat(),
            "backups hold the old details until": until.isoformat(),
            **ended.as_audit(),
        },
    )
    return ErasureResult(member.id, label, now, today, until, cleared)


def erase_member(
    session: Session,
    actor: Actor,
    member_id: int,
    typed_name: str,
    *,
    now: datetime | None = None,
) -> ErasureResult:
    """Erase one person after their name was typed to confirm. Cannot be undone.

    Coordinators only (ERASE_PERSONAL_DATA).
    """
    require(session, actor, Permission.ERASE_PERSONAL_DATA, "erase a person's details")
    with transaction(session):
        member = session.get(Member, member_id, populate_existing=True)
        if member is None:
            raise NotFound("That member is no longer in the records. Refresh the list.")
        check_typed_name(member, typed_name)
        result = erase_in_transaction(session, actor, member, now or utcnow())
    return result


def erasure_preview(
    session: Session, actor: Actor, member_id: int, *, today: date | None = None
) -> ErasurePreview:
    """What erasing the person would end and what money is still owed to them (changes
    nothing). Coordinators only (ERASE_PERSONAL_DATA)."""
    require(session, actor, Permission.ERASE_PERSONAL_DATA, "erase a person's details")
    member = session.get(Member, member_id, populate_existing=True)
    if member is None:
        raise NotFound("That member is no longer in the records. Refresh the list.")
    ended = ended_involvement(session, member.id, today or date.today())
    approved, waiting = unpaid_pence(session, member.id)
    return ErasurePreview(
        member_id=member.id,
        name=display_name(member.full_name, member.preferred_name),
        anonymous_name=anonymous_name(member.id),
        approved_unpaid_pence=approved,
        waiting_pence=waiting,
        open_roles=ended.open_roles,
        future_shifts=ended.future_shifts,
        future_panel_seats=ended.future_panel_seats,
        open_enrolments=ended.open_enrolments,
        group_places=ended.group_places,
        future_marks=ended.future_marks,
    )


def erased_ids(session: Session) -> set[int]:
    """Members already erased."""
    return set(session.scalars(select(Member.id).where(Member.erased_at.is_not(None))))
