"""Reading what the member sheets print, through the member services and their permissions.

Each loader takes a Session, the acting account, the sheet's ``SheetParams`` and the day,
checks the account may do it (``require``), and returns the sheet's DTO — never ORM rows.
Who may print what:

- contact list: coordinators only (``EXPORT_PERSONAL_DATA``) — it copies everyone's phone
  and email onto paper; each one printed is written to the audit trail;
- training due and members summary: anyone who may see members and print sheets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import Subquery, func, or_, select
from sqlalchemy.orm import Session

from involve_desktop.core.dates import add_months
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.people import (
    Consent,
    Member,
    MemberRole,
    StatusChange,
    TrainingRecord,
    TrainingType,
)
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit, reference_lists
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import (
    AccessNeeds,
    ContactMethod,
    MemberFilter,
    MemberStatus,
)
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.services.member_records import TRAINING_DUE_DAYS, training_state
from involve_desktop.core.services.member_search import filtered_ids
from involve_desktop.core.services.transaction import require, transaction
from involve_desktop.core.sheets.contact_list import ContactListSheet, ContactRow
from involve_desktop.core.sheets.members_summary import MembersSummarySheet, MonthCount, RoleCount
from involve_desktop.core.sheets.options import SheetInputError, check_count
from involve_desktop.core.sheets.params import MemberScope, SheetParams
from involve_desktop.core.sheets.training_due import TrainingDueRow, TrainingDueSheet
from involve_desktop.core.text import sort_key

MAX_WITHIN_DAYS = 365


def role_id_for(session: Session, name: str | None) -> int | None:
    """The role called ``name`` (or with that built-in code); None for "every role".

    Matching ignores case and accents, so "peer supporter" and "peer_supporter" both work.
    """
    wanted = (name or "").strip()
    if not wanted:
        return None
    roles = reference_lists.role_types(session, include_inactive=True)
    for role in roles:
        if sort_key(role.name) == sort_key(wanted) or role.code == wanted.replace("-", "_"):
            return role.id
    known = ", ".join(role.name for role in roles if role.active)
    raise SheetInputError("role", f"There is no role called {wanted!r}. Roles: {known}.")


def _scope(params: SheetParams) -> MemberScope:
    """Which members the sheet lists (active unless the form or CLI said otherwise)."""
    return MemberScope(params.members) if params.members else MemberScope.ACTIVE


def _search(params: SheetParams) -> str:
    return (params.search or "").strip()


def _ids(session: Session, params: SheetParams, today: date) -> Subquery:
    """The members the sheet lists: its "Who", role, search text and consent filter, matched
    exactly as the members list matches them (``filtered_ids``)."""
    filt = MemberFilter(
        search=_search(params),
        statuses=_scope(params).statuses,
        role_type_id=role_id_for(session, params.role),
        consent_due=bool(params.consent_due),
    )
    return filtered_ids(filt, today).subquery()


def _who_words(params: SheetParams) -> str:
    """The sheet's "who" line, e.g. "Active members · matching “jam” · consent review due"."""
    parts = [_scope(params).label]
    if _search(params):
        parts.append(f"matching \u201c{_search(params)}\u201d")
    if params.consent_due:
        parts.append("consent review due")
    return " · ".join(parts)


def _latest_consents(session: Session, ids: Subquery) -> dict[int, Consent]:
    """Each member's newest consent record (the one in force)."""
    latest: dict[int, Consent] = {}
    for consent in session.scalars(
        select(Consent)
        .where(Consent.member_id.in_(select(ids.c.id)))
        .order_by(Consent.given_on, Consent.id)
    ):
        latest[consent.member_id] = consent
    return latest


def load_contact_list(
    session: Session, actor: Actor, params: SheetParams, today: date
) -> ContactListSheet:
    """The contact list's rows: contact details only, withheld where consent says no."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    require(
        session,
        actor,
        Permission.EXPORT_PERSONAL_DATA,
        "print contact lists, because they copy everyone's phone and email onto paper",
    )
    scope = _scope(params)
    ids = _ids(session, params, today)
    consents = _latest_consents(session, ids)
    rows = []
    for m in session.execute(
        select(  # only the columns a contact list may print: nothing restricted
            Member.id,
            Member.full_name,
            Member.preferred_name,
            Member.pronouns,
            Member.phone,
            Member.email,
            Member.preferred_contact,
            Member.needs_large_print,
            Member.needs_interpreter,
            Member.needs_step_free,
            Member.needs_hearing_loop,
            Member.access_other,
        ).where(Member.id.in_(select(ids.c.id)))
    ):
        consent = consents.get(m.id)
        access = AccessNeeds(
            m.needs_large_print,
            m.needs_interpreter,
            m.needs_step_free,
            m.needs_hearing_loop,
            m.access_other,
        )
        method = ContactMethod(m.preferred_contact).label if m.preferred_contact else None
        rows.append(
            ContactRow(
                name=display_name(m.full_name, m.preferred_name),
                pronouns=m.pronouns,
                phone=m.phone,
                email=m.email,
                preferred_contact=method,
                access_needs=access.describe() or None,
                phone_not_agreed=bool(m.phone and consent and not consent.contact_phone),
                email_not_agreed=bool(m.email and consent and not consent.contact_email),
            )
        )
    # End the read first: on SQLite a write on a read older than another window's save (the
    # lock's own audit line, say) is refused at once.
    session.rollback()
    with transaction(session):
        audit.record(
            session,
            actor,
            "print",
            "sheet",
            None,
            {
                "sheet": "Contact list",
                "people": len(rows),
                "members": scope.label,
                "role": params.role or None,
                "search": _search(params) or None,
                "consent_due": bool(params.consent_due) or None,
            },
        )
    return ContactListSheet(
        rows=tuple(rows),
        group_name=params.group_name,
        title=params.title,
        subtitle=f"{_who_words(params)} · {len(rows)} {'person' if len(rows) == 1 else 'people'}",
        show_access_needs=bool(params.access_needs),
    )


def load_training_due(
    session: Session, actor: Actor, params: SheetParams, today: date
) -> TrainingDueSheet:
    """Each person's latest record of each training that has expired or is due soon."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    require(session, actor, Permission.VIEW_MEMBERS, "see members")
    require(session, actor, Permission.MANAGE_MEMBER_RECORDS, "print the training list")
    within = TRAINING_DUE_DAYS if params.within_days is None else params.within_days
    within = check_count("within_days", "Days ahead", within, 0, MAX_WITHIN_DAYS)
    ids = _ids(session, params, today)
    latest: dict[tuple[int, int], tuple] = {}
    for row in session.execute(
        select(
            TrainingRecord.member_id,
            TrainingRecord.training_type_id,
            TrainingType.name,
            TrainingRecord.completed_on,
            TrainingRecord.expires_on,
            Member.full_name,
            Member.preferred_name,
        )
        .join(TrainingType, TrainingType.id == TrainingRecord.training_type_id)
        .join(Member, Member.id == TrainingRecord.member_id)
        .where(TrainingRecord.member_id.in_(select(ids.c.id)))
    ):
        key = (row.member_id, row.training_type_id)
        rank = (row.expires_on or date.max, row.completed_on)
        if key not in latest or rank > latest[key][0]:
            latest[key] = (rank, row)
    limit = today + timedelta(days=within)
    rows = tuple(
        TrainingDueRow(
            name=display_name(row.full_name, row.preferred_name),
            training=row.name,
            completed_on=row.completed_on,
            expires_on=row.expires_on,
            state=training_state(row.expires_on, today, within),
        )
        for _, row in latest.values()
        if row.expires_on is not None and row.expires_on <= limit
    )
    return TrainingDueSheet(
        rows=rows,
        within_days=within,
        group_name=params.group_name,
        title=params.title,
        subtitle=f"{_who_words(params)} · expired, or expiring by {format_date(limit)}",
    )


def _month_starts(today: date, count: int = 12) -> list[date]:
    """The first days of the last ``count`` months, oldest first, this month last."""
    this_month = today.replace(day=1)
    return [add_months(this_month, offset) for offset in range(1 - count, 1)]


def load_members_summary(
    session: Session, actor: Actor, params: SheetParams, today: date
) -> MembersSummarySheet:
    """Counts by status and current role, and joiners and leavers per month for a year."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    require(session, actor, Permission.VIEW_MEMBERS, "see members")
    by_status = dict(
        session.execute(select(Member.status, func.count()).group_by(Member.status)).all()
    )
    held: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for role_id, member_id, status in session.execute(
        select(MemberRole.role_type_id, MemberRole.member_id, Member.status)
        .join(Member, Member.id == MemberRole.member_id)
        .where(
            Member.status != MemberStatus.LEFT.value,
            MemberRole.start_on <= today,
            or_(MemberRole.end_on.is_(None), MemberRole.end_on >= today),
        )
    ):
        held[role_id][status].add(member_id)
    roles = [
        RoleCount(
            r.name,
            len(held[r.id][MemberStatus.ACTIVE.value]),
            len(held[r.id][MemberStatus.STEPPING_BACK.value]),
        )
        for r in reference_lists.role_types(session, include_inactive=True)
        if r.active or r.id in held
    ]
    with_role = {m for by in held.values() for members in by.values() for m in members}
    without = defaultdict(int)
    for member_id, status in session.execute(
        select(Member.id, Member.status).where(Member.status != MemberStatus.LEFT.value)
    ):
        if member_id not in with_role:
            without[status] += 1
    starts = _month_starts(today)
    joined = _per_month(
        session.scalars(select(Member.date_joined).where(Member.date_joined >= starts[0])), today
    )
    left = _per_month(
        session.scalars(
            select(StatusChange.effective_on).where(
                StatusChange.status == MemberStatus.LEFT.value,
                StatusChange.effective_on >= starts[0],
            )
        ),
        today,
    )
    return MembersSummarySheet(
        active=by_status.get(MemberStatus.ACTIVE.value, 0),
        stepping_back=by_status.get(MemberStatus.STEPPING_BACK.value, 0),
        left=by_status.get(MemberStatus.LEFT.value, 0),
        roles=tuple(roles),
        no_role=RoleCount(
            "No current role",
            without[MemberStatus.ACTIVE.value],
            without[MemberStatus.STEPPING_BACK.value],
        ),
        months=tuple(MonthCount(s, joined.get(s, 0), left.get(s, 0)) for s in starts),
        group_name=params.group_name,
        title=params.title,
        subtitle=f"As of {format_date(today)}",
    )


def _per_month(days: Iterable[date], today: date) -> dict[date, int]:
    counts: dict[date, int] = defaultdict(int)
    for day in days:
        if day <= today:
            counts[day.replace(day=1)] += 1
    return counts
