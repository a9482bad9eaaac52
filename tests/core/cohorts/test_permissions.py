"""Facilitators see and take attendance for the cohorts their account is linked to, and no
others; changing programmes, cohorts, places and graduation is coordinators' work."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.services import (
    cohorts_cohorts,
    cohorts_enrolment,
    cohorts_facilitators,
    cohorts_progress,
    cohorts_sessions,
    meetings_attendance,
    meetings_groups,
)
from involve_desktop.core.services.cohorts_dto import ProgrammeInput
from involve_desktop.core.services.cohorts_programmes import create_programme, list_programmes
from tests.core.cohorts.helpers import cohort, enrolled, person, plan, programme

DAY = date(2026, 1, 6)


def test_linked_facilitator_sees_the_cohort_and_takes_attendance(
    session, coordinator, facilitator
) -> None:
    prog = programme(session, coordinator)
    mine = cohort(session, coordinator, prog, "Cohort 1")
    other = cohort(session, coordinator, prog, "Cohort 2")
    sessions = plan(session, coordinator, mine, 10)
    m = person(session, coordinator, "Aisha Khan")
    enrolled(session, coordinator, mine, m)
    cohorts_cohorts.set_cohort_accounts(session, coordinator, mine, [facilitator.account_id])
    assert [c.name for c in cohorts_cohorts.list_cohorts(session, facilitator)] == ["Cohort 1"]
    assert [p.name for p in list_programmes(session, facilitator)] == ["Peer Leadership Programme"]
    first = sessions[0].meeting.id
    meetings_attendance.set_attendance(session, facilitator, first, {m: "present"}, today=DAY)
    [p] = cohorts_progress.progress(session, facilitator, mine, today=DAY).people
    assert p.attended == 1
    # the cohort stays out of the facilitator's plain groups list
    assert meetings_groups.list_groups(session, facilitator) == []
    with pytest.raises(PermissionDenied, match="not one of those running Cohort 2"):
        cohorts_progress.progress(session, facilitator, other, today=DAY)
    with pytest.raises(PermissionDenied):
        cohorts_sessions.list_sessions(session, facilitator, other)


def test_unlinked_facilitator_cannot_take_attendance(session, coordinator, facilitator) -> None:
    c = cohort(session, coordinator, programme(session, coordinator))
    sessions = plan(session, coordinator, c, 2)
    m = person(session, coordinator, "Aisha Khan")
    enrolled(session, coordinator, c, m)
    assert cohorts_cohorts.list_cohorts(session, facilitator) == []
    with pytest.raises(PermissionDenied):
        meetings_attendance.set_attendance(
            session, facilitator, sessions[0].meeting.id, {m: "present"}, today=DAY
        )


def test_facilitators_cannot_change_cohorts(session, coordinator, facilitator) -> None:
    prog = programme(session, coordinator)
    c = cohort(session, coordinator, prog)
    cohorts_cohorts.set_cohort_accounts(session, coordinator, c, [facilitator.account_id])
    m = person(session, coordinator, "Aisha Khan")
    e = enrolled(session, coordinator, c, m)
    for attempt in (
        lambda: create_programme(session, facilitator, ProgrammeInput("Mine", 4)),
        lambda: cohort(session, facilitator, prog, "Cohort 2"),
        lambda: plan(session, facilitator, c, 3),
        lambda: cohorts_enrolment.apply(session, facilitator, c, m),
        lambda: cohorts_enrolment.withdraw(session, facilitator, e),
        lambda: cohorts_progress.graduate(session, facilitator, c, [m], DAY, today=DAY),
        lambda: cohorts_facilitators.suggest_cofacilitators(session, facilitator, prog),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
