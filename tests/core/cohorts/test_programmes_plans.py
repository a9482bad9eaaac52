"""Programmes, cohorts and their session plans: the cohort's meeting group kept apart from
the plain group screens, a plan from a pattern skipping bank holidays and closed days."""

from __future__ import annotations

from datetime import date, time

import pytest

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import (
    cohorts_cohorts,
    cohorts_programmes,
    cohorts_sessions,
    meetings_generate,
    meetings_groups,
    meetings_meetings,
)
from involve_desktop.core.services.cohorts_dto import (
    CohortInput,
    CohortStatus,
    ProgrammeInput,
    SessionInput,
    SessionPattern,
)
from involve_desktop.core.services.meetings_dto import GroupInput, GroupKind
from tests.core.cohorts.helpers import TODAY, attend, cohort, enrolled, person, plan, programme


def test_programme_rule_in_words_and_validation(session, coordinator) -> None:
    p = cohorts_programmes.create_programme(
        session,
        coordinator,
        ProgrammeInput("Peer Leadership Programme", 10, required_sessions=(10, 1)),
    )
    assert p.completion_percent == 80
    assert p.rule == "At least 80% of the sessions, including sessions 1 and 10"
    with pytest.raises(ValidationError) as error:
        cohorts_programmes.create_programme(
            session, coordinator, ProgrammeInput("peer leadership programme", 8)
        )
    assert error.value.field == "name"
    with pytest.raises(ValidationError) as error:
        cohorts_programmes.create_programme(
            session, coordinator, ProgrammeInput("Other", 8, required_sessions=(9,))
        )
    assert error.value.field == "required_sessions"
    with pytest.raises(ValidationError) as error:
        cohorts_programmes.create_programme(
            session, coordinator, ProgrammeInput("Other", 8, completion_percent=0)
        )
    assert error.value.field == "completion_percent"
    changed = cohorts_programmes.update_programme(
        session,
        coordinator,
        p.id,
        ProgrammeInput("Peer Leadership Programme", 12, completion_percent=75),
    )
    assert changed.rule == "At least 75% of the sessions"


def test_programme_with_cohorts_is_archived_not_deleted(session, coordinator) -> None:
    p = programme(session, coordinator)
    cohort(session, coordinator, p)
    with pytest.raises(ValidationError, match="archive it instead"):
        cohorts_programmes.delete_programme(session, coordinator, p)
    cohorts_programmes.archive_programme(session, coordinator, p)
    assert cohorts_programmes.list_programmes(session, coordinator) == []
    with pytest.raises(ValidationError, match="archived"):
        cohort(session, coordinator, p, "Cohort 2")


def test_cohort_owns_a_closed_group_kept_out_of_the_plain_group_screens(
    session, coordinator
) -> None:
    p = programme(session, coordinator)
    c = cohorts_cohorts.get_cohort(
        session, coordinator, cohort(session, coordinator, p, "Cohort 4")
    )
    group = meetings_groups.get_group(session, coordinator, c.meeting_group_id).group
    assert group.name == "Peer Leadership Programme — Cohort 4"
    assert group.kind is GroupKind.LEADERSHIP_COHORT and not group.open_membership
    assert meetings_groups.list_groups(session, coordinator) == []
    assert [
        g.id for g in meetings_groups.list_groups(session, coordinator, include_cohorts=True)
    ] == [group.id]
    for change in (
        lambda: meetings_groups.update_group(
            session, coordinator, group.id, GroupInput("Renamed"), today=TODAY
        ),
        lambda: meetings_groups.archive_group(session, coordinator, group.id),
        lambda: meetings_groups.delete_group(session, coordinator, group.id),
        lambda: meetings_groups.set_group_members(session, coordinator, group.id, []),
        lambda: meetings_groups.set_group_facilitators(session, coordinator, group.id, []),
    ):
        with pytest.raises(ValidationError, match="under Leadership programmes"):
            change()
    with pytest.raises(ValidationError) as error:
        meetings_groups.create_group(
            session, coordinator, GroupInput("Mine", GroupKind.LEADERSHIP_COHORT), today=TODAY
        )
    assert error.value.field == "kind"
    assert GroupKind.LEADERSHIP_COHORT not in list(GroupKind)  # not offered in the dialog
    renamed = cohorts_cohorts.update_cohort(
        session, coordinator, c.id, CohortInput(p, "Cohort Four", c.start_on)
    )
    assert renamed.title == "Peer Leadership Programme, Cohort Four"
    assert meetings_groups.get_group(session, coordinator, group.id).group.name == (
        "Peer Leadership Programme — Cohort Four"
    )
    with pytest.raises(ValidationError) as error:
        cohort(session, coordinator, p, "cohort four")
    assert error.value.field == "name"


def test_plan_from_a_pattern_skips_bank_holidays_and_closed_days(session, coordinator) -> None:
    p = programme(session, coordinator, sessions=6)
    c = cohort(session, coordinator, p, start=date(2026, 3, 28))  # a Saturday
    group_id = cohorts_cohorts.get_cohort(session, coordinator, c).meeting_group_id
    meetings_groups.add_closed_day(session, coordinator, group_id, date(2026, 4, 20), "Hall booked")
    pattern = SessionPattern(
        0, time(10), time(12, 30), 6, topics=("Welcome", "Lived experience as expertise")
    )
    result = cohorts_sessions.plan_sessions(session, coordinator, c, pattern, today=TODAY)
    days = [s.meeting.day for s in result.sessions]
    assert days == [
        date(2026, 3, 30),
        # 6 Apr is Easter Monday
        date(2026, 4, 13),
        # 20 Apr the hall is booked
        date(2026, 4, 27),
        # 4 May is the early May bank holiday
        date(2026, 5, 11),
        date(2026, 5, 18),
        # 25 May is the spring bank holiday
        date(2026, 6, 1),
    ]
    assert [d for d, _ in result.generated.bank_holidays_skipped] == [
        date(2026, 4, 6),
        date(2026, 5, 4),
        date(2026, 5, 25),
    ]
    assert result.generated.closed_skipped == (
        (date(2026, 4, 20), "Peer Leadership Programme — Cohort 1"),
    )
    assert [s.label for s in result.sessions[:3]] == [
        "Session 1: Welcome",
        "Session 2: Lived experience as expertise",
        "Session 3",
    ]
    assert result.sessions[0].meeting.times == "10:00–12:30"
    assert result.sessions[0].meeting.venue == "Riverside Voices office"
    assert cohorts_cohorts.get_cohort(session, coordinator, c).end_on == date(2026, 6, 1)
    # generating every group's meetings later never adds cohort sessions again
    meetings_generate.generate_meetings(
        session, coordinator, date(2026, 3, 1), date(2026, 12, 31), today=TODAY
    )
    assert len(cohorts_sessions.list_sessions(session, coordinator, c)) == 6
    with pytest.raises(ValidationError, match="already has sessions"):
        cohorts_sessions.plan_sessions(session, coordinator, c, pattern, today=TODAY)


def test_sessions_added_changed_and_removed_one_by_one(session, coordinator) -> None:
    c = cohort(session, coordinator, programme(session, coordinator))
    cohorts_cohorts.set_cohort_status(session, coordinator, c, CohortStatus.RUNNING)
    with pytest.raises(ValidationError) as error:
        cohorts_sessions.add_session(session, coordinator, c, SessionInput(date(2026, 1, 6)))
    assert error.value.field == "start_time"
    second = cohorts_sessions.add_session(
        session,
        coordinator,
        c,
        SessionInput(date(2026, 1, 13), "Power and influence", time(14), time(16)),
    )
    first = cohorts_sessions.add_session(
        session, coordinator, c, SessionInput(date(2026, 1, 6), "Welcome", time(14), time(16))
    )
    assert (first.number, first.label) == (1, "Session 1: Welcome")
    listed = cohorts_sessions.list_sessions(session, coordinator, c)
    assert [s.label for s in listed] == ["Session 1: Welcome", "Session 2: Power and influence"]
    moved = cohorts_sessions.update_session(
        session,
        coordinator,
        second.meeting.id,
        SessionInput(date(2026, 1, 6), "Power and influence", time(10), time(12)),
        today=TODAY,
    )
    assert moved.number == 1  # before the other session that day
    m = person(session, coordinator, "Aisha Khan")
    enrolled(session, coordinator, c, m)
    attend(session, coordinator, listed, {1: {m}}, date(2026, 1, 6))
    with pytest.raises(ValidationError, match="cancel it instead"):
        cohorts_sessions.delete_session(session, coordinator, first.meeting.id)
    cohorts_sessions.delete_session(session, coordinator, second.meeting.id)
    assert [s.meeting.id for s in cohorts_sessions.list_sessions(session, coordinator, c)] == [
        first.meeting.id
    ]
    # the session is an ordinary meeting for the meetings screens
    meeting = meetings_meetings.get_meeting(session, coordinator, first.meeting.id)
    assert meeting.group_kind is GroupKind.LEADERSHIP_COHORT and meeting.topic == "Welcome"


def test_a_cohort_with_people_is_kept_an_empty_one_can_go(session, coordinator) -> None:
    p = programme(session, coordinator)
    empty = cohort(session, coordinator, p, "Cohort 9")
    plan(session, coordinator, empty, 3)
    cohorts_cohorts.delete_cohort(session, coordinator, empty)
    assert cohorts_cohorts.list_cohorts(session, coordinator) == []
    assert meetings_groups.list_groups(session, coordinator, include_cohorts=True) == []
    used = cohort(session, coordinator, p, "Cohort 1")
    enrolled(session, coordinator, used, person(session, coordinator, "Aisha Khan"))
    with pytest.raises(ValidationError, match="kept"):
        cohorts_cohorts.delete_cohort(session, coordinator, used)
