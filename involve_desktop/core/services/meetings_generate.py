"""Making a group's meetings from its regular schedule for a range of dates.

Like the rota's ``generate_shifts``:

- idempotent: a schedule day that already has a meeting of the group (generated, one-off,
  moved or cancelled) is "already there"; a generated meeting remembers its schedule day,
  so moving or cancelling it never lets generation make it again;
- it only ever adds meetings, so meetings already made — past, edited or cancelled — are
  never rewritten when the schedule changes;
- never before today unless ``include_past`` (to type in last months' paper sheets);
- skips the group's closed days, archived groups, and England & Wales bank holidays (the
  ``holidays`` package, offline) unless the group meets on them.

New meetings copy the group's times, venue and usual facilitators.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.meetings import (
    Meeting,
    MeetingFacilitator,
    MeetingGroup,
    MeetingGroupClosedDate,
    MeetingGroupFacilitator,
)
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_access import require_group, visible_group_ids
from involve_desktop.core.services.meetings_dto import GenerateResult, ScheduleKind
from involve_desktop.core.services.meetings_groups import schedule_info
from involve_desktop.core.services.meetings_schedule import schedule_days
from involve_desktop.core.services.rota_patterns import bank_holidays
from involve_desktop.core.services.transaction import require, transaction

MAX_GENERATE_DAYS = 366
WHAT = "make this group's meetings"


def _groups(session: Session, actor: Actor, group_id: int | None) -> list[MeetingGroup]:
    if group_id is not None:
        return [require_group(session, actor, group_id, Permission.RUN_MEETINGS, WHAT)]
    require(session, actor, Permission.RUN_MEETINGS, "make meetings")
    query = select(MeetingGroup).where(
        MeetingGroup.archived.is_(False), MeetingGroup.schedule != ScheduleKind.NONE.value
    )
    visible = visible_group_ids(session, actor)
    if visible is not None:
        query = query.where(MeetingGroup.id.in_(visible))
    return list(session.scalars(query.order_by(MeetingGroup.id)))


def generate_meetings(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    *,
    group_id: int | None = None,
    today: date | None = None,
    include_past: bool = False,
) -> GenerateResult:
    """Make the scheduled meetings from ``start`` to ``end`` for one group, or for every
    group the account runs; see the module docstring for what is skipped."""
    groups = _groups(session, actor, group_id)
    if end < start:
        raise ValidationError("end", "The end date must be on or after the start date.")
    if (end - start).days >= MAX_GENERATE_DAYS:
        raise ValidationError("end", "Make at most a year of meetings at a time.")
    first = start if include_past else max(start, today or date.today())
    if end < first:
        return GenerateResult(0, 0, (), ())
    bank = bank_holidays(first, end)
    created = already = 0
    bank_skipped: dict[date, str] = {}
    closed_skipped: set[tuple[date, str]] = set()
    with transaction(session):
        for group in groups:
            if group.archived:
                continue
            days = schedule_days(schedule_info(group), first, end)
            if not days:
                continue
            taken = set(
                session.scalars(
                    select(Meeting.day).where(
                        Meeting.group_id == group.id, Meeting.day >= first, Meeting.day <= end
                    )
                )
            ) | set(
                session.scalars(
                    select(Meeting.scheduled_on).where(
                        Meeting.group_id == group.id,
                        Meeting.scheduled_on >= first,
                        Meeting.scheduled_on <= end,
                    )
                )
            )
            closed = set(
                session.scalars(
                    select(MeetingGroupClosedDate.day).where(
                        MeetingGroupClosedDate.group_id == group.id
                    )
                )
            )
            facilitators = sorted(
                session.scalars(
                    select(MeetingGroupFacilitator.member_id).where(
                        MeetingGroupFacilitator.group_id == group.id
                    )
                )
            )
            made = 0
            for day in days:
                if day in taken:
                    already += 1
                elif day in closed:
                    closed_skipped.add((day, group.name))
                elif day in bank and group.skip_bank_holidays:
                    bank_skipped[day] = bank[day]
                else:
                    _add(session, group, day, facilitators)
                    made += 1
            if made:
                audit.record(
                    session,
                    actor,
                    "create",
                    "meeting",
                    None,
                    {
                        "group": group.name,
                        "generated": made,
                        "from": format_date(first),
                        "to": format_date(end),
                    },
                )
            created += made
    return GenerateResult(
        created, already, tuple(sorted(bank_skipped.items())), tuple(sorted(closed_skipped))
    )


def _add(session: Session, group: MeetingGroup, day: date, facilitators: list[int]) -> None:
    assert group.start_time is not None and group.end_time is not None
    row = Meeting(
        group_id=group.id,
        day=day,
        scheduled_on=day,
        start_time=group.start_time,
        end_time=group.end_time,
        venue=group.venue,
    )
    session.add(row)
    if facilitators:
        session.flush()
        session.add_all(MeetingFacilitator(meeting_id=row.id, member_id=m) for m in facilitators)
