"""Walk-ins found or added with consent, and facilitators limited to the groups they run."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from involve_desktop.core.errors import PermissionDenied, ValidationError
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.people import Member
from involve_desktop.core.services import audit, members
from involve_desktop.core.services.meetings_attendance import attendance_sheet, set_attendance
from involve_desktop.core.services.meetings_dto import (
    AttendanceState,
    GroupInput,
    MeetingInput,
    WalkInInput,
)
from involve_desktop.core.services.meetings_generate import generate_meetings
from involve_desktop.core.services.meetings_groups import (
    create_group,
    list_groups,
    set_group_accounts,
    set_group_members,
)
from involve_desktop.core.services.meetings_meetings import add_meeting, list_meetings
from involve_desktop.core.services.meetings_walk_in import (
    add_walk_in,
    create_walk_in,
    find_walk_in,
    match_labels,
)
from involve_desktop.core.services.members import PossibleDuplicateError
from tests.core.meetings.helpers import TODAY, group, person

P = AttendanceState.PRESENT


@pytest.fixture
def past_meeting(session, coordinator) -> int:
    g = group(session, coordinator)
    return add_meeting(session, coordinator, g, MeetingInput(date(2026, 2, 24))).id


def test_typing_a_name_finds_the_existing_member(session, coordinator, past_meeting) -> None:
    jo = person(session, coordinator, "Joanne Smith", preferred="Jo")
    person(session, coordinator, "Joseph Smithson")
    person(session, coordinator, "Aisha Khan")
    found = find_walk_in(session, coordinator, "jo smith")
    assert [(m.member_id, m.exact) for m in found[:1]] == [(jo, True)]
    assert [m.name for m in found] == ["Jo Smith", "Joseph Smithson"]
    assert found[0].full_name == "Joanne Smith"
    assert find_walk_in(session, coordinator, "  ") == []
    sheet = add_walk_in(session, coordinator, past_meeting, jo, today=TODAY).sheet
    assert [(r.name, r.state, r.expected) for r in sheet.rows] == [("Jo Smith", P, False)]


def test_two_people_of_the_same_name_are_told_apart(session, coordinator, past_meeting) -> None:
    came = person(session, coordinator, "Daniel Smith", preferred="Dan", joined=date(2024, 3, 4))
    person(session, coordinator, "Daniel Smith", preferred="Dan", joined=date(2025, 9, 1))
    person(session, coordinator, "Danielle Smithers")
    add_walk_in(session, coordinator, past_meeting, came, today=TODAY)
    found = find_walk_in(session, coordinator, "dan smith")
    labels = match_labels(found)
    assert len(set(labels)) == len(labels) == 3
    by_id = dict(zip((m.member_id for m in found), labels, strict=True))
    assert by_id[came] == "Dan Smith (Daniel Smith; joined Mar 2024, last came Tue 24 Feb 2026)"
    assert "Dan Smith (Daniel Smith; joined Sep 2025, not come yet)" in labels
    assert "Danielle Smithers (joined Jan 2024, not come yet)" in labels  # one of a kind too


def test_a_new_walk_in_with_an_existing_name_is_refused(session, coordinator, past_meeting) -> None:
    person(session, coordinator, "Joanne Smith", preferred="Jo", phone="07700 900123")
    with pytest.raises(PossibleDuplicateError) as error:
        create_walk_in(
            session,
            coordinator,
            past_meeting,
            WalkInInput("Jo Smith", phone="07700 900456", consent=True),
            today=TODAY,
        )
    assert "Jo Smith" in error.value.message
    assert session.scalar(select(func.count(Member.id))) == 1
    added = create_walk_in(
        session,
        coordinator,
        past_meeting,
        WalkInInput("Jo Smith", phone="07700 900456"),
        allow_duplicate=True,
        today=TODAY,
    )
    assert added.created and session.scalar(select(func.count(Member.id))) == 2


def test_a_new_walk_in_is_added_with_consent_and_marked_present(
    session, coordinator, past_meeting
) -> None:
    added = create_walk_in(
        session,
        coordinator,
        past_meeting,
        WalkInInput("Ngozi Eze", email="ngozi@example.org", consent=True),
        today=TODAY,
    )
    record = members.get_member(session, coordinator, added.member_id, today=TODAY)
    assert record.date_joined == date(2026, 2, 24)  # the meeting's day
    consent = record.current_consent
    assert consent is not None and consent.keeping_records and consent.contact_email
    assert not consent.contact_phone
    assert [(r.name, r.state) for r in added.sheet.rows] == [("Ngozi Eze", P)]
    trail = [e.changes for e in audit.list_entries(session, coordinator, "member", added.member_id)]
    assert any("consent recorded" in (c or {}) for c in trail)
    declined = create_walk_in(
        session, coordinator, past_meeting, WalkInInput("Sam Lee", consent=False), today=TODAY
    )
    consent = members.get_member(session, coordinator, declined.member_id).current_consent
    assert consent is not None and not consent.keeping_records
    unasked = create_walk_in(session, coordinator, past_meeting, WalkInInput("Kit Jones"))
    assert members.get_member(session, coordinator, unasked.member_id).consents == ()


def test_a_walk_in_that_fails_leaves_nothing_behind(session, coordinator, past_meeting) -> None:
    with pytest.raises(ValidationError) as error:
        create_walk_in(
            session, coordinator, past_meeting, WalkInInput("Ngozi Eze", phone="12"), today=TODAY
        )
    assert error.value.field == "phone"
    assert session.scalar(select(func.count(Member.id))) == 0
    assert attendance_sheet(session, coordinator, past_meeting).rows == ()


def _denials(session) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).where(AuditEntry.action == "denied")))


def test_a_facilitator_runs_only_the_groups_their_account_is_linked_to(
    session, coordinator, facilitator
) -> None:
    mine = group(session, coordinator, "Tuesday Peer Support")
    other = group(session, coordinator, "Council")
    aisha = person(session, coordinator, "Aisha Khan")
    set_group_accounts(session, coordinator, mine, [facilitator.account_id])
    for g in (mine, other):
        add_meeting(session, coordinator, g, MeetingInput(date(2026, 2, 24)))
    assert [g.name for g in list_groups(session, facilitator)] == ["Tuesday Peer Support"]
    [meeting] = list_meetings(session, facilitator)
    assert meeting.group_id == mine
    set_attendance(session, facilitator, meeting.id, {aisha: P}, today=TODAY)
    set_group_members(session, facilitator, mine, [aisha], today=TODAY)
    result = generate_meetings(session, facilitator, TODAY, date(2026, 3, 10), today=TODAY)
    assert result.created == 2  # only their own group's two Tuesdays
    [theirs] = list_meetings(session, coordinator, other)
    with pytest.raises(PermissionDenied, match="not one of those running Council"):
        set_attendance(session, facilitator, theirs.id, {aisha: P}, today=TODAY)
    with pytest.raises(PermissionDenied):
        add_meeting(session, facilitator, other, MeetingInput(date(2026, 3, 1)))
    with pytest.raises(PermissionDenied):
        list_meetings(session, facilitator, other)
    [first, second, third] = _denials(session)
    assert (first.entity, first.entity_id, first.account_name) == ("run_meetings", other, "Fran")
    assert first.changes == {"attempted": "record attendance for this group", "group": "Council"}
    assert third.entity == "view_meetings"
    assert attendance_sheet(session, coordinator, theirs.id).rows == ()


def test_a_facilitator_cannot_set_groups_up(session, coordinator, facilitator) -> None:
    mine = group(session, coordinator)
    set_group_accounts(session, coordinator, mine, [facilitator.account_id])
    with pytest.raises(PermissionDenied, match="facilitator"):
        create_group(session, facilitator, GroupInput("My own group"))
    with pytest.raises(PermissionDenied):
        set_group_accounts(session, facilitator, mine, [facilitator.account_id])
    assert len(_denials(session)) == 2
    assert [g.name for g in list_groups(session, coordinator)] == ["Tuesday Peer Support"]


def test_an_erased_person_is_never_offered_as_a_walk_in(session, coordinator) -> None:
    from involve_desktop.core.services import gdpr_erasure

    gone = person(session, coordinator, "Jo Smith")
    kept = person(session, coordinator, "Jo Smithers")
    gdpr_erasure.erase_member(session, coordinator, gone, "Jo Smith")
    assert [m.member_id for m in find_walk_in(session, coordinator, "jo smith")] == [kept]
    assert find_walk_in(session, coordinator, "Erased") == []
    assert find_walk_in(session, coordinator, f"Erased person {gone}") == []
