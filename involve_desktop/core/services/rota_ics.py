"""A person's rota shifts as an iCalendar (.ics) file for their phone or email calendar.

One VEVENT per shift they are on: summary "Peer support shift — Ward 4", the site's address as
the location, start and end in Europe/London time (with its VTIMEZONE, so phones show the
right hour across the clock change) and a UID made from the shift and person, so importing
the file again updates the same events instead of adding copies. A shift that was cancelled,
or that they were recorded as not coming to, is sent as a cancelled event (STATUS:CANCELLED,
a higher SEQUENCE) so a calendar that imported it earlier shows it as off; did-not-attend
shifts in the past are left out.

Only coordinators (who manage the rota) may export it for now; the person themself has no
account of their own in the app yet.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sqlalchemy.orm import Session

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import rota_shifts, rota_sites
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import Attendance
from involve_desktop.core.services.transaction import require

LONDON = ZoneInfo("Europe/London")
PRODUCT_ID = "-//Involve Desktop//Peer support rota//EN"
UID_DOMAIN = "involve-desktop.rota"
MAX_DAYS = 400
# SEQUENCE for a cancelled event: above the 0 its earlier, confirmed export carried.
CANCELLED_SEQUENCE = 1


def event_uid(shift_id: int, member_id: int) -> str:
    """A UID that stays the same for this person on this shift across exports."""
    return f"shift-{shift_id}-member-{member_id}@{UID_DOMAIN}"


def person_calendar(
    session: Session,
    actor: Actor,
    member_id: int,
    start: date,
    end: date,
    *,
    stamp: datetime | None = None,
) -> bytes:
    """The shifts ``member_id`` is on from ``start`` to ``end`` as iCalendar bytes.

    ``stamp`` (default now) is each event's DTSTAMP. Coordinators only.
    """
    require(session, actor, Permission.MANAGE_ROTA, "export someone's shifts")
    if end < start:
        raise ValidationError("end", "The end date must be on or after the start date.")
    if (end - start).days > MAX_DAYS:
        raise ValidationError("end", "Export at most about a year of shifts at a time.")
    addresses = {
        info.id: info.address
        for info in rota_sites.list_sites(session, actor, include_archived=True)
    }
    views = rota_shifts.shift_views(session, actor, start, end)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Peer support shifts")
    made = (stamp or datetime.now(UTC)).astimezone(UTC)
    for view in views:
        slot = view.slot
        mine = [a for a in view.assignees if a.member_id == member_id]
        if not mine or mine[0].attendance == Attendance.DID_NOT_ATTEND:
            continue
        cancelled = slot.cancelled or mine[0].attendance == Attendance.CANCELLED
        event = Event()
        event.add("uid", event_uid(slot.id, member_id))
        event.add("dtstamp", made)
        summary = f"Peer support shift — {slot.site_name}"
        if cancelled:
            event.add("status", "CANCELLED")
            event.add("sequence", CANCELLED_SEQUENCE)
            summary = f"Cancelled: {summary}"
        else:
            event.add("status", "CONFIRMED")
        event.add("summary", summary)
        event.add("dtstart", slot.start.replace(tzinfo=LONDON))
        event.add("dtend", slot.end.replace(tzinfo=LONDON))
        address = addresses.get(slot.site_id)
        event.add("location", ", ".join(address.splitlines()) if address else slot.site_name)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
