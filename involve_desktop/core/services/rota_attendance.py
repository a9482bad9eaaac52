"""After the shift: worked / did not attend / cancelled, actual hours, involvement history.

Actual time is stored in minutes; "worked" without hours takes the shift's planned length.
"Did not attend" and "cancelled" free the place: they no longer count for coverage, limits
or fairness. Worked shifts appear in the member's involvement history as "Peer support
shift, Ward 4 — 3.5 h" (this module registers the provider when imported; the rota
services import it, and so should anything showing involvement history).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.payments import PayLine
from involve_desktop.core.models.rota import RotaAssignment, RotaShift, RotaSite
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit, involvement
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.payments_dto import OPEN_STATUSES, PayStatus
from involve_desktop.core.services.rota_dto import Attendance
from involve_desktop.core.services.rota_rules import hours_text, span
from involve_desktop.core.services.rota_world import person_name
from involve_desktop.core.services.transaction import require, transaction

MAX_HOURS = 24


def _check(state: Attendance | None, actual_hours: float | None) -> None:
    if actual_hours is not None and not 0 < actual_hours <= MAX_HOURS:
        raise ValidationError("actual_hours", f"Hours must be more than 0 and at most {MAX_HOURS}.")
    if actual_hours is not None and state is not Attendance.WORKED:
        raise ValidationError("actual_hours", "Only enter hours for a shift that was worked.")


def pay_line_status(session: Session, assignment_id: int) -> str | None:
    """The status of the pay line made for this assignment, or None when there is none."""
    return session.scalar(
        select(PayLine.status).where(
            PayLine.source_kind == "rota_assignment", PayLine.source_id == assignment_id
        )
    )


def _refuse_if_paid(session: Session, row: RotaAssignment) -> None:
    """A shift whose pay line is approved or paid keeps its outcome: changing it would leave
    the line paying for what the rota no longer says happened."""
    status = pay_line_status(session, row.id)
    # A line still open (waiting, or not payable) follows the outcome when pay lines are
    # made again, so only an approved or paid one holds the outcome.
    if status is not None and status not in OPEN_STATUSES:
        raise ValidationError(
            "attendance",
            f"{person_name(session, row.member_id)} already has a pay line for this shift "
            f"({PayStatus(status).label.lower()}), so what happened cannot be changed here. "
            "Ask whoever handles payments to remove or correct the pay line first.",
        )


def _record(
    session: Session,
    actor: Actor,
    row: RotaAssignment,
    state: Attendance | None,
    actual_hours: float | None,
    today: date,
) -> None:
    if state is not None and row.shift.day > today:
        raise ValidationError(
            "attendance",
            f"This shift is on {format_date(row.shift.day)}; record what happened on or after "
            "that day. To take someone off a future shift, use Take off shift.",
        )
    minutes = None
    if state is Attendance.WORKED:
        if actual_hours is None:
            begin, end = span(row.shift.day, row.shift.start_time, row.shift.end_time)
            minutes = int((end - begin).total_seconds() // 60)
        else:
            minutes = round(actual_hours * 60)
    before = {"attendance": row.attendance, "actual_minutes": row.actual_minutes}
    if before != {"attendance": state.value if state else None, "actual_minutes": minutes}:
        _refuse_if_paid(session, row)
    row.attendance = state.value if state else None
    row.actual_minutes = minutes
    after = {"attendance": row.attendance, "actual_minutes": minutes}
    changes = audit.changes_between(before, after)
    if changes:
        audit.record(session, actor, "update", "rota_assignment", row.id, changes)


def record_attendance(
    session: Session,
    actor: Actor,
    assignment_id: int,
    attendance: Attendance | None,
    actual_hours: float | None = None,
    *,
    today: date | None = None,
) -> None:
    """Record what happened on a shift for one person (None clears it)."""
    record_shift_outcomes(session, actor, {assignment_id: (attendance, actual_hours)}, today=today)


def record_shift_outcomes(
    session: Session,
    actor: Actor,
    outcomes: Mapping[int, tuple[Attendance | None, float | None]],
    *,
    today: date | None = None,
) -> None:
    """Record what happened for several people at once (assignment id → (state, hours));
    all or nothing. Nothing can be recorded before the shift's day."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    checked = {}
    for assignment_id, (attendance, hours) in outcomes.items():
        state = Attendance(attendance) if attendance is not None else None
        _check(state, hours)
        checked[assignment_id] = (state, hours)
    with transaction(session):
        for assignment_id, (state, hours) in checked.items():
            row = session.get(RotaAssignment, assignment_id)
            if row is None:
                raise NotFound("That person is no longer on the shift. Refresh the rota.")
            _record(session, actor, row, state, hours, today or date.today())


@involvement.provides
def worked_shifts(
    session: Session, actor: Actor, member_id: int
) -> list[involvement.InvolvementItem]:
    """Involvement-history provider: the shifts this member worked (for an account that
    may see the rota)."""
    if not actor.can(Permission.VIEW_ROTA):
        return []
    rows = session.execute(
        select(RotaShift.day, RotaSite.name, RotaAssignment.actual_minutes)
        .join(RotaShift, RotaShift.id == RotaAssignment.shift_id)
        .join(RotaSite, RotaSite.id == RotaShift.site_id)
        .where(
            RotaAssignment.member_id == member_id,
            RotaAssignment.attendance == Attendance.WORKED.value,
        )
    )
    return [
        involvement.InvolvementItem(
            day, "Peer support", f"Peer support shift, {site} — {hours_text(minutes or 0)}"
        )
        for day, site, minutes in rows
    ]
