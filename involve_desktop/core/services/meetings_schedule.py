"""A group's regular schedule: checking it, the days it gives, and saying it in words.

Pure rules, no database: weekly on a weekday; fortnightly, every 14 days from an anchor day;
monthly on the Nth weekday (1st–4th, or the last); or none (one-off meetings only).
Meetings never run past midnight, so the end must be after the start.
"""

from __future__ import annotations

import calendar
from datetime import date, time, timedelta
from typing import Any

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services.meetings_dto import (
    LAST_WEEK,
    ScheduleInfo,
    ScheduleInput,
    ScheduleKind,
)
from involve_desktop.core.services.rota_dto import hhmm

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINALS = {1: "First", 2: "Second", 3: "Third", 4: "Fourth", LAST_WEEK: "Last"}


def check_times(start: time | None, end: time | None, *, required: bool) -> None:
    """Refuse a missing start or end (when ``required``) or an end not after the start."""
    if required and start is None:
        raise ValidationError("start_time", "Start time is needed for a regular schedule.")
    if required and end is None:
        raise ValidationError("end_time", "End time is needed for a regular schedule.")
    if (start is None) != (end is None):
        raise ValidationError("end_time", "Give both a start and an end time, or neither.")
    if start is not None and end is not None and end <= start:
        raise ValidationError("end_time", "End time must be after the start time.")


def schedule_values(data: ScheduleInput, today: date) -> dict[str, Any]:
    """Validated column values for a schedule; raises ValidationError naming the field."""
    try:
        kind = ScheduleKind(data.kind)
    except ValueError:
        raise ValidationError(
            "schedule", "Choose weekly, fortnightly, monthly or no regular meetings."
        ) from None
    check_times(data.start_time, data.end_time, required=kind is not ScheduleKind.NONE)
    weekday, nth, anchor = data.weekday, data.nth, data.anchor_on
    if kind is ScheduleKind.FORTNIGHTLY:
        if anchor is None:
            raise ValidationError(
                "anchor_on", "Give the date of one meeting; the group meets every 2 weeks from it."
            )
        if weekday is not None and weekday != anchor.weekday():
            raise ValidationError(
                "anchor_on",
                f"That date is a {WEEKDAYS[anchor.weekday()]}, not a {WEEKDAYS[weekday]}.",
            )
        weekday = anchor.weekday()
    elif kind in (ScheduleKind.WEEKLY, ScheduleKind.MONTHLY):
        if weekday is None or not 0 <= weekday <= 6:
            raise ValidationError("weekday", "Choose the day of the week the group meets.")
        anchor = None
    else:
        weekday, anchor = None, None
    if kind is ScheduleKind.MONTHLY:
        if nth not in ORDINALS:
            raise ValidationError(
                "nth", "Choose which week of the month: first, second, third, fourth or last."
            )
    else:
        nth = None
    valid_from = data.valid_from
    if kind is not ScheduleKind.NONE and valid_from is None:
        valid_from = anchor if anchor is not None else today
    if data.valid_to is not None and valid_from is not None and data.valid_to < valid_from:
        raise ValidationError("valid_to", "The last date must be on or after the first date.")
    return {
        "schedule": kind.value,
        "start_time": data.start_time,
        "end_time": data.end_time,
        "weekday": weekday,
        "nth": nth,
        "anchor_on": anchor,
        "valid_from": valid_from,
        "valid_to": data.valid_to,
        "skip_bank_holidays": data.skip_bank_holidays,
    }


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` (1–4, or ``LAST_WEEK``) ``weekday`` of a month: "last Friday of May"."""
    if nth == LAST_WEEK:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _in_force(schedule: ScheduleInfo, day: date) -> bool:
    return (schedule.valid_from is None or schedule.valid_from <= day) and (
        schedule.valid_to is None or day <= schedule.valid_to
    )


def schedule_days(schedule: ScheduleInfo, start: date, end: date) -> list[date]:
    """The days from ``start`` to ``end`` (inclusive) the schedule gives, within its validity
    (closed days and bank holidays are the caller's to skip)."""
    found: list[date] = []
    kind = schedule.kind
    if kind is ScheduleKind.NONE or end < start or schedule.weekday is None:
        return found
    if kind is ScheduleKind.MONTHLY and schedule.nth is not None:
        year, month = start.year, start.month
        while date(year, month, 1) <= end:
            day = nth_weekday(year, month, schedule.weekday, schedule.nth)
            if start <= day <= end:
                found.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        step = 14 if kind is ScheduleKind.FORTNIGHTLY else 7
        day = start + timedelta(days=(schedule.weekday - start.weekday()) % 7)
        anchor = schedule.anchor_on
        if kind is ScheduleKind.FORTNIGHTLY and anchor is not None and (day - anchor).days % 14:
            day += timedelta(days=7)
        while day <= end:
            found.append(day)
            day += timedelta(days=step)
    return [day for day in found if _in_force(schedule, day)]


def describe_schedule(schedule: ScheduleInfo) -> str:
    """The schedule in plain English: "Every Tuesday 14:00–16:00", "Every other Thursday
    10:00–12:00", "First Monday of the month 18:00–20:00", "No regular meetings"."""
    if schedule.kind is ScheduleKind.NONE or schedule.weekday is None:
        return ScheduleKind.NONE.label
    times = ""
    if schedule.start_time is not None and schedule.end_time is not None:
        times = f" {hhmm(schedule.start_time)}–{hhmm(schedule.end_time)}"
    day = WEEKDAYS[schedule.weekday]
    if schedule.kind is ScheduleKind.WEEKLY:
        return f"Every {day}{times}"
    if schedule.kind is ScheduleKind.FORTNIGHTLY:
        return f"Every other {day}{times}"
    return f"{ORDINALS.get(schedule.nth or 1, 'First')} {day} of the month{times}"
