"""Data passed in and out of the member services (frozen; never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class MemberStatus(StrEnum):
    """Where someone is with the group."""

    ACTIVE = "active"
    STEPPING_BACK = "stepping_back"
    LEFT = "left"

    @property
    def label(self) -> str:
        """The words users see."""
        return {"active": "Active", "stepping_back": "Stepping back", "left": "Left"}[self.value]


class ContactMethod(StrEnum):
    """How someone prefers to be contacted."""

    EMAIL = "email"
    PHONE = "phone"
    TEXT = "text"
    POST = "post"
    IN_PERSON = "in_person"

    @property
    def label(self) -> str:
        """The words users see."""
        return {
            "email": "Email",
            "phone": "Phone call",
            "text": "Text message",
            "post": "Post",
            "in_person": "In person only",
        }[self.value]


class ConsentHow(StrEnum):
    """How consent was given."""

    WRITTEN = "written"
    VERBAL = "verbal"
    ONLINE = "online"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The words users see."""
        return self.value.capitalize()


class TrainingState(StrEnum):
    """Whether a piece of training is current; shown with words, not colour alone."""

    CURRENT = "current"
    DUE = "due"
    EXPIRED = "expired"
    NO_EXPIRY = "no_expiry"

    @property
    def label(self) -> str:
        """The words users see."""
        return {
            "current": "Current",
            "due": "Due for renewal",
            "expired": "Expired",
            "no_expiry": "Does not expire",
        }[self.value]


@dataclass(frozen=True)
class Restricted:
    """The restricted fields: only roles allowed to see them read or change them."""

    lived_experience: bool | None = None
    emergency_contact: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class AccessNeeds:
    """What someone needs to take part."""

    large_print: bool = False
    interpreter: bool = False
    step_free: bool = False
    hearing_loop: bool = False
    other: str | None = None

    def describe(self) -> str:
        """ "Large print, step-free access" or ""."""
        parts = [
            label
            for flag, label in (
                (self.large_print, "Large print"),
                (self.interpreter, "Interpreter"),
                (self.step_free, "Step-free access"),
                (self.hearing_loop, "Hearing loop"),
            )
            if flag
        ]
        if self.other:
            parts.append(self.other)
        return ", ".join(parts)


@dataclass(frozen=True)
class MemberInput:
    """What the add/edit dialog (or an import row) supplies.

    ``restricted`` is None when the caller is not changing the restricted fields (a
    facilitator's dialog never sends them).
    """

    full_name: str
    preferred_name: str | None = None
    pronouns: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    postcode: str | None = None
    preferred_contact: ContactMethod | None = None
    date_joined: date | None = None
    access: AccessNeeds = field(default_factory=AccessNeeds)
    restricted: Restricted | None = None


@dataclass(frozen=True)
class RoleHeld:
    """A role someone holds or held."""

    id: int
    role_type_id: int
    name: str
    start_on: date
    end_on: date | None

    @property
    def current(self) -> bool:
        """True while the role has no end date (or ends in the future)."""
        return self.end_on is None or self.end_on >= date.today()


@dataclass(frozen=True)
class TrainingInfo:
    """A piece of training someone completed, with its state today."""

    id: int
    training_type_id: int
    name: str
    completed_on: date
    expires_on: date | None
    state: TrainingState


@dataclass(frozen=True)
class ConsentInfo:
    """A consent record."""

    id: int
    given_on: date
    how: ConsentHow
    keeping_records: bool
    contact_email: bool
    contact_phone: bool
    contact_post: bool
    photos: bool
    review_on: date | None

    def describe(self) -> str:
        """ "Keeping records, email, phone" — what was agreed to."""
        parts = [
            label
            for flag, label in (
                (self.keeping_records, "keeping records"),
                (self.contact_email, "contact by email"),
                (self.contact_phone, "contact by phone"),
                (self.contact_post, "contact by post"),
                (self.photos, "photos"),
            )
            if flag
        ]
        return ", ".join(parts).capitalize() if parts else "Nothing agreed"


@dataclass(frozen=True)
class StatusInfo:
    """One step of someone's status history."""

    status: MemberStatus
    effective_on: date
    reason: str | None
    check_in_on: date | None
    recorded_by: str


@dataclass(frozen=True)
class MemberDetail:
    """Everything on a member's page. ``restricted`` is None for roles that may not see it."""

    id: int
    full_name: str
    preferred_name: str | None
    display_name: str
    pronouns: str | None
    email: str | None
    phone: str | None
    address: str | None
    postcode: str | None
    preferred_contact: ContactMethod | None
    date_joined: date
    status: MemberStatus
    check_in_on: date | None
    left_on: date | None
    left_reason: str | None
    access: AccessNeeds
    restricted: Restricted | None
    roles: tuple[RoleHeld, ...]
    training: tuple[TrainingInfo, ...]
    consents: tuple[ConsentInfo, ...]
    history: tuple[StatusInfo, ...]
    version: int = 1  # the version read: edit dialogs send it back (optimistic locking)
    erased_on: date | None = None  # the (local) day they were erased: nothing can change now

    @property
    def current_consent(self) -> ConsentInfo | None:
        """The newest consent record."""
        return self.consents[-1] if self.consents else None

    def to_input(self) -> MemberInput:
        """The editable fields, for an edit dialog."""
        return MemberInput(
            self.full_name,
            self.preferred_name,
            self.pronouns,
            self.email,
            self.phone,
            self.address,
            self.postcode,
            self.preferred_contact,
            self.date_joined,
            self.access,
            self.restricted,
        )


@dataclass(frozen=True)
class MemberSummary:
    """One row of the members list."""

    id: int
    display_name: str
    full_name: str
    email: str | None
    phone: str | None
    status: MemberStatus
    roles: tuple[str, ...]
    training_due: int
    training_expired: int
    consent_review_on: date | None
    date_joined: date
    sort_name: str


class TrainingFilter(StrEnum):
    """Filter the list by training state."""

    DUE_OR_EXPIRED = "due_or_expired"
    EXPIRED = "expired"


@dataclass(frozen=True)
class MemberFilter:
    """What the members list shows: search text, status, role and training/consent filters.

    ``statuses`` empty means active and stepping back (people who have left are archived
    from view until asked for).
    """

    search: str = ""
    statuses: frozenset[MemberStatus] = frozenset()
    role_type_id: int | None = None
    training: TrainingFilter | None = None
    consent_due: bool = False


@dataclass(frozen=True)
class MemberList:
    """The rows matching a filter and the counts shown above the list."""

    rows: tuple[MemberSummary, ...]
    total_matching: int
    peer_supporters_matching: int


@dataclass(frozen=True)
class DuplicateMatch:
    """An existing member who may be the same person, and why."""

    member_id: int
    display_name: str
    status: MemberStatus
    reasons: tuple[str, ...]
    full_name: str = ""
