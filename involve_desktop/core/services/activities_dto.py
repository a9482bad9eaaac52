"""Data passed in and out of the 4PI activity and you said, we did services (frozen DTOs)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class ActivityKind(StrEnum):
    """What sort of involvement activity it was."""

    CONSULTATION = "consultation"
    WORKSHOP = "workshop"
    COUNCIL_DECISION = "council_decision"
    PANEL = "panel"
    SERVICE_CHANGE = "service_change"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The words users see."""
        return {
            "consultation": "Consultation",
            "workshop": "Co-production workshop",
            "council_decision": "Council decision",
            "panel": "Recruitment panel",
            "service_change": "Service change",
            "other": "Other",
        }[self.value]


class PaymentOffered(StrEnum):
    """Whether payment was offered to those involved."""

    YES = "yes"
    NO = "no"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        """The words users see."""
        return {"yes": "Yes", "no": "No", "not_applicable": "Not applicable"}[self.value]


class ImpactStatus(StrEnum):
    """Where the impact of an activity stands."""

    WAITING = "waiting"
    CHANGED = "changed"
    NO_CHANGE = "no_change"

    @property
    def label(self) -> str:
        """The words users see."""
        return {
            "waiting": "Waiting to hear",
            "changed": "Changed",
            "no_change": "No change",
        }[self.value]


class YouSaidStatus(StrEnum):
    """Where a you said, we did entry stands."""

    PLANNED = "planned"
    DONE = "done"
    NOT_POSSIBLE = "not_possible"

    @property
    def label(self) -> str:
        """The words users see."""
        return {"planned": "Planned", "done": "Done", "not_possible": "Not possible"}[self.value]


@dataclass(frozen=True)
class ActivityInput:
    """What a coordinator types for an activity (``version``: the one editing started from)."""

    title: str
    kind: ActivityKind
    day: date
    asked_by: str | None = None
    purpose: str | None = None
    member_ids: tuple[int, ...] = ()
    staff_count: int = 0
    carers_count: int = 0
    others_count: int = 0
    others_lived_experience: int = 0
    missing_groups: tuple[str, ...] = ()
    roles: str | None = None
    preparation: str | None = None
    accessibility: str | None = None
    support: str | None = None
    payment: PaymentOffered = PaymentOffered.NOT_APPLICABLE
    payment_note: str | None = None
    feedback_on: date | None = None
    feedback_how: str | None = None
    impact_services: str | None = None
    impact_people: str | None = None
    impact_status: ImpactStatus = ImpactStatus.WAITING
    impact_reason: str | None = None
    version: int | None = None


@dataclass(frozen=True)
class PersonPresent:
    """A member present at an activity."""

    member_id: int
    name: str


@dataclass(frozen=True)
class ActivityInfo:
    """One activity as the services return it, with its 4PI gaps (empty when complete)."""

    id: int
    title: str
    kind: ActivityKind
    day: date
    asked_by: str | None
    purpose: str | None
    members: tuple[PersonPresent, ...]
    staff_count: int
    carers_count: int
    others_count: int
    others_lived_experience: int
    missing_groups: tuple[str, ...]
    roles: str | None
    preparation: str | None
    accessibility: str | None
    support: str | None
    payment: PaymentOffered
    payment_note: str | None
    feedback_on: date | None
    feedback_how: str | None
    impact_services: str | None
    impact_people: str | None
    impact_status: ImpactStatus
    impact_reason: str | None
    version: int
    gaps: tuple[str, ...] = field(default=())
    # Members present whose member record says they have lived experience (some members are
    # staff or allies, and some have not said).
    members_lived_experience: int = 0

    @property
    def people_present(self) -> int:
        """Everyone present: members plus staff, carers and families, and others."""
        return len(self.members) + self.staff_count + self.carers_count + self.others_count

    @property
    def lived_experience_present(self) -> int:
        """Members present whose record says they have lived experience, plus others."""
        return self.members_lived_experience + self.others_lived_experience

    @property
    def complete_text(self) -> str:
        """The 4PI column: "✓ complete" or the first gap with a warning sign."""
        return "✓ complete" if not self.gaps else f"⚠ {self.gaps[0].lower()}"


@dataclass(frozen=True)
class ActivityFilter:
    """Which activities to list (all when empty)."""

    start: date | None = None
    end: date | None = None
    kind: ActivityKind | None = None
    incomplete_only: bool = False
    text: str = ""


@dataclass(frozen=True)
class YouSaidInput:
    """What a coordinator types for a you said, we did entry."""

    day: date
    you_said: str
    we_did: str | None = None
    status: YouSaidStatus = YouSaidStatus.PLANNED
    reason: str | None = None
    responsible: str | None = None
    activity_id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class YouSaidInfo:
    """One you said, we did entry (``activity_title`` when linked to an activity)."""

    id: int
    day: date
    you_said: str
    we_did: str | None
    status: YouSaidStatus
    reason: str | None
    responsible: str | None
    activity_id: int | None
    activity_title: str | None
    version: int


@dataclass(frozen=True)
class Principles:
    """The group's agreed 4PI principles (shared values) and when they were agreed."""

    text: str = ""
    agreed_on: date | None = None
