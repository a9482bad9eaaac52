"""The rota's rules as pure functions over small DTOs: no database, no clock.

Assigning by hand, cover suggestions and auto-fill all call these same functions, so they
can never disagree. Decisions:

- **Hard rules** (never overridden): the shift is not cancelled, not full, the person is not
  already on it; they hold a peer supporter or bank peer supporter role on the shift date;
  their status is active (not stepping back, not left); the shift's required training is
  current on the shift date (expiry on or after the date; no expiry counts as current);
  they are not in an unavailable period on the shift date (time off: never overridden);
  and they have no other shift whose times overlap (touching end-to-start is fine).
- **Limits** (overridable with a recorded reason): one weekly availability slot covers the
  whole shift (slots are not joined together) — outside it, a coordinator who rang them
  and heard "yes" may still put them on, with a reason; shifts in the same Monday–Sunday
  week; and planned hours in the same calendar month (by the shift's start date).
  Auto-fill never goes over any of these.
- Bookings that count: assignments on shifts that are not cancelled, except those recorded
  afterwards as "did not attend" or "cancelled".
- **Who counts toward cover** (``away_from_shift``, used by the grid, coverage figures, gaps,
  sheets and auto-fill alike): on a shift from today on, someone who has left, is stepping
  back, or has time off that day is still listed on it but does not count, so the shift
  shows as the gap it is. Past shifts are what happened and are left as they were.
- **Coverage**: covered only at or above the minimum. 0 → no one; 1 with a minimum of 2 or
  more → alone; otherwise below the minimum → short; at or above → covered, or full at the
  maximum.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from involve_desktop.core.errors import InvolveError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.rota_dto import (
    AvailabilitySlot,
    Booking,
    CoverageState,
    PersonFacts,
    Refusal,
    ShiftSlot,
    hhmm,
    plural,
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
STATUS_WORDS = {"stepping_back": "is stepping back", "left": "has left the group"}
AWAY_WORDS = {"left": "left", "stepping_back": "stepping back"}
TIME_OFF = "time off"


def span(day: date, start: time, end: time) -> tuple[datetime, datetime]:
    """Start and end of a time range on ``day``; an end at or before the start is next day."""
    begin = datetime.combine(day, start)
    finish = datetime.combine(day, end)
    if finish <= begin:
        finish += timedelta(days=1)
    return begin, finish


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """True when two time ranges share any moment (touching ends do not overlap)."""
    return a_start < b_end and b_start < a_end


def training_words(name: str) -> str:
    """ "Peer support" → "peer support" for the middle of a sentence (keeps "DBS")."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def coverage_state(count: int, min_peers: int, max_peers: int | None) -> CoverageState:
    """How covered a shift with ``count`` peers is (see the module docstring)."""
    if count >= min_peers:
        if max_peers is not None and count >= max_peers:
            return CoverageState.FULL
        return CoverageState.COVERED
    if count == 0:
        return CoverageState.NO_ONE
    if count == 1 and min_peers >= 2:
        return CoverageState.ALONE
    return CoverageState.SHORT


def slot_covers(slot: AvailabilitySlot, shift: ShiftSlot) -> bool:
    """True when a weekly slot (on the shift's weekday, or overnight from the day before)
    covers the whole shift."""
    weekday = shift.day.weekday()
    if slot.weekday == weekday:
        anchor = shift.day
    elif slot.weekday == (weekday - 1) % 7 and slot.to_time <= slot.from_time:
        anchor = shift.day - timedelta(days=1)
    else:
        return False
    begin, finish = span(anchor, slot.from_time, slot.to_time)
    return begin <= shift.start and shift.end <= finish


def time_off_during(
    periods: Iterable[tuple[date, date]], shift: ShiftSlot
) -> tuple[date, date] | None:
    """The first unavailable period (first day, last day) touching the shift, or None; an
    overnight shift spans two days."""
    last_day = (shift.end - timedelta(minutes=1)).date()
    for first, last in periods:
        if first <= last_day and shift.day <= last:
            return first, last
    return None


def away_from_shift(
    status: str, periods: Iterable[tuple[date, date]], shift: ShiftSlot, today: date
) -> str | None:
    """Why someone on ``shift`` does not count toward its cover — "left", "stepping back" or
    "time off" — or None when they count. Only shifts from ``today`` on: a past shift is
    what happened."""
    if shift.day < today:
        return None
    if status in AWAY_WORDS:
        return AWAY_WORDS[status]
    return TIME_OFF if time_off_during(periods, shift) else None


class Ledger:
    """Everyone's bookings, indexed by person and day, with week and month totals.

    Built once from the database (or by a test), then added to as auto-fill proposes, so
    proposals in the same run count towards overlaps, limits and fairness.
    """

    def __init__(self, bookings: Iterable[Booking] = ()) -> None:
        self._by_day: dict[int, dict[date, list[Booking]]] = defaultdict(lambda: defaultdict(list))
        self._week: dict[tuple[int, int, int], int] = defaultdict(int)
        self._month: dict[tuple[int, int, int], int] = defaultdict(int)
        for booking in bookings:
            self.add(booking)

    def add(self, booking: Booking) -> None:
        """Count a booking."""
        day = booking.start.date()
        self._by_day[booking.member_id][day].append(booking)
        year, week, _ = day.isocalendar()
        self._week[booking.member_id, year, week] += 1
        self._month[booking.member_id, day.year, day.month] += booking.minutes

    def near(self, member_id: int, day: date) -> list[Booking]:
        """The person's bookings starting the day before, on, or the day after ``day``."""
        days = self._by_day.get(member_id)
        if not days:
            return []
        found: list[Booking] = []
        for offset in (-1, 0, 1):
            found += days.get(day + timedelta(days=offset), ())
        return found

    def week_count(self, member_id: int, day: date) -> int:
        """Shifts the person has in the Monday–Sunday week of ``day``."""
        year, week, _ = day.isocalendar()
        return self._week.get((member_id, year, week), 0)

    def month_minutes(self, member_id: int, day: date) -> int:
        """Planned minutes the person has in the calendar month of ``day``."""
        return self._month.get((member_id, day.year, day.month), 0)

    def count_between(self, member_id: int, first: date, last: date) -> int:
        """Shifts the person has starting from ``first`` to ``last`` inclusive."""
        days = self._by_day.get(member_id, {})
        return sum(len(v) for d, v in days.items() if first <= d <= last)

    def on_shift(self, member_id: int, shift_id: int, day: date) -> bool:
        """True when the person is already booked on this shift."""
        return any(b.shift_id == shift_id for b in self.near(member_id, day))


def shift_refusal(
    shift: ShiftSlot, assigned: frozenset[int] | set[int], person: PersonFacts
) -> Refusal | None:
    """Rules about the shift itself: cancelled, already on it, or full."""
    if shift.cancelled:
        return Refusal("cancelled", lambda: f"{shift.label} is cancelled.")
    if person.member_id in assigned:
        return Refusal("already_on", lambda: f"{person.name} is already on this shift.")
    if shift.max_peers is not None and len(assigned) >= shift.max_peers:
        return Refusal(
            "full",
            lambda: (
                f"{shift.label} already has its maximum of {plural(shift.max_peers or 0, 'peer')}."
            ),
        )
    return None


def person_refusal(person: PersonFacts, shift: ShiftSlot, ledger: Ledger) -> Refusal | None:
    """The first hard rule about the person that fails for this shift, or None."""
    name, day = person.name, shift.day
    if person.peer_on(day) is None:
        return Refusal(
            "not_peer",
            lambda: (
                f"{name} is not a peer supporter on {format_date(day)}. Give them the "
                "peer supporter or bank peer supporter role first."
            ),
        )
    if person.status != "active":
        words = STATUS_WORDS.get(person.status, f"is {person.status}")
        return Refusal("not_active", lambda: f"{name} {words}, so cannot be put on shifts.")
    if shift.training_id is not None:
        if shift.training_id not in person.training:
            return Refusal(
                "training",
                lambda: (
                    f"{name} has no {training_words(shift.training_name or '')} training recorded."
                ),
            )
        expires = person.training[shift.training_id]
        if expires is not None and expires < day:
            return Refusal(
                "training",
                lambda: (
                    f"{name}'s {training_words(shift.training_name or '')} training "
                    f"expired on {format_date(expires)}."
                ),
            )
    away = time_off_during(person.unavailable, shift)
    if away is not None:
        first, last = away
        return Refusal(
            "unavailable",
            lambda: f"{name} is unavailable from {format_date(first)} to {format_date(last)}.",
        )
    for booking in ledger.near(person.member_id, day):
        if booking.shift_id != shift.id and overlaps(
            booking.start, booking.end, shift.start, shift.end
        ):
            return Refusal(
                "overlap", lambda b=booking: f"{name} is already on {b.label} at that time."
            )
    return None


def outside_availability(person: PersonFacts, shift: ShiftSlot) -> Refusal | None:
    """The weekly-availability limit: no one slot covers the whole shift."""
    if any(slot_covers(slot, shift) for slot in person.weekly):
        return None
    day = shift.day
    return Refusal(
        "not_available",
        lambda: (
            f"{person.name} is not available {WEEKDAYS[day.weekday()]}s "
            f"{hhmm(shift.start)}–{hhmm(shift.end)} (outside their weekly availability)."
        ),
    )


def _over_week(person: PersonFacts, shift: ShiftSlot, ledger: Ledger) -> Refusal | None:
    if person.max_shifts_per_week is None:
        return None
    day = shift.day
    have = ledger.week_count(person.member_id, day)
    if have + 1 <= person.max_shifts_per_week:
        return None
    monday = day - timedelta(days=day.weekday())
    return Refusal(
        "limit_week",
        lambda: (
            f"{person.name} would be over their limit of "
            f"{plural(person.max_shifts_per_week or 0, 'shift')} a week "
            f"({have} already in the week of {format_date(monday)})."
        ),
    )


def _over_month(person: PersonFacts, shift: ShiftSlot, ledger: Ledger) -> Refusal | None:
    if person.max_hours_per_month is None:
        return None
    day = shift.day
    minutes = ledger.month_minutes(person.member_id, day) + shift.minutes
    if minutes <= person.max_hours_per_month * 60:
        return None
    return Refusal(
        "limit_month",
        lambda: (
            f"{person.name} would be over their limit of "
            f"{plural(person.max_hours_per_month or 0, 'hour')} a month "
            f"({hours_text(minutes - shift.minutes)} already in "
            f"{MONTHS[day.month - 1]} {day.year}, this shift "
            f"{hours_text(shift.minutes)})."
        ),
    )


def limit_refusals(person: PersonFacts, shift: ShiftSlot, ledger: Ledger) -> list[Refusal]:
    """Every limit the person would go past (each overridable with a recorded reason):
    outside their weekly availability, over their shifts a week, over their hours a month."""
    found = (
        outside_availability(person, shift),
        _over_week(person, shift, ledger),
        _over_month(person, shift, ledger),
    )
    return [r for r in found if r is not None]


def limit_refusal(person: PersonFacts, shift: ShiftSlot, ledger: Ledger) -> Refusal | None:
    """The first limit the person would go past (see ``limit_refusals``), or None."""
    return (
        outside_availability(person, shift)
        or _over_week(person, shift, ledger)
        or _over_month(person, shift, ledger)
    )


def hours_text(minutes: int) -> str:
    """210 → "3.5 h", 240 → "4 h"."""
    hours = minutes / 60
    return f"{hours:g} h" if hours == int(hours) else f"{hours:.2f}".rstrip("0") + " h"


def booking_for(person_id: int, shift: ShiftSlot) -> Booking:
    """The booking a new assignment of ``person_id`` to ``shift`` adds to the ledger."""
    return Booking(shift.id, person_id, shift.label, shift.start, shift.end)


class RotaRefused(InvolveError):
    """A rule refused an assignment; ``overridable`` when only limits are in the way
    (confirm + reason), and then ``codes`` names each of them (e.g. "not_available")."""

    def __init__(
        self, refusal: Refusal, overridable: bool = False, codes: tuple[str, ...] = ()
    ) -> None:
        super().__init__(refusal.message)
        self.code = refusal.code
        self.overridable = overridable
        self.codes = codes or (refusal.code,)
