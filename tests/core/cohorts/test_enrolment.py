"""Places on a cohort: the steps and their refusals, capacity and the waiting list, and
withdrawing (history and attendance kept, the next person named)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.services import (
    cohorts_cohorts,
    cohorts_enrolment,
    cohorts_progress,
    meetings_attendance,
    meetings_groups,
    members,
)
from involve_desktop.core.services.cohorts_dto import EnrolmentState
from involve_desktop.core.services.member_dto import MemberStatus
from tests.core.cohorts.helpers import TODAY, attend, cohort, enrolled, person, plan, programme

S = EnrolmentState


def _group_members(session, coordinator, cohort_id) -> list[str]:
    group_id = cohorts_cohorts.get_cohort(session, coordinator, cohort_id).meeting_group_id
    return [p.name for p in meetings_groups.get_group(session, coordinator, group_id).members]


def test_applied_offered_enrolled_with_dates_and_group_members(session, coordinator) -> None:
    c = cohort(session, coordinator, programme(session, coordinator))
    m = person(session, coordinator, "Aisha Khan")
    applied = cohorts_enrolment.apply(session, coordinator, c, m, on=date(2026, 1, 2))
    assert applied.state is S.APPLIED and _group_members(session, coordinator, c) == []
    offered = cohorts_enrolment.offer(session, coordinator, applied.id, on=date(2026, 1, 3))
    assert (offered.state, offered.offered_on) == (S.OFFERED, date(2026, 1, 3))
    result = cohorts_enrolment.enrol(session, coordinator, applied.id, on=date(2026, 1, 4))
    assert result.enrolment.state is S.ENROLLED
    assert result.enrolment.enrolled_on == date(2026, 1, 4)
    assert result.message == "Aisha Khan is enrolled on Cohort 1."
    assert _group_members(session, coordinator, c) == ["Aisha Khan"]
    trail = session.scalars(select(AuditEntry).where(AuditEntry.entity == "enrolment")).all()
    assert [e.changes["state"] for e in trail] == [
        [None, "applied"],
        ["applied", "offered"],
        ["offered", "enrolled"],
    ]


def test_steps_out_of_order_are_refused(session, coordinator) -> None:
    c = cohort(session, coordinator, programme(session, coordinator))
    m = person(session, coordinator, "Aisha Khan")
    applied = cohorts_enrolment.apply(session, coordinator, c, m, on=date(2026, 1, 2))
    with pytest.raises(ValidationError, match="Aisha Khan is applied, so they cannot be enrolled"):
        cohorts_enrolment.enrol(session, coordinator, applied.id, on=date(2026, 1, 3))
    with pytest.raises(ValidationError, match="before"):
        cohorts_enrolment.offer(session, coordinator, applied.id, on=date(2026, 1, 1))
    with pytest.raises(ValidationError, match="already on Cohort 1"):
        cohorts_enrolment.apply(session, coordinator, c, m)
    cohorts_enrolment.withdraw(session, coordinator, applied.id, on=date(2026, 1, 5))
    with pytest.raises(ValidationError, match="withdrawn, so they cannot be offered"):
        cohorts_enrolment.offer(session, coordinator, applied.id, on=date(2026, 1, 6))


def test_someone_who_left_cannot_apply(session, coordinator) -> None:
    c = cohort(session, coordinator, programme(session, coordinator))
    m = person(session, coordinator, "Aisha Khan")
    members.change_status(
        session,
        coordinator,
        m,
        MemberStatus.LEFT,
        date(2026, 1, 1),
        reason="Moved away",
        today=TODAY,
    )
    with pytest.raises(ValidationError, match="has left"):
        cohorts_enrolment.apply(session, coordinator, c, m)


def _offered(session, coordinator, c, name, on):
    m = person(session, coordinator, name)
    e = cohorts_enrolment.apply(session, coordinator, c, m, on=date(2025, 12, 1))
    cohorts_enrolment.offer(session, coordinator, e.id, on=date(2025, 12, 2))
    return e.id


def test_full_cohort_puts_people_on_the_waiting_list_in_order(session, coordinator) -> None:
    c = cohort(session, coordinator, programme(session, coordinator), capacity=2)
    ids = {
        name: _offered(session, coordinator, c, name, None)
        for name in ("Aisha Khan", "Ben Okafor", "Chloé Martin", "Dev Patel")
    }
    first = cohorts_enrolment.enrol(session, coordinator, ids["Aisha Khan"], on=date(2025, 12, 3))
    cohorts_enrolment.enrol(session, coordinator, ids["Ben Okafor"], on=date(2025, 12, 3))
    assert first.enrolment.state is S.ENROLLED
    # Dev is put on the list a day before Chloé: the list goes by the day
    dev = cohorts_enrolment.enrol(session, coordinator, ids["Dev Patel"], on=date(2025, 12, 4))
    chloe = cohorts_enrolment.enrol(session, coordinator, ids["Chloé Martin"], on=date(2025, 12, 5))
    assert dev.enrolment.state is S.WAITING
    assert dev.message == (
        "All 2 places on Cohort 1 are taken: Dev Patel is number 1 on the waiting list."
    )
    assert chloe.enrolment.waiting_position == 2
    listed = cohorts_enrolment.list_enrolments(session, coordinator, c)
    assert [(e.name, e.state, e.waiting_position) for e in listed] == [
        ("Aisha Khan", S.ENROLLED, None),
        ("Ben Okafor", S.ENROLLED, None),
        ("Dev Patel", S.WAITING, 1),
        ("Chloé Martin", S.WAITING, 2),
    ]
    with pytest.raises(ValidationError, match="stays on the waiting list"):
        cohorts_enrolment.enrol(session, coordinator, ids["Dev Patel"], on=date(2025, 12, 6))
    with pytest.raises(ValidationError, match="Dev Patel is ahead of Chloé Martin"):
        cohorts_enrolment.offer(session, coordinator, ids["Chloé Martin"], on=date(2025, 12, 6))
    info = cohorts_cohorts.get_cohort(session, coordinator, c)
    assert (info.enrolled, info.waiting, info.places_left) == (2, 2, 0)


def test_withdrawing_frees_a_place_names_who_is_next_and_keeps_attendance(
    session, coordinator
) -> None:
    c = cohort(session, coordinator, programme(session, coordinator), capacity=1)
    sessions = plan(session, coordinator, c, 10)
    aisha = person(session, coordinator, "Aisha Khan")
    enrolment = enrolled(session, coordinator, c, aisha)
    waiting = _offered(session, coordinator, c, "Ben Okafor", None)
    cohorts_enrolment.enrol(session, coordinator, waiting, on=date(2025, 12, 20))
    attend(session, coordinator, sessions, {1: {aisha}, 2: {aisha}}, date(2026, 1, 13))
    result = cohorts_enrolment.withdraw(
        session, coordinator, enrolment, on=date(2026, 1, 14), reason="Started a new job"
    )
    assert result.place_freed and result.next_waiting is not None
    assert result.next_waiting.name == "Ben Okafor"
    assert result.message == (
        "Aisha Khan has withdrawn from Cohort 1. A place is free: Ben Okafor is next on the "
        "waiting list — ask them, then offer them the place."
    )
    # not offered automatically
    states = {e.name: e.state for e in cohorts_enrolment.list_enrolments(session, coordinator, c)}
    assert states == {"Aisha Khan": S.WITHDRAWN, "Ben Okafor": S.WAITING}
    withdrawn = next(
        e
        for e in cohorts_enrolment.list_enrolments(session, coordinator, c)
        if e.state is S.WITHDRAWN
    )
    assert (withdrawn.withdrawn_on, withdrawn.withdrawn_reason) == (
        date(2026, 1, 14),
        "Started a new job",
    )
    # off the sign-in list from now on, but the sessions they came to still say so
    assert _group_members(session, coordinator, c) == []
    first = meetings_attendance.attendance_sheet(session, coordinator, sessions[0].meeting.id)
    assert [(r.name, r.state) for r in first.rows] == [("Aisha Khan", "present")]
    [p] = cohorts_progress.progress(session, coordinator, c, today=date(2026, 1, 14)).people
    assert (p.state, p.attended) == (S.WITHDRAWN, 2)
    assert p.text == "Withdrew on Wed 14 Jan 2026; attended 2 of the 2 sessions held"
    # now Ben can take the place
    offered = cohorts_enrolment.offer(session, coordinator, waiting, on=date(2026, 1, 15))
    taken = cohorts_enrolment.enrol(session, coordinator, offered.id, on=date(2026, 1, 16))
    assert taken.enrolment.state is S.ENROLLED


def test_completed_cannot_withdraw(session, coordinator) -> None:
    c = cohort(session, coordinator, programme(session, coordinator, sessions=1))
    sessions = plan(session, coordinator, c, 1)
    m = person(session, coordinator, "Aisha Khan")
    e = enrolled(session, coordinator, c, m)
    day = sessions[0].meeting.day
    attend(session, coordinator, sessions, {1: {m}}, day)
    assert cohorts_progress.graduate(session, coordinator, c, [m], day, today=day).graduated
    with pytest.raises(ValidationError, match="completed"):
        cohorts_enrolment.withdraw(session, coordinator, e, on=day)
