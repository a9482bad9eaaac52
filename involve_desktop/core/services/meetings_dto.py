"""Data passed in and out of the meetings services (frozen; never ORM rows).

Nothing here carries a person's roles or lived experience, except ``CouncilPerson``, which
the council service fills only for accounts allowed to see restricted fields.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import EnumType, StrEnum
from typing import Any

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.rota_dto import hhmm


class _ChoosableKinds(EnumType):
    """Iterating ``GroupKind`` gives the kinds a person may choose for a group (the group
    dialog's list); a leadership programme cohort's group is made only by the cohort
    services, so it is left out of the iteration but is a member like any other."""

    def __iter__(cls) -> Iterator[Any]:
        return (kind for kind in super().__iter__() if kind.value not in _MADE_ELSEWHERE)

    def __len__(cls) -> int:
        return sum(1 for _ in cls)


_MADE_ELSEWHERE = frozenset({"leadership_cohort"})


class GroupKind(StrEnum, metaclass=_ChoosableKinds):
    """What sort of group meets."""

    PEER_SUPPORT = "peer_support"
    MANAGEMENT_COUNCIL = "management_council"
    FORUM = "forum"
    WORKSHOP = "workshop"
    OTHER = "other"
    # Made and kept by the cohort services only (``cohorts_cohorts``): never chosen by hand.
    LEADERSHIP_COHORT = "leadership_cohort"

    @property
    def label(self) -> str:
        """The words users see."""
        return {
            "peer_support": "Peer support group",
            "management_council": "Management council",
            "forum": "Forum",
            "workshop": "Workshop",
            "other": "Other",
            "leadership_cohort": "Leadership programme cohort",
        }[self.value]


class ScheduleKind(StrEnum):
    """How often a group meets."""

    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    NONE = "none"

    @property
    def label(self) -> str:
        """The words users see."""
        return {
            "weekly": "Every week",
            "fortnightly": "Every other week",
            "monthly": "Once a month",
            "none": "No regular meetings",
        }[self.value]


class AttendanceState(StrEnum):
    """Someone's attendance at a meeting. Absent is no state at all (``None``)."""

    PRESENT = "present"
    APOLOGIES = "apologies"

    @property
    def label(self) -> str:
        """The words users see."""
        return {"present": "Present", "apologies": "Apologies"}[self.value]


LAST_WEEK = -1  # ``nth`` for "the last <weekday> of the month"


# --- Inputs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduleInput:
    """A group's regular schedule.

    - weekly: ``weekday`` (Mon=0);
    - fortnightly: ``anchor_on``, one day the group meets (its weekday is the schedule's);
    - monthly: ``weekday`` and ``nth`` (1–4, or ``LAST_WEEK``) — "first Monday";
    - none: one-off meetings only (times, if given, are the default for them).

    Meetings are generated from ``valid_from`` (default: the day the group is saved) to
    ``valid_to`` (open-ended when None); bank holidays are skipped unless asked otherwise.
    """

    kind: ScheduleKind = ScheduleKind.NONE
    start_time: time | None = None
    end_time: time | None = None
    weekday: int | None = None
    nth: int | None = None
    anchor_on: date | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    skip_bank_holidays: bool = True


@dataclass(frozen=True)
class GroupInput:
    """What a coordinator types for a group."""

    name: str
    kind: GroupKind = GroupKind.PEER_SUPPORT
    venue: str | None = None
    open_membership: bool = True
    schedule: ScheduleInput = ScheduleInput()


@dataclass(frozen=True)
class MeetingInput:
    """One meeting's details. Blank times and venue take the group's; ``facilitator_ids``
    None takes the group's facilitators (an empty tuple means nobody)."""

    day: date
    start_time: time | None = None
    end_time: time | None = None
    venue: str | None = None
    topic: str | None = None
    facilitator_ids: tuple[int, ...] | None = None


@dataclass(frozen=True)
class WalkInInput:
    """A newcomer at a meeting: the minimum to add them, and their consent answer.

    ``consent`` is the answer to "May we keep your name and contact details to tell you
    about meetings?": True / False is recorded as a consent record (how: ``consent_how``,
    default written — the tick box on the sheet); None means not asked, and nothing is
    recorded.
    """

    full_name: str
    preferred_name: str | None = None
    phone: str | None = None
    email: str | None = None
    consent: bool | None = None
    consent_how: str = "written"


# --- Outputs ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonRef:
    """Someone by the name they go by."""

    member_id: int
    name: str


@dataclass(frozen=True)
class ScheduleInfo:
    """A group's schedule as stored."""

    kind: ScheduleKind
    start_time: time | None
    end_time: time | None
    weekday: int | None
    nth: int | None
    anchor_on: date | None
    valid_from: date | None
    valid_to: date | None
    skip_bank_holidays: bool


@dataclass(frozen=True)
class GroupInfo:
    """A group as listed; ``description`` is the schedule in words."""

    id: int
    name: str
    kind: GroupKind
    venue: str | None
    open_membership: bool
    schedule: ScheduleInfo
    description: str
    archived: bool
    member_count: int
    version: int = 1  # the version read: edit dialogs send it back (optimistic locking)

    @property
    def is_council(self) -> bool:
        """Whether the lived-experience majority rule applies to this group."""
        return self.kind is GroupKind.MANAGEMENT_COUNCIL


@dataclass(frozen=True)
class ClosedDayInfo:
    """A day a group does not meet."""

    id: int
    group_id: int
    day: date
    note: str | None


@dataclass(frozen=True)
class AccountRef:
    """An account linked to a group (it may run the group's meetings)."""

    account_id: int
    display_name: str
    role: str


@dataclass(frozen=True)
class GroupDetail:
    """A group with its members, facilitators, linked accounts and closed days."""

    group: GroupInfo
    members: tuple[PersonRef, ...]
    facilitators: tuple[PersonRef, ...]
    accounts: tuple[AccountRef, ...]
    closed_days: tuple[ClosedDayInfo, ...]


@dataclass(frozen=True)
class MeetingInfo:
    """One meeting as listed, with its attendance counts."""

    id: int
    group_id: int
    group_name: str
    group_kind: GroupKind
    day: date
    start_time: time
    end_time: time
    venue: str | None
    topic: str | None
    facilitators: tuple[PersonRef, ...]
    from_schedule: bool
    cancelled: bool
    cancelled_reason: str | None
    attendance_recorded_at: datetime | None
    attendance_recorded_by: str | None
    present: int
    apologies: int
    version: int = 1  # the version read: edit dialogs send it back (optimistic locking)

    @property
    def times(self) -> str:
        """ "14:00–16:00"."""
        return f"{hhmm(self.start_time)}–{hhmm(self.end_time)}"

    @property
    def when(self) -> str:
        """ "Tue 3 Mar 2026 14:00–16:00"."""
        return f"{format_date(self.day)} {self.times}"

    @property
    def attendance_recorded(self) -> bool:
        """Whether anyone has saved this meeting's attendance."""
        return self.attendance_recorded_at is not None


@dataclass(frozen=True)
class GenerateResult:
    """What ``generate_meetings`` did (like the rota's): created, already there, skipped."""

    created: int
    already_there: int
    bank_holidays_skipped: tuple[tuple[date, str], ...]  # (day, holiday name)
    closed_skipped: tuple[tuple[date, str], ...]  # (day, group name)


@dataclass(frozen=True)
class AttendanceRow:
    """One row of the attendance list, in the printed order.

    ``expected`` rows are the pre-printed names; the others were added (walk-ins).
    """

    member_id: int
    name: str
    state: AttendanceState | None
    expected: bool


@dataclass(frozen=True)
class AttendanceSheet:
    """A meeting and its attendance rows: expected people by name, then anyone else."""

    meeting: MeetingInfo
    rows: tuple[AttendanceRow, ...]


@dataclass(frozen=True)
class WalkInMatch:
    """An existing member a typed name may be; ``exact`` when the name matches in full.

    ``joined`` and ``last_came`` (the last meeting they were present at, of any group) tell
    apart two people of the same name."""

    member_id: int
    name: str
    full_name: str
    status: str
    exact: bool
    joined: date | None = None
    last_came: date | None = None


@dataclass(frozen=True)
class CouncilMeeting:
    """Who was present at one council meeting, by lived experience (counts only). For an
    account without VIEW_RESTRICTED the counts are None, and so is ``majority`` when too
    few were present to say without giving someone's answer away."""

    meeting_id: int
    day: date
    present: int
    lived_experience: int | None
    without: int | None
    unknown: int | None
    majority: bool | None
    warning: str | None


@dataclass(frozen=True)
class CouncilPerson:
    """Someone who came to the council in the period; only for VIEW_RESTRICTED accounts."""

    member_id: int
    name: str
    lived_experience: bool | None
    meetings: int


@dataclass(frozen=True)
class CouncilComposition:
    """The lived-experience majority at each council meeting in a period, and overall.

    Overall counts add up attendances over the meetings (a person at 3 meetings counts 3
    times), so the share matches what the council was like, meeting by meeting.
    ``not_recorded`` is how many meetings held in the period have no attendance saved.
    Without VIEW_RESTRICTED the overall counts and ``majority`` are None (see
    ``meetings_council``).
    """

    group_id: int
    group_name: str
    start: date
    end: date
    meetings: tuple[CouncilMeeting, ...]
    present: int
    lived_experience: int | None
    without: int | None
    unknown: int | None
    majority: bool | None
    meetings_without_majority: int
    not_recorded: int
    warning: str | None
    people: tuple[CouncilPerson, ...] | None


@dataclass(frozen=True)
class MonthPoint:
    """One month of a group's trend: meetings held, people present, average per meeting."""

    month: date  # the first of the month
    meetings: int
    present: int
    average: float | None


@dataclass(frozen=True)
class GroupSummary:
    """A group over a period (meetings held: not cancelled, on or before today)."""

    group_id: int
    group_name: str
    start: date
    end: date
    meetings_held: int
    meetings_cancelled: int
    meetings_not_recorded: int
    unique_attendees: int
    newcomers: int
    total_present: int
    average_attendance: float | None
    months: tuple[MonthPoint, ...]


@dataclass(frozen=True)
class PersonGroupAttendance:
    """One person's record at one group."""

    group_id: int
    group_name: str
    attended: int
    apologies: int
    facilitated: int
    first_attended: date | None
    last_attended: date | None


@dataclass(frozen=True)
class PersonAttendance:
    """A person's attendance record, per group and in total."""

    member_id: int
    name: str
    groups: tuple[PersonGroupAttendance, ...]

    @property
    def attended(self) -> int:
        """Meetings attended, all groups."""
        return sum(g.attended for g in self.groups)

    @property
    def apologies(self) -> int:
        """Apologies sent, all groups."""
        return sum(g.apologies for g in self.groups)

    @property
    def facilitated(self) -> int:
        """Meetings facilitated, all groups."""
        return sum(g.facilitated for g in self.groups)


@dataclass(frozen=True)
class WalkInAdded:
    """A walk-in recorded as present: who (new or existing) and the updated list."""

    member_id: int
    name: str
    created: bool
    sheet: AttendanceSheet
