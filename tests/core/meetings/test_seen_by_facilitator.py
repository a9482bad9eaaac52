"""A facilitator learns nothing they may not see: a member's involvement history keeps to the
groups and cohorts their account runs (no panels), and a council's composition gives them
whether the lived-experience majority held, never the counts."""

from __future__ import annotations

import re
from datetime import date

import pytest

from involve_desktop.core.services import (
    cohorts_cohorts,
    cohorts_progress,
    involvement,
    meetings_groups,
    panels,
)
from involve_desktop.core.services.meetings_attendance import set_attendance
from involve_desktop.core.services.meetings_council import council_composition
from involve_desktop.core.services.meetings_dto import AttendanceState, GroupKind, MeetingInput
from involve_desktop.core.services.meetings_meetings import add_meeting
from tests.core.cohorts.helpers import attend, cohort, enrolled, plan, programme
from tests.core.meetings.helpers import TODAY, group, person
from tests.core.panels.helpers import panel, seat, staff, trained

P = AttendanceState.PRESENT


def _meeting(session, actor, group_id, day, people, facilitators=()) -> int:
    m = add_meeting(session, actor, group_id, MeetingInput(day, facilitator_ids=facilitators)).id
    set_attendance(session, actor, m, {p: P for p in people}, today=TODAY)
    return m


def _graduate(session, actor, prog, name, start, member_id) -> int:
    """A one-session cohort on ``start`` that ``member_id`` came to and graduated from."""
    c = cohort(session, actor, prog, name, start=start)
    sessions = plan(session, actor, c, 1, weekday=start.weekday())
    enrolled(session, actor, c, member_id, on=start)
    attend(session, actor, sessions, {1: {member_id}}, start)
    cohorts_progress.graduate(session, actor, c, [member_id], start, today=start)
    return c


@pytest.fixture
def aisha(session, coordinator, facilitator) -> int:
    """Aisha comes to Tuesday Peer Support (Fran's group) and the Management Council (not
    Fran's), sat on a recruitment panel, and graduated from two cohorts: Fran runs Cohort 1."""
    aisha = trained(session, coordinator, "Aisha Khan")
    tuesday = group(session, coordinator, "Tuesday Peer Support")
    council = group(session, coordinator, "Management Council", kind=GroupKind.MANAGEMENT_COUNCIL)
    meetings_groups.set_group_accounts(session, coordinator, tuesday, [facilitator.account_id])
    _meeting(session, coordinator, tuesday, date(2026, 2, 3), [aisha])
    _meeting(session, coordinator, council, date(2026, 2, 5), [aisha], (aisha,))
    _meeting(session, coordinator, council, date(2026, 2, 12), [aisha])
    held = panel(session, coordinator, "Team Leader", date(2026, 2, 20))
    staff(session, coordinator, held, "Jo Manager")
    seat(session, coordinator, held, aisha)
    panels.mark_held(session, coordinator, held, today=TODAY)
    prog = programme(session, coordinator, sessions=1)
    first = _graduate(session, coordinator, prog, "Cohort 1", date(2025, 1, 7), aisha)
    _graduate(session, coordinator, prog, "Cohort 2", date(2025, 6, 3), aisha)
    cohorts_cohorts.set_cohort_accounts(session, coordinator, first, [facilitator.account_id])
    return aisha


def test_history_keeps_to_what_the_facilitator_may_see(
    session, coordinator, facilitator, aisha
) -> None:
    seen = [i.description for i in involvement.history(session, facilitator, aisha)]
    assert sorted(seen) == [
        "Attended Cohort 1 session: Peer Leadership Programme",
        "Attended: Tuesday Peer Support",
        "Graduated: Peer Leadership Programme, Cohort 1",
    ]


def test_a_coordinator_still_sees_the_whole_history(session, coordinator, aisha) -> None:
    every = [i.description for i in involvement.history(session, coordinator, aisha)]
    assert sorted(every) == [
        "Attended Cohort 1 session: Peer Leadership Programme",
        "Attended Cohort 2 session: Peer Leadership Programme",
        "Attended: Management Council",
        "Attended: Tuesday Peer Support",
        "Facilitated: Management Council",
        "Graduated: Peer Leadership Programme, Cohort 1",
        "Graduated: Peer Leadership Programme, Cohort 2",
        "Recruitment panel: Team Leader (Community Mental Health Team)",
    ]


def test_a_facilitator_linked_to_nothing_sees_no_meetings_or_cohorts(
    session, coordinator, facilitator, aisha
) -> None:
    for g in meetings_groups.list_groups(session, coordinator):
        meetings_groups.set_group_accounts(session, coordinator, g.id, [])
    for c in cohorts_cohorts.list_cohorts(session, coordinator):
        cohorts_cohorts.set_cohort_accounts(session, coordinator, c.id, [])
    assert involvement.history(session, facilitator, aisha) == []


@pytest.fixture
def council(session, coordinator, facilitator) -> dict[str, int]:
    """Fran runs the council: a meeting of five, one of Uma alone, one of Lee and Wes."""
    g = group(session, coordinator, "Management Council", kind=GroupKind.MANAGEMENT_COUNCIL)
    meetings_groups.set_group_accounts(session, coordinator, g, [facilitator.account_id])
    lee = person(session, coordinator, "Lee One", lived=True)
    lou = person(session, coordinator, "Lou Two", lived=True)
    wes = person(session, coordinator, "Wes Staff", lived=False)
    win = person(session, coordinator, "Win Ally", lived=False)
    uma = person(session, coordinator, "Uma Unknown")
    _meeting(session, coordinator, g, date(2026, 2, 3), [lee, lou, wes, win, uma])  # 2 of 5
    _meeting(session, coordinator, g, date(2026, 2, 10), [uma])  # Uma alone
    _meeting(session, coordinator, g, date(2026, 2, 17), [lee, lou, wes])  # 2 of 3
    _meeting(session, coordinator, g, date(2026, 2, 24), [lee, wes])  # 1 of 2
    return {"group": g}


def _composition(session, actor, council):
    return council_composition(
        session, actor, council["group"], date(2026, 2, 1), date(2026, 2, 28), today=TODAY
    )


def test_council_gives_a_facilitator_the_majority_but_never_the_counts(
    session, facilitator, council
) -> None:
    result = _composition(session, facilitator, council)
    assert [(m.present, m.majority) for m in result.meetings] == [
        (5, False),
        (1, None),  # one person: held or not would be Uma's answer
        (3, True),
        (2, None),
    ]
    assert all(
        (m.lived_experience, m.without, m.unknown) == (None, None, None) for m in result.meetings
    )
    assert (result.lived_experience, result.without, result.unknown, result.majority) == (
        None,
        None,
        None,
        None,
    )
    assert result.people is None and result.meetings_without_majority == 1
    assert result.meetings[1].warning is None and result.meetings[3].warning is None
    words = [result.warning, *(m.warning for m in result.meetings)]
    assert result.warning.startswith(
        "Members with lived experience were not the majority at 1 meeting: Tue 3 Feb 2026."
    )
    for text in filter(None, words):
        assert not re.search(r"\d+ of \d+|not known\)|not recorded for", text)


def test_council_counts_stay_for_a_coordinator(session, coordinator, council) -> None:
    result = _composition(session, coordinator, council)
    assert [(m.present, m.lived_experience, m.unknown, m.majority) for m in result.meetings] == [
        (5, 2, 1, False),
        (1, 0, 1, False),
        (3, 2, 0, True),
        (2, 1, 0, False),
    ]
    assert (result.lived_experience, result.present, result.majority) == (5, 11, False)
    assert {p.name for p in result.people} >= {"Uma Unknown"}
