"""Adding, moving or reinstating a session cannot get round the cohort rules (a finished
cohort has no session to come, a planned one none held, none held before the start), and a
start planned from a mistyped date can be put right once its sessions are dealt with."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import cohorts_cohorts, cohorts_sessions
from involve_desktop.core.services.cohorts_cohorts import contradictions
from involve_desktop.core.services.cohorts_dto import CohortInput, CohortStatus, SessionInput
from tests.core.cohorts.helpers import TODAY, cohort, plan, programme

SESSIONS_TAB = "or, if it did not take place, cancel it or change its day on the Sessions tab"
P, R, F = CohortStatus.PLANNED, CohortStatus.RUNNING, CohortStatus.FINISHED


def _update(session, actor, cohort_id: int, **changes):
    c = cohorts_cohorts.get_cohort(session, actor, cohort_id)
    data = CohortInput(c.programme_id, c.name, c.start_on, c.end_on, c.venue, c.capacity, c.status)
    return cohorts_cohorts.update_cohort(
        session, actor, cohort_id, replace(data, **changes), today=TODAY
    )


def _add(session, actor, cohort_id: int, day: date):
    data = SessionInput(day, "Extra", time(14), time(16))
    return cohorts_sessions.add_session(session, actor, cohort_id, data, today=TODAY)


def test_the_rules_for_one_session() -> None:
    start, end = date(2026, 2, 3), date(2026, 4, 7)
    assert contradictions(R, start, end, date(2026, 2, 10), TODAY) == []
    assert contradictions(P, start, end, date(2026, 1, 13), TODAY) == ["start", "planned"]
    assert contradictions(P, start, end, date(2026, 1, 27), date(2026, 1, 1)) == ["start"]
    assert contradictions(R, start, end, date(2026, 1, 27), date(2026, 1, 1)) == []
    assert contradictions(F, start, date(2026, 2, 10), date(2026, 2, 17), TODAY) == ["end"]
    assert contradictions(F, start, end, date(2026, 3, 3), TODAY) == ["finished"]


@pytest.fixture
def finished(session, coordinator) -> tuple[int, list]:
    """Cohort 1 (ten weekly sessions from Tue 6 Jan 2026), the last two cancelled and the
    cohort marked finished on TODAY (Mon 2 Mar)."""
    c = cohort(session, coordinator, programme(session, coordinator))
    sessions = plan(session, coordinator, c, 10)
    for s in sessions[8:]:
        cohorts_sessions.cancel_session(session, coordinator, s.meeting.id, "Finished early")
    cohorts_cohorts.set_cohort_status(session, coordinator, c, F, today=TODAY)
    return c, sessions


def test_a_finished_cohort_takes_no_session_still_to_come(session, coordinator, finished):
    c, sessions = finished
    with pytest.raises(ValidationError) as error:
        _add(session, coordinator, c, date(2026, 3, 3))
    assert (error.value.field, error.value.message) == (
        "day",
        "Cohort 1 is finished: mark it running before adding a session still to come.",
    )
    with pytest.raises(ValidationError) as error:
        cohorts_sessions.reinstate_session(
            session, coordinator, sessions[9].meeting.id, today=TODAY
        )
    assert (error.value.field, error.value.message) == (
        "session",
        "Cohort 1 is finished: mark it running before reinstating a session still to come.",
    )
    held = sessions[7].meeting
    with pytest.raises(ValidationError, match="before moving a session to a day still to come"):
        cohorts_sessions.update_session(
            session, coordinator, held.id, SessionInput(date(2026, 3, 4)), today=TODAY
        )
    assert len([s for s in cohorts_sessions.list_sessions(session, coordinator, c)]) == 10
    # the way the message says
    cohorts_cohorts.set_cohort_status(session, coordinator, c, R, today=TODAY)
    assert _add(session, coordinator, c, date(2026, 3, 3)).meeting.day == date(2026, 3, 3)
    with pytest.raises(ValidationError, match="1 session still to come"):
        cohorts_cohorts.set_cohort_status(session, coordinator, c, F, today=TODAY)


def test_a_planned_cohort_takes_no_session_before_its_start_or_already_past(session, coordinator):
    p = programme(session, coordinator)
    c = cohort(session, coordinator, p, "Cohort 2", start=date(2026, 2, 3))
    with pytest.raises(ValidationError) as error:
        _add(session, coordinator, c, date(2026, 1, 13))  # held, before the start
    assert (error.value.field, error.value.message) == (
        "day",
        "Cohort 2 starts on Tue 3 Feb 2026: move its start earlier first, or choose a day on "
        "or after it.",
    )
    with pytest.raises(
        ValidationError,
        match="Cohort 2 is planned: mark it running before "
        "adding a session on Tue 10 Feb 2026, a day already past",
    ):
        _add(session, coordinator, c, date(2026, 2, 10))
    later = cohort(session, coordinator, p, "Cohort 3", start=date(2026, 4, 7))
    with pytest.raises(ValidationError, match="Cohort 3 starts on Tue 7 Apr 2026"):
        _add(session, coordinator, later, date(2026, 3, 31))  # to come, but before the start
    first = _add(session, coordinator, later, date(2026, 4, 7))
    with pytest.raises(ValidationError, match="Cohort 3 starts on Tue 7 Apr 2026: move its"):
        cohorts_sessions.update_session(
            session, coordinator, first.meeting.id, SessionInput(date(2026, 3, 31)), today=TODAY
        )
    # a planned cohort's start cannot move past its first session either
    with pytest.raises(ValidationError, match="first session is on Tue 7 Apr 2026") as error:
        _update(session, coordinator, later, start_on=date(2026, 4, 14))
    assert error.value.field == "start_on"


def test_a_start_planned_from_a_mistyped_date_can_be_put_right(session, coordinator):
    # Typed 6 Jan instead of 3 Feb: four sessions from the wrong start count as held
    c = cohort(session, coordinator, programme(session, coordinator))
    sessions = plan(session, coordinator, c, 10)
    with pytest.raises(ValidationError) as error:
        _update(session, coordinator, c, start_on=date(2026, 2, 3))
    assert error.value.field == "start_on"
    assert error.value.message == (
        f"The first session was held on Tue 6 Jan 2026: the start must be on or before that "
        f"day — {SESSIONS_TAB} first."
    )
    with pytest.raises(ValidationError, match=f"— {SESSIONS_TAB} first"):
        _update(session, coordinator, c, end_on=date(2026, 2, 1))
    _update(session, coordinator, c, status=R)
    with pytest.raises(ValidationError) as error:
        _update(session, coordinator, c, status=P)
    assert error.value.message.endswith(
        "choose running or finished — or, if they did not take place, cancel them or change "
        "their days on the Sessions tab first."
    )
    for s in sessions[:4]:
        cohorts_sessions.cancel_session(session, coordinator, s.meeting.id, "Mistyped start")
    assert _update(session, coordinator, c, start_on=date(2026, 2, 3)).start_on == date(2026, 2, 3)
