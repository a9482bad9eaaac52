"""Column specs for the Cohorts area's lists: cohorts, sessions, places, facilitators,
pathways and alumni actions (all shown through the one ``DtoTableModel``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.cohorts_dto import (
    AlumniActionInfo,
    CohortInfo,
    EnrolmentInfo,
    EnrolmentState,
    FacilitatorInfo,
    GraduatePathway,
    PersonProgress,
    SessionInfo,
)
from involve_desktop.core.text import sort_key
from involve_desktop.ui.meetings.meetings_columns import list_table
from involve_desktop.ui.table_model import Column, DtoTableModel


@dataclass(frozen=True)
class CohortRow:
    """A cohort as listed, with its facilitators (for the area's list)."""

    cohort: CohortInfo
    facilitators: tuple[FacilitatorInfo, ...]


@dataclass(frozen=True)
class PlaceRow:
    """A person's place on a cohort with their live progress (None before enrolling)."""

    enrolment: EnrolmentInfo
    progress: PersonProgress | None


def facilitator_text(f: FacilitatorInfo) -> str:
    """ "Ann Lee (graduate co-facilitator, Cohort 2)" or "Jo Smith (Team Manager)"."""
    if f.graduate_cofacilitator:
        where = f", {f.graduated_from}" if f.graduated_from else ""
        return f"{f.name} (graduate co-facilitator{where})"
    if f.job_title:
        return f"{f.name} ({f.job_title})"
    return f.name


def short_facilitator(f: FacilitatorInfo) -> str:
    """For the cohorts list: the name, "graduate co-facilitator" said in words."""
    return f"{f.name} (graduate co-facilitator)" if f.graduate_cofacilitator else f.name


def dates_text(c: CohortInfo) -> str:
    """ "Tue 6 Jan 2026 – Tue 10 Mar 2026" (or "from …" with no end yet)."""
    if c.end_on is None:
        return f"from {format_date(c.start_on)}"
    return f"{format_date(c.start_on)} – {format_date(c.end_on)}"


def places_text(c: CohortInfo) -> str:
    """ "8 of 12" places taken (enrolled or graduated), or "8 (no limit)"."""
    taken = c.enrolled + c.completed
    return f"{taken} of {c.capacity}" if c.capacity is not None else f"{taken} (no limit)"


COHORT_COLUMNS: list[Column[CohortRow]] = [
    Column("Cohort", lambda r: r.cohort.name),
    Column("Programme", lambda r: r.cohort.programme_name, None, lambda r: r.cohort.programme_name),
    Column("Dates", lambda r: dates_text(r.cohort), lambda r: r.cohort.start_on),
    Column("Venue", lambda r: r.cohort.venue or "", None, lambda r: r.cohort.venue or ""),
    Column(
        "Places",
        lambda r: places_text(r.cohort),
        lambda r: r.cohort.enrolled + r.cohort.completed,
        lambda r: f"{r.cohort.enrolled} enrolled, {r.cohort.completed} graduated",
    ),
    Column("Waiting", lambda r: str(r.cohort.waiting), lambda r: r.cohort.waiting, None, True),
    Column("Status", lambda r: r.cohort.status.label),
    Column(
        "Facilitators",
        lambda r: ", ".join(short_facilitator(f) for f in r.facilitators) or "None yet",
        None,
        lambda r: "\n".join(facilitator_text(f) for f in r.facilitators) or "None yet",
    ),
]


def session_state(s: SessionInfo, today: date) -> str:
    """What happened at a session, in words."""
    m = s.meeting
    if m.cancelled:
        return f"Cancelled: {m.cancelled_reason}" if m.cancelled_reason else "Cancelled"
    if m.day > today:
        return "To come"
    if not m.attendance_recorded:
        return "Attendance not typed in yet"
    return f"{m.present} came" + (f", {m.apologies} sent apologies" if m.apologies else "")


def session_columns(today: date) -> list[Column[SessionInfo]]:
    """The session plan: number, day, time, topic, attendance."""
    return [
        Column("No.", lambda s: str(s.number), lambda s: s.number, None, True),
        Column("Day", lambda s: format_date(s.meeting.day), lambda s: s.meeting.day),
        Column("Time", lambda s: s.meeting.times),
        Column("Topic", lambda s: s.meeting.topic or ""),
        Column("Attendance", lambda s: session_state(s, today)),
        Column("Venue", lambda s: s.meeting.venue or ""),
    ]


def _applied_again(e: EnrolmentInfo) -> bool:
    """Whether they withdrew and then applied again (``cohorts_enrolment.apply``): the row
    keeps the withdrawal, and the enrolment day until a new one replaces it."""
    return e.state is not EnrolmentState.WITHDRAWN and e.withdrawn_on is not None


def _dates(e: EnrolmentInfo) -> str:
    again = _applied_again(e)
    earlier_enrolment = again and e.enrolled_on is not None and e.enrolled_on < e.applied_on
    parts = []
    if again:
        if earlier_enrolment:
            parts.append(f"enrolled {format_date(e.enrolled_on)}")
        parts.append(f"withdrew {format_date(e.withdrawn_on)}")
    parts.append(f"{'applied again' if again else 'applied'} {format_date(e.applied_on)}")
    for word, day in (
        ("offered", e.offered_on),
        ("waiting since", e.waiting_on),
        ("enrolled", None if earlier_enrolment else e.enrolled_on),
        ("graduated", e.graduated_on),
        ("withdrew", None if again else e.withdrawn_on),
    ):
        if day is not None:
            parts.append(f"{word} {format_date(day)}")
    return " · ".join(parts)


def latest_step(e: EnrolmentInfo) -> str:
    """The latest step with its day, "Enrolled Tue 29 Sep 2026" (the rest in the tooltip)."""
    again = _applied_again(e)
    enrolled = e.enrolled_on
    if again and enrolled is not None and enrolled < e.applied_on:
        enrolled = None  # the earlier place's
    steps = [
        ("Withdrew", None if again else e.withdrawn_on),
        ("Graduated", e.graduated_on),
        ("Enrolled", enrolled),
        ("Waiting since", e.waiting_on),
        ("Offered", e.offered_on),
        ("Applied again" if again else "Applied", e.applied_on),
    ]
    word, day = next((w, d) for w, d in steps if d is not None)
    return f"{word} {format_date(day)}"


def state_text(e: EnrolmentInfo) -> str:
    """ "On the waiting list (2nd)", "Withdrawn", …"""
    if e.waiting_position is not None:
        return f"{e.state.label} (number {e.waiting_position})"
    return e.state.label


def progress_text(r: PlaceRow) -> str:
    """The live sentence, "✓" in front when the attendance needed is reached."""
    if r.progress is None:
        return ""
    text = r.progress.text
    if r.progress.can_graduate and not text.startswith("✓"):
        return f"✓ {text}"
    return text


PLACE_COLUMNS: list[Column[PlaceRow]] = [
    Column("Name", lambda r: r.enrolment.name, lambda r: sort_key(r.enrolment.name)),
    Column("Place", lambda r: state_text(r.enrolment)),
    Column(
        "Attended",
        lambda r: f"{r.progress.attended} of {r.progress.held}" if r.progress else "",
        lambda r: r.progress.attended if r.progress else -1,
        lambda r: "Sessions attended of those held so far",
        True,
    ),
    Column("Progress", progress_text, None, progress_text),
    Column("Since", lambda r: latest_step(r.enrolment), None, lambda r: _dates(r.enrolment)),
]

FACILITATOR_COLUMNS: list[Column[FacilitatorInfo]] = [
    Column("Name", lambda f: f.name),
    Column(
        "Facilitating as",
        lambda f: (
            f"Graduate co-facilitator ({f.graduated_from})"
            if f.graduate_cofacilitator
            else (f.job_title or ("Member" if f.member_id else "Outside facilitator"))
        ),
    ),
]


def _joined(items: tuple[str, ...]) -> str:
    return "; ".join(items) if items else "—"


def _panels(g: GraduatePathway) -> str:
    if g.panels is None:
        return "(not shown to this account)"
    return _joined(tuple(f"{p.post_title}, {format_date(p.day)}" for p in g.panels))


def _council(g: GraduatePathway) -> str:
    return _joined(tuple(f"{n} ({format_date(d)})" for n, d in g.council))


def pathway_columns() -> list[Column[GraduatePathway]]:
    """Graduate, cohort, graduated on, then onward roles (in full in the tooltips)."""
    return [
        Column("Graduate", lambda g: g.name, lambda g: sort_key(g.name)),
        Column("Cohort", lambda g: g.cohort_name),
        Column("Graduated", lambda g: format_date(g.graduated_on), lambda g: g.graduated_on),
        Column(
            "Went on to co-facilitate",
            lambda g: _joined(g.cofacilitated),
            None,
            lambda g: "\n".join(g.cofacilitated) or "—",
        ),
        Column("Sat on panels", _panels, None, lambda g: _panels(g).replace("; ", "\n")),
        Column("Joined the council", _council, None, _council),
    ]


ALUMNI_COLUMNS: list[Column[AlumniActionInfo]] = [
    Column("Date", lambda a: format_date(a.day), lambda a: a.day),
    Column("Title", lambda a: a.title),
    Column("People", lambda a: ", ".join(p.name for p in a.people)),
    Column("Outcome", lambda a: a.outcome or "", None, lambda a: a.outcome or ""),
    Column("Programme", lambda a: a.programme_name or ""),
]


def plain_table(
    model: DtoTableModel,
    name: str,
    sort_column: int = -1,
    sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
) -> QTableView:
    """A sortable read-only table that first shows rows in the services' own order: with no
    arrow where that order is no one column's (plan order, places by state), else with the
    arrow on the column it follows (newest cohort first: ``Dates`` descending)."""
    return list_table(model, name, sort_column=sort_column, sort_order=sort_order)
