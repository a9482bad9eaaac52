"""Expected people and recording attendance: the order, the 3-month rule, the audit trail."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import audit, members
from involve_desktop.core.services.meetings_attendance import (
    attendance_sheet,
    expected_people,
    set_attendance,
)
from involve_desktop.core.services.meetings_dto import AttendanceState, MeetingInput
from involve_desktop.core.services.meetings_groups import set_group_facilitators, set_group_members
from involve_desktop.core.services.meetings_meetings import add_meeting, cancel_meeting, get_meeting
from involve_desktop.core.services.member_dto import MemberStatus
from tests.core.meetings.helpers import TODAY, group, person

P, A = AttendanceState.PRESENT, AttendanceState.APOLOGIES


def meeting(session, actor, group_id, day) -> int:
    return add_meeting(session, actor, group_id, MeetingInput(day)).id


def names(people) -> list[str]:
    return [p.name for p in people]


def test_closed_group_expects_its_members_by_the_name_they_go_by(session, coordinator) -> None:
    g = group(session, coordinator, open_membership=False)
    zoe = person(session, coordinator, "Zoë Adams")
    shiv = person(session, coordinator, "Siobhán Ó Briain", preferred="Shiv")
    lukasz = person(session, coordinator, "Łukasz Nowak")
    aisha = person(session, coordinator, "Aisha Khan")
    walk_in = person(session, coordinator, "Dee Walker")
    set_group_members(session, coordinator, g, [zoe, shiv, lukasz, aisha], today=TODAY)
    earlier = meeting(session, coordinator, g, date(2026, 2, 17))
    set_attendance(session, coordinator, earlier, {walk_in: P}, today=TODAY)
    m = meeting(session, coordinator, g, date(2026, 2, 24))
    # "Shiv Ó Briain" sorts under S, "Łukasz" with L, "Zoë" with Z.
    expected = ["Aisha Khan", "Łukasz Nowak", "Shiv Ó Briain", "Zoë Adams"]
    assert names(expected_people(session, coordinator, m)) == expected
    # a closed group never adds people who came before


def test_open_group_adds_people_who_came_in_the_3_months_before(session, coordinator) -> None:
    g = group(session, coordinator, open_membership=True)
    regular = person(session, coordinator, "Aisha Khan")
    recent = person(session, coordinator, "Ben Okafor")
    on_the_edge = person(session, coordinator, "Cara Jones")
    too_long_ago = person(session, coordinator, "Dev Patel")
    apologies_only = person(session, coordinator, "Eve Brown")
    set_group_members(session, coordinator, g, [regular], today=TODAY)
    target = meeting(session, coordinator, g, date(2026, 3, 3))
    for day, who, state in [
        (date(2026, 2, 24), recent, P),
        (date(2025, 12, 3), on_the_edge, P),  # exactly 3 months before: still counts
        (date(2025, 12, 2), too_long_ago, P),
        (date(2026, 2, 10), apologies_only, A),
    ]:
        set_attendance(
            session, coordinator, meeting(session, coordinator, g, day), {who: state}, today=TODAY
        )
    assert names(expected_people(session, coordinator, target)) == [
        "Aisha Khan",
        "Ben Okafor",
        "Cara Jones",
    ]
    # from 17 Feb, 3 months go back to 17 Nov: Dev counts; Ben came later, so he does not
    first = meeting(session, coordinator, g, date(2026, 2, 17))
    assert names(expected_people(session, coordinator, first)) == [
        "Aisha Khan",
        "Cara Jones",
        "Dev Patel",
    ]


def test_left_members_are_never_expected_but_facilitators_are(session, coordinator) -> None:
    g = group(session, coordinator, open_membership=False)
    stays = person(session, coordinator, "Aisha Khan")
    leaves = person(session, coordinator, "Ben Okafor")
    runs_it = person(session, coordinator, "Cara Jones")
    set_group_members(session, coordinator, g, [stays, leaves], today=TODAY)
    set_group_facilitators(session, coordinator, g, [runs_it])
    members.change_status(
        session, coordinator, leaves, MemberStatus.LEFT, TODAY, reason="Moved away", today=TODAY
    )
    m = meeting(session, coordinator, g, date(2026, 3, 10))
    assert names(expected_people(session, coordinator, m)) == ["Aisha Khan", "Cara Jones"]


def test_saving_attendance_replaces_the_list_and_audits_each_change(session, coordinator) -> None:
    g = group(session, coordinator, open_membership=False)
    aisha = person(session, coordinator, "Aisha Khan")
    ben = person(session, coordinator, "Ben Okafor")
    cara = person(session, coordinator, "Cara Jones")
    set_group_members(session, coordinator, g, [aisha, ben, cara], today=TODAY)
    m = meeting(session, coordinator, g, date(2026, 2, 24))
    assert not get_meeting(session, coordinator, m).attendance_recorded
    sheet = set_attendance(session, coordinator, m, {aisha: P, ben: A, cara: None}, today=TODAY)
    assert [(r.name, r.state) for r in sheet.rows] == [
        ("Aisha Khan", P),
        ("Ben Okafor", A),
        ("Cara Jones", None),
    ]
    info = get_meeting(session, coordinator, m)
    assert (info.present, info.apologies) == (1, 1)
    assert info.attendance_recorded_by == "Sam Coordinator"
    set_attendance(session, coordinator, m, {aisha: "present", cara: "present"}, today=TODAY)
    set_attendance(session, coordinator, m, {aisha: P, cara: P}, today=TODAY)  # no change
    entries = audit.list_entries(session, coordinator, "meeting_attendance", m)
    assert [e.action for e in entries] == ["update", "create"]
    edit, first = entries
    assert first.changes == {"present": "Aisha Khan", "apologies": "Ben Okafor"}
    assert edit.changes == {
        f"Ben Okafor (#{ben})": ["apologies", "absent"],
        f"Cara Jones (#{cara})": ["absent", "present"],
    }


def test_walk_ins_follow_the_expected_people(session, coordinator) -> None:
    g = group(session, coordinator, open_membership=False)
    zoe = person(session, coordinator, "Zoë Adams")
    abe = person(session, coordinator, "Abe Walker")
    set_group_members(session, coordinator, g, [zoe], today=TODAY)
    m = meeting(session, coordinator, g, date(2026, 2, 24))
    set_attendance(session, coordinator, m, {zoe: P, abe: P}, today=TODAY)
    rows = attendance_sheet(session, coordinator, m).rows
    assert [(r.name, r.expected) for r in rows] == [("Zoë Adams", True), ("Abe Walker", False)]


def test_only_apologies_before_a_meeting_and_nothing_for_a_cancelled_one(
    session, coordinator
) -> None:
    g = group(session, coordinator)
    aisha = person(session, coordinator, "Aisha Khan")
    future = meeting(session, coordinator, g, date(2026, 3, 10))
    with pytest.raises(ValidationError, match="has not happened yet"):
        set_attendance(session, coordinator, future, {aisha: P}, today=TODAY)
    set_attendance(session, coordinator, future, {aisha: A}, today=TODAY)
    assert get_meeting(session, coordinator, future).apologies == 1
    # Apologies sent ahead are not attendance taken: the day after, it is still to type in.
    assert not get_meeting(session, coordinator, future).attendance_recorded
    set_attendance(session, coordinator, future, {aisha: P}, today=date(2026, 3, 10))
    assert get_meeting(session, coordinator, future).attendance_recorded
    set_attendance(session, coordinator, future, {aisha: A}, today=date(2026, 3, 10))
    cancelled = meeting(session, coordinator, g, date(2026, 2, 24))
    cancel_meeting(session, coordinator, cancelled, "Venue flooded")
    with pytest.raises(ValidationError, match="cancelled"):
        set_attendance(session, coordinator, cancelled, {aisha: A}, today=TODAY)
    with pytest.raises(ValidationError, match="present, apologies or absent"):
        set_attendance(session, coordinator, future, {aisha: "late"}, today=TODAY)
    with pytest.raises(ValidationError):
        set_attendance(session, coordinator, future, {99999: A}, today=TODAY)
    assert get_meeting(session, coordinator, future).apologies == 1  # nothing half-saved
