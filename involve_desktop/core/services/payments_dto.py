"""Data passed in and out of the involvement payment services (frozen; never ORM rows).

Money is always integer pence. A pay line is one piece of recorded involvement (a panel
seat, a worked shift, a facilitated meeting) with what it pays; an expense claim is money
someone spent (travel, care) to take part. People who decline payment, or want expenses
only, still have their involvement recorded: their lines are NOT_PAYABLE with amount 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from involve_desktop.core.errors import InvolveError
from involve_desktop.core.formatting import format_pence


class PaymentMethod(StrEnum):
    """How a person wants to be paid for their time (or that they do not)."""

    BANK_TRANSFER = "bank_transfer"
    CASH = "cash"
    VOUCHER = "voucher"
    EXPENSES_ONLY = "expenses_only"
    DECLINED = "declined"

    @property
    def label(self) -> str:
        """The words users see."""
        return {
            "bank_transfer": "Bank transfer",
            "cash": "Cash",
            "voucher": "Voucher",
            "expenses_only": "Expenses only",
            "declined": "Declined payment",
        }[self.value]

    @property
    def pays_time(self) -> bool:
        """False for people who are not paid for their time (expenses only, declined)."""
        return self not in (PaymentMethod.EXPENSES_ONLY, PaymentMethod.DECLINED)


class Activity(StrEnum):
    """The kinds of involvement that are paid for."""

    PANEL = "panel"
    ROTA_SHIFT = "rota_shift"
    MEETING_FACILITATION = "meeting_facilitation"
    COHORT_FACILITATION = "cohort_facilitation"

    @property
    def label(self) -> str:
        """The words users see."""
        return {
            "panel": "Recruitment panel",
            "rota_shift": "Peer support shift",
            "meeting_facilitation": "Facilitating a meeting",
            "cohort_facilitation": "Facilitating a cohort session",
        }[self.value]


class RateBasis(StrEnum):
    """Whether a rate is paid per hour worked or per session."""

    PER_HOUR = "per_hour"
    PER_SESSION = "per_session"

    @property
    def label(self) -> str:
        """The words users see."""
        return {"per_hour": "per hour", "per_session": "per session"}[self.value]


class PayStatus(StrEnum):
    """Where a pay line or claim is: pending, approved, paid, or not payable.

    NOT_PAYABLE: the involvement is recorded but nothing is paid for it (the person declined
    payment or wants expenses only).
    """

    PENDING = "pending"
    APPROVED = "approved"
    PAID = "paid"
    NOT_PAYABLE = "not_payable"

    @property
    def label(self) -> str:
        """The words users see."""
        return {
            "pending": "Waiting for approval",
            "approved": "Approved",
            "paid": "Paid",
            "not_payable": "Recorded, not paid",
        }[self.value]


# Not approved yet: making pay lines again updates or withdraws these to follow their source.
OPEN_STATUSES = (PayStatus.PENDING.value, PayStatus.NOT_PAYABLE.value)


class ExpenseKind(StrEnum):
    """What an expense claim is for."""

    TRAVEL = "travel"
    CARE = "care"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The words users see."""
        return {"travel": "Travel", "care": "Care costs", "other": "Other"}[self.value]


# --- Preferences --------------------------------------------------------------------------


@dataclass(frozen=True)
class PreferenceInput:
    """How a person wants to be paid, and when benefits advice was offered to them."""

    method: PaymentMethod
    benefits_advice_offered_on: date | None = None
    note: str | None = None


@dataclass(frozen=True)
class PreferenceInfo:
    """A person's payment preference (``method`` None: not asked yet).

    ``taken_out``: after a save, how many approved (not yet paid) lines for their time were
    taken out of the finance batch because the new preference does not pay for time.
    """

    member_id: int
    name: str
    method: PaymentMethod | None
    benefits_advice_offered_on: date | None
    note: str | None
    updated_by: str | None
    updated_at: datetime | None
    taken_out: int = 0

    @property
    def taken_out_words(self) -> str:
        """What saving did to approved lines, to tell the coordinator ("" if nothing)."""
        if not self.taken_out or self.method is None:
            return ""
        count = self.taken_out
        lines = f"{count} approved line{'s' if count != 1 else ''}"
        return (
            f"{lines} for {self.name}'s time {'were' if count != 1 else 'was'} taken out of "
            f"the finance batch: they now have “{self.method.label}”, so their time is "
            "recorded, not paid. Their expenses are still paid back. If a finance batch "
            f"with {'these lines' if count != 1 else 'this line'} has already gone to "
            "finance, tell them not to pay the time. If this was a mistake, set their "
            "preference back; the lines then wait for approval again."
        )


# --- Rates --------------------------------------------------------------------------------


def rate_text(basis: RateBasis, amount_pence: int) -> str:
    """ "£12.00 per hour", "£25.00 per session"."""
    return f"{format_pence(amount_pence)} {basis.label}"


@dataclass(frozen=True)
class RateInput:
    """A rate for an activity from a day on (it stays until the next rate for it)."""

    activity: Activity
    basis: RateBasis
    amount_pence: int
    valid_from: date


@dataclass(frozen=True)
class RateInfo:
    """A rate as listed; ``valid_to`` is the day before the next rate (None: still current)."""

    id: int
    activity: Activity
    basis: RateBasis
    amount_pence: int
    valid_from: date
    valid_to: date | None
    text: str


# --- Pay lines ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PayLineInfo:
    """One piece of paid (or recorded, not paid) involvement.

    ``minutes`` is set for per-hour lines, ``sessions`` for per-session lines.
    """

    id: int
    member_id: int
    name: str
    day: date
    activity: Activity
    description: str
    minutes: int | None
    sessions: int | None
    rate_pence: int
    amount_pence: int
    method: PaymentMethod | None
    status: PayStatus
    approved_by: str | None
    approved_at: datetime | None
    paid_on: date | None
    note: str | None
    basis: RateBasis = RateBasis.PER_SESSION

    @property
    def quantity_text(self) -> str:
        """ "2 h 30 min", "50 min", "1 session"."""
        if self.minutes is not None:
            return minutes_text(self.minutes)
        count = self.sessions or 0
        return f"{count} session" if count == 1 else f"{count} sessions"

    @property
    def rate_text(self) -> str:
        """ "£12.00 per hour"."""
        return rate_text(self.basis, self.rate_pence)


def minutes_text(minutes: int) -> str:
    """ "2 h 30 min", "3 h", "50 min"."""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    return f"{hours} h" if hours else f"{rest} min"


@dataclass(frozen=True)
class GenerateResult:
    """What making pay lines for a period did, to tell the coordinator.

    ``created`` counts every new line; ``not_payable`` how many of those are recorded but not
    paid (declined or expenses only). ``no_rate`` names the activities with no rate;
    ``no_times`` the involvement paid per hour with no start and end times recorded;
    ``no_preference`` the people to ask how they want to be paid. ``updated``/``withdrawn``:
    lines waiting for approval brought in line with their source, or taken away because the
    involvement is no longer recorded;
    ``updated_not_payable``: lines recorded, not paid, brought in line; ``withdrawn_no_rate``:
    lines not yet approved taken away because no rate is left for their day (made again once
    one is set); ``withdrawn_no_times``: lines not yet approved taken away because their
    involvement, paid per hour, no longer has start and end times; ``approved_old_rate``:
    approved lines, not paid, at a rate no longer valid on their day (put them back to
    waiting to re-price them); ``approved_no_rate``: approved lines, not paid, whose rate was
    removed with none left for their day (still in the batch at the removed rate).
    """

    created: int
    not_payable: int
    already_there: int
    no_rate: list[str] = field(default_factory=list)
    no_preference: list[str] = field(default_factory=list)
    updated: int = 0
    withdrawn: int = 0
    updated_not_payable: int = 0
    withdrawn_no_rate: int = 0
    approved_old_rate: int = 0
    no_times: list[str] = field(default_factory=list)
    withdrawn_no_times: int = 0
    approved_no_rate: int = 0

    @property
    def summary(self) -> str:
        """One or more plain sentences saying what happened."""
        made = self.created
        parts = [
            f"{made} new line{'s' if made != 1 else ''} made"
            + (f", {self.not_payable} of them recorded but not paid" if self.not_payable else "")
            + "."
        ]
        if self.already_there:
            parts.append(f"{self.already_there} were already there.")
        if self.updated:
            parts.append(
                f"{self.updated} waiting line{'s' if self.updated != 1 else ''} changed "
                "to match the record."
            )
        if self.updated_not_payable:
            count = self.updated_not_payable
            parts.append(
                f"{count} line{'s' if count != 1 else ''} recorded but not paid changed "
                "to match the record."
            )
        if self.withdrawn:
            parts.append(
                f"{self.withdrawn} waiting line{'s' if self.withdrawn != 1 else ''} "
                "withdrawn because the involvement is no longer recorded."
            )
        if self.withdrawn_no_rate:
            count = self.withdrawn_no_rate
            parts.append(
                f"{count} line{'s' if count != 1 else ''} not yet approved "
                f"{'were' if count != 1 else 'was'} withdrawn because no rate is set for "
                f"{'their' if count != 1 else 'its'} day; making pay lines again once one is "
                f"set brings {'them' if count != 1 else 'it'} back at it."
            )
        if self.approved_old_rate:
            count = self.approved_old_rate
            parts.append(
                f"{count} approved line{'s' if count != 1 else ''} in this period "
                f"{'are' if count != 1 else 'is'} at an older rate than the one now set "
                f"for {'their' if count != 1 else 'its'} day — put "
                f"{'them' if count != 1 else 'it'} back to waiting, then make pay lines "
                f"again, to re-price {'them' if count != 1 else 'it'}."
            )
        if self.withdrawn_no_times:
            count = self.withdrawn_no_times
            parts.append(
                f"{count} line{'s' if count != 1 else ''} not yet approved "
                f"{'were' if count != 1 else 'was'} withdrawn because the start and end "
                f"times are no longer recorded, and {'they are' if count != 1 else 'it is'} "
                "paid per hour."
            )
        if self.approved_no_rate:
            count = self.approved_no_rate
            parts.append(
                f"{count} approved line{'s' if count != 1 else ''} in this period "
                f"{'are' if count != 1 else 'is'} at a rate that has since been removed, with "
                f"none set for {'their' if count != 1 else 'its'} day — "
                f"{'they are' if count != 1 else 'it is'} still in the finance batch at the "
                "removed rate. Set a rate for that day and put "
                f"{'them' if count != 1 else 'it'} back to waiting, then make pay lines again."
            )
        if self.no_rate:
            parts.append("No rate is set for: " + ", ".join(self.no_rate) + ".")
        if self.no_times:
            parts.append(
                "Paid per hour, but no start and end times are recorded for: "
                + ", ".join(self.no_times)
                + " — add the times where it is recorded, then make pay lines again."
            )
        if self.no_preference:
            parts.append(
                "Ask how they want to be paid (no preference recorded): "
                + ", ".join(self.no_preference)
                + "."
            )
        return " ".join(parts)


# --- Expenses -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ExpenseInput:
    """An expense claim as typed in."""

    member_id: int
    kind: ExpenseKind
    day: date
    amount_pence: int
    receipt_held: bool = False
    description: str | None = None


@dataclass(frozen=True)
class ExpenseInfo:
    """An expense claim as listed."""

    id: int
    member_id: int
    name: str
    kind: ExpenseKind
    day: date
    amount_pence: int
    receipt_held: bool
    description: str | None
    status: PayStatus
    approved_by: str | None
    approved_at: datetime | None
    paid_on: date | None
    created_by: str
    version: int = 1  # the version read: edit dialogs send it back (optimistic locking)

    @property
    def item(self) -> str:
        """ "Travel: bus to the ward"."""
        return f"{self.kind.label}: {self.description}" if self.description else self.kind.label


# --- Batches and statements ---------------------------------------------------------------


@dataclass(frozen=True)
class PersonTotals:
    """One person's payable lines and claims in a finance batch."""

    member_id: int
    name: str
    method: PaymentMethod | None
    time_pence: int
    expenses_pence: int
    total_pence: int
    lines: tuple[PayLineInfo, ...]
    expenses: tuple[ExpenseInfo, ...]

    @property
    def approved_by(self) -> str:
        """Who approved this person's items (names joined, in order first seen)."""
        names: list[str] = []
        for item in (*self.lines, *self.expenses):
            if item.approved_by and item.approved_by not in names:
                names.append(item.approved_by)
        return ", ".join(names)


@dataclass(frozen=True)
class FinanceBatch:
    """What to pay for a period: per person, per method and in total. ``held_back``: lines
    for time left out because their person's preference no longer pays for time."""

    start: date
    end: date
    statuses: tuple[PayStatus, ...]
    people: tuple[PersonTotals, ...]
    total_pence: int
    by_method: dict[PaymentMethod, int]
    held_back: tuple[PayLineInfo, ...] = ()


@dataclass(frozen=True)
class PaymentStatement:
    """One person's statement for a period: paid lines, expenses, and involvement recorded
    without payment; ``paid_pence`` is what has been paid, ``outstanding_pence`` the rest."""

    member_id: int
    name: str
    start: date
    end: date
    method: PaymentMethod | None
    benefits_advice_offered_on: date | None
    lines: tuple[PayLineInfo, ...]
    expenses: tuple[ExpenseInfo, ...]
    not_payable_lines: tuple[PayLineInfo, ...]
    time_pence: int
    expenses_pence: int
    total_pence: int
    paid_pence: int
    outstanding_pence: int


class PaymentRefused(InvolveError):
    """A payment rule refused a change; the message says why in plain words."""
