"""A cohort's sessions are its programme's plan: a facilitator linked to the cohort cannot
add, cancel, reinstate or move them, or close days, through the plain meetings services
(the cohort services refuse the same); sessions and dates far outside sense are refused."""

from __future__ import annotations

from datetime import date, time

import pytest

from involve_desktop.core.errors import PermissionDenied, ValidationError
from involve_desktop.core.services import (
    cohorts_alumni,
    cohorts_cohorts,
    cohorts_facilitators,
    cohorts_sessions,
    gdpr_erasure,
    meetings_groups,
    meetings_meetings,
)
from involve_desktop.core.services.cohorts_dto import (
    AlumniActionInput,
    CohortInput,
    CohortStatus,
    FacilitatorInput,
    SessionInput,
)
from involve_desktop.core.services.meetings_dto import MeetingInput
from tests.core.cohorts.helpers import START, cohort, person, plan, programme
from tests.core.meetings.helpers import group


@pytest.fixture
def linked(session, coordinator, facilitator):
    """Cohort 1 with 10 planned sessions, Fran's account linked to it."""
    c = cohort(session, coordinator, programme(session, coordinator))
    sessions = plan(session, coordinator, c)
    cohorts_cohorts.set_cohort_accounts(session, coordinator, c, [facilitator.account_id])
    group_id = cohorts_cohorts.get_cohort(session, coordinator, c).meeting_group_id
    return c, group_id, sessions


def test_a_facilitator_cannot_change_the_plan_through_the_meetings_services(
    session, coordinator, facilitator, linked
):
    c, group_id, sessions = linked
    first = sessions[0].meeting.id
    attempts = [
        lambda: meetings_meetings.add_meeting(
            session, facilitator, group_id, MeetingInput(date(2026, 3, 30), time(14), time(16))
        ),
        lambda: meetings_meetings.cancel_meeting(session, facilitator, first, "I fancy"),
        lambda: meetings_meetings.reinstate_meeting(session, facilitator, first),
        lambda: meetings_meetings.update_meeting(
            session, facilitator, first, MeetingInput(date(2026, 1, 7))
        ),
        lambda: meetings_groups.add_closed_day(session, facilitator, group_id, date(2026, 2, 3)),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied, match="leadership programme cohort's sessions"):
            attempt()
    assert len(cohorts_sessions.list_sessions(session, coordinator, c)) == 10
    # The coordinator still changes it, through the cohort services.
    cohorts_cohorts.set_cohort_status(session, coordinator, c, CohortStatus.RUNNING)
    cohorts_sessions.cancel_session(session, coordinator, first, "Venue flooded")
    cohorts_sessions.reinstate_session(session, coordinator, first)


def test_sessions_and_dates_far_outside_sense_are_refused(session, coordinator, linked):
    c, _group_id, _sessions = linked
    # A session a week after the plan's last is fine ...
    cohorts_sessions.add_session(
        session, coordinator, c, SessionInput(date(2026, 3, 17)), today=date(2026, 3, 2)
    )
    # ... but a year before the start is a typing slip.
    with pytest.raises(ValidationError, match="more than 8 weeks before") as err:
        cohorts_sessions.add_session(session, coordinator, c, SessionInput(date(2024, 12, 2)))
    assert err.value.field == "day"
    p = cohorts_cohorts.get_cohort(session, coordinator, c).programme_id
    with pytest.raises(ValidationError, match="typing slip") as err:
        cohorts_cohorts.create_cohort(
            session,
            coordinator,
            CohortInput(p, "Cohort 9", date(1900, 1, 1), None, "Office"),
            today=START,
        )
    assert err.value.field == "start_on"
    with pytest.raises(ValidationError, match="typing slip") as err:
        meetings_meetings.add_meeting(
            session,
            coordinator,
            group(session, coordinator, "Drop-in"),
            MeetingInput(date(9999, 12, 31), time(10), time(12)),
        )
    assert err.value.field == "day"


def test_alumni_actions_refuse_erased_people_and_slipped_dates(session, coordinator):
    alan = person(session, coordinator, "Alan Wright")
    bea = person(session, coordinator, "Bea Lowe")
    gdpr_erasure.erase_member(session, coordinator, alan, "Alan Wright")
    with pytest.raises(ValidationError, match="record was erased") as err:
        cohorts_alumni.add_action(
            session, coordinator, AlumniActionInput("Welcome pack", date.today(), (alan, bea))
        )
    assert err.value.field == "member_ids"
    with pytest.raises(ValidationError, match="typing slip") as err:
        cohorts_alumni.add_action(
            session, coordinator, AlumniActionInput("Welcome pack", date(2045, 1, 1), (bea,))
        )
    assert err.value.field == "day"
    made = cohorts_alumni.add_action(
        session, coordinator, AlumniActionInput("Welcome pack", date.today(), (bea,))
    )
    assert made.id


def test_the_same_outside_facilitator_is_not_added_twice(session, coordinator, linked):
    c, _group_id, _sessions = linked
    outside = FacilitatorInput(outside_name="Dr A Patel", job_title="Psychologist")
    cohorts_facilitators.add_facilitator(session, coordinator, c, outside)
    with pytest.raises(ValidationError, match="already facilitates") as err:
        cohorts_facilitators.add_facilitator(
            session, coordinator, c, FacilitatorInput(outside_name=" dr a patel ")
        )
    assert err.value.field == "outside_name"
