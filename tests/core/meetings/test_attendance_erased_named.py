"""Saving attendance that holds someone erased under GDPR: refused, naming them and the fix;
apologies ahead of a meeting saved from the list (only the changed marks), present refused."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import gdpr_erasure
from involve_desktop.core.services.meetings_attendance import set_attendance
from involve_desktop.core.services.meetings_dto import AttendanceState, MeetingInput
from involve_desktop.core.services.meetings_meetings import add_meeting
from tests.core.meetings.helpers import TODAY, group, person

P, A = AttendanceState.PRESENT, AttendanceState.APOLOGIES
LAST_WEEK, NEXT_WEEK = TODAY - timedelta(days=6), TODAY + timedelta(days=8)
NOW = datetime(2026, 3, 2, 10, 0)


@pytest.fixture
def held(session, coordinator) -> dict:
    """An open group Alan, Bea and Cal came to last week; meetings today and next week;
    Alan and Bea are then erased."""
    g = group(session, coordinator)
    alan = person(session, coordinator, "Alan Wright")
    bea = person(session, coordinator, "Bea Young")
    cal = person(session, coordinator, "Cal Zane")
    before = add_meeting(session, coordinator, g, MeetingInput(LAST_WEEK)).id
    set_attendance(session, coordinator, before, {alan: P, bea: P, cal: P}, today=TODAY)
    today = add_meeting(session, coordinator, g, MeetingInput(TODAY)).id
    ahead = add_meeting(session, coordinator, g, MeetingInput(NEXT_WEEK)).id
    for member_id, name in ((alan, "Alan Wright"), (bea, "Bea Young")):
        gdpr_erasure.erase_member(session, coordinator, member_id, name, now=NOW)
    return {"alan": alan, "bea": bea, "cal": cal, "today": today, "ahead": ahead}


def test_an_erased_person_marked_on_the_list_is_named_with_what_to_do(session, coordinator, held):
    alan, cal = held["alan"], held["cal"]
    # Erased people have left, so they are not expected; the list gets them from a walk-in
    # typed in, or when it was opened before the erasure.
    with pytest.raises(ValidationError) as error:
        set_attendance(
            session, coordinator, held["today"], {alan: P, cal: P}, today=TODAY, loaded={}
        )
    assert error.value.field == "attendance"
    assert str(error.value) == (
        f"Erased person {alan}'s record was erased, so they cannot be recorded at a meeting. "
        "Clear their mark (Delete on their row), then save the others."
    )
    session.rollback()
    # Doing what it says saves the others.
    sheet = set_attendance(
        session, coordinator, held["today"], {alan: None, cal: P}, today=TODAY, loaded={}
    )
    assert {r.member_id: r.state for r in sheet.rows if r.state} == {cal: P}


def test_two_erased_people_are_both_named(session, coordinator, held):
    alan, bea = held["alan"], held["bea"]
    with pytest.raises(ValidationError) as error:
        set_attendance(
            session, coordinator, held["today"], {alan: P, bea: A}, today=TODAY, loaded={}
        )
    assert str(error.value).startswith(
        f"The records of Erased person {alan} and Erased person {bea} were erased, so they "
        "cannot be recorded at a meeting. Clear their marks"
    )


def test_without_the_list_the_message_still_names_them(session, coordinator, held):
    """Scripts and the demo save without ``loaded``: who and why, no keys to press."""
    alan = held["alan"]
    with pytest.raises(ValidationError) as error:
        set_attendance(session, coordinator, held["today"], {alan: P}, today=TODAY)
    assert str(error.value) == (
        f"Erased person {alan}'s record was erased, so they cannot be recorded at a meeting."
    )


def test_apologies_ahead_of_a_meeting_save_from_the_list_but_present_does_not(
    session, coordinator, held
):
    cal, ahead = held["cal"], held["ahead"]
    sheet = set_attendance(session, coordinator, ahead, {cal: A}, today=TODAY, loaded={})
    assert {r.member_id: r.state for r in sheet.rows if r.state} == {cal: A}
    with pytest.raises(ValidationError, match="has not happened yet"):
        set_attendance(session, coordinator, ahead, {cal: P}, today=TODAY, loaded={cal: A})
    session.rollback()
    sheet = set_attendance(session, coordinator, ahead, {cal: None}, today=TODAY, loaded={cal: A})
    assert not [r for r in sheet.rows if r.state]
