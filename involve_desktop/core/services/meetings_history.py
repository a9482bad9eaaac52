"""A person's meetings: their attendance record, and the items in their involvement history.

Facilitated means listed as a facilitator of a meeting that was not cancelled, is on or
before today, and for which they did not send apologies. In the involvement history each
meeting appears once: "Facilitated: <group>" if they facilitated it, else "Attended:
<group>" if they were present (this module registers the provider when imported; it is in
``involvement.PROVIDER_MODULES``), only for the groups the account may see, like the
attendance record. Leadership programme cohort sessions are left to the
cohorts provider (``cohorts_pathways``), which names the programme and session.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.models.meetings import (
    Meeting,
    MeetingAttendance,
    MeetingFacilitator,
    MeetingGroup,
)
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import involvement
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_access import visible_group_ids
from involve_desktop.core.services.meetings_dto import (
    AttendanceState,
    GroupKind,
    PersonAttendance,
    PersonGroupAttendance,
)
from involve_desktop.core.services.meetings_people import names_of
from involve_desktop.core.services.transaction import permitted, require
from involve_desktop.core.text import sort_key

AREA = "Meetings"


def _rows(
    session: Session, member_id: int, today: date, start: date | None, end: date | None
) -> tuple[list[Any], list[Any]]:
    """(meeting id, group id, group name, day, state) of attendance, and (meeting id, group
    id, group name, day) of meetings facilitated, for meetings not cancelled."""

    def within(query: Any) -> Any:
        query = query.where(Meeting.cancelled.is_(False))
        if start is not None:
            query = query.where(Meeting.day >= start)
        if end is not None:
            query = query.where(Meeting.day <= end)
        return query

    attended = session.execute(
        within(
            select(
                Meeting.id,
                Meeting.group_id,
                MeetingGroup.name,
                Meeting.day,
                MeetingAttendance.state,
            )
            .select_from(MeetingAttendance)
            .join(Meeting, Meeting.id == MeetingAttendance.meeting_id)
            .join(MeetingGroup, MeetingGroup.id == Meeting.group_id)
            .where(MeetingAttendance.member_id == member_id)
        )
    ).all()
    apologised = {row[0] for row in attended if row[4] == AttendanceState.APOLOGIES.value}
    facilitated = [
        row
        for row in session.execute(
            within(
                select(Meeting.id, Meeting.group_id, MeetingGroup.name, Meeting.day)
                .select_from(MeetingFacilitator)
                .join(Meeting, Meeting.id == MeetingFacilitator.meeting_id)
                .join(MeetingGroup, MeetingGroup.id == Meeting.group_id)
                .where(MeetingFacilitator.member_id == member_id, Meeting.day <= today)
            )
        )
        if row[0] not in apologised
    ]
    return list(attended), facilitated


def person_attendance(
    session: Session,
    actor: Actor,
    member_id: int,
    start: date | None = None,
    end: date | None = None,
    *,
    today: date | None = None,
) -> PersonAttendance:
    """A person's meetings attended, apologies and meetings facilitated, per group (only the
    groups the account may see), optionally within a period."""
    require(session, actor, Permission.VIEW_MEMBERS, "see members")
    require(session, actor, Permission.VIEW_MEETINGS, "see meetings")
    visible = visible_group_ids(session, actor)
    attended, facilitated = _rows(session, member_id, today or date.today(), start, end)
    groups: dict[int, dict[str, Any]] = defaultdict(
        lambda: {"attended": 0, "apologies": 0, "facilitated": 0, "days": []}
    )
    names: dict[int, str] = {}
    for _, group_id, group_name, day, state in attended:
        names[group_id] = group_name
        if state == AttendanceState.PRESENT.value:
            groups[group_id]["attended"] += 1
            groups[group_id]["days"].append(day)
        else:
            groups[group_id]["apologies"] += 1
    for _, group_id, group_name, _day in facilitated:
        names[group_id] = group_name
        groups[group_id]["facilitated"] += 1
    records = tuple(
        PersonGroupAttendance(
            group_id,
            names[group_id],
            figures["attended"],
            figures["apologies"],
            figures["facilitated"],
            min(figures["days"], default=None),
            max(figures["days"], default=None),
        )
        for group_id, figures in sorted(groups.items(), key=lambda g: sort_key(names[g[0]]))
        if visible is None or group_id in visible
    )
    return PersonAttendance(member_id, names_of(session, [member_id]).get(member_id, ""), records)


@involvement.provides
def meetings_involvement(
    session: Session, actor: Actor, member_id: int
) -> list[involvement.InvolvementItem]:
    """Involvement-history provider: meetings facilitated, then other meetings attended, in
    the groups the account may see (none without VIEW_MEETINGS)."""
    if not permitted(session, actor, Permission.VIEW_MEETINGS):
        return []
    visible = visible_group_ids(session, actor)
    attended, facilitated = _rows(session, member_id, date.today(), None, None)
    cohort_groups = set(
        session.scalars(
            select(MeetingGroup.id).where(MeetingGroup.kind == GroupKind.LEADERSHIP_COHORT.value)
        )
    )

    def shown(group_id: int) -> bool:
        return group_id not in cohort_groups and (visible is None or group_id in visible)

    attended = [row for row in attended if shown(row[1])]
    facilitated = [row for row in facilitated if shown(row[1])]
    items = [
        involvement.InvolvementItem(day, AREA, f"Facilitated: {group}")
        for _, _, group, day in facilitated
    ]
    done = {row[0] for row in facilitated}
    items += [
        involvement.InvolvementItem(day, AREA, f"Attended: {group}")
        for meeting_id, _, group, day, state in attended
        if state == AttendanceState.PRESENT.value and meeting_id not in done
    ]
    return items
