"""What the rota sheets print, read through the rota services (never ORM rows).

Three sheets share these DTOs: the weekly rota (all sites or one), a person's schedule for a
month and the gaps list for a period. Each loader checks the account may print sheets and see
the rota, turns the form's text (a date in the week, a site name, a person, a month) into
values — or a ``SheetInputError`` naming the field — and returns a frozen DTO.

Only what is on the rota itself is printed: site, date, times, the names people go by (two
of the very same name told apart by when they joined, as on screen) and the coverage in
words. Never bank status, override reasons, training or anything else.
On shifts from the day printed on, people who have left, are stepping back or have time off
that day (``ShiftView`` assignees with ``away``) are not printed and do not count toward
the cover, as on screen — and why they are away is never printed.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy.orm import Session

from involve_desktop.core.formatting import format_date
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import rota_gap_reasons, rota_shifts, rota_sites
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_names import with_apart
from involve_desktop.core.services.names_apart import namesake_words
from involve_desktop.core.services.rota_dto import Attendance, CoverageState, ShiftView, hhmm
from involve_desktop.core.services.rota_gap_reasons import NO_GAPS
from involve_desktop.core.services.rota_patterns import bank_holidays
from involve_desktop.core.services.rota_world import person_name
from involve_desktop.core.services.transaction import require
from involve_desktop.core.sheets.options import SheetInputError
from involve_desktop.core.sheets.params import SheetParams
from involve_desktop.core.text import natural_sort_key, sort_key

DEFAULT_GAP_WEEKS = 4
MAX_GAP_WEEKS = 13
_MONTHS = [m.casefold() for m in calendar.month_abbr[1:]]
_NOT_THERE = (Attendance.DID_NOT_ATTEND, Attendance.CANCELLED)


@dataclass(frozen=True)
class RotaShiftRow:
    """One shift as printed: where, when, who (names they go by) and its cover in words."""

    site: str
    day: date
    start: str
    end: str
    names: tuple[str, ...]
    state: CoverageState
    more_needed: int
    cancelled_reason: str | None = None
    cancelled: bool = False
    # For each name, what tells it apart from someone else of the same name on the sheet
    # ("joined May 2025", ``names_apart``), or None; empty when no names clash.
    aparts: tuple[str | None, ...] = ()

    def names_as_printed(self, formatted: Callable[[str], str]) -> tuple[str, ...]:
        """Each name as ``formatted`` prints it, then what tells it apart, if anything:
        "Zoë C. (joined May 2025)"."""
        aparts = self.aparts or (None,) * len(self.names)
        return tuple(with_apart(formatted(n), a) for n, a in zip(self.names, aparts, strict=True))

    @property
    def times(self) -> str:
        """ "09:00–13:00"."""
        return f"{self.start}–{self.end}"

    @property
    def state_words(self) -> str:
        """The state alone: "ALONE", "No one", "Short", "Covered", "Full" or "Cancelled"."""
        if self.cancelled:
            return "Cancelled"
        return "ALONE" if self.state is CoverageState.ALONE else self.state.label

    @property
    def cover_words(self) -> str:
        """The coverage in words: "ALONE — needs 1 more", "No one — needs 2", "Covered"."""
        if self.cancelled:
            return "Cancelled"
        if self.state is CoverageState.ALONE:
            return f"ALONE — needs {self.more_needed} more"
        if self.state is CoverageState.NO_ONE:
            return f"No one — needs {self.more_needed}"
        if self.state is CoverageState.SHORT:
            return f"needs {self.more_needed} more"
        return self.state.label


@dataclass(frozen=True)
class WeeklyRotaSheet:
    """A week (Monday to Sunday) of shifts for every site, or for one site."""

    monday: date
    sites: tuple[str, ...]
    shifts: tuple[RotaShiftRow, ...]
    one_site: str | None = None
    group_name: str | None = None
    title: str | None = None
    bank_holidays: tuple[tuple[date, str], ...] = ()  # England & Wales, in this week


@dataclass(frozen=True)
class PersonScheduleSheet:
    """One person's shifts in a month (with who else is on each)."""

    name: str
    month: date
    shifts: tuple[RotaShiftRow, ...]
    group_name: str | None = None
    title: str | None = None
    # Words telling them apart from someone else of the same name ("joined May 2025").
    apart: str | None = None


@dataclass(frozen=True)
class GapsSheet:
    """Shifts below their minimum from ``start`` to ``end``, in time order."""

    start: date
    end: date
    shifts: tuple[RotaShiftRow, ...]
    one_site: str | None = None
    group_name: str | None = None
    title: str | None = None
    reasons: tuple[str, ...] = ()  # why each shift is a gap, in the same order (no names)
    no_gaps: str = NO_GAPS  # said when there are none ("No shifts are planned from …")
    ends_early: str | None = None  # "No shifts are planned after Sun 20 Dec 2026 yet."


def parse_day(field: str, label: str, text: str | None, default: date) -> date:
    """ "2026-03-03", "3 Mar 2026" or "Tue 3 Mar 2026" → a date; blank → ``default``."""
    cleaned = (text or "").strip()
    if not cleaned:
        return default
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    words = cleaned.replace(",", " ").split()
    if words and words[0][:3].casefold() in [d.casefold() for d in calendar.day_abbr]:
        words = words[1:]
    if len(words) == 3 and words[1][:3].casefold() in _MONTHS:
        try:
            return date(int(words[2]), _MONTHS.index(words[1][:3].casefold()) + 1, int(words[0]))
        except ValueError:
            pass
    raise SheetInputError(
        field, f"{label} should be a date such as 2026-03-03 or 3 Mar 2026, not {cleaned!r}."
    )


def parse_month(text: str | None, default: date) -> date:
    """ "2026-03", "Mar 2026" or "March 2026" → the first day of that month."""
    cleaned = (text or "").strip()
    if not cleaned:
        return default.replace(day=1)
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", cleaned)
    words = cleaned.split()
    try:
        if match:
            return date(int(match[1]), int(match[2]), 1)
        if len(words) == 2 and words[0][:3].casefold() in _MONTHS:
            return date(int(words[1]), _MONTHS.index(words[0][:3].casefold()) + 1, 1)
    except ValueError:
        pass
    raise SheetInputError("month", f"Month should be like 2026-03 or Mar 2026, not {cleaned!r}.")


def week_of(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def row_of(view: ShiftView) -> RotaShiftRow:
    """A shift view as printed: only the people who count, names in order."""
    counted = [a for a in view.assignees if a.attendance not in _NOT_THERE and a.away is None]
    names = tuple(a.name for a in counted)
    return RotaShiftRow(
        site=view.slot.site_name,
        day=view.slot.day,
        start=hhmm(view.slot.start),
        end=hhmm(view.slot.end),
        names=names,
        state=view.state,
        more_needed=max(view.slot.min_peers - len(names), 0),
        cancelled_reason=view.cancelled_reason,
        cancelled=view.slot.cancelled,
        aparts=tuple(a.apart for a in counted) if any(a.apart for a in counted) else (),
    )


def _may_print(session: Session, actor: Actor) -> None:
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    require(session, actor, Permission.VIEW_ROTA, "see the rota")


def _site(session: Session, actor: Actor, name: str | None) -> tuple[int | None, str | None]:
    """(site id, its name) for the site called ``name``; (None, None) for every site."""
    wanted = (name or "").strip()
    if not wanted:
        return None, None
    sites = rota_sites.list_sites(session, actor)
    for info in sites:
        if sort_key(info.name) == sort_key(wanted):
            return info.id, info.name
    known = ", ".join(info.name for info in sites) or "none yet"
    raise SheetInputError("site", f"There is no site called {wanted!r}. Sites: {known}.")


def load_weekly_rota(
    session: Session, actor: Actor, params: SheetParams, today: date
) -> WeeklyRotaSheet:
    """Monday to Sunday of the week containing ``params.week`` (default this week)."""
    _may_print(session, actor)
    monday = week_of(parse_day("week", "Week", params.week, today))
    site_id, site_name = _site(session, actor, params.site)
    views = rota_shifts.shift_views(
        session, actor, monday, monday + timedelta(days=6), site_id=site_id, today=today
    )
    if site_name is not None:
        sites: tuple[str, ...] = (site_name,)
    else:
        listed = [info.name for info in rota_sites.list_sites(session, actor)]
        extra = {v.slot.site_name for v in views} - set(listed)
        sites = tuple(sorted([*listed, *extra], key=natural_sort_key))
    return WeeklyRotaSheet(
        monday=monday,
        sites=sites,
        shifts=tuple(row_of(view) for view in views),
        one_site=site_name,
        group_name=params.group_name,
        title=params.title,
        bank_holidays=tuple(sorted(bank_holidays(monday, monday + timedelta(days=6)).items())),
    )


def _person(session: Session, text: str | None, views: list[ShiftView]) -> tuple[int | None, str]:
    """(member id, name) from a member number or the name someone goes by."""
    wanted = (text or "").strip()
    if not wanted:
        raise SheetInputError("person", "Say whose schedule to print: a name or member number.")
    if wanted.isdigit():
        return int(wanted), person_name(session, int(wanted))
    found = {
        a.member_id: a.name
        for view in views
        for a in view.assignees
        if sort_key(a.name) == sort_key(wanted)
    }
    if len(found) == 1:
        return next(iter(found.items()))
    if found:
        numbers = ", ".join(str(m) for m in sorted(found))
        raise SheetInputError(
            "person", f"More than one person is called {wanted}; use a member number ({numbers})."
        )
    raise SheetInputError(
        "person", f"Nobody called {wanted} is on the rota that month; try their member number."
    )


def load_person_schedule(
    session: Session, actor: Actor, params: SheetParams, today: date
) -> PersonScheduleSheet:
    """The shifts one person (``params.person``) is on in ``params.month`` (default now)."""
    _may_print(session, actor)
    first = parse_month(params.month, today)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    views = rota_shifts.shift_views(session, actor, first, last, today=today)
    member_id, name = _person(session, params.person, views)
    mine = []
    for view in views:
        if any(a.member_id == member_id for a in view.assignees):
            row = row_of(view)
            others = [a for a in view.assignees if a.member_id != member_id and a.away is None]
            aparts = tuple(a.apart for a in others) if any(a.apart for a in others) else ()
            mine.append(replace(row, names=tuple(a.name for a in others), aparts=aparts))
    return PersonScheduleSheet(
        name=name,
        month=first,
        shifts=tuple(mine),
        group_name=params.group_name,
        title=params.title,
        apart=namesake_words(session, member_id, name) if member_id is not None else None,
    )


def load_gaps(session: Session, actor: Actor, params: SheetParams, today: date) -> GapsSheet:
    """Gaps from ``params.week`` (default today) for ``params.weeks`` weeks (default 4)."""
    _may_print(session, actor)
    start = parse_day("week", "From", params.week, today)
    weeks = DEFAULT_GAP_WEEKS if params.weeks is None else params.weeks
    if isinstance(weeks, bool) or not 1 <= weeks <= MAX_GAP_WEEKS:
        raise SheetInputError(
            "weeks", f"Weeks must be from 1 to {MAX_GAP_WEEKS}; you gave {weeks}."
        )
    end = start + timedelta(days=7 * weeks - 1)
    site_id, site_name = _site(session, actor, params.site)
    found = rota_gap_reasons.gaps_with_reasons(
        session, actor, start, end, site_id=site_id, today=today
    )
    planned = rota_gap_reasons.planned_shifts(session, actor, start, end, site_id=site_id)
    return GapsSheet(
        start=start,
        end=end,
        shifts=tuple(row_of(gap.view) for gap in found),
        one_site=site_name,
        group_name=params.group_name,
        title=params.title,
        reasons=tuple(gap.why for gap in found),
        no_gaps=planned.no_gaps(),
        ends_early=planned.ends_early(),
    )


def period_text(start: date, end: date) -> str:
    """ "Mon 2 Mar 2026 to Sun 8 Mar 2026"."""
    return f"{format_date(start)} to {format_date(end)}"
