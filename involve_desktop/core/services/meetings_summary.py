"""A group's attendance over a period: meetings held, people, newcomers, a monthly trend.

Definitions (the numbers a coordinator can check by hand):

- meetings held: not cancelled, in the period and on or before today;
- unique attendees: different people present at a meeting held;
- newcomers: people whose first ever attendance at this group (at any meeting not
  cancelled) falls in the period;
- average attendance: people present, summed over meetings held, divided by meetings held
  (meetings whose attendance has not been typed in yet count as held; how many is in
  ``meetings_not_recorded`` so the screen can say so);
- months: every calendar month the period touches, with the same figures for that month.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from involve_desktop.core.dates import add_months
from involve_desktop.core.errors import ValidationError
from involve_desktop.core.models.meetings import Meeting, MeetingAttendance
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_access import require_group
from involve_desktop.core.services.meetings_dto import AttendanceState, GroupSummary, MonthPoint

PRESENT = AttendanceState.PRESENT.value


def average(total: int, meetings: int) -> float | None:
    """People per meeting, or None when there were no meetings."""
    return total / meetings if meetings else None


def month_starts(start: date, end: date) -> list[date]:
    """The first day of every month from ``start``'s to ``end``'s."""
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = add_months(month, 1)
    return months


def group_summary(
    session: Session,
    actor: Actor,
    group_id: int,
    start: date,
    end: date,
    *,
    today: date | None = None,
) -> GroupSummary:
    """The group's figures from ``start`` to ``end`` (see the module docstring)."""
    group = require_group(
        session, actor, group_id, Permission.VIEW_MEETINGS, "see this group's meetings"
    )
    if end < start:
        raise ValidationError("end", "The end date must be on or after the start date.")
    last = min(end, today or date.today())
    in_period = list(
        session.execute(
            select(
                Meeting.id, Meeting.day, Meeting.cancelled, Meeting.attendance_recorded_at
            ).where(Meeting.group_id == group_id, Meeting.day >= start, Meeting.day <= end)
        )
    )
    held = {id_: day for id_, day, cancelled, _ in in_period if not cancelled and day <= last}
    not_recorded = sum(1 for id_, _, cancelled, at in in_period if id_ in held and at is None)
    present = list(
        session.execute(
            select(MeetingAttendance.meeting_id, MeetingAttendance.member_id).where(
                MeetingAttendance.meeting_id.in_(list(held)), MeetingAttendance.state == PRESENT
            )
        )
    )
    firsts = dict(
        session.execute(
            select(MeetingAttendance.member_id, func.min(Meeting.day))
            .join(Meeting, Meeting.id == MeetingAttendance.meeting_id)
            .where(
                Meeting.group_id == group_id,
                Meeting.cancelled.is_(False),
                MeetingAttendance.state == PRESENT,
            )
            .group_by(MeetingAttendance.member_id)
        ).all()
    )
    meetings_by_month = Counter(day.replace(day=1) for day in held.values())
    present_by_month = Counter(held[meeting_id].replace(day=1) for meeting_id, _ in present)
    months = tuple(
        MonthPoint(
            month,
            meetings_by_month[month],
            present_by_month[month],
            average(present_by_month[month], meetings_by_month[month]),
        )
        for month in month_starts(start, end)
    )
    attendees = {member_id for _, member_id in present}
    return GroupSummary(
        group_id=group_id,
        group_name=group.name,
        start=start,
        end=end,
        meetings_held=len(held),
        meetings_cancelled=sum(1 for _, _, cancelled, _ in in_period if cancelled),
        meetings_not_recorded=not_recorded,
        unique_attendees=len(attendees),
        newcomers=sum(1 for m in attendees if start <= firsts[m] <= last),
        total_present=len(present),
        average_attendance=average(len(present), len(held)),
        months=months,
    )
