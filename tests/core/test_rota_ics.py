"""A person's shifts as iCalendar, parsed back with the icalendar library."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.services import rota_assign, rota_ics, rota_shifts
from tests.core.rota.conftest import facilitator  # noqa: F401 - fixture
from tests.core.rota.helpers import TUE, peer, shift, site

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def aisha_shifts(session, coordinator) -> tuple[int, list[int]]:
    """Aisha on two Ward 4 shifts (one after the clock change) and a cancelled one."""
    ward = site(session, coordinator, "Ward 4", address="Riverside Hospital\nRiver Road")
    aisha = peer(session, coordinator, "Aisha Khan")
    ids = [
        shift(session, coordinator, ward, TUE, time(9), time(13)),
        shift(session, coordinator, ward, date(2026, 4, 7), time(14), time(18)),
        shift(session, coordinator, ward, date(2026, 3, 10), time(9), time(13)),
    ]
    for shift_id in ids:
        rota_assign.assign(session, coordinator, shift_id, aisha)
    rota_shifts.cancel_shift(session, coordinator, ids[2], "Ward closed for cleaning")
    return aisha, ids


def events(data: bytes) -> list:
    return [c for c in Calendar.from_ical(data).walk() if c.name == "VEVENT"]


def test_one_event_per_shift_with_summary_place_and_london_times(
    session, coordinator, aisha_shifts
) -> None:
    aisha, ids = aisha_shifts
    data = rota_ics.person_calendar(
        session, coordinator, aisha, date(2026, 3, 1), date(2026, 4, 30)
    )
    found = [e for e in events(data) if str(e["status"]) == "CONFIRMED"]
    assert len(found) == 2
    first, second = sorted(found, key=lambda e: e.decoded("dtstart"))
    assert str(first["summary"]) == "Peer support shift — Ward 4"
    assert str(first["location"]) == "Riverside Hospital, River Road"
    assert first.decoded("dtstart") == datetime(2026, 3, 3, 9, tzinfo=LONDON)
    assert first.decoded("dtend") == datetime(2026, 3, 3, 13, tzinfo=LONDON)
    start = second.decoded("dtstart")
    assert start.utcoffset().total_seconds() == 3600  # British Summer Time
    assert start.hour == 14
    assert str(first["uid"]) == rota_ics.event_uid(ids[0], aisha)
    assert b"BEGIN:VTIMEZONE" in data and b"TZID:Europe/London" in data


def test_uids_are_stable_between_exports(session, coordinator, aisha_shifts) -> None:
    aisha, _ = aisha_shifts
    period = (date(2026, 3, 1), date(2026, 4, 30))
    once = {
        str(e["uid"])
        for e in events(rota_ics.person_calendar(session, coordinator, aisha, *period))
    }
    again = {
        str(e["uid"])
        for e in events(rota_ics.person_calendar(session, coordinator, aisha, *period))
    }
    assert once == again and len(once) == 3


def test_a_cancelled_shift_is_sent_as_cancelled_so_the_phone_shows_it_off(
    session, coordinator, aisha_shifts
) -> None:
    aisha, ids = aisha_shifts
    data = rota_ics.person_calendar(
        session, coordinator, aisha, date(2026, 3, 1), date(2026, 4, 30)
    )
    (off,) = [e for e in events(data) if str(e["status"]) == "CANCELLED"]
    assert str(off["uid"]) == rota_ics.event_uid(ids[2], aisha)  # same event as before
    assert off.decoded("sequence") == rota_ics.CANCELLED_SEQUENCE
    assert str(off["summary"]) == "Cancelled: Peer support shift — Ward 4"


def test_only_coordinators_may_export(session, facilitator, aisha_shifts) -> None:  # noqa: F811
    with pytest.raises(PermissionDenied):
        rota_ics.person_calendar(session, facilitator, aisha_shifts[0], TUE, TUE)


def test_nobody_on_shift_gives_an_empty_calendar(session, coordinator, aisha_shifts) -> None:
    data = rota_ics.person_calendar(session, coordinator, 999, date(2026, 3, 1), date(2026, 3, 31))
    assert events(data) == []
    assert Calendar.from_ical(data)["prodid"] == rota_ics.PRODUCT_ID
