"""Why each gap is a gap: its coverage in words and what stands in the way of filling it.

``gaps_with_reasons`` gives the gaps of a period (as ``rota_coverage.gaps``) each with a
short reason for the gaps list, built with exactly the rules of ``rota_rules``:

- the coverage: "no one: needs 2", "alone: needs 2, has 1", "short: needs 3, has 2";
- then, for a shift from today on, who could fill it: "2 people could cover — open it to
  ring round"; or, when nobody is free within their availability and limits, how many
  could cover if asked, and what they would be asked to go beyond ("no one free; 1,858
  could cover if asked (outside their availability)"); or what stops
  everyone ("no one trained available", "no one free: 3 not available then, 2 away"); a
  shift on an earlier day is simply "this shift is over".

Shifts with the same day, times and training share one check of everyone (only the people
already on a shift differ), so a quarter of a large rota stays quick.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.rota import RotaShift
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_coverage import gaps
from involve_desktop.core.services.rota_dto import (
    CoverageState,
    GapInfo,
    PersonFacts,
    ShiftSlot,
    ShiftView,
    plural,
)
from involve_desktop.core.services.rota_rules import (
    Ledger,
    limit_refusal,
    person_refusal,
    training_words,
)
from involve_desktop.core.services.rota_world import load_world
from involve_desktop.core.services.transaction import require

FREE = "free"
LIMIT_WORDS = {
    "not_available": "outside their availability",
    "limit_week": "over their shifts a week",
    "limit_month": "over their hours a month",
}
NO_GAPS = "No gaps: every shift in this period has enough peers together."


@dataclass(frozen=True)
class PlannedShifts:
    """How much of a period the rota covers at all: shifts planned in it (not cancelled)
    and the last day with a shift planned anywhere (this site, when one was chosen), so
    "no gaps" is never said of weeks that simply have no shifts yet."""

    start: date
    end: date
    count: int
    last_day: date | None

    def none_planned(self) -> str | None:
        """Words for a period with no shifts in it, or None when it has some."""
        if self.count:
            return None
        period = f"{format_date(self.start)} to {format_date(self.end)}"
        if self.last_day is None:
            return f"No shifts are planned yet, so there is nothing to cover ({period})."
        if self.last_day < self.start:
            return (
                f"No shifts are planned from {period}: the rota so far ends on "
                f"{format_date(self.last_day)}. Add the shifts first (Rota → Generate shifts…)."
            )
        return f"No shifts are planned from {period}."

    def ends_early(self) -> str | None:
        """A note when shifts stop before the period ends (later weeks are not covered, just
        not planned yet), or None."""
        if not self.count or self.last_day is None or self.last_day >= self.end:
            return None
        return f"No shifts are planned after {format_date(self.last_day)} yet."

    def no_gaps(self) -> str:
        """What to say when no shift in the period is a gap."""
        empty = self.none_planned()
        if empty is not None:
            return empty
        early = self.ends_early()
        return NO_GAPS if early is None else f"{NO_GAPS} {early}"


def planned_shifts(
    session: Session, actor: Actor, start: date, end: date, *, site_id: int | None = None
) -> PlannedShifts:
    """Shifts planned from ``start`` to ``end`` and the last day any shift is planned."""
    require(session, actor, Permission.VIEW_ROTA, "see the rota")
    live = [RotaShift.cancelled.is_(False)]
    if site_id is not None:
        live.append(RotaShift.site_id == site_id)
    count = session.scalar(
        select(func.count(RotaShift.id)).where(*live, RotaShift.day >= start, RotaShift.day <= end)
    )
    last_day = session.scalar(select(func.max(RotaShift.day)).where(*live))
    return PlannedShifts(start, end, int(count or 0), last_day)


HARD_WORDS = {
    "unavailable": "away",
    "training": "{training} training not current",
    "overlap": "on another shift then",
    "not_active": "stepping back",
}


def coverage_reason(view: ShiftView) -> str:
    """ "alone: needs 2, has 1", "no one: needs 2", "short: needs 3, has 2"."""
    need = view.slot.min_peers
    have = view.on_count  # those who count toward cover (not left, stepping back or away)
    if view.state is CoverageState.NO_ONE:
        return f"no one: needs {need}"
    if view.state is CoverageState.ALONE:
        return f"alone: needs {need}, has {have}"
    return f"short: needs {need}, has {have}"


def _verdicts(people: list[PersonFacts], shift: ShiftSlot, ledger: Ledger) -> dict[int, str]:
    """Each peer's verdict for a shift: FREE, a limit code, or a hard refusal code."""
    found: dict[int, str] = {}
    for person in people:
        refusal = person_refusal(person, shift, ledger)
        if refusal is None:
            limit = limit_refusal(person, shift, ledger)
            found[person.member_id] = FREE if limit is None else limit.code
        elif refusal.code != "not_peer":
            found[person.member_id] = refusal.code
    return found


def fill_reason(shift: ShiftSlot, verdicts: dict[int, str], on_it: set[int]) -> str:
    """Who could fill the shift, or what stops everyone, in a few words."""
    tally = Counter(code for pid, code in verdicts.items() if pid not in on_it)
    free = tally.pop(FREE, 0)
    if free:
        return f"{plural(free, 'person', 'people')} could cover — open it to ring round"
    limits = {code: tally.pop(code) for code in list(tally) if code in LIMIT_WORDS}
    if limits:
        count = sum(limits.values())
        words = ", ".join(LIMIT_WORDS[c] for c in sorted(limits, key=lambda c: -limits[c]))
        return f"no one free; {count:,} could cover if asked ({words})"
    training = training_words(shift.training_name or "the required")
    if not tally:
        return "no peer supporters on the rota on that day"
    if set(tally) == {"training"}:
        return f"no one with current {training} training available"
    parts = ", ".join(
        f"{n} {HARD_WORDS.get(code, code).format(training=training)}"
        for code, n in sorted(tally.items(), key=lambda t: (-t[1], t[0]))
    )
    return f"no one free: {parts}"


def gaps_with_reasons(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    *,
    site_id: int | None = None,
    today: date | None = None,
) -> list[GapInfo]:
    """The gaps from ``start`` to ``end`` (see ``rota_coverage.gaps``), each with its reason;
    a gap on a day before ``today`` (default: today) is said to be over rather than offered
    for ringing round."""
    today = today or date.today()
    found = gaps(session, actor, start, end, site_id=site_id, today=today)
    if not found:
        return []
    world = load_world(session, start, end, shift_ids=[v.slot.id for v in found])
    session.rollback()  # a read; end the transaction
    people = [p for p in world.people.values() if p.status != "left"]
    shared: dict[tuple, dict[int, str]] = {}
    on_group: dict[tuple, set[int]] = {}  # people on any gap of the group: busy for the rest
    for view in found:
        shift = world.shifts[view.slot.id]
        key = (shift.day, shift.start, shift.end, shift.training_id)
        on_group.setdefault(key, set()).update(world.assigned.get(shift.id, set()))
    result = []
    for view in found:
        shift = world.shifts[view.slot.id]
        key = (shift.day, shift.start, shift.end, shift.training_id)
        if key not in shared:
            shared[key] = _verdicts(people, shift, world.ledger)
        on_it = world.assigned.get(shift.id, set())
        if shift.day < today:
            result.append(GapInfo(view, f"{coverage_reason(view)} — this shift is over"))
            continue
        verdicts = shared[key] | {pid: "overlap" for pid in on_group[key] - on_it}
        why = f"{coverage_reason(view)} — {fill_reason(shift, verdicts, on_it)}"
        result.append(GapInfo(view, why))
    return result
