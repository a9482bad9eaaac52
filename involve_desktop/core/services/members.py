"""Members: adding, editing, status (stepping back, leaving, returning) and duplicates.

Restricted fields (lived experience, emergency contact, notes) are read and written only for
roles with VIEW_RESTRICTED / EDIT_RESTRICTED; everyone else gets ``restricted=None`` and is
refused if they try to change them.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from involve_desktop.core import validation
from involve_desktop.core.errors import InvolveError, NotFound, ValidationError
from involve_desktop.core.field_checks import FieldChecks
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.people import Member, MemberRole, StatusChange
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services import member_status_order as status_order
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.erased_people import ERASED_RECORD
from involve_desktop.core.services.member_dto import (
    AccessNeeds,
    ContactMethod,
    DuplicateMatch,
    MemberDetail,
    MemberInput,
    MemberStatus,
    Restricted,
    StatusInfo,
)
from involve_desktop.core.services.member_names import derived_columns, display_name
from involve_desktop.core.services.member_records import consent_info, role_held, training_info
from involve_desktop.core.services.members_rows import new_member
from involve_desktop.core.services.record_version import check_version
from involve_desktop.core.services.transaction import permitted, require, transaction
from involve_desktop.core.text import search_key

NAME_MAX = 200
# Date joined: long-standing members go back decades; 1850 or 1900 is a typing slip.
DATE_JOINED_YEARS_BACK = 70
RESTRICTED_CHANGED = "(restricted — changed)"


class PossibleDuplicateError(InvolveError):
    """Someone with the same name and the same email, phone or join date is already here."""

    def __init__(self, matches: list[DuplicateMatch]) -> None:
        first = matches[0]
        super().__init__(
            f"This may be {first.display_name}, who is already in the group "
            f"(same {' and '.join(first.reasons)}). Open their record, or save anyway if "
            "this is a different person."
        )
        self.matches = matches


def _today(today: date | None) -> date:
    return today or date.today()


def clean_input(data: MemberInput, today: date) -> dict[str, Any]:
    """Validated column values from ``data``; raises ValidationError naming the field (or
    ValidationErrors naming each, when several are wrong)."""
    checks = FieldChecks()
    values = clean_fields(data, today, checks)
    checks.raise_any()
    return values


def clean_fields(
    data: MemberInput, today: date, checks: FieldChecks, *, stored_joined: date | None = None
) -> dict[str, Any]:
    """``clean_input``'s values, with each field's problem noted in ``checks`` (so a caller
    checking more fields, e.g. the restricted ones, reports them all together).

    ``stored_joined``: the date joined already on record (an edit); kept as it is, it is not
    checked again, so an old record's odd date does not stop other details being saved.
    """
    check = checks.check
    full = check(validation.required_text, "full_name", "Full name", data.full_name, NAME_MAX)
    joined = data.date_joined or today
    if (
        joined != stored_joined
        and check(validation.not_in_future, joined, "date_joined", "Date joined", today) is not None
    ):
        check(
            validation.within_years,
            joined,
            "date_joined",
            "Date joined",
            today,
            back=DATE_JOINED_YEARS_BACK,
        )
    access = data.access
    return {
        "full_name": full,
        "preferred_name": check(
            validation.optional_text,
            data.preferred_name,
            NAME_MAX,
            "preferred_name",
            "Preferred name",
        ),
        "pronouns": check(validation.optional_text, data.pronouns, 50, "pronouns", "Pronouns"),
        "email": check(validation.email, data.email),
        "phone": check(validation.uk_phone, data.phone),
        "address": check(validation.optional_text, data.address, 500, "address", "Address"),
        "postcode": check(validation.uk_postcode, data.postcode),
        "preferred_contact": data.preferred_contact.value if data.preferred_contact else None,
        "date_joined": joined,
        "needs_large_print": access.large_print,
        "needs_interpreter": access.interpreter,
        "needs_step_free": access.step_free,
        "needs_hearing_loop": access.hearing_loop,
        "access_other": check(
            validation.optional_text, access.other, 500, "access_other", "Other access needs"
        ),
    }


def restricted_values(data: Restricted, checks: FieldChecks | None = None) -> dict[str, Any]:
    """The restricted fields' values (problems noted in ``checks`` when given, else raised)."""
    own = checks or FieldChecks()
    values = {
        "lived_experience": data.lived_experience,
        "emergency_contact": own.check(
            validation.optional_text,
            data.emergency_contact,
            1000,
            "emergency_contact",
            "Emergency contact",
        ),
        "notes": own.check(validation.optional_text, data.notes, 10_000, "notes", "Notes"),
    }
    if checks is None:
        own.raise_any()
    return values


def _check_restricted_allowed(session: Session, actor: Actor, data: MemberInput) -> None:
    if data.restricted is not None and data.restricted != Restricted():
        require(session, actor, Permission.EDIT_RESTRICTED, "change restricted information")


def apply_values(member: Member, values: dict[str, Any]) -> None:
    """Set ``values`` on ``member`` and the search and sort columns derived from them."""
    for key, value in values.items():
        setattr(member, key, value)
    derived = derived_columns(member.full_name, member.preferred_name, member.email, member.phone)
    for key, value in derived.items():
        setattr(member, key, value)


def name_keys(data: MemberInput) -> set[str]:
    """The name forms compared for duplicates: full and preferred name, accents folded."""
    return {
        " ".join(search_key(n).split())
        for n in (data.full_name, data.preferred_name)
        if n and n.strip()
    }


def duplicate_reasons(
    data: MemberInput, email: str | None, phone: str | None, date_joined: date | None
) -> tuple[str, ...]:
    """Why someone with the same name may be the same person: ("name", "email"…) or ().

    A row with only a name (no email, phone or date joined) matches on the name alone:
    there is nothing else to tell two people apart, and importing it twice must not
    add them twice.
    """
    if not ((data.email or "").strip() or (data.phone or "").strip() or data.date_joined):
        return ("name",)
    reasons = ["name"]
    wanted_email = (data.email or "").strip().lower()
    wanted_phone = validation.phone_digits(data.phone)
    if wanted_email and (email or "").lower() == wanted_email:
        reasons.append("email")
    if wanted_phone and validation.phone_digits(phone) == wanted_phone:
        reasons.append("phone")
    if data.date_joined and date_joined == data.date_joined:
        reasons.append("date joined")
    return tuple(reasons) if len(reasons) > 1 else ()


def find_duplicates(
    session: Session, actor: Actor, data: MemberInput, exclude_id: int | None = None
) -> list[DuplicateMatch]:
    """Members with the same name and the same email, phone or date joined."""
    require(session, actor, Permission.VIEW_MEMBERS, "see members")
    names = name_keys(data)
    if not names:
        return []
    query = select(Member).where(or_(Member.name_key.in_(names), Member.sort_name.in_(names)))
    if exclude_id is not None:
        query = query.where(Member.id != exclude_id)
    matches = []
    for member in session.scalars(query):
        reasons = duplicate_reasons(data, member.email, member.phone, member.date_joined)
        if reasons:
            matches.append(
                DuplicateMatch(
                    member.id,
                    display_name(member.full_name, member.preferred_name),
                    MemberStatus(member.status),
                    reasons,
                    member.full_name,
                )
            )
    return matches


def create_member(
    session: Session,
    actor: Actor,
    data: MemberInput,
    *,
    allow_duplicate: bool = False,
    today: date | None = None,
) -> MemberDetail:
    """Add a member; refuses a possible duplicate unless ``allow_duplicate``."""
    require(session, actor, Permission.EDIT_MEMBERS, "add members")
    _check_restricted_allowed(session, actor, data)
    day = _today(today)
    checks = FieldChecks()  # every field's problem at once, restricted ones included
    values = clean_fields(data, day, checks)
    if data.restricted is not None:
        values |= restricted_values(data.restricted, checks)
    checks.raise_any()
    if not allow_duplicate:
        matches = find_duplicates(session, actor, data)
        if matches:
            raise PossibleDuplicateError(matches)
    with transaction(session):
        member = new_member(values, actor)
        session.add(member)
        session.flush()
        audit.record(session, actor, "create", "member", member.id, audit_values(values))
    return get_member(session, actor, member.id, today=day)


def audit_values(values: dict[str, Any]) -> dict[str, Any]:
    plain = audit.created_fields(values)
    for key in ("lived_experience", "emergency_contact", "notes"):
        if plain.get(key) is not None:
            plain[key] = RESTRICTED_CHANGED
        else:
            plain.pop(key, None)
    return plain


def _refuse_if_erased(member: Member) -> None:
    """Erased means for good: no details, status, role, training or consent brought back."""
    if member.erased_at is not None:
        raise ValidationError("member", ERASED_RECORD)


def _load(session: Session, member_id: int) -> Member:
    member = session.get(
        Member,
        member_id,
        options=[
            selectinload(Member.roles).selectinload(MemberRole.role_type),
            selectinload(Member.training),
            selectinload(Member.consents),
            selectinload(Member.status_changes),
        ],
        populate_existing=True,  # sessions keep objects after commit; always read afresh
    )
    if member is None:
        raise NotFound("That member is no longer in the records. Refresh the list.")
    return member


def update_member(
    session: Session,
    actor: Actor,
    member_id: int,
    data: MemberInput,
    *,
    today: date | None = None,
    expected_version: int | None = None,
) -> MemberDetail:
    """Save edits to a member's details; restricted fields only when ``data.restricted`` is set.

    ``expected_version`` is the version the edit started from: RecordChanged when someone
    else saved since (None: no check).
    """
    require(session, actor, Permission.EDIT_MEMBERS, "edit members")
    day = _today(today)
    checks = FieldChecks()
    stored = session.scalar(select(Member.date_joined).where(Member.id == member_id))
    values = clean_fields(data, day, checks, stored_joined=stored)
    if data.restricted is not None:
        require(session, actor, Permission.EDIT_RESTRICTED, "change restricted information")
        values |= restricted_values(data.restricted, checks)
    checks.raise_any()
    with transaction(session):
        member = _load(session, member_id)
        _refuse_if_erased(member)
        name = display_name(member.full_name, member.preferred_name)
        check_version(member, expected_version, what=f"{name}'s details", by=actor)
        before = {key: getattr(member, key) for key in values}
        if values["date_joined"] != member.date_joined:
            status_order.check_date_joined(member, values["date_joined"])
            status_order.follow_date_joined(member, values["date_joined"])
        apply_values(member, values)
        changes = audit.changes_between(before, values)
        for key in ("lived_experience", "emergency_contact", "notes"):
            if key in changes:
                changes[key] = RESTRICTED_CHANGED
        if changes:
            audit.record(session, actor, "update", "member", member.id, changes)
    return get_member(session, actor, member_id, today=day)


def get_member(
    session: Session, actor: Actor, member_id: int, *, today: date | None = None
) -> MemberDetail:
    """A member's whole record; restricted fields only for roles allowed to see them."""
    require(session, actor, Permission.VIEW_MEMBERS, "see members")
    day = _today(today)
    m = _load(session, member_id)
    restricted = (
        Restricted(m.lived_experience, m.emergency_contact, m.notes)
        if permitted(session, actor, Permission.VIEW_RESTRICTED)
        else None
    )
    return MemberDetail(
        id=m.id,
        version=m.version,
        erased_on=audit.local_time(m.erased_at).date() if m.erased_at else None,
        full_name=m.full_name,
        preferred_name=m.preferred_name,
        display_name=display_name(m.full_name, m.preferred_name),
        pronouns=m.pronouns,
        email=m.email,
        phone=m.phone,
        address=m.address,
        postcode=m.postcode,
        preferred_contact=_contact(m.preferred_contact),
        date_joined=m.date_joined,
        status=MemberStatus(m.status),
        check_in_on=m.check_in_on,
        left_on=m.left_on,
        left_reason=m.left_reason,
        access=AccessNeeds(
            m.needs_large_print,
            m.needs_interpreter,
            m.needs_step_free,
            m.needs_hearing_loop,
            m.access_other,
        ),
        restricted=restricted,
        roles=tuple(role_held(r) for r in m.roles),
        training=tuple(training_info(t, day) for t in m.training),
        consents=tuple(consent_info(c) for c in m.consents),
        history=tuple(
            StatusInfo(
                MemberStatus(s.status), s.effective_on, s.reason, s.check_in_on, s.recorded_by
            )
            for s in m.status_changes
        ),
    )


def _contact(value: str | None) -> ContactMethod | None:
    return ContactMethod(value) if value else None


_ALLOWED = {
    MemberStatus.ACTIVE: {MemberStatus.STEPPING_BACK, MemberStatus.LEFT},
    MemberStatus.STEPPING_BACK: {MemberStatus.ACTIVE, MemberStatus.LEFT},
    MemberStatus.LEFT: {MemberStatus.ACTIVE},
}


def change_status(
    session: Session,
    actor: Actor,
    member_id: int,
    status: MemberStatus,
    effective_on: date,
    *,
    reason: str | None = None,
    check_in_on: date | None = None,
    today: date | None = None,
) -> MemberDetail:
    """Step back, return, leave or restore; every change is kept in the status history."""
    require(session, actor, Permission.MANAGE_MEMBER_RECORDS, "change a member's status")
    day = _today(today)
    validation.not_in_future(effective_on, "effective_on", "The date", day)
    note = validation.optional_text(reason, 500, "reason", "Reason")
    if check_in_on is not None and check_in_on < effective_on:
        raise ValidationError(
            "check_in_on", "Check-in date must be on or after the date they step back."
        )
    with transaction(session):
        member = _load(session, member_id)
        _refuse_if_erased(member)
        current = MemberStatus(member.status)
        label = status_order.DATE_LABELS[status]
        if effective_on < member.date_joined:
            raise ValidationError(
                "effective_on",
                f"{label} cannot be before they joined ({format_date(member.date_joined)}).",
            )
        status_order.refuse_before_latest(member, effective_on, label)
        if status not in _ALLOWED[current]:
            raise ValidationError(
                "status",
                f"{display_name(member.full_name, member.preferred_name)} is already "
                f"{current.label.lower()}; choose a different change.",
            )
        before = {
            "status": member.status,
            "check_in_on": member.check_in_on,
            "left_on": member.left_on,
            "left_reason": member.left_reason,
        }
        member.status = status.value
        member.check_in_on = check_in_on if status is MemberStatus.STEPPING_BACK else None
        member.left_on = effective_on if status is MemberStatus.LEFT else None
        member.left_reason = note if status is MemberStatus.LEFT else None
        member.status_changes.append(
            StatusChange(
                status=status.value,
                effective_on=effective_on,
                reason=note,
                check_in_on=member.check_in_on,
                recorded_by=actor.display_name,
            )
        )
        after = {
            "status": member.status,
            "check_in_on": member.check_in_on,
            "left_on": member.left_on,
            "left_reason": member.left_reason,
        }
        audit.record(
            session, actor, "update", "member", member.id, audit.changes_between(before, after)
        )
    return get_member(session, actor, member_id, today=day)


def input_as_dict(data: MemberInput) -> dict[str, Any]:
    """A MemberInput as plain values (for import previews and tests)."""
    return asdict(data)
