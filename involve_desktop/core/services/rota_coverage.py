"""Coverage and gaps, cover suggestions for a shift, and the call-down log.

Decisions:

- A gap is a shift, not cancelled, below its minimum: no one, alone (1 peer where 2 or more
  are needed — never "covered" whatever a head count says), or short.
- Suggestions list everyone for whom every hard rule passes, ranked: within their limits
  first (people who would go over a limit are listed last, with the limit, because a
  coordinator may override); then regulars before bank (bank supporters are the extra
  cover, rung after regulars) unless ``include_bank_first`` puts bank first; then fewest
  shifts in the 4 weeks before the shift (fairness); then name. People who cannot do it are
  listed separately with the reason — except those who are not peer supporters on the day
  or have left, who would only be noise. When that leaves both lists empty,
  ``empty_reason`` says why (e.g. nobody held the peer supporter role on that date — a
  past shift before people's roles began), so the screen never shows an empty list.
- Outside someone's weekly availability is a limit, not a hard rule: they are suggested
  last with that note, and a "yes" on the phone can put them on with a recorded reason.
- Coverage is counted in the database (``coverage``: one grouped query, no assignment
  objects), so Home's figures and finding gaps do not load who is on every shift; only the
  gaps found are read in full (``gaps``, ``views_of``).
- Call-down log: who was asked, when, by whom, and the answer (yes / no / no reply). A
  "yes" assigns them in the same transaction (refused like any assignment if a rule now
  fails, and then the log entry is not kept either — the coordinator sees why).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.people import Member
from involve_desktop.core.models.rota import RotaAssignment, RotaCallDown, RotaShift, RotaSite
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.erased_people import refuse_erased
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.services.names_apart import telling_apart
from involve_desktop.core.services.rota_assign import assign_in_transaction
from involve_desktop.core.services.rota_dto import (
    CallAnswer,
    CallDownInfo,
    CoverageState,
    CoverSuggestions,
    NotEligible,
    PersonFacts,
    ShiftView,
    Suggestion,
    plural,
)
from involve_desktop.core.services.rota_rules import (
    coverage_state,
    limit_refusal,
    person_refusal,
    shift_refusal,
)
from involve_desktop.core.services.rota_shifts import shift_view, shift_views
from involve_desktop.core.services.rota_world import (
    LOOKBACK_DAYS,
    NOT_THERE,
    away_on_shifts,
    load_world,
)
from involve_desktop.core.services.transaction import require, transaction

QUIET_CODES = frozenset({"not_peer"})
IDS_AT_ONCE = 500  # shift ids read in one ``IN (...)`` (well under SQLite's bound-value limit)


@dataclass(frozen=True)
class ShiftCoverage:
    """How well one shift is covered, without who is on it."""

    shift_id: int
    day: date
    state: CoverageState
    cancelled: bool

    @property
    def is_gap(self) -> bool:
        """Below its minimum and not cancelled (as ``gaps`` lists)."""
        return self.state.is_gap and not self.cancelled


def coverage(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    *,
    site_id: int | None = None,
    today: date | None = None,
) -> list[ShiftCoverage]:
    """Every shift from ``start`` to ``end`` with its coverage state, in time order (as
    ``shift_views``), counted in the database: one grouped query and no assignment rows,
    less those on shifts from ``today`` on who have left, are stepping back or have time off
    (``rota_world.away_on_shifts``, the same rule as ``shift_views``)."""
    require(session, actor, Permission.VIEW_ROTA, "see the rota")
    today = today or date.today()
    there = or_(RotaAssignment.attendance.is_(None), RotaAssignment.attendance.notin_(NOT_THERE))
    query = (
        select(
            RotaShift.id,
            RotaShift.day,
            RotaShift.min_peers,
            RotaShift.max_peers,
            RotaShift.cancelled,
            func.count(RotaAssignment.id),
        )
        .join(RotaSite, RotaSite.id == RotaShift.site_id)
        .outerjoin(RotaAssignment, and_(RotaAssignment.shift_id == RotaShift.id, there))
        .where(RotaShift.day >= start, RotaShift.day <= end)
        .group_by(
            RotaShift.id,
            RotaShift.day,
            RotaShift.start_time,
            RotaSite.name,
            RotaShift.min_peers,
            RotaShift.max_peers,
            RotaShift.cancelled,
        )
        .order_by(RotaShift.day, RotaShift.start_time, RotaSite.name, RotaShift.id)
    )
    if site_id is not None:
        query = query.where(RotaShift.site_id == site_id)
    away = away_on_shifts(session, start, end, today=today, site_id=site_id) if end >= today else {}
    return [
        ShiftCoverage(
            shift_id,
            day,
            coverage_state(peers - len(away.get(shift_id, ())), low, high),
            bool(cancelled),
        )
        for shift_id, day, low, high, cancelled, peers in session.execute(query)
    ]


def views_of(
    session: Session, actor: Actor, shift_ids: Sequence[int], *, today: date | None = None
) -> list[ShiftView]:
    """The shifts ``shift_ids`` with who is on each, in time order when ``shift_ids`` are
    (read a few hundred at a time)."""
    views: list[ShiftView] = []
    for at in range(0, len(shift_ids), IDS_AT_ONCE):
        chunk = list(shift_ids[at : at + IDS_AT_ONCE])
        views += shift_views(session, actor, date.min, date.max, shift_ids=chunk, today=today)
    return views


def gaps(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    *,
    site_id: int | None = None,
    today: date | None = None,
) -> list[ShiftView]:
    """Shifts from ``start`` to ``end`` below their minimum (not cancelled), in time order.

    The gaps are found by ``coverage``; only they are read in full, unless most shifts in
    the period are gaps (then the period is read at once)."""
    found = coverage(session, actor, start, end, site_id=site_id, today=today)
    ids = [c.shift_id for c in found if c.is_gap]
    if len(ids) * 2 > len(found):
        views = shift_views(session, actor, start, end, site_id=site_id, today=today)
    else:
        views = views_of(session, actor, ids, today=today)
    return [view for view in views if view.state.is_gap and not view.slot.cancelled]


def suggestions(
    session: Session, actor: Actor, shift_id: int, include_bank_first: bool = False
) -> CoverSuggestions:
    """Who could cover a shift, best first, and who cannot (with the reason)."""
    require(session, actor, Permission.VIEW_ROTA, "see the rota")
    view = shift_view(session, actor, shift_id)
    world = load_world(session, view.slot.day, view.slot.day, shift_ids=[shift_id])
    shift = world.shifts[shift_id]
    assigned = world.assigned.get(shift_id, set())
    first = shift.day - timedelta(days=LOOKBACK_DAYS)
    last = shift.day - timedelta(days=1)
    eligible: list[tuple[tuple, Suggestion]] = []
    not_eligible: list[NotEligible] = []
    apart = telling_apart(session, {p.member_id: p.name for p in world.people.values()})
    for person in world.people.values():
        if person.member_id in assigned:
            continue
        refusal = shift_refusal(shift, assigned, person) or person_refusal(
            person, shift, world.ledger
        )
        if refusal is not None:
            if refusal.code not in QUIET_CODES and person.status != "left":
                not_eligible.append(
                    NotEligible(
                        person.member_id,
                        person.name,
                        refusal.message,
                        apart.get(person.member_id),
                    )
                )
            continue
        limit = limit_refusal(person, shift, world.ledger)
        bank = person.is_bank_on(shift.day)
        recent = world.ledger.count_between(person.member_id, first, last)
        bank_rank = (not bank) if include_bank_first else bank
        key = (limit is not None, bank_rank, recent, person.sort_name, person.member_id)
        eligible.append(
            (
                key,
                Suggestion(
                    person.member_id,
                    person.name,
                    bank,
                    recent,
                    limit.message if limit else None,
                    apart.get(person.member_id),
                ),
            )
        )
    eligible.sort(key=lambda pair: pair[0])
    not_eligible.sort(key=lambda n: (n.name.casefold(), n.member_id))
    empty_reason = None
    if not eligible and not not_eligible:
        empty_reason = _why_no_one_listed(world.people.values(), assigned, shift.day)
    return CoverSuggestions(view, tuple(s for _, s in eligible), tuple(not_eligible), empty_reason)


def _why_no_one_listed(people: Iterable[PersonFacts], assigned: set[int], day: date) -> str:
    """Why nobody at all is listed for a shift on ``day`` (everyone was left out quietly)."""
    others = [p for p in people if p.member_id not in assigned]
    if not others and not assigned:
        return (
            "There are no peer supporters yet. Give members the peer supporter or bank peer "
            "supporter role on their record (Members), then assign them here."
        )
    if not others:
        return "Everyone on the rota is already on this shift."
    not_peer = [p for p in others if p.peer_on(day) is None and p.status != "left"]
    if not_peer:
        later = sum(1 for p in not_peer if all(x.start_on > day for x in p.peer_periods))
        when = format_date(day)
        text = f"No one held the peer supporter role on {when}"
        if later == len(not_peer):
            text += (
                f": {plural(later, 'person', 'people')} on the rota only became a peer "
                "supporter after that date"
            )
        return (
            f"{text}. If someone did this shift, check the start date of their peer "
            "supporter role on their record (Members)."
        )
    return "The only peer supporters on the records have left the group."


def _call_info(row: RotaCallDown, name: str) -> CallDownInfo:
    return CallDownInfo(
        row.id,
        row.shift_id,
        row.member_id,
        name,
        row.asked_at,
        row.asked_by,
        CallAnswer(row.answer),
        row.note,
    )


def log_call(
    session: Session,
    actor: Actor,
    shift_id: int,
    member_id: int,
    answer: CallAnswer,
    note: str | None = None,
    *,
    assign_if_yes: bool = True,
    override_limits: bool = False,
    override_reason: str | None = None,
) -> CallDownInfo:
    """Record asking someone to cover a shift; a "yes" also puts them on it (one step)."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    try:
        answer = CallAnswer(answer)
    except ValueError:
        raise ValidationError("answer", "Choose yes, no or no reply.") from None
    clean = validation.optional_text(note, 500, "note", "Note")
    with transaction(session):
        if session.get(RotaShift, shift_id) is None:
            raise NotFound("That shift is no longer on the rota. Refresh the rota.")
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("That member is no longer in the records. Refresh the list.")
        refuse_erased(session, [member_id], "member_id", "asked to cover a shift")
        if answer is CallAnswer.YES and assign_if_yes:
            assign_in_transaction(
                session, actor, shift_id, member_id, override_limits, override_reason
            )
        row = RotaCallDown(
            shift_id=shift_id,
            member_id=member_id,
            asked_by=actor.display_name,
            answer=answer.value,
            note=clean,
        )
        session.add(row)
        session.flush()
        name = display_name(member.full_name, member.preferred_name)
        audit.record(
            session,
            actor,
            "create",
            "rota_call_down",
            row.id,
            {"shift": shift_id, "member": name, "answer": answer.label},
        )
    return _call_info(row, name)


def call_log(session: Session, actor: Actor, shift_id: int) -> list[CallDownInfo]:
    """Who was asked about a shift, oldest first."""
    require(session, actor, Permission.VIEW_ROTA, "see the rota")
    rows = session.execute(
        select(RotaCallDown, Member.full_name, Member.preferred_name)
        .join(Member, Member.id == RotaCallDown.member_id)
        .where(RotaCallDown.shift_id == shift_id)
        .order_by(RotaCallDown.asked_at, RotaCallDown.id)
    )
    return [_call_info(row, display_name(full, pref)) for row, full, pref in rows]
