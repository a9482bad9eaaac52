"""Where pay lines come from: recorded involvement in a period, one ``Source`` per paid piece.

- Recruitment panels: lived-experience seats on HELD panels (staff seats are never paid:
  staff are employees). Minutes are the panel's start–end times (None without times).
- Peer support shifts: rota assignments recorded as ``worked`` on shifts not cancelled;
  minutes are the actual minutes recorded, else the planned shift length; when they
  differ the description says so ("…, 10:00–13:00 (worked 2 h)").
- Facilitating a meeting: facilitators of meetings not cancelled, on or before today, whose
  attendance has been recorded (so the meeting is known to have happened).
- Facilitating a cohort session: a leadership programme cohort's sessions are the meetings
  of its own group (kind ``leadership_cohort``) and its member facilitators are copied onto
  them, so the same rule applies; those lines are ``Activity.COHORT_FACILITATION`` (their
  own rate). Outside facilitators (trust staff) are never on a meeting, so never paid.

Another source is one more collector in ``COLLECTORS`` (with a ``source_kind`` of its own).
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
from involve_desktop.core.services.payments_dto import Activity, minutes_text
from involve_desktop.core.services.rota_dto import hhmm
from involve_desktop.core.services.rota_rules import span

COHORT_KIND = "leadership_cohort"  # a cohort's own meeting group (see models.cohorts)


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
        what = f"Peer support shift: {site}, {hhmm(shift.start_time)}–{hhmm(shift.end_time)}"
        if actual is not None and actual != planned:
            # The time paid is what was worked; say so beside the shift's times (a 3-hour
            # shift paid "2 h" read as a mistake on the statement).
            what += f" (worked {minutes_text(actual)})"
        sources.append(
            Source(
                "rota_assignment",
                assignment_id,
                member_id,
                shift.day,
                Activity.ROTA_SHIFT,
                what,
                actual if actual is not None else planned,
            )
        )
    return sources


def meeting_sources(session: Session, start: date, end: date, today: date) -> list[Source]:
    """Facilitators of meetings (and cohort sessions) that happened in the period
    (attendance recorded)."""
    rows = session.execute(
        select(
            MeetingFacilitator.id,
            MeetingFacilitator.member_id,
            Meeting,
            MeetingGroup.name,
            MeetingGroup.kind,
        )
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
            Activity.COHORT_FACILITATION if kind == COHORT_KIND else Activity.MEETING_FACILITATION,
            ("Cohort session: " if kind == COHORT_KIND else "Facilitating: ")
            + group
            + (f" ({meeting.topic})" if meeting.topic else ""),
            _minutes(meeting.day, meeting.start_time, meeting.end_time),
        )
        for facilitator_id, member_id, meeting, group, kind in rows
    ]


Collector = Callable[[Session, date, date, date], list[Source]]

COLLECTORS: tuple[Collector, ...] = (panel_sources, rota_sources, meeting_sources)


def sources_in(session: Session, start: date, end: date, today: date) -> list[Source]:
    """Every piece of paid involvement recorded in [start, end]."""
    found: list[Source] = []
    for collect in COLLECTORS:
        found.extend(collect(session, start, end, today))
    return found
