"""Involvement spread by quarter and by kind of involvement (issue 9, point 4).

One unit of involvement is one person at one occasion:

- rota: a shift worked — an assignment on a past, not cancelled shift, not marked "did not
  attend" (assignments with no attendance recorded yet count as worked, as the rota does);
- panels: a lived-experience seat on a panel that was held;
- meetings: "present" at a meeting that was not cancelled, leaving out cohort sessions
  (meetings of ``leadership_cohort`` groups);
- cohorts: "present" at a cohort session;
- activities: a member present at a 4PI involvement activity (``activities_involvement``);
- all: everything above together.

Newcomers are counted for each kind on its own: the people whose first involvement of that
kind ever (their first shift worked, first panel seat…) falls in the quarter; on the "all
involvement" row, whose first involvement of any kind ever does. Everyone else involved is
returning. So each row's newcomers over the quarters add up to the year's: a member who first
came to meetings in spring and joined a cohort in autumn is new to cohorts in autumn. Nothing
after ``today`` counts: a meeting, panel or activity dated later has not happened yet.
Quarters are calendar quarters (Jan–Mar, Apr–Jun…), which are also the quarters of an
April–March financial year.

Counting is done in SQL (one grouped query per kind and quarter, one for first dates), so
thousands of members cost a few dozen small queries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from involve_desktop.core.models.meetings import Meeting, MeetingAttendance, MeetingGroup
from involve_desktop.core.models.panels import Panel, PanelSeat
from involve_desktop.core.models.rota import RotaAssignment, RotaShift
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.activities_involvement import activity_involvement
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.spread_stats import SpreadFigures, reading, spread
from involve_desktop.core.services.transaction import require

SEE = "see the involvement spread"
COHORT_GROUP_KIND = "leadership_cohort"
_EARLIEST = date(1900, 1, 1)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class InvolvementKind(StrEnum):
    """A kind of involvement the spread is worked out for (``ALL`` = every kind together)."""

    ROTA = "rota"
    PANELS = "panels"
    MEETINGS = "meetings"
    COHORTS = "cohorts"
    ACTIVITIES = "activities"
    ALL = "all"

    @property
    def label(self) -> str:
        """The heading shown to people."""
        return _LABELS[self][0]

    @property
    def noun(self) -> str:
        """What one unit is called in a reading ("panel seats")."""
        return _LABELS[self][1]

    @property
    def verb(self) -> str:
        """How people had them ("were taken by")."""
        return _LABELS[self][2]


_LABELS = {
    InvolvementKind.ROTA: ("Rota", "shifts worked", "were worked by"),
    InvolvementKind.PANELS: ("Panels", "lived-experience panel seats", "were taken by"),
    InvolvementKind.MEETINGS: ("Meetings", "meeting attendances", "were made by"),
    InvolvementKind.COHORTS: ("Cohorts", "cohort session attendances", "were made by"),
    InvolvementKind.ACTIVITIES: ("Activities", "places at involvement activities", "went to"),
    InvolvementKind.ALL: ("All involvement", "involvement", "came from"),
}
KINDS = tuple(k for k in InvolvementKind if k is not InvolvementKind.ALL)


@dataclass(frozen=True)
class Quarter:
    """A calendar quarter: ``start`` is its first day, ``end`` its last."""

    start: date
    end: date

    @property
    def label(self) -> str:
        """ "Apr–Jun 2026"."""
        return f"{_MONTHS[self.start.month - 1]}–{_MONTHS[self.end.month - 1]} {self.end.year}"

    @property
    def short_label(self) -> str:
        """ "Q2 2026" (calendar quarter number), for chart axes."""
        return f"Q{(self.start.month - 1) // 3 + 1} {self.start.year}"


@dataclass(frozen=True)
class SpreadRow:
    """The spread of one kind of involvement in one quarter."""

    quarter: Quarter
    kind: InvolvementKind
    figures: SpreadFigures
    newcomers: int
    returning: int
    reading: str


@dataclass(frozen=True)
class InvolvementSpread:
    """Every quarter × kind from ``start`` to ``end`` (quarters in order, kinds in
    ``InvolvementKind`` order, "all involvement" last in each quarter), and the same
    figures over the whole period (``whole``, newcomers = first involved in the period, in
    that kind of involvement)."""

    start: date
    end: date
    quarters: tuple[Quarter, ...]
    rows: tuple[SpreadRow, ...]
    whole: tuple[SpreadRow, ...]

    def row(self, quarter: Quarter, kind: InvolvementKind) -> SpreadRow:
        """The row for one quarter and kind."""
        return next(r for r in self.rows if r.quarter == quarter and r.kind is kind)


def quarter_of(day: date) -> Quarter:
    """The calendar quarter ``day`` falls in."""
    first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    after = (
        date(first.year + 1, 1, 1) if first.month == 10 else date(first.year, first.month + 3, 1)
    )
    return Quarter(first, after - timedelta(days=1))


def quarters_between(start: date, end: date) -> tuple[Quarter, ...]:
    """Every quarter that overlaps ``start``–``end``, in order."""
    found: list[Quarter] = []
    quarter = quarter_of(start)
    while quarter.start <= end:
        found.append(quarter)
        quarter = quarter_of(quarter.end + timedelta(days=1))
    return tuple(found)


# -- what counts: one (member, day) select per kind -----------------------------------------


def _rota(today: date) -> Select:
    return (
        select(RotaAssignment.member_id.label("member_id"), RotaShift.day.label("day"))
        .join(RotaShift, RotaShift.id == RotaAssignment.shift_id)
        .where(
            RotaShift.cancelled.is_(False),
            RotaShift.day <= today,
            func.coalesce(RotaAssignment.attendance, "worked") == "worked",
        )
    )


def _panels(_today: date) -> Select:
    return (
        select(PanelSeat.member_id.label("member_id"), Panel.day.label("day"))
        .join(Panel, Panel.id == PanelSeat.panel_id)
        .where(
            Panel.status == "held",
            PanelSeat.kind == "lived_experience",
            PanelSeat.member_id.is_not(None),
        )
    )


def _attendance(cohorts: bool) -> Callable[[date], Select]:
    def build(_today: date) -> Select:
        kind = MeetingGroup.kind == COHORT_GROUP_KIND
        return (
            select(MeetingAttendance.member_id.label("member_id"), Meeting.day.label("day"))
            .join(Meeting, Meeting.id == MeetingAttendance.meeting_id)
            .join(MeetingGroup, MeetingGroup.id == Meeting.group_id)
            .where(
                MeetingAttendance.state == "present",
                Meeting.cancelled.is_(False),
                kind if cohorts else ~kind,
            )
        )

    return build


_SELECTS: dict[InvolvementKind, Callable[[date], Select]] = {
    InvolvementKind.ROTA: _rota,
    InvolvementKind.PANELS: _panels,
    InvolvementKind.MEETINGS: _attendance(cohorts=False),
    InvolvementKind.COHORTS: _attendance(cohorts=True),
}


def _counts(
    session: Session, kind: InvolvementKind, start: date, end: date, today: date
) -> Counter[int]:
    """Units of ``kind`` per member from ``start`` to ``end`` (never after ``today``)."""
    end = min(end, today)
    if kind is InvolvementKind.ACTIVITIES:
        return Counter(member for member, _day in activity_involvement(session, start, end))
    base = _SELECTS[kind](today).subquery()
    rows = session.execute(
        select(base.c.member_id, func.count())
        .where(base.c.day >= start, base.c.day <= end)
        .group_by(base.c.member_id)
    )
    return Counter({member: count for member, count in rows})


FirstDays = dict[InvolvementKind, dict[int, date]]


def first_involvement(session: Session, end: date, today: date) -> FirstDays:
    """Each member's first involvement of each kind on or before ``end`` (and ``today``),
    and under ``ALL`` their first of any kind."""
    end = min(end, today)
    first: FirstDays = {kind: {} for kind in InvolvementKind}

    def keep(kind: InvolvementKind, pairs: Iterable[Any]) -> None:
        for member, day in pairs:
            for seen in (first[kind], first[InvolvementKind.ALL]):
                if member not in seen or day < seen[member]:
                    seen[member] = day

    for kind, build in _SELECTS.items():
        base = build(today).subquery()
        keep(
            kind,
            session.execute(
                select(base.c.member_id, func.min(base.c.day))
                .where(base.c.day <= end)
                .group_by(base.c.member_id)
            ).all(),
        )
    keep(InvolvementKind.ACTIVITIES, activity_involvement(session, _EARLIEST, end))
    return first


def _rows(
    session: Session,
    period: Quarter,
    first: FirstDays,
    today: date,
) -> list[SpreadRow]:
    rows: list[SpreadRow] = []
    everything: Counter[int] = Counter()
    for kind in (*KINDS, InvolvementKind.ALL):
        if kind is InvolvementKind.ALL:
            counts = everything
        else:
            counts = _counts(session, kind, period.start, period.end, today)
            everything.update(counts)
        firsts = first[kind]
        new = sum(1 for m in counts if period.start <= firsts.get(m, _EARLIEST) <= period.end)
        figures = spread(counts.values())
        rows.append(
            SpreadRow(
                quarter=period,
                kind=kind,
                figures=figures,
                newcomers=new,
                returning=figures.people - new,
                reading=reading(
                    figures, kind.noun, kind.verb, mass_noun=kind is InvolvementKind.ALL
                ),
            )
        )
    return rows


def involvement_spread(
    session: Session, actor: Actor, start: date, end: date, *, today: date | None = None
) -> InvolvementSpread:
    """The spread figures for every quarter overlapping ``start``–``end`` (whole quarters)
    and for the period as a whole. Coordinators only (``VIEW_INVOLVEMENT``)."""
    require(session, actor, Permission.VIEW_INVOLVEMENT, SEE)
    today = today or date.today()
    quarters = quarters_between(start, end)
    if not quarters:
        return InvolvementSpread(start, end, (), (), ())
    whole_period = Quarter(quarters[0].start, quarters[-1].end)
    first = first_involvement(session, whole_period.end, today)
    rows = [row for q in quarters for row in _rows(session, q, first, today)]
    whole = _rows(session, whole_period, first, today)
    return InvolvementSpread(
        whole_period.start, whole_period.end, quarters, tuple(rows), tuple(whole)
    )


__all__ = [
    "KINDS",
    "FirstDays",
    "InvolvementKind",
    "InvolvementSpread",
    "Quarter",
    "SpreadRow",
    "first_involvement",
    "involvement_spread",
    "quarter_of",
    "quarters_between",
]
