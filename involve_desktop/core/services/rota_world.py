"""Loading what the rota rules need, in a few queries, into the DTOs of ``rota_rules``.

Assigning, suggestions and auto-fill all load through here, then run the pure rules in
memory: a handful of queries however many shifts or people there are (about eight in all).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.people import (
    Member,
    MemberRole,
    RoleType,
    TrainingRecord,
    TrainingType,
)
from involve_desktop.core.models.rota import (
    RotaAssignment,
    RotaAvailability,
    RotaLimits,
    RotaShift,
    RotaSite,
    RotaUnavailable,
)
from involve_desktop.core.services.member_names import display_name, with_apart
from involve_desktop.core.services.member_search import NO_EXPIRY, PEER_ROLE_CODES
from involve_desktop.core.services.names_apart import namesake_words
from involve_desktop.core.services.rota_dto import (
    Attendance,
    AvailabilitySlot,
    Booking,
    PeerPeriod,
    PersonFacts,
    ShiftSlot,
    hhmm,
)
from involve_desktop.core.services.rota_rules import Ledger, away_from_shift, span

LOOKBACK_DAYS = 28  # "fewest shifts in the last 4 weeks"
NOT_THERE = (Attendance.DID_NOT_ATTEND.value, Attendance.CANCELLED.value)


@dataclass
class RotaWorld:
    """Shifts, people, everyone's bookings and who is on each shift, for a window of dates."""

    shifts: dict[int, ShiftSlot]
    people: dict[int, PersonFacts]
    ledger: Ledger
    assigned: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))


def counts(row_attendance: str | None) -> bool:
    """True when an assignment counts (not recorded as did-not-attend or cancelled)."""
    return row_attendance not in NOT_THERE


def ledger_window(start: date, end: date) -> tuple[date, date]:
    """Dates whose bookings matter for shifts from ``start`` to ``end``: the lookback, whole
    weeks and whole months (for limits), and a day either side (overnight overlaps)."""
    first = min(
        start - timedelta(days=LOOKBACK_DAYS),
        start.replace(day=1),
        start - timedelta(days=start.weekday()),
    )
    next_month = (end.replace(day=28) + timedelta(days=4)).replace(day=1)
    last = max(next_month - timedelta(days=1), end + timedelta(days=6 - end.weekday()))
    return first - timedelta(days=1), last + timedelta(days=1)


def _shift_query():  # noqa: ANN202 - a select
    return (
        select(RotaShift, RotaSite.name, TrainingType.name)
        .join(RotaSite, RotaSite.id == RotaShift.site_id)
        .outerjoin(TrainingType, TrainingType.id == RotaShift.required_training_type_id)
    )


def slot_of(row: RotaShift, site_name: str, training_name: str | None) -> ShiftSlot:
    """The rules' view of a shift row."""
    begin, finish = span(row.day, row.start_time, row.end_time)
    return ShiftSlot(
        id=row.id,
        site_id=row.site_id,
        site_name=site_name,
        day=row.day,
        start=begin,
        end=finish,
        min_peers=row.min_peers,
        max_peers=row.max_peers,
        training_id=row.required_training_type_id,
        training_name=training_name,
        cancelled=row.cancelled,
    )


def which_shifts(
    query: Select,
    start: date,
    end: date,
    shift_ids: Sequence[int] | None = None,
    site_id: int | None = None,
) -> Select:
    """``query`` kept to the shifts ``shift_ids`` (when given, else those from ``start`` to
    ``end``), at ``site_id`` when given."""
    if shift_ids is not None:
        query = query.where(RotaShift.id.in_(shift_ids))
    else:
        query = query.where(RotaShift.day >= start, RotaShift.day <= end)
    if site_id is not None:
        query = query.where(RotaShift.site_id == site_id)
    return query


def load_shifts(
    session: Session, start: date, end: date, shift_ids: list[int] | None = None
) -> dict[int, ShiftSlot]:
    """Shifts from ``start`` to ``end`` (or just ``shift_ids``), in time order."""
    query = which_shifts(_shift_query(), start, end, shift_ids).order_by(
        RotaShift.day, RotaShift.start_time, RotaSite.name, RotaShift.id
    )
    return {row.id: slot_of(row, site, tr) for row, site, tr in session.execute(query)}


def load_bookings(session: Session, first: date, last: date) -> tuple[Ledger, dict[int, set[int]]]:
    """Everyone's bookings on shifts from ``first`` to ``last``, and who is on each shift."""
    rows = session.execute(
        select(
            RotaAssignment.member_id,
            RotaShift.id,
            RotaShift.day,
            RotaShift.start_time,
            RotaShift.end_time,
            RotaSite.name,
        )
        .join(RotaShift, RotaShift.id == RotaAssignment.shift_id)
        .join(RotaSite, RotaSite.id == RotaShift.site_id)
        .where(
            RotaShift.day >= first,
            RotaShift.day <= last,
            RotaShift.cancelled.is_(False),
            or_(RotaAssignment.attendance.is_(None), RotaAssignment.attendance.notin_(NOT_THERE)),
        )
    ).all()
    ledger = Ledger()
    assigned: dict[int, set[int]] = defaultdict(set)
    for member_id, shift_id, day, start_time, end_time, site in rows:
        begin, finish = span(day, start_time, end_time)
        label = f"{site}, {format_date(day)} {hhmm(begin)}–{hhmm(finish)}"
        ledger.add(Booking(shift_id, member_id, label, begin, finish))
        assigned[shift_id].add(member_id)
    return ledger, assigned


def load_people(session: Session, member_ids: set[int] | None = None) -> dict[int, PersonFacts]:
    """Everyone who ever held a peer supporter role (or just ``member_ids``), with roles,
    latest training expiries, availability, unavailable periods and limits."""
    peer_rows = session.execute(
        select(MemberRole.member_id, MemberRole.start_on, MemberRole.end_on, RoleType.code)
        .join(RoleType, RoleType.id == MemberRole.role_type_id)
        .where(RoleType.code.in_(PEER_ROLE_CODES))
    ).all()
    periods: dict[int, list[PeerPeriod]] = defaultdict(list)
    for member_id, start_on, end_on, code in peer_rows:
        periods[member_id].append(PeerPeriod(start_on, end_on, code == "bank_peer_supporter"))
    ids = set(periods) | (member_ids or set())
    if member_ids is not None:
        ids &= member_ids
    if not ids:
        return {}

    peer_ids = (
        select(MemberRole.member_id)
        .join(RoleType, RoleType.id == MemberRole.role_type_id)
        .where(RoleType.code.in_(PEER_ROLE_CODES))
    )

    def _where(column):  # noqa: ANN001, ANN202 - a subquery, not a long IN list, for everyone
        return column.in_(ids) if member_ids is not None else column.in_(peer_ids)

    training: dict[int, dict[int, date | None]] = defaultdict(dict)
    for member_id, type_id, expires in session.execute(
        select(
            TrainingRecord.member_id,
            TrainingRecord.training_type_id,
            func.max(func.coalesce(TrainingRecord.expires_on, NO_EXPIRY)),
        )
        .where(_where(TrainingRecord.member_id))
        .group_by(TrainingRecord.member_id, TrainingRecord.training_type_id)
    ):
        training[member_id][type_id] = None if expires == NO_EXPIRY else expires
    weekly: dict[int, list[AvailabilitySlot]] = defaultdict(list)
    for row in session.scalars(
        select(RotaAvailability)
        .where(_where(RotaAvailability.member_id))
        .order_by(RotaAvailability.weekday, RotaAvailability.from_time)
    ):
        weekly[row.member_id].append(AvailabilitySlot(row.weekday, row.from_time, row.to_time))
    away: dict[int, list[tuple[date, date]]] = defaultdict(list)
    for row in session.scalars(
        select(RotaUnavailable)
        .where(_where(RotaUnavailable.member_id))
        .order_by(RotaUnavailable.start_on)
    ):
        away[row.member_id].append((row.start_on, row.end_on))
    limits = {
        row.member_id: row
        for row in session.scalars(select(RotaLimits).where(_where(RotaLimits.member_id)))
    }
    people: dict[int, PersonFacts] = {}
    for row in session.execute(
        select(
            Member.id, Member.full_name, Member.preferred_name, Member.sort_name, Member.status
        ).where(_where(Member.id))
    ):
        limit = limits.get(row.id)
        people[row.id] = PersonFacts(
            member_id=row.id,
            name=display_name(row.full_name, row.preferred_name),
            sort_name=row.sort_name,
            status=row.status,
            peer_periods=tuple(periods.get(row.id, ())),
            training=dict(training.get(row.id, {})),
            weekly=tuple(weekly.get(row.id, ())),
            unavailable=tuple(away.get(row.id, ())),
            max_shifts_per_week=limit.max_shifts_per_week if limit else None,
            max_hours_per_month=limit.max_hours_per_month if limit else None,
        )
    return people


def load_world(
    session: Session,
    start: date,
    end: date,
    shift_ids: list[int] | None = None,
    member_ids: set[int] | None = None,
) -> RotaWorld:
    """Everything the rules need for shifts from ``start`` to ``end``."""
    shifts = load_shifts(session, start, end, shift_ids)
    if shift_ids is not None and shifts:
        start = min(s.day for s in shifts.values())
        end = max(s.day for s in shifts.values())
    first, last = ledger_window(start, end)
    ledger, assigned = load_bookings(session, first, last)
    return RotaWorld(shifts, load_people(session, member_ids), ledger, assigned)


def away_on_shifts(
    session: Session,
    start: date,
    end: date,
    *,
    today: date,
    shift_ids: list[int] | None = None,
    site_id: int | None = None,
) -> dict[int, dict[int, str]]:
    """Who is on shifts from ``today`` on (within ``start``–``end``, or among ``shift_ids``)
    but does not count toward cover, and why: {shift id: {member id: "left" | "stepping
    back" | "time off"}} (``rota_rules.away_from_shift``). Two queries; only assignments with
    nothing recorded yet are looked at."""
    query = (
        select(
            RotaAssignment.shift_id,
            RotaAssignment.member_id,
            Member.status,
            RotaShift,
            RotaSite.name,
        )
        .join(RotaShift, RotaShift.id == RotaAssignment.shift_id)
        .join(RotaSite, RotaSite.id == RotaShift.site_id)
        .join(Member, Member.id == RotaAssignment.member_id)
        .where(
            RotaShift.day >= today,
            RotaShift.cancelled.is_(False),
            RotaAssignment.attendance.is_(None),
        )
    )
    rows = session.execute(which_shifts(query, start, end, shift_ids, site_id)).all()
    if not rows:
        return {}
    first = min(row[3].day for row in rows)
    last = max(row[3].day for row in rows) + timedelta(days=1)
    away: dict[int, list[tuple[date, date]]] = defaultdict(list)
    for member_id, start_on, end_on in session.execute(
        select(RotaUnavailable.member_id, RotaUnavailable.start_on, RotaUnavailable.end_on).where(
            RotaUnavailable.member_id.in_({row[1] for row in rows}),
            RotaUnavailable.start_on <= last,
            RotaUnavailable.end_on >= first,
        )
    ):
        away[member_id].append((start_on, end_on))
    found: dict[int, dict[int, str]] = defaultdict(dict)
    for shift_id, member_id, status, shift, site in rows:
        note = away_from_shift(status, away.get(member_id, ()), slot_of(shift, site, None), today)
        if note is not None:
            found[shift_id][member_id] = note
    return dict(found)


def person_name(session: Session, member_id: int) -> str:
    """The name someone goes by, for messages about people who are not peer supporters."""
    row = session.execute(
        select(Member.full_name, Member.preferred_name).where(Member.id == member_id)
    ).one_or_none()
    return display_name(*row) if row else "That member"


def told_apart(session: Session, person: PersonFacts) -> PersonFacts:
    """``person`` named so a message tells them apart from anyone else in the records who
    goes by the same name ("Zoë Clarke (joined May 2025)"); unchanged when nobody does."""
    words = namesake_words(session, person.member_id, person.name)
    return person if words is None else replace(person, name=with_apart(person.name, words))
