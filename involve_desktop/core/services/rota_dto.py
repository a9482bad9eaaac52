"""Data passed in and out of the rota services (frozen; never ORM rows).

``ShiftSlot``, ``PersonFacts`` and ``Booking`` are the small inputs of the pure rules in
``rota_rules``; the rest is what the GUI shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.member_names import with_apart


def hhmm(moment: time | datetime) -> str:
    """ "09:00"."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def plural(count: int, word: str, words: str | None = None) -> str:
    """ "1 shift", "3 shifts", "2 people" (``words`` for an irregular plural).

    The same rule as the members list's ``plural`` in the GUI; kept here because the rota
    services' own sentences need it and ``core`` cannot import the GUI.
    """
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


class SiteKind(StrEnum):
    """What sort of place a site is."""

    WARD = "ward"
    COMMUNITY_VENUE = "community_venue"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The words users see."""
        return {"ward": "Ward", "community_venue": "Community venue", "other": "Other"}[self.value]


class Attendance(StrEnum):
    """What happened on a shift someone was on."""

    WORKED = "worked"
    DID_NOT_ATTEND = "did_not_attend"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        """The words users see."""
        return {
            "worked": "Worked",
            "did_not_attend": "Did not attend",
            "cancelled": "Cancelled",
        }[self.value]


class CallAnswer(StrEnum):
    """The answer when someone was asked to cover a shift."""

    YES = "yes"
    NO = "no"
    NO_REPLY = "no_reply"

    @property
    def label(self) -> str:
        """The words users see."""
        return {"yes": "Yes", "no": "No", "no_reply": "No reply"}[self.value]


class CoverageState(StrEnum):
    """How well a shift is covered; always shown with words, never by colour alone."""

    NO_ONE = "no_one"
    ALONE = "alone"
    SHORT = "short"
    COVERED = "covered"
    FULL = "full"

    @property
    def label(self) -> str:
        """The words users see."""
        return {
            "no_one": "No one",
            "alone": "Alone on shift",
            "short": "Short",
            "covered": "Covered",
            "full": "Full",
        }[self.value]

    @property
    def is_gap(self) -> bool:
        """Below the shift's minimum (a peer alone is a gap whatever a head count says)."""
        return self in (CoverageState.NO_ONE, CoverageState.ALONE, CoverageState.SHORT)


# --- Inputs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteInput:
    """What a coordinator types for a site."""

    name: str
    kind: SiteKind = SiteKind.WARD
    address: str | None = None
    accessibility_notes: str | None = None
    contact: str | None = None
    min_together: int = 2
    max_peers: int | None = None


@dataclass(frozen=True)
class PatternInput:
    """A weekly shift at a site. Peers needed default to the site's; training to peer support.

    ``no_training_required`` makes a shift anyone on the rota may work (rare: e.g. a social).
    """

    site_id: int
    weekday: int
    start_time: time
    end_time: time
    valid_from: date
    valid_to: date | None = None
    min_peers: int | None = None
    max_peers: int | None = None
    required_training_type_id: int | None = None
    no_training_required: bool = False
    runs_on_bank_holidays: bool = False


@dataclass(frozen=True)
class AvailabilitySlot:
    """A weekly time someone is available; ``to_time`` at or before ``from_time`` runs past
    midnight into the next day."""

    weekday: int
    from_time: time
    to_time: time


# --- Pure-rule inputs ---------------------------------------------------------------------


@dataclass(frozen=True)
class ShiftSlot:
    """One shift as the rules see it; ``end`` is on the next day for overnight shifts."""

    id: int
    site_id: int
    site_name: str
    day: date
    start: datetime
    end: datetime
    min_peers: int
    max_peers: int | None
    training_id: int | None
    training_name: str | None
    cancelled: bool = False

    @property
    def minutes(self) -> int:
        """Planned length in minutes."""
        return int((self.end - self.start).total_seconds() // 60)

    @property
    def when(self) -> str:
        """ "Tue 3 Mar 2026 09:00–13:00"."""
        return f"{format_date(self.day)} {hhmm(self.start)}–{hhmm(self.end)}"

    @property
    def times(self) -> str:
        """ "09:00–13:00", or "22:00–06:00 (next day)" when it ends after midnight."""
        text = f"{hhmm(self.start)}–{hhmm(self.end)}"
        past_midnight = self.end.date() > self.day and self.end.time() != time(0)
        return text + " (next day)" if past_midnight else text

    @property
    def label(self) -> str:
        """ "Ward 4, Tue 3 Mar 2026 09:00–13:00"."""
        return f"{self.site_name}, {self.when}"


@dataclass(frozen=True)
class PeerPeriod:
    """A time someone held a peer supporter role (bank or regular)."""

    start_on: date
    end_on: date | None
    bank: bool


@dataclass(frozen=True)
class PersonFacts:
    """What the rules need to know about one person.

    ``training`` maps training type id to the latest expiry (None: does not expire); a type
    missing from it was never done.
    """

    member_id: int
    name: str
    sort_name: str
    status: str
    peer_periods: tuple[PeerPeriod, ...] = ()
    training: dict[int, date | None] = field(default_factory=dict)
    weekly: tuple[AvailabilitySlot, ...] = ()
    unavailable: tuple[tuple[date, date], ...] = ()
    max_shifts_per_week: int | None = None
    max_hours_per_month: int | None = None

    def peer_on(self, day: date) -> PeerPeriod | None:
        """The peer role held on ``day`` (regular wins over bank), or None."""
        found = None
        for p in self.peer_periods:
            if p.start_on <= day and (p.end_on is None or p.end_on >= day):
                if not p.bank:
                    return p
                found = p
        return found

    def is_bank_on(self, day: date) -> bool:
        """True when the only peer role held on ``day`` is the bank role."""
        period = self.peer_on(day)
        return period is not None and period.bank


@dataclass(frozen=True)
class Booking:
    """A shift someone is already on (counts towards overlaps, limits and fairness)."""

    shift_id: int
    member_id: int
    label: str
    start: datetime
    end: datetime

    @property
    def minutes(self) -> int:
        """Planned length in minutes."""
        return int((self.end - self.start).total_seconds() // 60)


@dataclass(frozen=True)
class Refusal:
    """Why someone cannot go on a shift: a short code for counting, and the sentence.

    The sentence may be given as a function, so that auto-fill, which checks thousands of
    people, only builds the sentences it shows.
    """

    code: str
    text: str | Callable[[], str] = field(repr=False, compare=False)

    @property
    def message(self) -> str:
        """The sentence naming the person and the reason."""
        return self.text if isinstance(self.text, str) else self.text()


# --- Outputs ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteInfo:
    """A site as listed."""

    id: int
    name: str
    kind: SiteKind
    address: str | None
    accessibility_notes: str | None
    contact: str | None
    min_together: int
    max_peers: int | None
    archived: bool
    version: int = 1  # the version read: edit dialogs send it back (optimistic locking)


@dataclass(frozen=True)
class ClosedDateInfo:
    """A day a site is closed."""

    id: int
    site_id: int
    day: date
    note: str | None


@dataclass(frozen=True)
class PatternInfo:
    """A weekly shift pattern as listed."""

    id: int
    site_id: int
    site_name: str
    weekday: int
    start_time: time
    end_time: time
    min_peers: int
    max_peers: int | None
    required_training_type_id: int | None
    required_training_name: str | None
    runs_on_bank_holidays: bool
    valid_from: date
    valid_to: date | None


@dataclass(frozen=True)
class GenerateResult:
    """What ``generate_shifts`` did."""

    created: int
    already_there: int
    bank_holidays_skipped: tuple[tuple[date, str], ...]
    closed_skipped: tuple[tuple[date, str], ...]


@dataclass(frozen=True)
class AssigneeInfo:
    """Someone on a shift."""

    assignment_id: int
    member_id: int
    name: str
    bank: bool
    override_reason: str | None
    attendance: Attendance | None
    actual_minutes: int | None
    # Why they do not count toward cover on a shift from today on ("left", "stepping back",
    # "time off"; ``rota_rules.away_from_shift``), or None when they count.
    away: str | None = None
    # What tells them apart from someone of the same name nearby ("joined Mar 2024";
    # ``names_apart.telling_apart``), or None when no one shares their name.
    apart: str | None = None

    @property
    def label(self) -> str:
        """Their name, with what tells them apart when someone shares it."""
        return with_apart(self.name, self.apart)


@dataclass(frozen=True)
class ShiftView:
    """A shift with who is on it and how well it is covered."""

    slot: ShiftSlot
    assignees: tuple[AssigneeInfo, ...]
    state: CoverageState
    cancelled_reason: str | None = None
    version: int = 1  # the version read: the edit dialog sends it back (optimistic locking)

    @property
    def covered(self) -> bool:
        """At or above the minimum."""
        return not self.state.is_gap

    @property
    def on_count(self) -> int:
        """How many count toward cover: nothing recorded or worked, and not ``away``."""
        return sum(
            1
            for a in self.assignees
            if a.away is None and a.attendance in (None, Attendance.WORKED)
        )


@dataclass(frozen=True)
class Suggestion:
    """Someone who could cover a shift (every hard rule passes)."""

    member_id: int
    name: str
    bank: bool
    recent_shifts: int
    limit_note: str | None  # the limit they would go past (e.g. outside their availability)
    apart: str | None = None  # as ``AssigneeInfo.apart``

    @property
    def label(self) -> str:
        """Their name, with what tells them apart when someone shares it."""
        return with_apart(self.name, self.apart)


@dataclass(frozen=True)
class NotEligible:
    """Someone who cannot cover a shift, with the reason."""

    member_id: int
    name: str
    reason: str
    apart: str | None = None  # as ``AssigneeInfo.apart``


@dataclass(frozen=True)
class CoverSuggestions:
    """People to ring for a shift, best first, and those who cannot do it."""

    shift: ShiftView
    eligible: tuple[Suggestion, ...]
    not_eligible: tuple[NotEligible, ...]
    empty_reason: str | None = None  # why both lists are empty, when they are


@dataclass(frozen=True)
class GapInfo:
    """A shift below its minimum, with why: "alone: needs 2, has 1 — no one trained free"."""

    view: ShiftView
    why: str


@dataclass(frozen=True)
class CallDownInfo:
    """One call-down log entry."""

    id: int
    shift_id: int
    member_id: int
    member_name: str
    asked_at: datetime
    asked_by: str
    answer: CallAnswer
    note: str | None


@dataclass(frozen=True)
class ProposedAssignment:
    """One assignment auto-fill proposes."""

    shift_id: int
    member_id: int
    member_name: str
    shift_label: str


@dataclass(frozen=True)
class AutofillGap:
    """A shift auto-fill could not bring to its minimum, and why."""

    shift_id: int
    shift_label: str
    min_peers: int
    already: int
    proposed: int
    state: CoverageState
    reason: str


@dataclass(frozen=True)
class AutofillProposal:
    """The preview of an auto-fill: assignments to make and gaps left."""

    start: date
    end: date
    assignments: tuple[ProposedAssignment, ...]
    gaps: tuple[AutofillGap, ...]
    shift_count: int = 0  # shifts (not cancelled) from ``first_day`` to ``end`` looked at
    first_day: date | None = None  # the first day filled: today when the period began earlier


@dataclass(frozen=True)
class UnavailableInfo:
    """A period someone is unavailable."""

    id: int
    start_on: date
    end_on: date


@dataclass(frozen=True)
class PersonAvailability:
    """A supporter's weekly availability, unavailable periods and limits."""

    member_id: int
    name: str
    bank: bool
    weekly: tuple[AvailabilitySlot, ...]
    unavailable: tuple[UnavailableInfo, ...]
    max_shifts_per_week: int | None
    max_hours_per_month: int | None
