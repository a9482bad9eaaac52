"""Who is expected at a meeting, and recording who came (the paper loop's typing-in).

Expected people, in alphabetical order of the name they go by:

- closed group: its members list, plus the meeting's facilitators;
- open group: the same, plus everyone present at a meeting of the group in the 3 months
  before the meeting's day (cancelled meetings do not count);
- people who have left are never expected (stepping back is not leaving: they stay).

Attendance is ``present`` or ``apologies``; absent is no row (``None`` in the mapping).
``set_attendance`` saves the whole list at once. The first save is audited as ``create``
(who was present, who sent apologies); any later save that changes something is audited as
``update`` with each person's before and after. Only apologies may be recorded before a
meeting has happened; nothing for a cancelled meeting. Nobody erased under GDPR may be newly
recorded: the refusal names them ("Erased person 21's record was erased …") and, for a save
from the attendance list, says to clear their mark and save the others.

Two laptops typing in the same meeting: the attendance screen passes ``loaded``, the marks
its list showed when it was opened, and only the people whose mark *this* laptop changed
are written; ticks saved on another laptop in the meantime stay. Someone marked
differently on both laptops is refused with :class:`AttendanceClash` (nothing saved), which
names them and carries the other laptop's marks so "save mine over theirs" can follow.
Every save locks the meeting's row first (``SELECT … FOR UPDATE`` on PostgreSQL), so two
saves at the same instant run one after the other and the second sees the first. Without
``loaded`` (the demo seeders, scripts) the list replaces what was there.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.dates import add_months
from involve_desktop.core.errors import NotFound, RecordChanged, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.base import utcnow
from involve_desktop.core.models.meetings import (
    Meeting,
    MeetingAttendance,
    MeetingFacilitator,
    MeetingGroupMember,
)
from involve_desktop.core.models.people import Member
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.erased_people import erased_among
from involve_desktop.core.services.meetings_access import require_meeting
from involve_desktop.core.services.meetings_dto import (
    AttendanceRow,
    AttendanceSheet,
    AttendanceState,
    PersonRef,
)
from involve_desktop.core.services.meetings_meetings import meeting_info
from involve_desktop.core.services.meetings_people import checked_members, listed, name_order
from involve_desktop.core.services.meetings_people import people as people_of
from involve_desktop.core.services.transaction import transaction

LOOKBACK_MONTHS = 3
ABSENT = "absent"  # how "no row" reads in the audit trail
RECORD = "record attendance for this group"
SEE = "see this group's meetings"

States = Mapping[int, AttendanceState | str | None]
Marks = dict[int, AttendanceState | None]


class AttendanceClash(RecordChanged):
    """Another laptop saved a different mark for someone this laptop also changed.

    Nothing was saved. ``theirs`` is what is stored now for each of those people (None:
    not marked), ``mine`` what this laptop wanted; saving again with ``loaded`` updated to
    ``theirs`` for them saves this laptop's marks over theirs.
    """

    def __init__(self, message: str, theirs: Marks, mine: Marks) -> None:
        super().__init__(message)
        self.theirs = theirs
        self.mine = mine


def expected_ids(session: Session, meeting: Meeting) -> set[int]:
    """The members expected at ``meeting`` (see the module docstring)."""
    wanted = set(
        session.scalars(
            select(MeetingGroupMember.member_id).where(
                MeetingGroupMember.group_id == meeting.group_id
            )
        )
    ) | set(
        session.scalars(
            select(MeetingFacilitator.member_id).where(MeetingFacilitator.meeting_id == meeting.id)
        )
    )
    if meeting.group.open_membership:
        since = add_months(meeting.day, -LOOKBACK_MONTHS)
        wanted |= set(
            session.scalars(
                select(MeetingAttendance.member_id)
                .join(Meeting, Meeting.id == MeetingAttendance.meeting_id)
                .where(
                    Meeting.group_id == meeting.group_id,
                    Meeting.cancelled.is_(False),
                    Meeting.day >= since,
                    Meeting.day < meeting.day,
                    MeetingAttendance.state == AttendanceState.PRESENT.value,
                )
            )
        )
    if not wanted:
        return wanted
    left = set(
        session.scalars(select(Member.id).where(Member.id.in_(wanted), Member.status == "left"))
    )
    return wanted - left


def expected_people(session: Session, actor: Actor, meeting_id: int) -> tuple[PersonRef, ...]:
    """The people expected at a meeting, alphabetical by the name they go by."""
    meeting = require_meeting(session, actor, meeting_id, Permission.VIEW_MEETINGS, SEE)
    return people_of(session, expected_ids(session, meeting))


def current_states(session: Session, meeting_id: int) -> dict[int, AttendanceState]:
    """What is recorded for a meeting now: member id → present / apologies."""
    return {
        member_id: AttendanceState(state)
        for member_id, state in session.execute(
            select(MeetingAttendance.member_id, MeetingAttendance.state).where(
                MeetingAttendance.meeting_id == meeting_id
            )
        )
    }


def sheet_for(session: Session, meeting: Meeting) -> AttendanceSheet:
    """The attendance rows: expected people in printed order, then anyone else recorded."""
    states = current_states(session, meeting.id)
    expected = people_of(session, expected_ids(session, meeting))
    shown = {person.member_id for person in expected}
    others = people_of(session, set(states) - shown)
    rows = [AttendanceRow(p.member_id, p.name, states.get(p.member_id), True) for p in expected]
    rows += [AttendanceRow(p.member_id, p.name, states.get(p.member_id), False) for p in others]
    return AttendanceSheet(meeting_info(session, meeting), tuple(rows))


def attendance_sheet(session: Session, actor: Actor, meeting_id: int) -> AttendanceSheet:
    """A meeting's attendance list for typing in the ticks, in the sign-in sheet's order."""
    meeting = require_meeting(session, actor, meeting_id, Permission.VIEW_MEETINGS, SEE)
    return sheet_for(session, meeting)


def _clean(states: States) -> dict[int, AttendanceState]:
    cleaned: dict[int, AttendanceState] = {}
    for member_id, state in states.items():
        if state is None or state == ABSENT:
            continue
        try:
            cleaned[int(member_id)] = AttendanceState(state)
        except ValueError:
            raise ValidationError(
                "attendance", f"Attendance must be present, apologies or absent, not {state!r}."
            ) from None
    return cleaned


def apply_states(
    session: Session,
    actor: Actor,
    meeting: Meeting,
    wanted: dict[int, AttendanceState],
    today: date,
    *,
    replace: bool = True,
    loaded: dict[int, AttendanceState] | None = None,
) -> None:
    """Write ``wanted`` for the meeting (inside the caller's transaction) and audit it.

    ``replace`` makes the meeting's attendance exactly ``wanted``; otherwise only the people
    in ``wanted`` change (a walk-in added as present). With ``loaded`` (what the list showed
    when it was opened), only the people whose mark differs from ``loaded`` change, and
    :class:`AttendanceClash` is raised when another laptop marked any of them differently.
    The meeting's row is locked first, so saves of the same meeting never interleave.
    """
    lock_meeting(session, meeting.id)
    if meeting.cancelled:
        raise ValidationError(
            "attendance", "This meeting was cancelled; reinstate it to record attendance."
        )
    if meeting.day > today and AttendanceState.PRESENT in wanted.values():
        raise ValidationError(
            "attendance",
            f"The meeting on {format_date(meeting.day)} has not happened yet: only apologies "
            "can be recorded before it.",
        )
    rows = {
        row.member_id: row
        for row in session.scalars(
            select(MeetingAttendance)
            .where(MeetingAttendance.meeting_id == meeting.id)
            .execution_options(populate_existing=True)
        )
    }
    before = {member_id: AttendanceState(row.state) for member_id, row in rows.items()}
    if loaded is not None:
        after = merged(session, before, loaded, wanted)
    else:
        after = dict(wanted) if replace else before | wanted
    names = checked_members(session, set(before) | set(after), "attendance")
    refuse_erased_named(session, set(after) - set(before), names, on_list=loaded is not None)
    for member_id in set(before) - set(after):
        session.delete(rows[member_id])
    for member_id, state in after.items():
        if member_id in rows:
            rows[member_id].state = state.value
        else:
            session.add(
                MeetingAttendance(meeting_id=meeting.id, member_id=member_id, state=state.value)
            )
    first = meeting.attendance_recorded_at is None
    changes = _changes(names, before, after, first)
    # Apologies sent ahead are not "attendance taken": the reminder, the facilitators' pay and
    # cohort progress wait for the ticks typed in on or after the day.
    if (first or changes) and meeting.day <= today:
        meeting.attendance_recorded_at = utcnow()
        meeting.attendance_recorded_by = actor.display_name
    if first:
        audit.record(session, actor, "create", "meeting_attendance", meeting.id, changes)
    elif changes:
        audit.record(session, actor, "update", "meeting_attendance", meeting.id, changes)


def refuse_erased_named(
    session: Session, member_ids: set[int], names: Mapping[int, str], *, on_list: bool
) -> None:
    """ValidationError naming each erased person among ``member_ids`` and what to do.

    "Erased person 21's record was erased, so they cannot be recorded at a meeting. Clear
    their mark (Delete on their row), then save the others." ``on_list``: the save came from
    the attendance list, so the fix is said in its keys; otherwise only who and why.
    """
    erased = sorted(erased_among(session, member_ids))
    if not erased:
        return
    who = [names.get(m, f"member #{m}") for m in erased]
    if len(who) == 1:
        message = f"{who[0]}'s record was erased, so they cannot be recorded at a meeting."
        fix = "Clear their mark (Delete on their row), then save the others."
    else:
        everyone = ", ".join(who[:-1]) + " and " + who[-1]
        message = f"The records of {everyone} were erased, so they cannot be recorded at a meeting."
        fix = "Clear their marks (Delete on each of their rows), then save the others."
    raise ValidationError("attendance", f"{message} {fix}" if on_list else message)


def lock_meeting(session: Session, meeting_id: int) -> Meeting:
    """Lock the meeting's row until the transaction ends (``FOR UPDATE`` on PostgreSQL; a
    no-op on SQLite, whose one writer at a time does the same) and read it afresh."""
    locked = session.scalar(select(Meeting.id).where(Meeting.id == meeting_id).with_for_update())
    meeting = session.get(Meeting, meeting_id, populate_existing=True) if locked else None
    if meeting is None:
        raise NotFound("That meeting is no longer in the records. Refresh the list.")
    return meeting


def merged(
    session: Session,
    stored: dict[int, AttendanceState],
    loaded: dict[int, AttendanceState],
    wanted: dict[int, AttendanceState],
) -> dict[int, AttendanceState]:
    """What is stored now with this laptop's own changes (``loaded`` → ``wanted``) on top.

    Raises :class:`AttendanceClash` when someone this laptop changed was meanwhile marked
    differently elsewhere (the same new mark on both is no clash)."""
    mine: Marks = {
        m: wanted.get(m) for m in set(loaded) | set(wanted) if loaded.get(m) != wanted.get(m)
    }
    clashes = {m for m, mark in mine.items() if stored.get(m) not in (loaded.get(m), mark)}
    if clashes:
        raise AttendanceClash(
            clash_message(session, clashes, stored, mine),
            {m: stored.get(m) for m in clashes},
            {m: mine[m] for m in clashes},
        )
    after: Marks = {**stored, **mine}
    return {m: mark for m, mark in after.items() if mark is not None}


def _mark_words(mark: AttendanceState | None) -> str:
    return mark.value if mark is not None else "not marked"


def clash_message(
    session: Session, clashes: set[int], stored: dict[int, AttendanceState], mine: Marks
) -> str:
    """ "Attendance for this meeting was changed on another laptop …", naming each person."""
    names = checked_members(session, clashes, "attendance")
    people = [
        f"{names[m]}: {_mark_words(stored.get(m))} there, {_mark_words(mine[m])} here"
        for m in sorted(clashes, key=lambda m: name_order(names[m], m))
    ]
    return (
        "Attendance for this meeting was changed on another laptop while you were typing, "
        f"and {'this person was' if len(people) == 1 else 'these people were'} marked "
        f"differently there: {'; '.join(people)}. Nothing of yours has been saved yet."
    )


def _changes(
    names: dict[int, str],
    before: dict[int, AttendanceState],
    after: dict[int, AttendanceState],
    first: bool,
) -> dict[str, object]:
    if first:
        return {
            state.value: listed(names[m] for m, s in after.items() if s is state)
            for state in AttendanceState
        }
    changed: dict[str, object] = {}
    for member_id in sorted(set(before) | set(after), key=lambda m: name_order(names[m], m)):
        old, new = before.get(member_id), after.get(member_id)
        if old != new:
            changed[f"{names[member_id]} (#{member_id})"] = [
                old.value if old else ABSENT,
                new.value if new else ABSENT,
            ]
    return changed


def set_attendance(
    session: Session,
    actor: Actor,
    meeting_id: int,
    states: States,
    *,
    today: date | None = None,
    loaded: States | None = None,
) -> AttendanceSheet:
    """Save a meeting's whole attendance list at once: ``{member_id: state}``, where state
    is present, apologies, or None / "absent"; anyone left out is absent.

    ``loaded``: the marks the list showed when it was opened (as ``states``). Given, only
    the people whose mark differs from it are written and ticks saved meanwhile on another
    laptop stay; someone marked differently on both raises :class:`AttendanceClash`
    (nothing saved). Left out, the list replaces what is stored.
    """
    meeting = require_meeting(session, actor, meeting_id, Permission.RUN_MEETINGS, RECORD)
    wanted = _clean(states)
    base = None if loaded is None else _clean(loaded)
    with transaction(session):
        apply_states(session, actor, meeting, wanted, today or date.today(), loaded=base)
    return sheet_for(session, meeting)


def mark_present(
    session: Session,
    actor: Actor,
    meeting_id: int,
    member_id: int,
    *,
    today: date | None = None,
) -> AttendanceSheet:
    """Record one person (e.g. a walk-in who is already a member) as present, leaving
    everyone else as they are."""
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
    return sheet_for(session, meeting)
