"""Who is on track to complete a cohort, worked out live from session attendance, and
recording graduation.

The completion rule (``completion_rule``): attend at least ``completion_percent`` of the
cohort's sessions — rounded up, so 80 % of 10 is 8 and 80 % of 9 is 8 (7.2 rounded up) —
and every required session (by number in the plan). Cancelled sessions do not count and a
required session that was cancelled is no longer required. Before a plan is entered the
programme's planned number of sessions is used.

A session is *held* once its day has come (not cancelled). A held session whose attendance
nobody has typed in yet is *not recorded*: it is not counted as missed, and may still count.
Attendance is the meetings attendance (present only; apologies are not attendance).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.cohorts import Cohort, Enrolment, Programme
from involve_desktop.core.models.meetings import MeetingAttendance
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.cohorts_access import MANAGE, SEE, require_cohort
from involve_desktop.core.services.cohorts_cohorts import cohort_info
from involve_desktop.core.services.cohorts_dto import (
    CohortProgress,
    EnrolmentState,
    GraduateResult,
    PersonProgress,
    ProgrammeInfo,
    Standing,
)
from involve_desktop.core.services.cohorts_programmes import programme_info, required_sessions
from involve_desktop.core.services.cohorts_sessions import numbered, session_rows
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import AttendanceState, PersonRef
from involve_desktop.core.services.meetings_people import name_order, names_of
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.core.services.transaction import transaction

S = EnrolmentState
SHOWN = (S.ENROLLED.value, S.COMPLETED.value, S.WITHDRAWN.value)


def needed_for(total: int, percent: int) -> int:
    """Sessions to attend for ``percent`` of ``total``, rounded up (80 % of 9 → 8)."""
    return (percent * total + 99) // 100


def _numbers(numbers: tuple[int, ...] | list[int]) -> str:
    words = [str(n) for n in numbers]
    joined = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return ("session " if len(words) == 1 else "sessions ") + joined


@dataclass(frozen=True)
class Assessment:
    """Where someone stands, and the sentence that says so."""

    standing: Standing
    text: str


def completion_rule(
    *,
    needed: int,
    attended: int,
    remaining: int,
    not_recorded: int,
    required_missed: tuple[int, ...] = (),
    required_to_come: tuple[int, ...] = (),
) -> Assessment:
    """Whether someone has completed, can still complete, or cannot now complete.

    ``remaining`` sessions are still to come; ``not_recorded`` held sessions have no
    attendance typed in yet (they may still count).
    """
    if required_missed:
        return Assessment(
            Standing.CANNOT, f"Cannot now complete: missed required {_numbers(required_missed)}"
        )
    more = max(needed - attended, 0)
    possible = remaining + not_recorded
    if more > possible:
        return Assessment(
            Standing.CANNOT,
            f"Cannot now complete: needs {more} more but only {plural(possible, 'session')} "
            + ("remains" if possible == 1 else "remain"),
        )
    if more == 0 and not required_to_come:
        return Assessment(Standing.DONE, "Completed the attendance needed")
    if more == 0:
        return Assessment(
            Standing.ON_TRACK,
            f"Has enough sessions; must still attend required {_numbers(required_to_come)}",
        )
    text = f"Needs {more} more of the remaining {plural(possible, 'session')}"
    if required_to_come:
        text += f", including {_numbers(required_to_come)}"
    return Assessment(Standing.ON_TRACK, text)


@dataclass(frozen=True)
class _Session:
    """One planned session as the completion rule sees it."""

    number: int
    meeting_id: int
    day: date
    cancelled: bool
    recorded: bool


@dataclass(frozen=True)
class _Plan:
    """A cohort's sessions so far and to come, and who was present at which (by number)."""

    total: int
    needed: int
    held: tuple[_Session, ...]
    unrecorded: frozenset[int]
    required: tuple[_Session, ...]
    present: dict[int, set[int]]


@dataclass(frozen=True)
class _Standing:
    """Where one enrolled person stands, with the figures behind it."""

    came: set[int]
    missed: tuple[int, ...]
    to_come: tuple[int, ...]
    open_unrecorded: int
    result: Assessment


def _plan(
    session: Session,
    sessions: list[_Session],
    planned: int,
    percent: int,
    required_numbers: tuple[int, ...],
    today: date,
) -> _Plan:
    counted = [s for s in sessions if not s.cancelled]
    total = len(counted) if sessions else planned
    held = tuple(s for s in counted if s.day <= today)
    present: dict[int, set[int]] = defaultdict(set)
    meeting_number = {s.meeting_id: s.number for s in counted}
    if meeting_number:
        for meeting_id, member_id in session.execute(
            select(MeetingAttendance.meeting_id, MeetingAttendance.member_id).where(
                MeetingAttendance.meeting_id.in_(meeting_number),
                MeetingAttendance.state == AttendanceState.PRESENT.value,
            )
        ):
            present[member_id].add(meeting_number[meeting_id])
    return _Plan(
        total,
        needed_for(total, percent),
        held,
        frozenset(s.number for s in held if not s.recorded),
        tuple(s for s in counted if s.number in required_numbers),
        present,
    )


def _enrolments(session: Session, cohort: Cohort) -> list[Enrolment]:
    return list(
        session.scalars(
            select(Enrolment).where(
                Enrolment.cohort_id == cohort.id,
                Enrolment.state.in_(SHOWN),
                Enrolment.enrolled_on.is_not(None),
            )
        )
    )


def _stand(plan: _Plan, row: Enrolment, today: date) -> _Standing:
    came = plan.present[row.member_id]
    unrecorded = plan.unrecorded
    missed = tuple(
        s.number
        for s in plan.required
        if s.day <= today and s.number not in unrecorded and s.number not in came
    )
    to_come = tuple(
        s.number
        for s in plan.required
        if (s.day > today or s.number in unrecorded) and s.number not in came
    )
    state = S(row.state)
    open_unrecorded = len(unrecorded - came)
    if state is S.COMPLETED:
        result = Assessment(
            Standing.COMPLETED, f"Graduated on {format_date(row.graduated_on or today)}"
        )
    elif state is S.WITHDRAWN:
        when = format_date(row.withdrawn_on) if row.withdrawn_on else "—"
        result = Assessment(
            Standing.WITHDRAWN,
            f"Withdrew on {when}; attended {len(came)} of the "
            f"{plural(len(plan.held), 'session')} held",
        )
    else:
        result = completion_rule(
            needed=plan.needed,
            attended=len(came),
            remaining=plan.total - len(plan.held),
            not_recorded=open_unrecorded,
            required_missed=missed,
            required_to_come=to_come,
        )
    return _Standing(came, missed, to_come, open_unrecorded, result)


def cohort_progress(session: Session, cohort: Cohort, today: date) -> CohortProgress:
    """Progress of everyone enrolled (or who was) on ``cohort`` (no permission check)."""
    programme = session.get(Programme, cohort.programme_id)
    assert programme is not None
    rules: ProgrammeInfo = programme_info(session, programme)
    sessions = [
        _Session(
            s.number,
            s.meeting.id,
            s.meeting.day,
            s.meeting.cancelled,
            s.meeting.attendance_recorded,
        )
        for s in numbered(session, cohort)
    ]
    plan = _plan(
        session,
        sessions,
        rules.planned_sessions,
        rules.completion_percent,
        rules.required_sessions,
        today,
    )
    rows = _enrolments(session, cohort)
    names = names_of(session, {r.member_id for r in rows})
    people = []
    for row in rows:
        stand = _stand(plan, row, today)
        people.append(
            PersonProgress(
                row.member_id,
                names.get(row.member_id, ""),
                S(row.state),
                len(stand.came),
                len(plan.held),
                plan.total - len(plan.held),
                stand.open_unrecorded,
                plan.total,
                plan.needed,
                stand.missed,
                stand.to_come,
                stand.result.standing,
                stand.result.text,
            )
        )
    people.sort(key=lambda p: name_order(p.name, p.member_id))
    return CohortProgress(
        cohort_info(session, cohort),
        rules.rule,
        plan.total,
        plan.needed,
        len(plan.held),
        tuple(people),
    )


def progress(
    session: Session, actor: Actor, cohort_id: int, *, today: date | None = None
) -> CohortProgress:
    """Each person on the cohort: attended / held so far / remaining, required sessions
    missed, and the on-track sentence — computed from attendance now."""
    cohort = require_cohort(session, actor, cohort_id, Permission.VIEW_COHORTS, SEE)
    return cohort_progress(session, cohort, today or date.today())


def standings(
    session: Session, actor: Actor, cohort_id: int, *, today: date | None = None
) -> list[Standing]:
    """Where each person on the cohort stands (the standings of ``progress``, in no order):
    for Home, which only counts them. A few queries instead of ``progress``'s many (no
    names, meeting details or cohort figures)."""
    cohort = require_cohort(session, actor, cohort_id, Permission.VIEW_COHORTS, SEE)
    day = today or date.today()
    programme = session.get(Programme, cohort.programme_id)
    assert programme is not None
    sessions = [
        _Session(number, row.id, row.day, row.cancelled, row.attendance_recorded_at is not None)
        for number, row in enumerate(session_rows(session, cohort), start=1)
    ]
    plan = _plan(
        session,
        sessions,
        programme.planned_sessions,
        programme.completion_percent,
        required_sessions(session, programme.id),
        day,
    )
    return [_stand(plan, row, day).result.standing for row in _enrolments(session, cohort)]


def graduate(
    session: Session,
    actor: Actor,
    cohort_id: int,
    member_ids: list[int] | tuple[int, ...] | set[int],
    on: date,
    *,
    today: date | None = None,
) -> GraduateResult:
    """Record graduation on ``on`` for those who have met the completion rule; everyone else
    asked for is refused with the reason (nothing is recorded for them)."""
    cohort = require_cohort(session, actor, cohort_id, Permission.MANAGE_COHORTS, MANAGE)
    if not isinstance(on, date):
        raise ValidationError("on", "Give the graduation date — e.g. 3 Mar 2026.")
    day = today or date.today()
    if on > day:
        raise ValidationError("on", "Graduation is recorded on the day or after, not ahead.")
    standing = {p.member_id: p for p in cohort_progress(session, cohort, on).people}
    names = names_of(session, member_ids)
    graduated: list[PersonRef] = []
    refused: list[tuple[PersonRef, str]] = []
    with transaction(session):
        rows = {
            r.member_id: r
            for r in session.scalars(
                select(Enrolment).where(
                    Enrolment.cohort_id == cohort.id, Enrolment.member_id.in_(set(member_ids))
                )
            )
        }
        for member_id in sorted(set(member_ids), key=lambda m: name_order(names.get(m, ""), m)):
            person = PersonRef(member_id, names.get(member_id, ""))
            row, now = rows.get(member_id), standing.get(member_id)
            if row is None or row.enrolled_on is None:
                refused.append((person, f"Not enrolled on {cohort.name}"))
            elif row.state == S.COMPLETED.value:
                refused.append(
                    (person, f"Already graduated on {format_date(row.graduated_on or on)}")
                )
            elif now is None or not now.can_graduate:
                refused.append((person, now.text if now else "Not enrolled"))
            elif on < row.enrolled_on:
                refused.append((person, "The graduation date is before they enrolled"))
            else:
                row.state, row.graduated_on = S.COMPLETED.value, on
                audit.record(
                    session,
                    actor,
                    "update",
                    "enrolment",
                    row.id,
                    {
                        "state": [S.ENROLLED.value, S.COMPLETED.value],
                        "graduated_on": on.isoformat(),
                    },
                )
                graduated.append(person)
    return GraduateResult(tuple(graduated), tuple(refused))


def undo_graduation(session: Session, actor: Actor, cohort_id: int, member_id: int) -> None:
    """Take back a graduation recorded by mistake: the person is enrolled again (audited)."""
    cohort = require_cohort(session, actor, cohort_id, Permission.MANAGE_COHORTS, MANAGE)
    with transaction(session):
        row = session.scalar(
            select(Enrolment).where(
                Enrolment.cohort_id == cohort.id, Enrolment.member_id == member_id
            )
        )
        if row is None or row.state != S.COMPLETED.value:
            raise ValidationError("member_id", f"They have not graduated from {cohort.name}.")
        audit.record(
            session,
            actor,
            "update",
            "enrolment",
            row.id,
            {
                "state": [S.COMPLETED.value, S.ENROLLED.value],
                "graduated_on": [row.graduated_on.isoformat() if row.graduated_on else None, None],
            },
        )
        row.state, row.graduated_on = S.ENROLLED.value, None
