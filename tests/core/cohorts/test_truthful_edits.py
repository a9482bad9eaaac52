"""Cohort changes that contradict what happened are refused with the way forward; someone
who withdrew may apply again."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import (
    cohorts_cohorts,
    cohorts_enrolment,
    cohorts_sessions,
)
from involve_desktop.core.services.cohorts_dto import (
    CohortInput,
    CohortStatus,
    EnrolmentState,
)
from tests.core.cohorts.helpers import TODAY, cohort, enrolled, person, plan, programme


def _input(session, actor, cohort_id: int, **changes) -> CohortInput:
    c = cohorts_cohorts.get_cohort(session, actor, cohort_id)
    data = CohortInput(c.programme_id, c.name, c.start_on, c.end_on, c.venue, c.capacity, c.status)
    return replace(data, **changes)


def _update(session, actor, cohort_id: int, **changes):
    data = _input(session, actor, cohort_id, **changes)
    return cohorts_cohorts.update_cohort(session, actor, cohort_id, data, today=TODAY)


@pytest.fixture
def running(session, coordinator):
    """Cohort 1 from Tue 6 Jan 2026, ten weekly sessions (eight held by TODAY), three enrolled."""
    prog = programme(session, coordinator)
    c = cohort(session, coordinator, prog, "Cohort 1")
    sessions = plan(session, coordinator, c, 10)
    people = [person(session, coordinator, n) for n in ("Aisha Khan", "Ben Okafor", "Cara Nwosu")]
    places = [enrolled(session, coordinator, c, m) for m in people]
    return {"cohort": c, "sessions": sessions, "people": people, "places": places}


def test_places_below_the_people_enrolled_are_refused(session, coordinator, running) -> None:
    c = running["cohort"]
    with pytest.raises(ValidationError) as error:
        _update(session, coordinator, c, capacity=2)
    assert error.value.field == "capacity"
    assert error.value.message == (
        "3 people are enrolled; places must be at least 3, or withdraw people first."
    )
    assert _update(session, coordinator, c, capacity=3).capacity == 3


def test_start_after_a_session_held_is_refused(session, coordinator, running) -> None:
    c = running["cohort"]
    with pytest.raises(ValidationError, match="held on Tue 6 Jan 2026") as error:
        _update(session, coordinator, c, start_on=date(2026, 2, 17))
    assert error.value.field == "start_on"
    with pytest.raises(ValidationError, match="held on Tue 24 Feb 2026") as error:
        _update(session, coordinator, c, end_on=date(2026, 2, 1))
    assert error.value.field == "end_on"
    # earlier is fine: the sessions still fall within the cohort
    assert _update(session, coordinator, c, start_on=date(2026, 1, 5)).start_on == date(2026, 1, 5)


def test_status_the_sessions_contradict_is_refused(session, coordinator, running) -> None:
    c = running["cohort"]
    assert _update(session, coordinator, c, status=CohortStatus.RUNNING).status is (
        CohortStatus.RUNNING
    )
    with pytest.raises(ValidationError, match="cannot go back to planned") as error:
        _update(session, coordinator, c, status=CohortStatus.PLANNED)
    assert error.value.field == "status"
    with pytest.raises(ValidationError, match="cannot go back to planned"):
        cohorts_cohorts.set_cohort_status(
            session, coordinator, c, CohortStatus.PLANNED, today=TODAY
        )
    with pytest.raises(
        ValidationError, match=r"2 sessions still to come \(the next on Tue 3 Mar 2026\)"
    ):
        cohorts_cohorts.set_cohort_status(
            session, coordinator, c, CohortStatus.FINISHED, today=TODAY
        )
    with pytest.raises(ValidationError, match="cancel them on the Sessions tab first"):
        _update(session, coordinator, c, status=CohortStatus.FINISHED)
    for s in running["sessions"][8:]:
        cohorts_sessions.cancel_session(session, coordinator, s.meeting.id, "Finished early")
    finished = cohorts_cohorts.set_cohort_status(
        session, coordinator, c, CohortStatus.FINISHED, today=TODAY
    )
    assert finished.status is CohortStatus.FINISHED


def test_an_old_contradiction_does_not_block_other_edits(session, coordinator, running) -> None:
    # the cohort is still marked planned though sessions were held: the venue can change
    c = running["cohort"]
    assert _update(session, coordinator, c, venue="Library").venue == "Library"


def test_someone_who_withdrew_can_apply_again(session, coordinator, running) -> None:
    c, aisha, place = running["cohort"], running["people"][0], running["places"][0]
    cohorts_enrolment.withdraw(
        session, coordinator, place, on=date(2026, 1, 20), reason="Moving house"
    )
    with pytest.raises(ValidationError, match="before they withdrew"):
        cohorts_enrolment.apply(session, coordinator, c, aisha, on=date(2026, 1, 19))
    again = cohorts_enrolment.apply(session, coordinator, c, aisha, on=date(2026, 2, 2))
    assert again.id == place and again.state is EnrolmentState.APPLIED
    assert again.applied_on == date(2026, 2, 2)
    # the withdrawal stays on the record
    assert (again.withdrawn_on, again.withdrawn_reason) == (date(2026, 1, 20), "Moving house")
    with pytest.raises(ValidationError, match=r"already on Cohort 1 \(applied\)"):
        cohorts_enrolment.apply(session, coordinator, c, aisha, on=date(2026, 2, 3))
    cohorts_enrolment.offer(session, coordinator, place, on=date(2026, 2, 3))
    result = cohorts_enrolment.enrol(session, coordinator, place, on=date(2026, 2, 4))
    assert result.enrolment.state is EnrolmentState.ENROLLED
    assert result.enrolment.enrolled_on == date(2026, 2, 4)
    # a second withdrawal may not be dated before the new application
    with pytest.raises(ValidationError, match="before the step before"):
        cohorts_enrolment.withdraw(session, coordinator, place, on=date(2026, 1, 25))
