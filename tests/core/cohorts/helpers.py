"""Building programmes, cohorts, plans and places through the real services."""

from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy.orm import Session

from involve_desktop.core.services import (
    cohorts_cohorts,
    cohorts_enrolment,
    cohorts_programmes,
    cohorts_sessions,
    meetings_attendance,
)
from involve_desktop.core.services.cohorts_dto import (
    CohortInput,
    ProgrammeInput,
    SessionInfo,
    SessionPattern,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import AttendanceState
from tests.core.meetings.helpers import person

__all__ = ["TODAY", "attend", "cohort", "enrolled", "person", "plan", "programme"]

TODAY = date(2026, 3, 2)  # a Monday
START = date(2026, 1, 6)  # a Tuesday
P = AttendanceState.PRESENT


def programme(
    session: Session,
    actor: Actor,
    name: str = "Peer Leadership Programme",
    *,
    sessions: int = 10,
    percent: int = 80,
    required: tuple[int, ...] = (),
) -> int:
    """A programme; returns its id."""
    data = ProgrammeInput(name, sessions, "Leading together", percent, required)
    return cohorts_programmes.create_programme(session, actor, data).id


def cohort(
    session: Session,
    actor: Actor,
    programme_id: int,
    name: str = "Cohort 1",
    *,
    start: date = START,
    capacity: int | None = None,
) -> int:
    """A cohort at the Riverside office; returns its id."""
    data = CohortInput(programme_id, name, start, None, "Riverside Voices office", capacity)
    return cohorts_cohorts.create_cohort(session, actor, data).id


def plan(
    session: Session,
    actor: Actor,
    cohort_id: int,
    sessions: int = 10,
    *,
    weekday: int = 1,
    topics: tuple[str, ...] = (),
) -> list[SessionInfo]:
    """Weekly sessions 14:00–16:00 from the cohort's start; returns them numbered."""
    pattern = SessionPattern(weekday, time(14), time(16), sessions, topics=topics)
    result = cohorts_sessions.plan_sessions(session, actor, cohort_id, pattern, today=TODAY)
    return list(result.sessions)


def enrolled(
    session: Session, actor: Actor, cohort_id: int, member_id: int, on: date = START
) -> int:
    """Apply, offer and enrol a member; returns the enrolment id."""
    applied = cohorts_enrolment.apply(
        session, actor, cohort_id, member_id, on=on - timedelta(days=30)
    )
    cohorts_enrolment.offer(session, actor, applied.id, on=on - timedelta(days=20))
    return cohorts_enrolment.enrol(
        session, actor, applied.id, on=on - timedelta(days=10)
    ).enrolment.id


def attend(
    session: Session,
    actor: Actor,
    sessions: list[SessionInfo],
    who: dict[int, set[int]],
    today: date,
) -> None:
    """Record attendance through the meetings service: ``who`` maps a session number to the
    members present (every session up to ``today`` gets its attendance saved)."""
    for s in sessions:
        if s.meeting.day <= today and not s.meeting.cancelled:
            states = {m: P for m in who.get(s.number, set())}
            meetings_attendance.set_attendance(session, actor, s.meeting.id, states, today=today)
