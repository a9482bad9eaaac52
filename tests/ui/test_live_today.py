"""Screens left open past midnight move on to the new day (``ui.today.LiveToday``)."""

from __future__ import annotations

from datetime import date, time

import pytest

from involve_desktop.core.services.meetings_dto import GroupKind, MeetingInfo
from involve_desktop.ui import today as today_module
from involve_desktop.ui.meetings.meetings_columns import meeting_columns
from involve_desktop.ui.today import LiveToday


class _Screen:
    today = LiveToday()

    def __init__(self, today: date | None) -> None:
        self.today = today


class _Clock(date):
    """``date`` whose today() a test moves on."""

    now = date(2026, 11, 27)

    @classmethod
    def today(cls) -> date:
        return cls.now


@pytest.fixture
def clock(monkeypatch):
    monkeypatch.setattr(today_module, "date", _Clock)
    _Clock.now = date(2026, 11, 27)
    return _Clock


def test_a_fixed_day_stays_fixed(clock):
    screen = _Screen(date(2026, 3, 3))
    clock.now = date(2026, 11, 28)
    assert screen.today == date(2026, 3, 3)


def test_no_fixed_day_follows_the_clock_past_midnight(clock):
    screen = _Screen(None)
    assert screen.today == date(2026, 11, 27)
    clock.now = date(2026, 11, 28)
    assert screen.today == date(2026, 11, 28)


def _meeting(day: date, apologies: int = 0) -> MeetingInfo:
    return MeetingInfo(
        id=1,
        group_id=1,
        group_name="Tuesday Peer Support",
        group_kind=GroupKind.PEER_SUPPORT,
        day=day,
        start_time=time(14),
        end_time=time(16),
        venue=None,
        topic=None,
        facilitators=(),
        from_schedule=True,
        cancelled=False,
        cancelled_reason=None,
        attendance_recorded_at=None,
        attendance_recorded_by=None,
        present=0,
        apologies=apologies,
    )


def _column(title: str, screen: _Screen):
    return next(c for c in meeting_columns(lambda: screen.today) if c.title == title)


def test_the_meetings_state_column_reads_the_day_when_shown(clock):
    state = _column("State", _Screen(None))
    meeting = _meeting(date(2026, 11, 28))
    assert state.text(meeting) == "Upcoming"
    clock.now = date(2026, 11, 28)
    assert state.text(meeting) == "Today"


def test_apologies_given_before_a_meeting_are_counted_in_the_list(clock):
    apologies = _column("Apologies", _Screen(None))
    assert apologies.text(_meeting(date(2026, 12, 1), apologies=2)) == "2"
    assert apologies.text(_meeting(date(2026, 12, 1))) == "—"
