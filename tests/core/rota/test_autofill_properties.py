"""Hypothesis: on random small worlds, auto-fill never breaks a rule or a limit, leaves every
shift at its minimum or listed as a gap with a reason, and is deterministic."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from involve_desktop.core.services.rota_autofill_plan import plan_autofill
from involve_desktop.core.services.rota_dto import (
    AvailabilitySlot,
    PeerPeriod,
    PersonFacts,
    ShiftSlot,
)
from involve_desktop.core.services.rota_rules import (
    Ledger,
    booking_for,
    limit_refusal,
    person_refusal,
    shift_refusal,
    span,
)
from involve_desktop.core.services.rota_world import RotaWorld

FIRST = date(2026, 3, 2)
TRAINING = 1

hours = st.integers(min_value=0, max_value=23).map(lambda h: time(h))


@st.composite
def people(draw) -> list[PersonFacts]:
    found = []
    for pid in range(1, draw(st.integers(0, 9)) + 1):
        role = draw(st.sampled_from(["regular", "bank", "none", "ended"]))
        periods = {
            "regular": (PeerPeriod(date(2024, 1, 1), None, False),),
            "bank": (PeerPeriod(date(2024, 1, 1), None, True),),
            "none": (),
            "ended": (PeerPeriod(date(2024, 1, 1), FIRST + timedelta(days=3), False),),
        }[role]
        expiry = draw(st.sampled_from(["none", "forever", "past", "mid", "future"]))
        training = {
            "none": {},
            "forever": {TRAINING: None},
            "past": {TRAINING: date(2026, 1, 1)},
            "mid": {TRAINING: FIRST + timedelta(days=4)},
            "future": {TRAINING: date(2027, 1, 1)},
        }[expiry]
        slots = tuple(
            AvailabilitySlot(d, f, t)
            for d, f, t in draw(st.lists(st.tuples(st.integers(0, 6), hours, hours), max_size=6))
            if f != t
        )
        away = tuple(
            (FIRST + timedelta(days=a), FIRST + timedelta(days=a + n))
            for a, n in draw(st.lists(st.tuples(st.integers(0, 10), st.integers(0, 3)), max_size=2))
        )
        found.append(
            PersonFacts(
                member_id=pid,
                name=f"Person {pid}",
                sort_name=draw(st.sampled_from(["a", "b", "c"])) + f"{pid:02d}",
                status=draw(st.sampled_from(["active", "active", "active", "stepping_back"])),
                peer_periods=periods,
                training=training,
                weekly=slots,
                unavailable=away,
                max_shifts_per_week=draw(st.none() | st.integers(0, 3)),
                max_hours_per_month=draw(st.none() | st.integers(0, 30)),
            )
        )
    return found


@st.composite
def shifts(draw) -> list[ShiftSlot]:
    found = []
    for sid in range(1, draw(st.integers(1, 12)) + 1):
        day = FIRST + timedelta(days=draw(st.integers(0, 9)))
        start = draw(hours)
        length = draw(st.integers(1, 10))
        end = (datetime.combine(day, start) + timedelta(hours=length)).time()
        begin, finish = span(day, start, end)
        low = draw(st.integers(1, 3))
        found.append(
            ShiftSlot(
                id=sid,
                site_id=draw(st.integers(1, 2)),
                site_name=f"Site {sid % 2}",
                day=day,
                start=begin,
                end=finish,
                min_peers=low,
                max_peers=draw(st.none() | st.integers(low, 4)),
                training_id=draw(st.sampled_from([TRAINING, TRAINING, None])),
                training_name="Peer support",
                cancelled=draw(st.booleans()) and draw(st.booleans()),
            )
        )
    return found


def world_of(persons: list[PersonFacts], slots: list[ShiftSlot]) -> RotaWorld:
    return RotaWorld(
        {s.id: s for s in slots}, {p.member_id: p for p in persons}, Ledger(), defaultdict(set)
    )


@settings(max_examples=300, deadline=None)
@given(people(), shifts())
def test_autofill_never_breaks_a_rule_and_explains_every_gap(persons, slots):
    last = FIRST + timedelta(days=9)
    plan = plan_autofill(world_of(persons, slots), FIRST, last)

    # Deterministic: a second run on a fresh copy of the same data gives the same proposal.
    assert plan_autofill(world_of(persons, slots), FIRST, last) == plan

    by_id = {p.member_id: p for p in persons}
    shift_by_id = {s.id: s for s in slots}
    ledger, assigned = Ledger(), defaultdict(set)
    for item in plan.assignments:
        shift, person = shift_by_id[item.shift_id], by_id[item.member_id]
        # The very rule functions, replayed in order…
        assert shift_refusal(shift, assigned[shift.id], person) is None
        assert person_refusal(person, shift, ledger) is None
        assert limit_refusal(person, shift, ledger) is None
        ledger.add(booking_for(person.member_id, shift))
        assigned[shift.id].add(person.member_id)

    # …and independent checks: no overlaps, limits kept, nobody twice on a shift.
    mine = defaultdict(list)
    for item in plan.assignments:
        mine[item.member_id].append(shift_by_id[item.shift_id])
    for pid, taken in mine.items():
        assert len({s.id for s in taken}) == len(taken)
        for i, a in enumerate(taken):
            for b in taken[i + 1 :]:
                assert a.end <= b.start or b.end <= a.start, (pid, a, b)
        person = by_id[pid]
        weeks, months = defaultdict(int), defaultdict(int)
        for s in taken:
            weeks[s.day.isocalendar()[:2]] += 1
            months[s.day.year, s.day.month] += (s.end - s.start).total_seconds() / 60
            assert not s.cancelled and person.status == "active"
        if person.max_shifts_per_week is not None:
            assert max(weeks.values()) <= person.max_shifts_per_week
        if person.max_hours_per_month is not None:
            assert max(months.values()) <= person.max_hours_per_month * 60

    # Every open shift is at its minimum or listed as a gap with a reason; never made alone.
    gap_ids = {g.shift_id: g for g in plan.gaps}
    for shift in slots:
        if shift.cancelled:
            assert not assigned[shift.id] and shift.id not in gap_ids
            continue
        count = len(assigned[shift.id])
        if count < shift.min_peers:
            assert shift.id in gap_ids and gap_ids[shift.id].reason
        if shift.min_peers >= 2:
            assert count != 1
        if shift.max_peers is not None:
            assert count <= shift.max_peers
