"""The auto-fill algorithm: pure, in memory, deterministic, over a loaded ``RotaWorld``.

Decisions:

- Shifts are filled in time order (day, start, end, training, site name, id); cancelled and
  shifts already at their minimum are left alone. Auto-fill only brings shifts up to their
  minimum, never beyond.
- For each shift, the candidates are the people whose weekly availability touches that
  weekday (an index built once), checked with exactly the rules of ``rota_rules``: every
  hard rule and every limit (auto-fill never overrides a limit). Proposals are added to the
  ledger as they are made, so they count towards overlaps, limits and fairness at once.
- Fairness: regulars before bank (bank supporters are the extra cover), then the fewest
  shifts so far in the period plus the 4 weeks before it (existing and proposed), then
  name, then id — so the same data always gives the same proposal.
- Never alone: if a shift with nobody on it needs 2 or more and only one person is
  eligible, nobody is proposed (that person stays free for another shift) and the shift is
  listed as a gap "only 1 eligible person — would be alone". When 2 or more can go but not
  enough, they are proposed and the shift is listed as short, with the reason.
- Someone already on a shift who has left, is stepping back or has time off that day does
  not count toward its minimum (``rota_rules.away_from_shift``, as the grid and gaps): the
  shift is filled as if they were not there (they still hold their place toward its
  maximum until a coordinator takes them off).
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from involve_desktop.core.services.rota_dto import (
    AutofillGap,
    PersonFacts,
    ProposedAssignment,
    ShiftSlot,
    plural,
)
from involve_desktop.core.services.rota_rules import (
    away_from_shift,
    booking_for,
    coverage_state,
    limit_refusal,
    person_refusal,
    shift_refusal,
    training_words,
)
from involve_desktop.core.services.rota_world import LOOKBACK_DAYS, RotaWorld

REASON_WORDS = {
    "not_available": "not available then",
    "unavailable": "away",
    "training": "{training} training not current",
    "overlap": "on another shift",
    "limit_week": "at their limits",
    "limit_month": "at their limits",
    "not_active": "stepping back or left",
}


@dataclass(frozen=True)
class Plan:
    """What auto-fill would do: assignments in order, and the gaps left."""

    assignments: tuple[ProposedAssignment, ...]
    gaps: tuple[AutofillGap, ...]
    shift_count: int = 0  # shifts in the period that are not cancelled


def _weekday_index(people: dict[int, PersonFacts]) -> dict[int, list[PersonFacts]]:
    """Active peers by the weekdays their slots could cover (a slot past midnight also
    counts for the next weekday)."""
    index: dict[int, dict[int, PersonFacts]] = defaultdict(dict)
    for person in people.values():
        if not person.peer_periods or person.status != "active":
            continue
        for slot in person.weekly:
            index[slot.weekday][person.member_id] = person
            if slot.to_time <= slot.from_time:
                index[(slot.weekday + 1) % 7][person.member_id] = person
    return {day: list(found.values()) for day, found in index.items()}


class _Queue:
    """People available on one weekday, kept sorted by (shifts so far, name, id)."""

    def __init__(self, people: list[PersonFacts], so_far: dict[int, int]) -> None:
        self.keys = sorted((so_far[p.member_id], p.sort_name, p.member_id) for p in people)
        self.person = {p.member_id: p for p in people}

    def bump(self, person: PersonFacts, before: int) -> None:
        """Move someone whose count went from ``before`` to ``before + 1``."""
        old = (before, person.sort_name, person.member_id)
        index = bisect.bisect_left(self.keys, old)
        if index < len(self.keys) and self.keys[index] == old:
            del self.keys[index]
            bisect.insort(self.keys, (before + 1, person.sort_name, person.member_id))


def _why_nobody(shift: ShiftSlot, tally: Counter[str], others: int) -> str:
    """A reason naming what stopped everyone; ``others`` were not available that weekday."""
    training = training_words(shift.training_name or "required")
    words: Counter[str] = Counter()
    for code, n in tally.items():
        words[REASON_WORDS.get(code, code).format(training=training)] += n
    if others:
        words[REASON_WORDS["not_available"]] += others
    if not words:
        return f"no peer supporters on the rota on {shift.when}"
    if set(words) == {f"{training} training not current"}:
        return f"no one available with current {training} training on {shift.when}"
    parts = ", ".join(f"{n} {w}" for w, n in sorted(words.items(), key=lambda t: (-t[1], t[0])))
    return f"no one eligible on {shift.when} ({parts})"


def _pool(
    world: RotaWorld,
    shift: ShiftSlot,
    queue: _Queue,
    assigned: set[int],
    untrained: set[tuple[int, int | None]],
) -> tuple[list[PersonFacts], Counter[str]]:
    """Everyone for whom every rule and limit passes for ``shift``, in fairness order
    (regulars first, then bank), and the refusal codes of the others.

    ``untrained`` remembers who failed the training rule for a kind of training: as shifts
    are taken in date order, an expired (or missing) training stays so for later shifts.
    """
    regular: list[PersonFacts] = []
    bank: list[PersonFacts] = []
    tally: Counter[str] = Counter()
    for _, _, pid in queue.keys:
        person = queue.person[pid]
        if (pid, shift.training_id) in untrained:
            tally["training"] += 1
            continue
        refusal = (
            shift_refusal(shift, assigned, person)
            or person_refusal(person, shift, world.ledger)
            or limit_refusal(person, shift, world.ledger)
        )
        if refusal is None:
            (bank if person.is_bank_on(shift.day) else regular).append(person)
        elif refusal.code != "already_on":
            tally[refusal.code] += 1
            if refusal.code == "training":
                untrained.add((pid, shift.training_id))
    return regular + bank, tally


def _counting(world: RotaWorld, shift: ShiftSlot, assigned: set[int], today: date) -> int:
    """How many on ``shift`` count toward its minimum (not left, stepping back or away)."""
    away = 0
    for member_id in assigned:
        person = world.people.get(member_id)
        if person is not None and away_from_shift(person.status, person.unavailable, shift, today):
            away += 1
    return len(assigned) - away


def plan_autofill(world: RotaWorld, first: date, last: date) -> Plan:
    """Propose assignments bringing shifts from ``first`` to ``last`` to their minimum.

    Shifts with the same day, times and training form a group: everyone's eligibility is
    the same for each of them (taking someone only changes their own bookings, which then
    overlap the rest of the group), so the eligible pool is worked out once per group and
    handed out in fairness order. Adds the proposals to ``world`` as it goes.
    """
    lookback = first - timedelta(days=LOOKBACK_DAYS)
    so_far = {pid: world.ledger.count_between(pid, lookback, last) for pid in world.people}
    index = _weekday_index(world.people)
    queues = {day: _Queue(found, so_far) for day, found in index.items()}
    active_peers = sum(1 for p in world.people.values() if p.peer_periods and p.status == "active")
    proposals: list[ProposedAssignment] = []
    gaps: list[AutofillGap] = []
    untrained: set[tuple[int, int | None]] = set()
    ordered = sorted(
        (s for s in world.shifts.values() if first <= s.day <= last and not s.cancelled),
        key=lambda s: (s.day, s.start, s.end, s.training_id or 0, s.site_name, s.id),
    )
    group_key = None
    pool: list[PersonFacts] | None = None
    tally: Counter[str] = Counter()
    taken = 0
    for shift in ordered:
        key = (shift.start, shift.end, shift.training_id)
        if key != group_key:
            group_key, pool, taken = key, None, 0
        assigned = world.assigned.setdefault(shift.id, set())
        there = _counting(world, shift, assigned, first)
        need = shift.min_peers - there
        if need <= 0:
            continue
        queue = queues.get(shift.day.weekday()) or _Queue([], so_far)
        if pool is None:
            pool, tally = _pool(world, shift, queue, assigned, untrained)
        # Someone who no longer counts (left, stepping back, time off) still holds a place up
        # to the maximum, which the commit enforces: never propose past it.
        room = need if shift.max_peers is None else min(need, shift.max_peers - len(assigned))
        chosen = pool[: max(room, 0)]
        reason = None
        if room < need and len(chosen) == max(room, 0):
            held = len(assigned) - there
            who = (
                "1 person who no longer counts"
                if held == 1
                else f"{held} people who no longer count"
            )
            reason = (
                f"full: {who} (left, stepping back or time off) still on it — take them off "
                "to make room"
            )
            if not there and len(chosen) == 1 and shift.min_peers >= 2:
                chosen = []
        elif not chosen:
            others = active_peers - len(queue.person)
            words = tally + Counter({"overlap": taken} if taken else {})
            reason = _why_nobody(shift, words, others)
        elif not there and len(chosen) == 1 and shift.min_peers >= 2:
            reason = f"only 1 eligible person ({chosen[0].name}) — would be alone"
            chosen = []
        elif len(chosen) < need:
            found = plural(len(chosen), "eligible person", "eligible people")
            reason = f"only {found} — needs {shift.min_peers}"
        del pool[: len(chosen)]
        taken += len(chosen)
        for person in chosen:
            world.ledger.add(booking_for(person.member_id, shift))
            assigned.add(person.member_id)
            before = so_far[person.member_id]
            so_far[person.member_id] = before + 1
            for q in queues.values():
                if person.member_id in q.person:
                    q.bump(person, before)
            proposals.append(
                ProposedAssignment(shift.id, person.member_id, person.name, shift.label)
            )
        if reason is not None:
            count = there + len(chosen)
            gaps.append(
                AutofillGap(
                    shift.id,
                    shift.label,
                    shift.min_peers,
                    there,
                    len(chosen),
                    coverage_state(count, shift.min_peers, shift.max_peers),
                    reason,
                )
            )
    return Plan(tuple(proposals), tuple(gaps), len(ordered))
