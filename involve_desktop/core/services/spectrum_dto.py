"""What the leadership spectrum services take and return (frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from involve_desktop.core.services.spectrum_statements import Answer, Stage, StageResult


class AssessmentStatus(StrEnum):
    """A draft can be saved without everything; a finished one counts (value is stored)."""

    DRAFT = "draft"
    FINISHED = "finished"

    @property
    def label(self) -> str:
        """The status in words."""
        return self.value.capitalize()


@dataclass(frozen=True)
class AnswerInput:
    """How one statement was ticked, and why."""

    statement_key: str
    answer: Answer = Answer.NO
    comment: str | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class OtherPerson:
    """Someone who took part who is not a member: a staff member, a trustee…"""

    name: str
    role: str | None = None


@dataclass(frozen=True)
class AssessmentInput:
    """A self-assessment as the dialog sends it (``version``: the one editing started from)."""

    day: date
    led_by: str | None = None
    notes: str | None = None
    answers: tuple[AnswerInput, ...] = ()
    member_ids: tuple[int, ...] = ()
    others: tuple[OtherPerson, ...] = ()
    version: int | None = None


@dataclass(frozen=True)
class Participant:
    """Who took part: a member (``member_id``, their name) or another person (name, role).

    ``lived_experience`` is the member's as recorded when they were added (None: not
    recorded, or not a member). A member whose record was erased has no id and no name.
    """

    name: str
    role: str | None
    member_id: int | None
    is_member: bool
    lived_experience: bool | None


@dataclass(frozen=True)
class AnswerInfo:
    """One statement's answer as stored."""

    statement_key: str
    answer: Answer
    comment: str | None
    evidence: str | None


@dataclass(frozen=True)
class AssessmentInfo:
    """One self-assessment with its answers, who took part and the stage it reached."""

    id: int
    day: date
    status: AssessmentStatus
    led_by: str | None
    notes: str | None
    answers: tuple[AnswerInfo, ...]
    participants: tuple[Participant, ...]
    result: StageResult
    version: int

    @property
    def stage(self) -> Stage:
        """The stage reached."""
        return self.result.stage

    @property
    def members_with_lived_experience(self) -> int:
        """How many members who took part have lived experience (as recorded)."""
        return sum(1 for p in self.participants if p.is_member and p.lived_experience)

    def answer_for(self, key: str) -> AnswerInfo | None:
        """The answer to one statement (None when it was left unanswered)."""
        return next((a for a in self.answers if a.statement_key == key), None)


@dataclass(frozen=True)
class AssessmentRow:
    """A line of the list of assessments."""

    id: int
    day: date
    status: AssessmentStatus
    led_by: str | None
    stage: Stage
    next_stage: Stage | None
    missing_count: int
    participants: int
    members_with_lived_experience: int


@dataclass(frozen=True)
class ComparisonColumn:
    """One assessment in the comparison over time."""

    id: int
    day: date
    status: AssessmentStatus
    stage: Stage


@dataclass(frozen=True)
class ComparisonRow:
    """One statement across the assessments compared (None: not answered)."""

    statement_key: str
    stage: Stage
    text: str
    answers: tuple[Answer | None, ...]


@dataclass(frozen=True)
class Comparison:
    """Statements down, assessments across (oldest first)."""

    columns: tuple[ComparisonColumn, ...]
    rows: tuple[ComparisonRow, ...]


@dataclass(frozen=True)
class SpectrumPeriodSummary:
    """The annual report's part: finished assessments in the period, with no names."""

    start: date
    end: date
    assessments: tuple[SpectrumSummaryLine, ...] = field(default_factory=tuple)

    @property
    def latest(self) -> SpectrumSummaryLine | None:
        """The most recent finished assessment in the period."""
        return self.assessments[-1] if self.assessments else None


@dataclass(frozen=True)
class SpectrumSummaryLine:
    """One finished assessment for the report: stage, Yes counts per stage, head counts."""

    day: date
    stage: Stage
    yes_counts: tuple[tuple[Stage, int, int], ...]  # (stage, ticked Yes, statements)
    members: int
    members_with_lived_experience: int
    others: int
