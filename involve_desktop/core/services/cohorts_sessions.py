"""A cohort's session plan: made from a pattern, or sessions added and changed one by one.

Sessions are meetings of the cohort's group, so they are made and changed through the
meetings services (``meetings_generate``, ``meetings_meetings``) and attendance is taken
with the meetings attendance entry and sign-in sheet. Sessions are numbered 1, 2, 3… by
day and time; a cancelled session keeps its number (so "session 4" always means the same
session) but no longer counts towards completion.

A pattern ("10 sessions, every Tuesday 14:00–16:00 from the start") sets the group's
schedule just long enough to generate the sessions — skipping bank holidays and the
group's closed days exactly as meetings do — then leaves the group with no regular
schedule (its times stay the default for sessions added by hand), so generating meetings
for every group never adds cohort sessions again. Coordinators only (MANAGE_COHORTS).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.cohorts import Cohort
from involve_desktop.core.models.meetings import (
    Meeting,
    MeetingAttendance,
    MeetingGroup,
    MeetingGroupClosedDate,
)
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit, meetings_generate, meetings_meetings
from involve_desktop.core.services.cohorts_access import MANAGE, SEE, require_cohort
from involve_desktop.core.services.cohorts_cohorts import contradictions
from involve_desktop.core.services.cohorts_dto import (
    CohortStatus,
    PlanResult,
    SessionInfo,
    SessionInput,
    SessionPattern,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import (
    MeetingInput,
    ScheduleInput,
    ScheduleKind,
)
from involve_desktop.core.services.meetings_schedule import (
    WEEKDAYS,
    check_times,
    schedule_values,
)
from involve_desktop.core.services.rota_dto import hhmm
from involve_desktop.core.services.rota_patterns import bank_holidays
from involve_desktop.core.services.transaction import transaction

MAX_SESSIONS = 100
MAX_PLAN_DAYS = 365


def session_rows(session: Session, cohort: Cohort) -> list[Meeting]:
    """The cohort's sessions (cancelled too) in plan order."""
    return list(
        session.scalars(
            select(Meeting)
            .where(Meeting.group_id == cohort.meeting_group_id)
            .order_by(Meeting.day, Meeting.start_time, Meeting.id)
        )
    )


def numbered(session: Session, cohort: Cohort) -> list[SessionInfo]:
    """The cohort's sessions as DTOs, numbered from 1 in plan order."""
    rows = session_rows(session, cohort)
    infos = meetings_meetings.meeting_infos(session, rows)
    return [SessionInfo(number, info) for number, info in enumerate(infos, start=1)]


def list_sessions(session: Session, actor: Actor, cohort_id: int) -> list[SessionInfo]:
    """The cohort's session plan, numbered, cancelled sessions included (marked)."""
    cohort = require_cohort(session, actor, cohort_id, Permission.VIEW_COHORTS, SEE)
    return numbered(session, cohort)


def _check_pattern(pattern: SessionPattern) -> list[str | None]:
    if not isinstance(pattern.weekday, int) or not 0 <= pattern.weekday <= 6:
        raise ValidationError("weekday", "Choose the day of the week the sessions are on.")
    check_times(pattern.start_time, pattern.end_time, required=True)
    if not isinstance(pattern.sessions, int) or not 1 <= pattern.sessions <= MAX_SESSIONS:
        raise ValidationError(
            "sessions", f"The number of sessions must be from 1 to {MAX_SESSIONS}."
        )
    if pattern.every_weeks not in (1, 2):
        raise ValidationError("every_weeks", "Sessions can be every week or every other week.")
    if len(pattern.topics) > pattern.sessions:
        raise ValidationError(
            "topics", f"There are more topics ({len(pattern.topics)}) than sessions."
        )
    topics = [validation.optional_text(t, 200, "topics", "Each topic") for t in pattern.topics]
    return topics + [None] * (pattern.sessions - len(topics))


def _plan_days(
    session: Session, group: MeetingGroup, first: date, pattern: SessionPattern
) -> list[date]:
    """The first ``pattern.sessions`` days from ``first`` that generation will not skip."""
    last_possible = first + timedelta(days=MAX_PLAN_DAYS)
    bank = bank_holidays(first, last_possible) if pattern.skip_bank_holidays else {}
    closed = set(
        session.scalars(
            select(MeetingGroupClosedDate.day).where(MeetingGroupClosedDate.group_id == group.id)
        )
    )
    days: list[date] = []
    day = first
    while len(days) < pattern.sessions:
        if day > last_possible:
            raise ValidationError(
                "sessions", "That many sessions would run for more than a year: plan fewer."
            )
        if day not in bank and day not in closed:
            days.append(day)
        day += timedelta(days=7 * pattern.every_weeks)
    return days


def plan_sessions(
    session: Session,
    actor: Actor,
    cohort_id: int,
    pattern: SessionPattern,
    *,
    today: date | None = None,
) -> PlanResult:
    """Make the cohort's session plan from a pattern, from its start date (see the module
    docstring); refused when the cohort already has sessions (add or change them one by
    one). The cohort's end date is set to the last session's day when it has none."""
    cohort = require_cohort(session, actor, cohort_id, Permission.MANAGE_COHORTS, MANAGE)
    topics = _check_pattern(pattern)
    if session_rows(session, cohort):
        raise ValidationError(
            "sessions", f"{cohort.name} already has sessions: add or change them one by one."
        )
    group = session.get(MeetingGroup, cohort.meeting_group_id)
    assert group is not None
    first = cohort.start_on + timedelta(days=(pattern.weekday - cohort.start_on.weekday()) % 7)
    days = _plan_days(session, group, first, pattern)
    kind = ScheduleKind.WEEKLY if pattern.every_weeks == 1 else ScheduleKind.FORTNIGHTLY
    schedule = ScheduleInput(
        kind,
        pattern.start_time,
        pattern.end_time,
        weekday=pattern.weekday,
        anchor_on=first if kind is ScheduleKind.FORTNIGHTLY else None,
        valid_from=first,
        valid_to=days[-1],
        skip_bank_holidays=pattern.skip_bank_holidays,
    )
    with transaction(session):
        for key, value in schedule_values(schedule, first).items():
            setattr(group, key, value)
    try:
        generated = meetings_generate.generate_meetings(
            session, actor, first, days[-1], group_id=group.id, today=today, include_past=True
        )
    finally:
        with transaction(session):
            group.schedule, group.weekday, group.anchor_on = ScheduleKind.NONE.value, None, None
            group.valid_from = group.valid_to = None
    with transaction(session):
        rows = session_rows(session, cohort)
        for row, topic in zip(rows, topics, strict=False):
            row.topic = topic
        if cohort.end_on is None and rows:
            cohort.end_on = rows[-1].day
        every = "Every" if pattern.every_weeks == 1 else "Every other"
        audit.record(
            session,
            actor,
            "update",
            "cohort",
            cohort.id,
            {
                "session plan": f"{len(rows)} sessions, {every} {WEEKDAYS[pattern.weekday]} "
                f"{hhmm(pattern.start_time)}–{hhmm(pattern.end_time)} from {format_date(first)}",
                "topics": "; ".join(t for t in topics if t),
            },
        )
    return PlanResult(tuple(numbered(session, cohort)), generated)


def _session_of(session: Session, actor: Actor, meeting_id: int) -> tuple[Cohort, Meeting]:
    """The cohort a session belongs to, after the MANAGE_COHORTS check."""
    found = session.execute(
        select(Cohort.id)
        .join(Meeting, Meeting.group_id == Cohort.meeting_group_id)
        .where(Meeting.id == meeting_id)
    ).scalar_one_or_none()
    if found is None:
        raise NotFound("That session is no longer in the records. Refresh the list.")
    cohort = require_cohort(session, actor, found, Permission.MANAGE_COHORTS, MANAGE)
    return cohort, meetings_meetings.load_meeting(session, meeting_id)


def _info(session: Session, cohort: Cohort, meeting_id: int) -> SessionInfo:
    return next(s for s in numbered(session, cohort) if s.meeting.id == meeting_id)


SLIP_DAYS = 56  # a session further than this outside the cohort's dates is a typing slip


def _within_cohort(cohort: Cohort, day: date) -> None:
    """A session near the cohort's dates (a first session moved a day earlier is fine; one a
    year out is a slip)."""
    if not isinstance(day, date):
        return  # the meetings service names the missing day
    if day < cohort.start_on - timedelta(days=SLIP_DAYS):
        raise ValidationError(
            "day",
            f"{cohort.name} starts on {format_date(cohort.start_on)}; {format_date(day)} is "
            "more than 8 weeks before that. Check the date, or change the cohort's start first.",
        )
    if cohort.end_on is not None and day > cohort.end_on + timedelta(days=SLIP_DAYS):
        raise ValidationError(
            "day",
            f"{cohort.name} ends on {format_date(cohort.end_on)}; {format_date(day)} is more "
            "than 8 weeks after that. Check the date, or change the cohort's end first.",
        )


# what is being done, for "mark it running before …": (on a past day, still to come)
DOING = {
    "adding": ("adding a session on {day}", "adding a session still to come"),
    "moving": ("moving a session to {day}", "moving a session to a day still to come"),
    "reinstating": ("reinstating the session on {day}", "reinstating a session still to come"),
}


def _fits_cohort(cohort: Cohort, day: date, today: date, doing: str) -> None:
    """Refuse a session (not cancelled) on ``day`` that would contradict the cohort's status
    or dates (``cohorts_cohorts.contradictions``, the rules cohort edits are checked by),
    saying what to change in the cohort first, or which day to choose instead. ``doing``:
    "adding", "moving" or "reinstating" (a cancelled session's day cannot be changed)."""
    if not isinstance(day, date):
        return  # the meetings service names the missing day
    status = CohortStatus(cohort.status)
    broken = contradictions(status, cohort.start_on, cohort.end_on, day, today)
    if not broken:
        return
    name, on_day = cohort.name, DOING[doing][0].format(day=format_date(day))
    again = doing == "reinstating"
    field = "session" if again else "day"
    if broken[0] == "start":
        raise ValidationError(
            field,
            f"{name} starts on {format_date(cohort.start_on)}: move its start earlier "
            + (f"before {on_day}." if again else "first, or choose a day on or after it."),
        )
    if broken[0] == "end":
        assert cohort.end_on is not None
        raise ValidationError(
            field,
            f"{name} ends on {format_date(cohort.end_on)}: move its end later "
            + (f"before {on_day}." if again else "first, or choose a day on or before it."),
        )
    if broken[0] == "planned":
        raise ValidationError(
            field,
            f"{name} is planned: mark it running before {on_day}, a day already past"
            + ("." if again else " — or choose a day after today."),
        )
    raise ValidationError(field, f"{name} is finished: mark it running before {DOING[doing][1]}.")


def add_session(
    session: Session,
    actor: Actor,
    cohort_id: int,
    data: SessionInput,
    *,
    today: date | None = None,
) -> SessionInfo:
    """Add one session; blank times take the cohort's usual times (from its pattern), blank
    venue the cohort's, and its member facilitators are copied on. Refused when the session
    would contradict the cohort's status or dates (``_fits_cohort``)."""
    cohort = require_cohort(session, actor, cohort_id, Permission.MANAGE_COHORTS, MANAGE)
    _within_cohort(cohort, data.day)
    _fits_cohort(cohort, data.day, today or date.today(), "adding")
    made = meetings_meetings.add_meeting(
        session,
        actor,
        cohort.meeting_group_id,
        MeetingInput(data.day, data.start_time, data.end_time, data.venue, data.topic),
    )
    return _info(session, cohort, made.id)


def update_session(
    session: Session,
    actor: Actor,
    meeting_id: int,
    data: SessionInput,
    *,
    today: date | None = None,
) -> SessionInfo:
    """Change a session's day, times, topic or venue (its number follows its new day); a new
    day that would contradict the cohort's status or dates is refused (``_fits_cohort``)."""
    cohort, meeting = _session_of(session, actor, meeting_id)
    if data.day != meeting.day:  # a session's topic or venue can be changed where it is
        _within_cohort(cohort, data.day)
        if not meeting.cancelled:  # the meetings service refuses changing a cancelled one
            _fits_cohort(cohort, data.day, today or date.today(), "moving")
    meetings_meetings.update_meeting(
        session,
        actor,
        meeting_id,
        MeetingInput(data.day, data.start_time, data.end_time, data.venue, data.topic),
        today=today,
    )
    return _info(session, cohort, meeting_id)


def cancel_session(session: Session, actor: Actor, meeting_id: int, reason: str) -> SessionInfo:
    """Cancel a session with a reason: it keeps its number and stops counting."""
    cohort, _ = _session_of(session, actor, meeting_id)
    meetings_meetings.cancel_meeting(session, actor, meeting_id, reason)
    return _info(session, cohort, meeting_id)


def reinstate_session(
    session: Session, actor: Actor, meeting_id: int, *, today: date | None = None
) -> SessionInfo:
    """Undo a session's cancellation; refused when the session would contradict the
    cohort's status or dates (``_fits_cohort``)."""
    cohort, row = _session_of(session, actor, meeting_id)
    if row.cancelled:
        _fits_cohort(cohort, row.day, today or date.today(), "reinstating")
    meetings_meetings.reinstate_meeting(session, actor, meeting_id)
    return _info(session, cohort, meeting_id)


def delete_session(session: Session, actor: Actor, meeting_id: int) -> None:
    """Take a session out of the plan (entered by mistake); refused once any attendance or
    apologies are recorded for it (cancel it instead)."""
    cohort, row = _session_of(session, actor, meeting_id)
    with transaction(session):
        if session.scalar(
            select(MeetingAttendance.id).where(MeetingAttendance.meeting_id == row.id).limit(1)
        ):
            raise ValidationError(
                "session", "Attendance is recorded for this session: cancel it instead."
            )
        audit.record(
            session,
            actor,
            "delete",
            "meeting",
            row.id,
            {"cohort": cohort.name, "day": row.day.isoformat(), "topic": row.topic},
        )
        session.delete(row)
