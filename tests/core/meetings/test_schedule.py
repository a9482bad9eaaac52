"""Schedules in words and in days, and generating meetings from them."""

from __future__ import annotations

from datetime import date, time

import pytest

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services.meetings_dto import (
    LAST_WEEK,
    GroupInput,
    MeetingInput,
    ScheduleInput,
    ScheduleKind,
)
from involve_desktop.core.services.meetings_generate import generate_meetings
from involve_desktop.core.services.meetings_groups import (
    add_closed_day,
    archive_group,
    get_group,
    update_group,
)
from involve_desktop.core.services.meetings_meetings import (
    add_meeting,
    cancel_meeting,
    list_meetings,
    update_meeting,
)
from involve_desktop.core.services.meetings_schedule import nth_weekday
from tests.core.meetings.helpers import TODAY, group

GOOD_FRIDAY = date(2026, 4, 3)
EASTER_MONDAY = date(2026, 4, 6)


def days(session, actor, group_id, start=date(2026, 1, 1), end=date(2026, 12, 31)):
    return [m.day for m in list_meetings(session, actor, group_id, start, end)]


def test_schedules_in_plain_english(session, coordinator) -> None:
    weekly = group(session, coordinator, "Tuesday group")
    fortnightly = group(
        session,
        coordinator,
        "Forum",
        schedule=ScheduleInput(
            ScheduleKind.FORTNIGHTLY, time(10), time(12), anchor_on=date(2026, 3, 5)
        ),
    )
    monthly = group(
        session,
        coordinator,
        "Workshop",
        schedule=ScheduleInput(ScheduleKind.MONTHLY, time(18), time(20), weekday=0, nth=1),
    )
    last = group(
        session,
        coordinator,
        "Social",
        schedule=ScheduleInput(ScheduleKind.MONTHLY, time(18), time(21), weekday=4, nth=LAST_WEEK),
    )
    none = group(session, coordinator, "One-offs", schedule=ScheduleInput())
    described = {
        g: get_group(session, coordinator, g).group.description
        for g in (weekly, fortnightly, monthly, last, none)
    }
    assert described == {
        weekly: "Every Tuesday 14:00–16:00",
        fortnightly: "Every other Thursday 10:00–12:00",
        monthly: "First Monday of the month 18:00–20:00",
        last: "Last Friday of the month 18:00–21:00",
        none: "No regular meetings",
    }


def test_nth_weekday_of_a_month() -> None:
    assert nth_weekday(2026, 3, 0, 1) == date(2026, 3, 2)  # first Monday
    assert nth_weekday(2026, 3, 4, LAST_WEEK) == date(2026, 3, 27)  # last Friday
    assert nth_weekday(2026, 5, 4, LAST_WEEK) == date(2026, 5, 29)
    assert nth_weekday(2026, 7, 4, LAST_WEEK) == date(2026, 7, 31)  # the 31st itself
    assert nth_weekday(2026, 4, 2, 4) == date(2026, 4, 22)  # fourth Wednesday


def test_weekly_generation_on_the_weekday_only(session, coordinator) -> None:
    g = group(session, coordinator)
    result = generate_meetings(session, coordinator, TODAY, date(2026, 3, 22), today=TODAY)
    assert result.created == 3
    assert days(session, coordinator, g) == [date(2026, 3, 3), date(2026, 3, 10), date(2026, 3, 17)]
    first = list_meetings(session, coordinator, g)[0]
    assert (first.times, first.venue, first.from_schedule) == (
        "14:00–16:00",
        "Oak Street Community Centre",
        True,
    )


def test_fortnightly_runs_every_other_week_from_the_anchor(session, coordinator) -> None:
    schedule = ScheduleInput(
        ScheduleKind.FORTNIGHTLY, time(10), time(12), anchor_on=date(2026, 2, 26)
    )
    g = group(session, coordinator, "Forum", schedule=schedule)
    generate_meetings(session, coordinator, TODAY, date(2026, 4, 30), today=TODAY)
    assert days(session, coordinator, g) == [
        date(2026, 3, 12),
        date(2026, 3, 26),
        date(2026, 4, 9),
        date(2026, 4, 23),
    ]


def test_monthly_first_monday_and_last_friday(session, coordinator) -> None:
    first_monday = group(
        session,
        coordinator,
        "Workshop",
        schedule=ScheduleInput(ScheduleKind.MONTHLY, time(18), time(20), weekday=0, nth=1),
    )
    last_friday = group(
        session,
        coordinator,
        "Social",
        schedule=ScheduleInput(
            ScheduleKind.MONTHLY,
            time(18),
            time(21),
            weekday=4,
            nth=LAST_WEEK,
            skip_bank_holidays=False,
        ),
    )
    generate_meetings(session, coordinator, TODAY, date(2026, 7, 31), today=TODAY)
    # 6 April (Easter Monday) and 4 May (early May bank holiday) are bank holidays
    assert days(session, coordinator, first_monday) == [
        date(2026, 3, 2),
        date(2026, 6, 1),
        date(2026, 7, 6),
    ]
    assert days(session, coordinator, last_friday) == [
        date(2026, 3, 27),
        date(2026, 4, 24),
        date(2026, 5, 29),
        date(2026, 6, 26),
        date(2026, 7, 31),
    ]


def test_bank_holidays_skipped_unless_the_group_meets_on_them(session, coordinator) -> None:
    skips = group(
        session,
        coordinator,
        "Fridays",
        schedule=ScheduleInput(ScheduleKind.WEEKLY, time(10), time(12), weekday=4),
    )
    meets = group(
        session,
        coordinator,
        "Mondays",
        schedule=ScheduleInput(
            ScheduleKind.WEEKLY, time(10), time(12), weekday=0, skip_bank_holidays=False
        ),
    )
    result = generate_meetings(
        session, coordinator, date(2026, 4, 1), date(2026, 4, 7), today=TODAY
    )
    assert result.bank_holidays_skipped == ((GOOD_FRIDAY, "Good Friday"),)
    assert days(session, coordinator, skips) == []
    assert days(session, coordinator, meets) == [EASTER_MONDAY]


def test_closed_days_and_archived_groups_skipped(session, coordinator) -> None:
    open_one = group(session, coordinator, "Tuesday group")
    archived = group(session, coordinator, "Old group")
    add_closed_day(session, coordinator, open_one, date(2026, 3, 10), "Hall booked for a wedding")
    archive_group(session, coordinator, archived)
    result = generate_meetings(session, coordinator, TODAY, date(2026, 3, 16), today=TODAY)
    assert result.closed_skipped == ((date(2026, 3, 10), "Tuesday group"),)
    assert days(session, coordinator, open_one) == [date(2026, 3, 3)]
    assert days(session, coordinator, archived) == []


def test_generation_is_idempotent_and_starts_today(session, coordinator) -> None:
    g = group(session, coordinator)
    first = generate_meetings(
        session, coordinator, date(2026, 2, 1), date(2026, 3, 31), today=TODAY
    )
    assert first.created == 5  # 3, 10, 17, 24, 31 March; nothing in February
    again = generate_meetings(
        session, coordinator, date(2026, 2, 1), date(2026, 3, 31), today=TODAY
    )
    assert (again.created, again.already_there) == (0, 5)
    assert len(days(session, coordinator, g)) == 5
    past = generate_meetings(
        session, coordinator, date(2026, 2, 1), date(2026, 2, 28), today=TODAY, include_past=True
    )
    assert past.created == 4
    assert len(days(session, coordinator, g)) == 9


def test_moved_cancelled_and_one_off_meetings_are_never_made_again(session, coordinator) -> None:
    g = group(session, coordinator)
    generate_meetings(session, coordinator, TODAY, date(2026, 3, 17), today=TODAY)
    first, second, third = list_meetings(session, coordinator, g)
    update_meeting(session, coordinator, first.id, MeetingInput(date(2026, 3, 4)), today=TODAY)
    cancel_meeting(session, coordinator, second.id, "Facilitator unwell")
    generate_meetings(session, coordinator, TODAY, date(2026, 3, 24), today=TODAY)
    listed = list_meetings(session, coordinator, g)
    assert [m.day for m in listed] == [
        date(2026, 3, 4),
        date(2026, 3, 10),
        date(2026, 3, 17),
        date(2026, 3, 24),
    ]
    assert listed[1].cancelled and listed[1].cancelled_reason == "Facilitator unwell"
    one_off = add_meeting(session, coordinator, g, MeetingInput(date(2026, 3, 31), topic="Social"))
    result = generate_meetings(session, coordinator, TODAY, date(2026, 3, 31), today=TODAY)
    assert (result.created, result.already_there) == (0, 5)  # 3 Mar moved, yet still there
    assert [m.id for m in list_meetings(session, coordinator, g, date(2026, 3, 31))] == [one_off.id]


def test_changing_the_schedule_leaves_meetings_already_made(session, coordinator) -> None:
    g = group(session, coordinator)
    generate_meetings(
        session, coordinator, date(2026, 2, 1), date(2026, 3, 10), today=TODAY, include_past=True
    )
    before = [(m.id, m.day, m.times) for m in list_meetings(session, coordinator, g)]
    new = ScheduleInput(
        ScheduleKind.WEEKLY, time(18), time(20), weekday=3, valid_from=date(2026, 1, 1)
    )
    update_group(
        session,
        coordinator,
        g,
        GroupInput("Tuesday Peer Support", venue="Library", schedule=new),
        today=TODAY,
    )
    generate_meetings(session, coordinator, TODAY, date(2026, 3, 14), today=TODAY)
    after = list_meetings(session, coordinator, g)
    assert [(m.id, m.day, m.times) for m in after if m.id in {b[0] for b in before}] == before
    assert all(m.venue == "Oak Street Community Centre" for m in after if m.day.weekday() == 1)
    added = [m for m in after if m.id not in {b[0] for b in before}]
    assert [(m.day, m.times, m.venue) for m in added] == [
        (date(2026, 3, 5), "18:00–20:00", "Library"),
        (date(2026, 3, 12), "18:00–20:00", "Library"),
    ]


def test_valid_from_and_to_are_respected(session, coordinator) -> None:
    schedule = ScheduleInput(
        ScheduleKind.WEEKLY,
        time(14),
        time(16),
        weekday=1,
        valid_from=date(2026, 3, 10),
        valid_to=date(2026, 3, 24),
    )
    g = group(session, coordinator, schedule=schedule)
    generate_meetings(session, coordinator, TODAY, date(2026, 4, 30), today=TODAY)
    assert days(session, coordinator, g) == [
        date(2026, 3, 10),
        date(2026, 3, 17),
        date(2026, 3, 24),
    ]


@pytest.mark.parametrize(
    ("schedule", "field"),
    [
        (ScheduleInput(ScheduleKind.WEEKLY, time(14), time(16)), "weekday"),
        (ScheduleInput(ScheduleKind.WEEKLY, time(16), time(14), weekday=1), "end_time"),
        (ScheduleInput(ScheduleKind.WEEKLY, None, None, weekday=1), "start_time"),
        (ScheduleInput(ScheduleKind.FORTNIGHTLY, time(10), time(12)), "anchor_on"),
        (
            ScheduleInput(
                ScheduleKind.FORTNIGHTLY, time(10), time(12), weekday=0, anchor_on=date(2026, 3, 5)
            ),
            "anchor_on",
        ),
        (ScheduleInput(ScheduleKind.MONTHLY, time(10), time(12), weekday=0, nth=5), "nth"),
        (
            ScheduleInput(
                ScheduleKind.WEEKLY,
                time(10),
                time(12),
                weekday=0,
                valid_from=date(2026, 3, 1),
                valid_to=date(2026, 2, 1),
            ),
            "valid_to",
        ),
    ],
)
def test_bad_schedules_name_the_field(session, coordinator, schedule, field) -> None:
    with pytest.raises(ValidationError) as error:
        group(session, coordinator, schedule=schedule)
    assert error.value.field == field
