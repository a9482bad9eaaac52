"""Data passed in and out of the leadership programme services (frozen; never ORM rows).

Nothing here says whether anyone has lived experience; a graduate co-facilitator is someone
who graduated from an earlier cohort, nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum

from involve_desktop.core.services.meetings_dto import GenerateResult, MeetingInfo, PersonRef

DEFAULT_COMPLETION_PERCENT = 80


class CohortStatus(StrEnum):
    """Where a cohort is."""

    PLANNED = "planned"
    RUNNING = "running"
    FINISHED = "finished"

    @property
    def label(self) -> str:
        """The words users see."""
        return {"planned": "Planned", "running": "Running", "finished": "Finished"}[self.value]


class EnrolmentState(StrEnum):
    """A person's place on a cohort: applied → offered → enrolled → completed / withdrawn;
    waiting when they would be enrolled but the cohort is full."""

    APPLIED = "applied"
    OFFERED = "offered"
    WAITING = "waiting"
    ENROLLED = "enrolled"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        """The words users see."""
        return {
            "applied": "Applied",
            "offered": "Offered a place",
            "waiting": "On the waiting list",
            "enrolled": "Enrolled",
            "completed": "Completed (graduated)",
            "withdrawn": "Withdrawn",
        }[self.value]


# A place that is still open: the person may yet take part (not completed, not withdrawn).
OPEN_PLACES = (
    EnrolmentState.APPLIED.value,
    EnrolmentState.OFFERED.value,
    EnrolmentState.WAITING.value,
    EnrolmentState.ENROLLED.value,
)


class Standing(StrEnum):
    """Where someone stands against the completion rule."""

    COMPLETED = "completed"  # graduated
    DONE = "done"  # has the attendance needed (not yet graduated)
    ON_TRACK = "on_track"  # can still complete
    CANNOT = "cannot"  # cannot now complete
    WITHDRAWN = "withdrawn"


# --- Inputs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeInput:
    """What a coordinator types for a programme. ``required_sessions`` are session numbers
    (1 = the first session of a cohort's plan) everyone must attend to complete."""

    name: str
    planned_sessions: int
    description: str | None = None
    completion_percent: int = DEFAULT_COMPLETION_PERCENT
    required_sessions: tuple[int, ...] = ()


@dataclass(frozen=True)
class CohortInput:
    """A cohort's details. ``name`` is e.g. "Cohort 4"; its meeting group is called
    "<programme> — <name>". ``capacity`` None means no limit."""

    programme_id: int
    name: str
    start_on: date
    end_on: date | None = None
    venue: str | None = None
    capacity: int | None = None
    status: CohortStatus = CohortStatus.PLANNED


@dataclass(frozen=True)
class SessionPattern:
    """A session plan from a pattern: ``sessions`` sessions on ``weekday`` (Mon=0) every
    ``every_weeks`` weeks (1 or 2) from the cohort's start, skipping bank holidays (unless
    ``skip_bank_holidays`` is False) and the cohort's closed days. ``topics`` name the
    sessions in order (fewer topics than sessions leave the rest blank)."""

    weekday: int
    start_time: time
    end_time: time
    sessions: int
    every_weeks: int = 1
    topics: tuple[str, ...] = ()
    skip_bank_holidays: bool = True


@dataclass(frozen=True)
class SessionInput:
    """One session entered by hand. Blank times and venue take the cohort's."""

    day: date
    topic: str | None = None
    start_time: time | None = None
    end_time: time | None = None
    venue: str | None = None


@dataclass(frozen=True)
class FacilitatorInput:
    """A cohort facilitator: a member (``member_id``), or an outside person (name and job
    title, e.g. a member of staff from the trust)."""

    member_id: int | None = None
    outside_name: str | None = None
    job_title: str | None = None


@dataclass(frozen=True)
class AlumniActionInput:
    """An initiative graduates led together."""

    title: str
    day: date
    member_ids: tuple[int, ...] = ()
    outcome: str | None = None
    programme_id: int | None = None


# --- Outputs ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeInfo:
    """A programme with its completion rule and how many cohorts it has run."""

    id: int
    name: str
    description: str | None
    planned_sessions: int
    completion_percent: int
    required_sessions: tuple[int, ...]
    archived: bool
    cohorts: int
    graduates: int
    version: int = 1  # the version read: edit dialogs send it back (optimistic locking)

    @property
    def rule(self) -> str:
        """The completion rule in words: "At least 80% of the sessions, including sessions
        1 and 6"."""
        text = f"At least {self.completion_percent}% of the sessions"
        if not self.required_sessions:
            return text
        numbers = [str(n) for n in self.required_sessions]
        joined = (
            numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " and " + numbers[-1]
        )
        word = "session" if len(numbers) == 1 else "sessions"
        return f"{text}, including {word} {joined}"


@dataclass(frozen=True)
class CohortInfo:
    """A cohort as listed."""

    id: int
    programme_id: int
    programme_name: str
    name: str
    start_on: date
    end_on: date | None
    venue: str | None
    capacity: int | None
    status: CohortStatus
    meeting_group_id: int
    sessions: int
    enrolled: int
    waiting: int
    completed: int
    withdrawn: int
    version: int = 1  # the version read: edit dialogs send it back (optimistic locking)

    @property
    def title(self) -> str:
        """ "Peer Leadership Programme, Cohort 4"."""
        return f"{self.programme_name}, {self.name}"

    @property
    def places_left(self) -> int | None:
        """Places not yet taken (None: no limit)."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.enrolled - self.completed, 0)


@dataclass(frozen=True)
class FacilitatorInfo:
    """Someone facilitating a cohort. ``graduate_cofacilitator`` when they graduated from an
    earlier cohort (of any programme) before this cohort starts."""

    id: int
    cohort_id: int
    member_id: int | None
    name: str
    job_title: str | None
    graduate_cofacilitator: bool
    graduated_from: str | None  # "Peer Leadership Programme, Cohort 2"


@dataclass(frozen=True)
class SessionInfo:
    """One session of a cohort: its number in the plan and the meeting that holds it."""

    number: int
    meeting: MeetingInfo

    @property
    def label(self) -> str:
        """ "Session 3: Co-production in practice"."""
        topic = self.meeting.topic
        return f"Session {self.number}" + (f": {topic}" if topic else "")


@dataclass(frozen=True)
class PlanResult:
    """What making a session plan from a pattern did."""

    sessions: tuple[SessionInfo, ...]
    generated: GenerateResult


@dataclass(frozen=True)
class EnrolmentInfo:
    """A person's place on a cohort. ``waiting_position`` is 1 for the first on the waiting
    list (None when not waiting)."""

    id: int
    cohort_id: int
    member_id: int
    name: str
    state: EnrolmentState
    applied_on: date
    offered_on: date | None
    waiting_on: date | None
    enrolled_on: date | None
    withdrawn_on: date | None
    withdrawn_reason: str | None
    graduated_on: date | None
    waiting_position: int | None


@dataclass(frozen=True)
class EnrolResult:
    """What enrolling did: enrolled, or put on the waiting list because the cohort is full."""

    enrolment: EnrolmentInfo
    message: str


@dataclass(frozen=True)
class WithdrawResult:
    """What withdrawing did. When a place came free, ``next_waiting`` is the first on the
    waiting list: they are not offered the place automatically (someone asks them first)."""

    enrolment: EnrolmentInfo
    place_freed: bool
    next_waiting: PersonRef | None
    message: str


@dataclass(frozen=True)
class PersonProgress:
    """One person against the completion rule, worked out from attendance now.

    ``held`` counts sessions not cancelled up to today; ``remaining`` those still to come;
    ``not_recorded`` held sessions whose attendance nobody has typed in yet (they may still
    count). ``text`` is the sentence shown: "Needs 2 more of the remaining 3 sessions".
    """

    member_id: int
    name: str
    state: EnrolmentState
    attended: int
    held: int
    remaining: int
    not_recorded: int
    total: int
    needed: int
    required_missed: tuple[int, ...]
    required_to_come: tuple[int, ...]
    standing: Standing
    text: str

    @property
    def can_graduate(self) -> bool:
        """Whether the completion rule is met (and they are not withdrawn or graduated)."""
        return self.standing is Standing.DONE


@dataclass(frozen=True)
class CohortProgress:
    """Everyone enrolled (or who was) on a cohort, against the completion rule."""

    cohort: CohortInfo
    rule: str
    total_sessions: int
    needed: int
    held: int
    people: tuple[PersonProgress, ...]


@dataclass(frozen=True)
class GraduateResult:
    """Who graduated, and who was refused with the reason."""

    graduated: tuple[PersonRef, ...]
    refused: tuple[tuple[PersonRef, str], ...]


@dataclass(frozen=True)
class CofacilitatorSuggestion:
    """A graduate who could co-facilitate a new cohort, with the reason in words."""

    member_id: int
    name: str
    graduated_from: str
    graduated_on: date
    same_programme: bool
    last_cofacilitated: date | None
    times_cofacilitated: int
    reason: str


@dataclass(frozen=True)
class PanelAfter:
    """A held recruitment panel a graduate sat on (lived-experience seat) after graduating."""

    day: date
    post_title: str


@dataclass(frozen=True)
class GraduatePathway:
    """Where one graduate went after graduating. ``panels`` is None when the account may not
    see recruitment panels."""

    member_id: int
    name: str
    cohort_id: int
    cohort_name: str
    graduated_on: date
    cofacilitated: tuple[str, ...]  # later cohorts ("Peer Leadership Programme, Cohort 4")
    panels: tuple[PanelAfter, ...] | None
    council: tuple[tuple[str, date], ...]  # (council name, joined on)

    @property
    def went_on(self) -> bool:
        """Whether they took on any onward role."""
        return bool(self.cofacilitated or self.panels or self.council)


@dataclass(frozen=True)
class ProgrammePathways:
    """Every graduate of a programme and their onward roles, with totals."""

    programme_id: int
    programme_name: str
    graduates: tuple[GraduatePathway, ...]
    cofacilitated: int
    sat_panels: int | None
    joined_council: int
    limited: bool = False  # only the cohorts the account may see (a facilitator's own)


@dataclass(frozen=True)
class AlumniActionInfo:
    """An alumni action as listed."""

    id: int
    title: str
    day: date
    outcome: str | None
    programme_id: int | None
    programme_name: str | None
    people: tuple[PersonRef, ...]
