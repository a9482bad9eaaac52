"""Council majority rule, group summaries and a person's record, against hand-worked numbers."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import involvement
from involve_desktop.core.services.meetings_attendance import set_attendance
from involve_desktop.core.services.meetings_council import council_composition, is_majority
from involve_desktop.core.services.meetings_dto import (
    AttendanceState,
    GroupKind,
    MeetingInput,
    MonthPoint,
)
from involve_desktop.core.services.meetings_groups import set_group_accounts
from involve_desktop.core.services.meetings_history import person_attendance
from involve_desktop.core.services.meetings_meetings import add_meeting, cancel_meeting
from involve_desktop.core.services.meetings_summary import group_summary
from tests.core.meetings.helpers import TODAY, group, person

P, A = AttendanceState.PRESENT, AttendanceState.APOLOGIES


def meeting(session, actor, group_id, day, **kw) -> int:
    return add_meeting(session, actor, group_id, MeetingInput(day, **kw)).id


@pytest.mark.parametrize(
    ("present", "lived", "majority"),
    [(0, 0, False), (1, 1, True), (4, 2, False), (5, 3, True), (6, 3, False), (3, 2, True)],
)
def test_majority_means_strictly_more_than_half(present, lived, majority) -> None:
    assert is_majority(present, lived) is majority


@pytest.fixture
def council(session, coordinator) -> dict[str, int]:
    """Hand-worked council: 4 meetings recorded, 1 held but not typed in, 1 cancelled."""
    g = group(session, coordinator, "Management Council", kind=GroupKind.MANAGEMENT_COUNCIL)
    people = {
        "l1": person(session, coordinator, "Lee One", lived=True),
        "l2": person(session, coordinator, "Lou Two", lived=True),
        "l3": person(session, coordinator, "Lyn Three", lived=True),
        "w1": person(session, coordinator, "Wes Staff", lived=False),
        "w2": person(session, coordinator, "Win Ally", lived=False),
        "u1": person(session, coordinator, "Uma Unknown"),
    }
    plan = [
        (date(2026, 2, 3), ["l1", "l2", "w1"]),  # 2 of 3: majority
        (date(2026, 2, 10), ["l1", "l2", "w1", "w2"]),  # 2 of 4: exactly half, not a majority
        (date(2026, 2, 17), ["l1", "l2", "l3", "w1", "u1"]),  # 3 of 5: majority
        (date(2026, 2, 24), ["l1", "w1", "u1"]),  # 1 of 3 (1 unknown): not a majority
    ]
    for day, who in plan:
        m = meeting(session, coordinator, g, day)
        set_attendance(session, coordinator, m, {people[k]: P for k in who}, today=TODAY)
    meeting(session, coordinator, g, date(2026, 2, 26))  # held, attendance not typed in
    cancel_meeting(session, coordinator, meeting(session, coordinator, g, date(2026, 2, 5)), "Snow")
    meeting(session, coordinator, g, date(2026, 3, 10))  # not held yet
    return {"group": g, **people}


def test_council_majority_per_meeting_and_overall(session, coordinator, council) -> None:
    result = council_composition(
        session, coordinator, council["group"], date(2026, 2, 1), date(2026, 3, 31), today=TODAY
    )
    assert [
        (m.present, m.lived_experience, m.without, m.unknown, m.majority) for m in result.meetings
    ] == [
        (3, 2, 1, 0, True),
        (4, 2, 2, 0, False),
        (5, 3, 1, 1, True),
        (3, 1, 1, 1, False),
    ]
    assert result.meetings[0].warning is None
    assert result.meetings[3].warning == (
        "Members with lived experience were not the majority at this meeting: 1 of 3 present "
        "(1 not known). A management council needs more than half of those present to have "
        "lived experience."
    )
    assert (result.present, result.lived_experience, result.without, result.unknown) == (
        15,
        8,
        5,
        2,
    )
    assert result.majority  # 8 of 15 attendances
    assert (result.meetings_without_majority, result.not_recorded) == (2, 1)
    assert "not the majority at 2 meetings: Tue 10 Feb 2026, Tue 24 Feb 2026" in result.warning
    names = {p.name: (p.lived_experience, p.meetings) for p in result.people}
    assert names["Uma Unknown"] == (None, 2) and names["Lee One"] == (True, 4)


def test_council_majority_only_for_accounts_without_restricted_access(
    session, coordinator, facilitator, council
) -> None:
    set_group_accounts(session, coordinator, council["group"], [facilitator.account_id])
    result = council_composition(
        session, facilitator, council["group"], date(2026, 2, 1), date(2026, 2, 28), today=TODAY
    )
    assert result.people is None
    assert result.lived_experience is None and result.unknown is None  # no counts
    assert [m.majority for m in result.meetings] == [True, False, True, False]
    assert result.meetings_without_majority == 2
    assert "Uma" not in repr(result)


def test_overall_warning_when_lived_experience_is_not_the_majority(session, coordinator) -> None:
    g = group(session, coordinator, "Council", kind=GroupKind.MANAGEMENT_COUNCIL)
    lived = person(session, coordinator, "Lee One", lived=True)
    staff = person(session, coordinator, "Wes Staff", lived=False)
    m = meeting(session, coordinator, g, date(2026, 2, 3))
    set_attendance(session, coordinator, m, {lived: P, staff: P}, today=TODAY)
    result = council_composition(
        session, coordinator, g, date(2026, 2, 1), date(2026, 2, 28), today=TODAY
    )
    assert not result.majority
    assert result.warning.startswith(
        "Over the period, members with lived experience were not the majority: 1 of 2"
    )


def test_only_councils_have_a_majority_to_check(session, coordinator) -> None:
    g = group(session, coordinator)
    with pytest.raises(ValidationError, match="not a management council"):
        council_composition(session, coordinator, g, date(2026, 1, 1), date(2026, 2, 1))


@pytest.fixture
def history(session, coordinator) -> dict[str, int]:
    """Hand-worked open group: see the assertions for the sums."""
    g = group(session, coordinator, "Tuesday Peer Support")
    a = person(session, coordinator, "Aisha Khan")
    b = person(session, coordinator, "Ben Okafor")
    c = person(session, coordinator, "Cara Jones")
    d = person(session, coordinator, "Dev Patel")
    plan = [
        (date(2025, 12, 16), {a: P}, ()),
        (date(2026, 1, 6), {a: P, b: P, c: A}, ()),
        (date(2026, 1, 13), {a: P}, ()),
        (date(2026, 2, 3), {a: P, b: P, d: P}, (d,)),
    ]
    for day, states, facilitators in plan:
        m = meeting(session, coordinator, g, day, facilitator_ids=facilitators)
        set_attendance(session, coordinator, m, states, today=TODAY)
    cancel_meeting(session, coordinator, meeting(session, coordinator, g, date(2026, 1, 20)), "Ice")
    meeting(session, coordinator, g, date(2026, 2, 10))  # held, not typed in
    meeting(session, coordinator, g, date(2026, 3, 10))  # not held yet
    return {"group": g, "a": a, "b": b, "c": c, "d": d}


def test_group_summary_matches_the_hand_worked_numbers(session, coordinator, history) -> None:
    s = group_summary(
        session, coordinator, history["group"], date(2026, 1, 1), date(2026, 3, 31), today=TODAY
    )
    assert (s.meetings_held, s.meetings_cancelled, s.meetings_not_recorded) == (4, 1, 1)
    assert (s.total_present, s.average_attendance) == (6, 1.5)
    assert (s.unique_attendees, s.newcomers) == (3, 2)  # Aisha first came in December
    assert s.months == (
        MonthPoint(date(2026, 1, 1), 2, 3, 1.5),
        MonthPoint(date(2026, 2, 1), 2, 3, 1.5),
        MonthPoint(date(2026, 3, 1), 0, 0, None),
    )


def test_a_persons_record_and_involvement_history(session, coordinator, history) -> None:
    aisha = person_attendance(session, coordinator, history["a"], today=TODAY)
    [at_group] = aisha.groups
    assert (at_group.attended, at_group.apologies, at_group.facilitated) == (4, 0, 0)
    assert (at_group.first_attended, at_group.last_attended) == (
        date(2025, 12, 16),
        date(2026, 2, 3),
    )
    cara = person_attendance(session, coordinator, history["c"], today=TODAY)
    assert (cara.attended, cara.apologies) == (0, 1)
    dev = person_attendance(session, coordinator, history["d"], today=TODAY)
    assert (dev.attended, dev.facilitated) == (1, 1)
    items = involvement.history(session, coordinator, history["d"])
    assert [(i.on, i.area, i.description) for i in items] == [
        (date(2026, 2, 3), "Meetings", "Facilitated: Tuesday Peer Support")
    ]
    items = involvement.history(session, coordinator, history["a"])
    assert [i.description for i in items] == ["Attended: Tuesday Peer Support"] * 4
    assert involvement.history(session, coordinator, history["c"]) == []
