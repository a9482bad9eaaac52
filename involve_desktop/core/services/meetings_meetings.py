"""Meetings: add one-off, edit, cancel with a reason (it stays listed), reinstate, list.

A new meeting takes the group's times, venue and facilitators unless given its own; after
that it keeps its own, whatever later happens to the group. A cancelled meeting cannot be
edited until it is reinstated, and a meeting with people recorded as present cannot be
cancelled (clear the attendance first). Accounts linked to the group (and coordinators) run
its meetings; every change is audited (entity ``meeting``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.meetings import (
    Meeting,
    MeetingAttendance,
    MeetingFacilitator,
    MeetingGroup,
)
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.erased_people import refuse_erased
from involve_desktop.core.services.meetings_access import (
    require_group,
    require_meeting,
    require_plan_change,
    visible_group_ids,
)
from involve_desktop.core.services.meetings_dto import (
    AttendanceState,
    GroupKind,
    MeetingInfo,
    MeetingInput,
    PersonRef,
)
from involve_desktop.core.services.meetings_groups import group_facilitator_ids
from involve_desktop.core.services.meetings_people import (
    checked_members,
    listed,
    name_order,
    names_of,
)
from involve_desktop.core.services.meetings_schedule import check_times
from involve_desktop.core.services.record_version import check_version
from involve_desktop.core.services.rota_dto import hhmm
from involve_desktop.core.services.transaction import require, transaction

RUN = "change this group's meetings"
SEE = "see this group's meetings"


def meeting_infos(session: Session, rows: Sequence[Meeting]) -> list[MeetingInfo]:
    """DTOs for meeting rows (facilitators and attendance counts read in two queries)."""
    ids = [row.id for row in rows]
    facilitators: dict[int, list[PersonRef]] = defaultdict(list)
    counts: dict[tuple[int, str], int] = {}
    if ids:
        links = session.execute(
            select(MeetingFacilitator.meeting_id, MeetingFacilitator.member_id).where(
                MeetingFacilitator.meeting_id.in_(ids)
            )
        ).all()
        names = names_of(session, {member for _, member in links})
        for meeting_id, member_id in links:
            facilitators[meeting_id].append(PersonRef(member_id, names.get(member_id, "")))
        counts = {
            (meeting_id, state): n
            for meeting_id, state, n in session.execute(
                select(MeetingAttendance.meeting_id, MeetingAttendance.state, func.count())
                .where(MeetingAttendance.meeting_id.in_(ids))
                .group_by(MeetingAttendance.meeting_id, MeetingAttendance.state)
            )
        }
    return [
        MeetingInfo(
            id=row.id,
            group_id=row.group_id,
            group_name=row.group.name,
            group_kind=GroupKind(row.group.kind),
            day=row.day,
            start_time=row.start_time,
            end_time=row.end_time,
            venue=row.venue,
            topic=row.topic,
            facilitators=tuple(
                sorted(facilitators[row.id], key=lambda p: name_order(p.name, p.member_id))
            ),
            from_schedule=row.scheduled_on is not None,
            cancelled=row.cancelled,
            cancelled_reason=row.cancelled_reason,
            attendance_recorded_at=row.attendance_recorded_at,
            attendance_recorded_by=row.attendance_recorded_by,
            present=counts.get((row.id, AttendanceState.PRESENT.value), 0),
            apologies=counts.get((row.id, AttendanceState.APOLOGIES.value), 0),
            version=row.version,
        )
        for row in rows
    ]


def meeting_info(session: Session, row: Meeting) -> MeetingInfo:
    """DTO for one meeting row."""
    return meeting_infos(session, [row])[0]


def set_facilitators(session: Session, meeting: Meeting, member_ids: set[int]) -> dict[str, str]:
    """Make the meeting's facilitators exactly ``member_ids``; the audit change, if any."""
    current = set(
        session.scalars(
            select(MeetingFacilitator.member_id).where(MeetingFacilitator.meeting_id == meeting.id)
        )
    )
    if current == member_ids:
        return {}
    names = checked_members(session, member_ids | current, "facilitators")
    refuse_erased(session, member_ids - current, "facilitators", "made a facilitator")
    session.execute(
        delete(MeetingFacilitator).where(
            MeetingFacilitator.meeting_id == meeting.id,
            MeetingFacilitator.member_id.in_(current - member_ids),
        )
    )
    for member_id in sorted(member_ids - current):
        session.add(MeetingFacilitator(meeting_id=meeting.id, member_id=member_id))
    return {
        "facilitators": [listed(names[i] for i in current), listed(names[i] for i in member_ids)]
    }


def check_day(day: date, today: date) -> None:
    """A meeting's day: past meetings may be typed in afterwards; 1900 or 9999 is a slip."""
    if not isinstance(day, date):
        raise ValidationError("day", "Give the day of the meeting — for example 3 Mar 2026.")
    validation.within_years(day, "day", "The day of the meeting", today, back=10, ahead=3)


def add_meeting(session: Session, actor: Actor, group_id: int, data: MeetingInput) -> MeetingInfo:
    """Add a one-off meeting; blank times, venue and facilitators take the group's."""
    group = require_group(session, actor, group_id, Permission.RUN_MEETINGS, RUN)
    require_plan_change(session, actor, group)
    with transaction(session):
        if group.archived:
            raise ValidationError(
                "group", f"{group.name} is archived; bring it back before adding meetings."
            )
        check_day(data.day, date.today())
        start = data.start_time or group.start_time
        end = data.end_time or group.end_time
        if start is None or end is None:
            raise ValidationError(
                "start_time", "Give the start and end time (the group has no regular times)."
            )
        check_times(start, end, required=True)
        row = Meeting(
            group_id=group.id,
            day=data.day,
            start_time=start,
            end_time=end,
            venue=validation.optional_text(data.venue, 500, "venue", "Venue") or group.venue,
            topic=validation.optional_text(data.topic, 200, "topic", "Topic"),
        )
        session.add(row)
        session.flush()
        wanted = (
            set(group_facilitator_ids(session, group.id))
            if data.facilitator_ids is None
            else set(data.facilitator_ids)
        )
        set_facilitators(session, row, wanted)
        audit.record(
            session,
            actor,
            "create",
            "meeting",
            row.id,
            {
                "group": group.name,
                "day": row.day.isoformat(),
                "start": hhmm(start),
                "end": hhmm(end),
                "venue": row.venue,
                "topic": row.topic,
            },
        )
        info = meeting_info(session, row)
    return info


def update_meeting(
    session: Session,
    actor: Actor,
    meeting_id: int,
    data: MeetingInput,
    *,
    today: date | None = None,
    expected_version: int | None = None,
) -> MeetingInfo:
    """Change a meeting's day, times, venue, topic or facilitators.

    ``expected_version``: the version the edit started from (RecordChanged if it moved on).

    Blank times keep the meeting's own; a blank venue takes the group's; facilitators None
    keeps them. A meeting with people recorded as present cannot move into the future.
    """
    row = require_meeting(session, actor, meeting_id, Permission.RUN_MEETINGS, RUN)
    require_plan_change(session, actor, row.group)
    with transaction(session):
        check_version(
            row,
            expected_version,
            what=f"the {row.group.name} meeting on {format_date(row.day)}",
            by=actor,
        )
        if row.cancelled:
            raise ValidationError(
                "meeting", "This meeting is cancelled; reinstate it to change it."
            )
        if data.day != row.day:  # an old meeting's topic can still be mended
            check_day(data.day, today or date.today())
        start = data.start_time or row.start_time
        end = data.end_time or row.end_time
        check_times(start, end, required=True)
        if data.day > (today or date.today()) and _present(session, row.id):
            raise ValidationError(
                "day", "People are recorded as present, so the meeting cannot move to the future."
            )
        before = _fields(row)
        row.day, row.start_time, row.end_time = data.day, start, end
        row.venue = validation.optional_text(data.venue, 500, "venue", "Venue") or row.group.venue
        row.topic = validation.optional_text(data.topic, 200, "topic", "Topic")
        changes = audit.changes_between(before, _fields(row))
        if data.facilitator_ids is not None:
            changes |= set_facilitators(session, row, set(data.facilitator_ids))
        if changes:
            audit.record(session, actor, "update", "meeting", row.id, changes)
        info = meeting_info(session, row)
    return info


def _fields(row: Meeting) -> dict[str, object]:
    return {
        "day": row.day,
        "start": hhmm(row.start_time),
        "end": hhmm(row.end_time),
        "venue": row.venue,
        "topic": row.topic,
    }


def _present(session: Session, meeting_id: int) -> int:
    return (
        session.scalar(
            select(func.count()).where(
                MeetingAttendance.meeting_id == meeting_id,
                MeetingAttendance.state == AttendanceState.PRESENT.value,
            )
        )
        or 0
    )


def cancel_meeting(session: Session, actor: Actor, meeting_id: int, reason: str) -> MeetingInfo:
    """Cancel a meeting with a reason; it stays listed, marked cancelled."""
    row = require_meeting(session, actor, meeting_id, Permission.RUN_MEETINGS, RUN)
    require_plan_change(session, actor, row.group)
    clean = validation.required_text("reason", "Reason for cancelling", reason, 500)
    with transaction(session):
        if _present(session, row.id):
            raise ValidationError(
                "reason",
                "People are recorded as present at this meeting; clear the attendance before "
                "cancelling it.",
            )
        row.cancelled, row.cancelled_reason = True, clean
        audit.record(session, actor, "update", "meeting", row.id, {"cancelled": clean})
        info = meeting_info(session, row)
    return info


def reinstate_meeting(session: Session, actor: Actor, meeting_id: int) -> MeetingInfo:
    """Undo a cancellation."""
    row = require_meeting(session, actor, meeting_id, Permission.RUN_MEETINGS, RUN)
    require_plan_change(session, actor, row.group)
    with transaction(session):
        if row.cancelled:
            audit.record(
                session, actor, "update", "meeting", row.id, {"reinstated": row.cancelled_reason}
            )
            row.cancelled, row.cancelled_reason = False, None
        info = meeting_info(session, row)
    return info


def get_meeting(session: Session, actor: Actor, meeting_id: int) -> MeetingInfo:
    """One meeting."""
    row = require_meeting(session, actor, meeting_id, Permission.VIEW_MEETINGS, SEE)
    return meeting_info(session, row)


def list_meetings(
    session: Session,
    actor: Actor,
    group_id: int | None = None,
    start: date | None = None,
    end: date | None = None,
    *,
    include_cancelled: bool = True,
) -> list[MeetingInfo]:
    """Meetings in date and time order (one group, or every group the account may see)."""
    if group_id is not None:
        require_group(session, actor, group_id, Permission.VIEW_MEETINGS, SEE)
    else:
        require(session, actor, Permission.VIEW_MEETINGS, "see meetings")
    query = (
        select(Meeting)
        .join(MeetingGroup, MeetingGroup.id == Meeting.group_id)
        .order_by(Meeting.day, Meeting.start_time, MeetingGroup.name, Meeting.id)
    )
    if group_id is not None:
        query = query.where(Meeting.group_id == group_id)
    else:
        visible = visible_group_ids(session, actor)
        if visible is not None:
            query = query.where(Meeting.group_id.in_(visible))
    if start is not None:
        query = query.where(Meeting.day >= start)
    if end is not None:
        query = query.where(Meeting.day <= end)
    if not include_cancelled:
        query = query.where(Meeting.cancelled.is_(False))
    return meeting_infos(session, list(session.scalars(query)))


def next_meetings(
    session: Session, actor: Actor, group_id: int, count: int, from_day: date | None = None
) -> list[MeetingInfo]:
    """The group's next ``count`` meetings on or after ``from_day`` (default today), not
    cancelled — e.g. the meetings to print sign-in sheets for."""
    require_group(session, actor, group_id, Permission.VIEW_MEETINGS, SEE)
    if count < 1:
        return []
    rows = session.scalars(
        select(Meeting)
        .where(
            Meeting.group_id == group_id,
            Meeting.cancelled.is_(False),
            Meeting.day >= (from_day or date.today()),
        )
        .order_by(Meeting.day, Meeting.start_time, Meeting.id)
        .limit(count)
    )
    return meeting_infos(session, list(rows))


def load_meeting(session: Session, meeting_id: int) -> Meeting:
    """The meeting row, or NotFound (for other meetings services, after their check)."""
    row = session.get(Meeting, meeting_id)
    if row is None:
        raise NotFound("That meeting is no longer in the records. Refresh the list.")
    return row
