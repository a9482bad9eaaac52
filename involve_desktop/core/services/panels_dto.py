"""Data passed in and out of the recruitment panel services (frozen; never ORM rows).

Panels are coordinators' work (VIEW_PANELS / MANAGE_PANELS), so these DTOs may say which
seat is a lived-experience seat; printed sheets call it "Panel member (lived experience)"
only on the panel pack, which goes to the panel itself, never on public sheets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum

from involve_desktop.core.errors import InvolveError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.rota_dto import hhmm


class PanelStatus(StrEnum):
    """Where a panel is: planned, held or cancelled (with a reason)."""

    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        """The words users see."""
        return {"planned": "Planned", "held": "Held", "cancelled": "Cancelled"}[self.value]


class SeatKind(StrEnum):
    """Which side of the panel someone sits on."""

    LIVED_EXPERIENCE = "lived_experience"
    STAFF = "staff"

    @property
    def label(self) -> str:
        """The words users see."""
        return {
            "lived_experience": "Panel member (lived experience)",
            "staff": "Staff",
        }[self.value]


class PolicyKind(StrEnum):
    """The organisation's rule for how many lived-experience members sit on a panel.

    Whatever the kind, at least ``min_lived`` lived-experience members are needed; EQUAL
    also needs at least as many as staff, MAJORITY more than staff.
    """

    AT_LEAST = "at_least"
    EQUAL = "equal"
    MAJORITY = "majority"

    @property
    def label(self) -> str:
        """The words users see (Settings)."""
        return {
            "at_least": "At least a number of lived-experience members",
            "equal": "Equal numbers of lived-experience members and staff",
            "majority": "A majority of lived-experience members",
        }[self.value]


DEFAULT_MIN_LIVED = 1
DEFAULT_RELIANCE_THRESHOLD = 50  # per cent of lived-experience seats taken by the top 3
TOP_PEOPLE = 3


@dataclass(frozen=True)
class PanelPolicy:
    """The panel policy and the over-reliance warning threshold (per cent)."""

    kind: PolicyKind = PolicyKind.AT_LEAST
    min_lived: int = DEFAULT_MIN_LIVED
    reliance_threshold: int = DEFAULT_RELIANCE_THRESHOLD


# --- Inputs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PanelInput:
    """What a coordinator types for a panel. ``online`` panels take ``online_link`` (the
    link or joining details as text) instead of, or as well as, a venue."""

    post_title: str
    day: date
    team: str | None = None
    start_time: time | None = None
    end_time: time | None = None
    venue: str | None = None
    online: bool = False
    online_link: str | None = None
    candidates: int | None = None


@dataclass(frozen=True)
class PanelProcessInput:
    """The good-practice steps of a panel: briefing, taking part, debrief, feedback."""

    briefing_on: date | None = None
    shortlisting: bool = False
    question_setting: bool = False
    scoring: bool = False
    questions_contributed: str | None = None
    debrief_on: date | None = None
    feedback_given: bool = False


@dataclass(frozen=True)
class SeatInput:
    """Someone to seat: a member (``member_id``), or for staff an outside person
    (``outside_name`` and ``job_title``). ``panel_role`` is their part ("Chair")."""

    kind: SeatKind
    member_id: int | None = None
    outside_name: str | None = None
    job_title: str | None = None
    panel_role: str | None = None


# --- Outputs ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PolicyCheck:
    """Whether a panel meets the policy, and the sentence that says so in plain words."""

    ok: bool
    explanation: str
    lived_needed: int = 0  # how many more lived-experience members would meet it


@dataclass(frozen=True)
class SeatInfo:
    """One person on a panel."""

    id: int
    kind: SeatKind
    member_id: int | None
    name: str
    job_title: str | None
    panel_role: str | None
    override_reason: str | None

    @property
    def outside(self) -> bool:
        """True for an outside person (not in the members list)."""
        return self.member_id is None

    @property
    def role_text(self) -> str:
        """ "Chair — Staff (Service Manager)", "Panel member (lived experience)"."""
        side = self.kind.label
        if self.kind is SeatKind.STAFF and self.job_title:
            side = f"{side} ({self.job_title})"
        return f"{self.panel_role} — {side}" if self.panel_role else side


@dataclass(frozen=True)
class PanelInfo:
    """A panel as listed and shown, with its seats and whether it meets the policy."""

    id: int
    post_title: str
    team: str | None
    day: date
    start_time: time | None
    end_time: time | None
    venue: str | None
    online: bool
    online_link: str | None
    candidates: int | None
    status: PanelStatus
    cancelled_reason: str | None
    briefing_on: date | None
    shortlisting: bool
    question_setting: bool
    scoring: bool
    questions_contributed: str | None
    debrief_on: date | None
    feedback_given: bool
    seats: tuple[SeatInfo, ...]
    policy: PolicyCheck
    version: int = 1  # the version read: edit dialogs send it back (optimistic locking)

    @property
    def lived_count(self) -> int:
        """Lived-experience members seated."""
        return sum(1 for s in self.seats if s.kind is SeatKind.LIVED_EXPERIENCE)

    @property
    def staff_count(self) -> int:
        """Staff seated (members and outside people)."""
        return sum(1 for s in self.seats if s.kind is SeatKind.STAFF)

    @property
    def meets_policy(self) -> bool:
        """The flag every listing shows (cancelled panels are never flagged)."""
        return self.policy.ok

    @property
    def times(self) -> str:
        """ "10:00–13:00", "from 10:00", or "" when no time is set."""
        if self.start_time and self.end_time:
            return f"{hhmm(self.start_time)}–{hhmm(self.end_time)}"
        return f"from {hhmm(self.start_time)}" if self.start_time else ""

    @property
    def when(self) -> str:
        """ "Tue 3 Mar 2026, 10:00–13:00"."""
        return ", ".join(p for p in (format_date(self.day), self.times) if p)

    @property
    def place(self) -> str:
        """Where: the venue, "Online (link)", or both."""
        parts = [self.venue] if self.venue else []
        if self.online:
            parts.append(f"Online: {self.online_link}" if self.online_link else "Online")
        return "; ".join(parts)

    @property
    def title(self) -> str:
        """ "Peer Support Worker — Community Mental Health Team"."""
        return f"{self.post_title} — {self.team}" if self.team else self.post_title


@dataclass(frozen=True)
class Suggestion:
    """A member who could sit on a panel, and why they are where they are in the list."""

    member_id: int
    name: str
    last_sat: date | None
    sat_last_12_months: int
    reason: str


@dataclass(frozen=True)
class PersonCount:
    """How many lived-experience seats one person took in a period."""

    member_id: int
    name: str
    seats: int


@dataclass(frozen=True)
class RelianceFigures:
    """How concentrated panel seats are: the over-reliance indicator for a period.

    ``share_percent`` is rounded for showing; ``warning`` compares exactly (top seats ×
    100 > threshold × all seats).
    """

    start: date
    end: date
    distinct_people: int
    lived_seats: int
    top_seats: int
    top_people: tuple[PersonCount, ...]
    threshold: int
    warning: bool
    explanation: str

    @property
    def share_percent(self) -> int:
        """Share of lived-experience seats taken by the top 3, in whole per cent."""
        if not self.lived_seats:
            return 0
        return (self.top_seats * 200 + self.lived_seats) // (self.lived_seats * 2)


@dataclass(frozen=True)
class PanelSat:
    """One panel in a person's participation history."""

    panel_id: int
    day: date
    post_title: str
    team: str | None
    kind: SeatKind
    panel_role: str | None
    status: PanelStatus


@dataclass(frozen=True)
class PersonPanels:
    """A person's panels, newest first, with counts of those held."""

    member_id: int
    name: str
    panels: tuple[PanelSat, ...]

    @property
    def held(self) -> int:
        """Panels they sat on that were held."""
        return sum(1 for p in self.panels if p.status is PanelStatus.HELD)

    @property
    def last_sat(self) -> date | None:
        """The day of the last held panel they sat on."""
        return max((p.day for p in self.panels if p.status is PanelStatus.HELD), default=None)


@dataclass(frozen=True)
class ParticipationRow:
    """One person's seats on held panels in a period."""

    member_id: int
    name: str
    lived_seats: int
    staff_seats: int
    last_sat: date | None


@dataclass(frozen=True)
class ParticipationSummary:
    """Panel participation for a period: counts per person and the over-reliance figures."""

    start: date
    end: date
    panels_held: int
    panels_planned: int
    panels_cancelled: int
    held_not_meeting_policy: int
    outside_staff_seats: int
    rows: tuple[ParticipationRow, ...]
    reliance: RelianceFigures
    broke_policy: tuple[str, ...] = ()  # "Thu 29 Jan 2026 Nurse", the held ones short of it


class PanelRefused(InvolveError):
    """A rule refused a seat; ``overridable`` when only limits are in the way (confirm and
    give a reason, which is kept on the seat and in the audit trail)."""

    def __init__(
        self, message: str, code: str, overridable: bool = False, codes: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.code = code
        self.overridable = overridable
        self.codes = codes or (code,)
