"""Frozen data the UK GDPR services hand to the GUI: subject access, erasure and reviews."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path


@dataclass(frozen=True)
class SubjectAccessResult:
    """A subject access export written to disk: the folder, its two files and what they hold."""

    folder: Path
    json_path: Path
    pdf_path: Path
    tables: tuple[str, ...]  # the related tables that held rows about the person
    row_count: int  # rows in those tables
    audit_count: int  # audit entries about them
    mentions_to_review: int  # places in other people's records that name them (not copied)


@dataclass(frozen=True)
class ErasureResult:
    """One person's erasure: the anonymous name left behind and when backups expire."""

    member_id: int
    anonymous_name: str
    erased_at: datetime
    backups_made_before: date
    backups_hold_until: date
    fields_cleared: int  # text values removed or replaced across every table

    @property
    def backups_sentence(self) -> str:
        """What to tell the person about backups, in plain words."""
        from involve_desktop.core.formatting import format_date

        return (
            f"Backups made before {format_date(self.backups_made_before)} still hold the "
            f"old details until {format_date(self.backups_hold_until)}, when the last of "
            "them is deleted."
        )


@dataclass(frozen=True)
class ErasurePreview:
    """What erasing someone will end and what is still owed to them, said before confirming."""

    member_id: int
    name: str
    anonymous_name: str
    approved_unpaid_pence: int  # pay lines and claims approved, not yet paid
    waiting_pence: int  # pay lines and claims waiting for approval
    open_roles: int
    future_shifts: int  # shifts after today: taken off the rota
    future_panel_seats: int  # seats on planned panels after today: removed
    open_enrolments: int  # places on cohorts not finished: withdrawn
    group_places: int = 0  # meeting group lists and facilitating still to come: left
    future_marks: int = 0  # apologies for meetings after today: removed

    @property
    def unpaid_pence(self) -> int:
        """Everything not paid yet, approved or waiting."""
        return self.approved_unpaid_pence + self.waiting_pence


@dataclass(frozen=True)
class RetentionCandidate:
    """Someone who left long enough ago that their details should be anonymised."""

    member_id: int
    name: str
    left_on: date
    last_involved_on: date | None


@dataclass(frozen=True)
class RetentionReport:
    """What a bulk anonymisation did: everyone it erased, in the order given."""

    erased: tuple[ErasureResult, ...]

    @property
    def count(self) -> int:
        """How many people were anonymised."""
        return len(self.erased)


class ConsentProblem(StrEnum):
    """Why someone appears on the consent review."""

    NEVER_RECORDED = "never_recorded"
    EXPIRED = "expired"

    @property
    def label(self) -> str:
        """The words users see."""
        return {"never_recorded": "Never recorded", "expired": "Review date passed"}[self.value]


@dataclass(frozen=True)
class ConsentReviewRow:
    """A member whose consent needs asking for again (or for the first time)."""

    member_id: int
    name: str
    status_label: str
    problem: ConsentProblem
    given_on: date | None
    review_on: date | None
