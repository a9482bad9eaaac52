"""Walk-ins: someone at a meeting who was not on the sheet.

Typing a name first looks for existing members with the members area's own rules: the same
name (full or the name they go by, accents and apostrophes ignored) is an exact match —
"Jo Smith" finds Joanne "Jo" Smith — then people whose name contains every word typed.
Choosing one records them present. Otherwise a minimal new member is added (name, optional
phone or email, joined on the meeting's day), their consent answer is recorded as a consent
record, and they are recorded present — all in one transaction, so nothing is half-saved.
A new name matching an existing member is refused (``PossibleDuplicateError``) unless the
person is confirmed to be someone else (``allow_duplicate``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from involve_desktop.core.dates import add_months
from involve_desktop.core.errors import ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.meetings import Meeting, MeetingAttendance
from involve_desktop.core.models.people import Consent, Member
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit, members, members_rows
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.erased_people import erased_among
from involve_desktop.core.services.meetings_access import require_meeting
from involve_desktop.core.services.meetings_attendance import apply_states, sheet_for
from involve_desktop.core.services.meetings_dto import (
    AttendanceState,
    WalkInAdded,
    WalkInInput,
    WalkInMatch,
)
from involve_desktop.core.services.member_dto import ConsentHow, MemberInput
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.services.member_records import CONSENT_REVIEW_MONTHS, consent_info
from involve_desktop.core.services.member_search import search_terms
from involve_desktop.core.services.members import PossibleDuplicateError
from involve_desktop.core.services.transaction import require, transaction

MAX_MATCHES = 10
RECORD = "record attendance for this group"


def find_walk_in(session: Session, actor: Actor, typed: str) -> list[WalkInMatch]:
    """Existing members the typed name may be: exact name matches first, then people whose
    name contains every word typed (at most 10), alphabetical within each."""
    require(session, actor, Permission.VIEW_MEMBERS, "see members")
    if not (typed or "").strip():
        return []
    exact = members.find_duplicates(session, actor, MemberInput(full_name=typed))
    erased = erased_among(session, (m.member_id for m in exact))  # never offered: see below
    found = [
        WalkInMatch(m.member_id, m.display_name, m.full_name, m.status.value, True)
        for m in sorted(exact, key=lambda m: (m.display_name, m.member_id))
        if m.member_id not in erased
    ]
    seen = {m.member_id for m in found}
    # An erased person cannot be recorded at a meeting, so "Erased person 21" is not offered.
    query = select(Member.id, Member.full_name, Member.preferred_name, Member.status).where(
        Member.erased_at.is_(None)
    )
    for term in search_terms(typed):
        query = query.where(Member.search_text.contains(term, autoescape=True))
    for id_, full, preferred, status in session.execute(
        query.order_by(Member.sort_name, Member.id).limit(MAX_MATCHES + len(seen))
    ):
        if id_ not in seen and len(found) < MAX_MATCHES:
            found.append(WalkInMatch(id_, display_name(full, preferred), full, status, False))
            seen.add(id_)
    return _with_when(session, found)


MATCH_STATUS_WORDS = {"stepping_back": "stepping back", "left": "has left"}


def match_labels(matches: list[WalkInMatch]) -> list[str]:
    """How each match reads in the "Who is this?" list: the name, then what lets the
    facilitator check it is the right person without showing anything restricted — the full
    name when they go by another, stepping back or left, when they joined and when they last
    came: "Jo Smith (Joanna Smith, stepping back; joined Mar 2024, last came Tue 3 Nov
    2026)", "Joan Walker (joined Sep 2025, not come yet)". Even one match carries them: the
    one "Joan Walker" among thousands of members may still not be the one at the door."""
    labels = []
    for match in matches:
        extra = [match.full_name] if match.full_name != match.name else []
        if match.status in MATCH_STATUS_WORDS:
            extra.append(MATCH_STATUS_WORDS[match.status])
        when = [f"joined {match.joined:%b %Y}" if match.joined else "joining day not known"]
        when.append(
            f"last came {format_date(match.last_came)}" if match.last_came else "not come yet"
        )
        inner = ", ".join(extra)
        labels.append(f"{match.name} ({inner}{'; ' if inner else ''}{', '.join(when)})")
    return labels


def _with_when(session: Session, found: list[WalkInMatch]) -> list[WalkInMatch]:
    """The matches with the day each joined and last came to a meeting (two queries)."""
    ids = [m.member_id for m in found]
    if not ids:
        return found
    joined = dict(
        session.execute(select(Member.id, Member.date_joined).where(Member.id.in_(ids))).all()
    )
    last_came = dict(
        session.execute(
            select(MeetingAttendance.member_id, func.max(Meeting.day))
            .join(Meeting, Meeting.id == MeetingAttendance.meeting_id)
            .where(
                MeetingAttendance.member_id.in_(ids),
                MeetingAttendance.state == AttendanceState.PRESENT.value,
            )
            .group_by(MeetingAttendance.member_id)
        ).all()
    )
    return [
        replace(m, joined=joined.get(m.member_id), last_came=last_came.get(m.member_id))
        for m in found
    ]


def add_walk_in(
    session: Session, actor: Actor, meeting_id: int, member_id: int, *, today: date | None = None
) -> WalkInAdded:
    """Record an existing member who walked in as present (everyone else unchanged)."""
    meeting = require_meeting(session, actor, meeting_id, Permission.RUN_MEETINGS, RECORD)
    with transaction(session):
        apply_states(
            session,
            actor,
            meeting,
            {member_id: AttendanceState.PRESENT},
            today or date.today(),
            replace=False,
        )
    sheet = sheet_for(session, meeting)
    name = next(row.name for row in sheet.rows if row.member_id == member_id)
    return WalkInAdded(member_id, name, False, sheet)


def create_walk_in(
    session: Session,
    actor: Actor,
    meeting_id: int,
    data: WalkInInput,
    *,
    allow_duplicate: bool = False,
    today: date | None = None,
) -> WalkInAdded:
    """Add a newcomer as a minimal new member, record their consent answer and mark them
    present, in one transaction."""
    meeting = require_meeting(session, actor, meeting_id, Permission.RUN_MEETINGS, RECORD)
    require(session, actor, Permission.EDIT_MEMBERS, "add members")
    day = today or date.today()
    if meeting.day > day:
        raise ValidationError(
            "meeting",
            f"The meeting on {format_date(meeting.day)} has not happened yet, so nobody can "
            "be recorded as present.",
        )
    try:
        how = ConsentHow(data.consent_how)
    except ValueError:
        raise ValidationError("consent_how", "Choose written, verbal, online or other.") from None
    wanted = MemberInput(
        full_name=data.full_name,
        preferred_name=data.preferred_name,
        email=data.email,
        phone=data.phone,
        date_joined=meeting.day,
    )
    values = members.clean_input(wanted, day)
    if not allow_duplicate:
        same_name = MemberInput(full_name=data.full_name, preferred_name=data.preferred_name)
        matches = members.find_duplicates(session, actor, same_name)
        if matches:
            raise PossibleDuplicateError(matches)
    with transaction(session):
        member = members_rows.new_member(values, actor)
        session.add(member)
        session.flush()
        audit.record(session, actor, "create", "member", member.id, members.audit_values(values))
        if data.consent is not None:
            _record_consent(session, actor, member, data.consent, how, meeting.day)
        apply_states(
            session, actor, meeting, {member.id: AttendanceState.PRESENT}, day, replace=False
        )
        name = display_name(member.full_name, member.preferred_name)
        member_id = member.id
    return WalkInAdded(member_id, name, True, sheet_for(session, meeting))


def _record_consent(
    session: Session, actor: Actor, member: Member, agreed: bool, how: ConsentHow, on: date
) -> None:
    """The consent answer as a consent record (as ``member_records.record_consent`` does)."""
    row = Consent(
        member_id=member.id,
        given_on=on,
        how=how.value,
        keeping_records=agreed,
        contact_email=agreed and member.email is not None,
        contact_phone=agreed and member.phone is not None,
        contact_post=False,
        photos=False,
        review_on=add_months(on, CONSENT_REVIEW_MONTHS),
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        "update",
        "member",
        member.id,
        {"consent recorded": f"{consent_info(row).describe()} ({format_date(on)})"},
    )
