"""Where pay lines come from: recorded involvement in a period, one ``Source`` per paid piece.

- Recruitment panels: lived-experience seats on HELD panels (staff seats are never paid:
  staff are employees). Minutes are the panel's start–end times (None without times).
- Peer support shifts: rota assignments recorded as ``worked`` on shifts not cancelled;
  minutes are the actual minutes recorded, else the planned shift length.
- Facilitating a meeting: facilitators of meetings not cancelled, on or before today, whose
  attendance has been recorded (so the meeting is known to have happened).
- Facilitating a cohort session: the leadership programme area does not exist yet. When it
  does, add a collector for it to ``COLLECTORS`` (source_kind ``cohort_facilitator``,
  activity ``Activity.COHORT_FACILITATION``); nothing else needs to change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.models.meetings import Meeting, MeetingFacilitator, MeetingGroup
from involve_desktop.core.models.panels import Panel, PanelSeat
from involve_desktop.core.models.rota import RotaAssignment, RotaShift, RotaSite
from involve_desktop.core.services.payments_dto import Activity
from involve_desktop.core.services.rota_dto import hhmm
from involve_desktop.core.services.rota_rules import span


@dataclass(frozen=True)
class Source:
    """One piece of recorded involvement that a pay line is made from."""

    kind: str
    id: int
    member_id: int
    day: date
    activity: Activity
    description: str
    minutes: int | None


def _minutes(day: date, start: time | None, end: time | None) -> int | None:
    if start is None or end is None:
        return None
    begin, finish = span(day, start, end)
    return int((finish - begin).total_seconds() // 60)


def panel_sources(session: Session, start: date, end: date, today: date) -> list[Source]:
    """Lived-experience seats on panels held in the period."""
    rows = session.execute(
        select(PanelSeat.id, PanelSeat.member_id, Panel)
        .join(Panel, Panel.id == PanelSeat.panel_id)
        .where(
            Panel.status == "held",
            Panel.day.between(start, end),
            PanelSeat.kind == "lived_experience",
            PanelSeat.member_id.is_not(None),
        )
    )
    return [
        Source(
            "panel_seat",
            seat_id,
            member_id,
            panel.day,
            Activity.PANEL,
            f"Interview panel: {panel.post_title}",
            _minutes(panel.day, panel.start_time, panel.end_time),
        )
        for seat_id, member_id, panel in rows
    ]


def rota_sources(session: Session, start: date, end: date, today: date) -> list[Source]:
    """Shifts worked in the period (actual minutes if recorded, else the planned length)."""
    rows = session.execute(
        select(
            RotaAssignment.id,
            RotaAssignment.member_id,
            RotaAssignment.actual_minutes,
            RotaShift,
            RotaSite.name,
        )
        .join(RotaShift, RotaShift.id == RotaAssignment.shift_id)
        .join(RotaSite, RotaSite.id == RotaShift.site_id)
        .where(
            RotaAssignment.attendance == "worked",
            RotaShift.cancelled.is_(False),
            RotaShift.day.between(start, end),
        )
    )
    sources = []
    for assignment_id, member_id, actual, shift, site in rows:
        planned = _minutes(shift.day, shift.start_time, shift.end_time)
        sources.append(
            Source(
                "rota_assignment",
                assignment_id,
                member_id,
                shift.day,
                Activity.ROTA_SHIFT,
                f"Peer support shift: {site}, {hhmm(shift.start_time)}–{hhmm(shift.end_time)}",
                actual if actual is not None else planned,
            )
        )
    return sources


def meeting_sources(session: Session, start: date, end: date, today: date) -> list[Source]:
    """Facilitators of meetings that happened in the period (attendance recorded)."""
    rows = session.execute(
        select(MeetingFacilitator.id, MeetingFacilitator.member_id, Meeting, MeetingGroup.name)
        .join(Meeting, Meeting.id == MeetingFacilitator.meeting_id)
        .join(MeetingGroup, MeetingGroup.id == Meeting.group_id)
        .where(
            Meeting.cancelled.is_(False),
            Meeting.attendance_recorded_at.is_not(None),
            Meeting.day.between(start, min(end, today)),
        )
    )
    return [
        Source(
            "meeting_facilitator",
            facilitator_id,
            member_id,
            meeting.day,
            Activity.MEETING_FACILITATION,
            f"Facilitating: {group}" + (f" ({meeting.topic})" if meeting.topic else ""),
            _minutes(meeting.day, meeting.start_time, meeting.end_time),
        )
        for facilitator_id, member_id, meeting, group in rows
    ]


Collector = Callable[[Session, date, date, date], list[Source]]

# Add the cohort facilitation collector here when the leadership programme area exists.
COLLECTORS: tuple[Collector, ...] = (panel_sources, rota_sources, meeting_sources)


def sources_in(session: Session, start: date, end: date, today: date) -> list[Source]:
    """Every piece of paid involvement recorded in [start, end]."""
    found: list[Source] = []
    for collect in COLLECTORS:
        found.extend(collect(session, start, end, today))
    return found
