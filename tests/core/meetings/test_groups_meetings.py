"""Groups and meetings: names, members lists, one-off meetings, edits, cancelling, archive."""

from __future__ import annotations

from datetime import date, time

import pytest

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import audit
from involve_desktop.core.services.meetings_attendance import set_attendance
from involve_desktop.core.services.meetings_dto import (
    AttendanceState,
    GroupInput,
    GroupKind,
    MeetingInput,
    ScheduleInput,
)
from involve_desktop.core.services.meetings_groups import (
    delete_group,
    get_group,
    list_groups,
    set_group_accounts,
    set_group_facilitators,
    set_group_members,
)
from involve_desktop.core.services.meetings_meetings import (
    add_meeting,
    cancel_meeting,
    get_meeting,
    list_meetings,
    next_meetings,
    reinstate_meeting,
    update_meeting,
)
from tests.core.meetings.helpers import TODAY, group, person


def test_group_names_are_unique_ignoring_case(session, coordinator) -> None:
    group(session, coordinator, "Tuesday Peer Support")
    with pytest.raises(ValidationError) as error:
        group(session, coordinator, "tuesday peer support")
    assert error.value.field == "name"


def test_members_facilitators_and_accounts_are_listed_and_audited(
    session, coordinator, facilitator
) -> None:
    g = group(session, coordinator, open_membership=False, kind=GroupKind.WORKSHOP)
    zoe = person(session, coordinator, "Zoë Adams")
    aisha = person(session, coordinator, "Aisha Khan")
    ben = person(session, coordinator, "Benjamin Okafor", preferred="Ben")
    set_group_members(session, coordinator, g, [zoe, aisha], today=TODAY)
    set_group_members(session, coordinator, g, [zoe, ben], today=TODAY)
    set_group_facilitators(session, coordinator, g, [aisha])
    detail = set_group_accounts(session, coordinator, g, [facilitator.account_id])
    assert [p.name for p in detail.members] == ["Ben Okafor", "Zoë Adams"]
    assert [p.name for p in detail.facilitators] == ["Aisha Khan"]
    assert [a.display_name for a in detail.accounts] == ["Fran"]
    assert detail.group.kind is GroupKind.WORKSHOP and not detail.group.open_membership
    trail = [e.changes for e in audit.list_entries(session, coordinator, "meeting_group", g)]
    assert {"members added": "Ben Okafor", "members removed": "Aisha Khan"} in trail
    assert {"accounts added": "Fran"} in trail


def test_one_off_meeting_takes_the_groups_times_venue_and_facilitators(
    session, coordinator
) -> None:
    g = group(session, coordinator)
    aisha = person(session, coordinator, "Aisha Khan")
    set_group_facilitators(session, coordinator, g, [aisha])
    info = add_meeting(session, coordinator, g, MeetingInput(date(2026, 3, 7), topic="Summer trip"))
    assert (info.when, info.venue, info.topic) == (
        "Sat 7 Mar 2026 14:00–16:00",
        "Oak Street Community Centre",
        "Summer trip",
    )
    assert [p.name for p in info.facilitators] == ["Aisha Khan"]
    assert not info.from_schedule
    own = add_meeting(
        session,
        coordinator,
        g,
        MeetingInput(date(2026, 3, 8), time(10), time(11), "Library", facilitator_ids=()),
    )
    assert (own.times, own.venue, own.facilitators) == ("10:00–11:00", "Library", ())


def test_a_group_without_regular_times_needs_them_on_each_meeting(session, coordinator) -> None:
    g = group(session, coordinator, "One-offs", schedule=ScheduleInput())
    with pytest.raises(ValidationError) as error:
        add_meeting(session, coordinator, g, MeetingInput(date(2026, 3, 7)))
    assert error.value.field == "start_time"


def test_editing_a_meeting_is_audited_with_before_and_after(session, coordinator) -> None:
    g = group(session, coordinator)
    m = add_meeting(session, coordinator, g, MeetingInput(date(2026, 3, 10)))
    changed = update_meeting(
        session,
        coordinator,
        m.id,
        MeetingInput(date(2026, 3, 11), time(15), time(17), "Library", "Planning"),
        today=TODAY,
    )
    assert (changed.when, changed.venue, changed.topic) == (
        "Wed 11 Mar 2026 15:00–17:00",
        "Library",
        "Planning",
    )
    [entry] = [
        e for e in audit.list_entries(session, coordinator, "meeting", m.id) if e.action == "update"
    ]
    assert entry.changes["day"] == ["2026-03-10", "2026-03-11"]
    assert entry.changes["venue"] == ["Oak Street Community Centre", "Library"]


def test_cancelled_meetings_stay_listed_and_can_be_reinstated(session, coordinator) -> None:
    g = group(session, coordinator)
    m = add_meeting(session, coordinator, g, MeetingInput(date(2026, 3, 10)))
    with pytest.raises(ValidationError):
        cancel_meeting(session, coordinator, m.id, "   ")
    cancel_meeting(session, coordinator, m.id, "Venue flooded")
    listed = list_meetings(session, coordinator, g)
    assert [(x.cancelled, x.cancelled_reason) for x in listed] == [(True, "Venue flooded")]
    assert list_meetings(session, coordinator, g, include_cancelled=False) == []
    assert next_meetings(session, coordinator, g, 5, TODAY) == []
    with pytest.raises(ValidationError):
        update_meeting(session, coordinator, m.id, MeetingInput(date(2026, 3, 12)))
    assert not reinstate_meeting(session, coordinator, m.id).cancelled
    assert [x.id for x in next_meetings(session, coordinator, g, 5, TODAY)] == [m.id]


def test_a_meeting_with_people_present_cannot_be_cancelled(session, coordinator) -> None:
    g = group(session, coordinator)
    aisha = person(session, coordinator, "Aisha Khan")
    m = add_meeting(session, coordinator, g, MeetingInput(date(2026, 2, 24)))
    set_attendance(session, coordinator, m.id, {aisha: AttendanceState.PRESENT}, today=TODAY)
    with pytest.raises(ValidationError, match="clear the attendance"):
        cancel_meeting(session, coordinator, m.id, "Mistake")
    assert not get_meeting(session, coordinator, m.id).cancelled


def test_groups_with_meetings_are_archived_not_deleted(session, coordinator) -> None:
    empty = group(session, coordinator, "Made by mistake")
    used = group(session, coordinator, "Tuesday Peer Support")
    add_meeting(session, coordinator, used, MeetingInput(date(2026, 3, 10)))
    delete_group(session, coordinator, empty)
    with pytest.raises(ValidationError, match="archive it instead"):
        delete_group(session, coordinator, used)
    assert [g.name for g in list_groups(session, coordinator)] == ["Tuesday Peer Support"]
    assert get_group(session, coordinator, used).group.name == "Tuesday Peer Support"


def test_group_kinds_have_words_for_people(session, coordinator) -> None:
    g = group(session, coordinator, "Council", kind=GroupKind.MANAGEMENT_COUNCIL)
    info = get_group(session, coordinator, g).group
    assert info.is_council and info.kind.label == "Management council"
    assert [k.label for k in GroupKind] == [
        "Peer support group",
        "Management council",
        "Forum",
        "Workshop",
        "Other",
    ]
    with pytest.raises(ValidationError) as error:
        group(session, coordinator, "Odd", kind="club")  # type: ignore[arg-type]
    assert error.value.field == "kind"
    assert GroupInput("x").schedule == ScheduleInput()
