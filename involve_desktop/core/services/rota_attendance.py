"""After the shift: worked / did not attend / cancelled, actual hours, involvement history.

Actual time is stored in minutes; "worked" without hours takes the shift's planned length.
"Did not attend" and "cancelled" free the place: they no longer count for coverage, limits
or fairness. Worked shifts appear in the member's involvement history as "Peer support
shift, Ward 4 — 3.5 h" (this module registers the provider when imported; the rota
services import it, and so should anything showing involvement history).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.models.rota import RotaAssignment, RotaShift, RotaSite
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit, involvement
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import Attendance
from involve_desktop.core.services.rota_rules import hours_text, span
from involve_desktop.core.services.transaction import require, transaction

MAX_HOURS = 24


def record_attendance(
    session: Session,
    actor: Actor,
    assignment_id: int,
    attendance: Attendance | None,
    actual_hours: float | None = None,
) -> None:
    """Record what happened on a shift for one person (None clears it)."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    state = Attendance(attendance) if attendance is not None else None
    if actual_hours is not None and not 0 < actual_hours <= MAX_HOURS:
        raise ValidationError("actual_hours", f"Hours must be more than 0 and at most {MAX_HOURS}.")
    if actual_hours is not None and state is not Attendance.WORKED:
        raise ValidationError("actual_hours", "Only enter hours for a shift that was worked.")
    with transaction(session):
        row = session.get(RotaAssignment, assignment_id)
        if row is None:
            raise NotFound("That person is no longer on the shift. Refresh the rota.")
        minutes = None
        if state is Attendance.WORKED:
            if actual_hours is None:
                begin, end = span(row.shift.day, row.shift.start_time, row.shift.end_time)
                minutes = int((end - begin).total_seconds() // 60)
            else:
                minutes = round(actual_hours * 60)
        before = {"attendance": row.attendance, "actual_minutes": row.actual_minutes}
        row.attendance = state.value if state else None
        row.actual_minutes = minutes
        after = {"attendance": row.attendance, "actual_minutes": minutes}
        changes = audit.changes_between(before, after)
        if changes:
            audit.record(session, actor, "update", "rota_assignment", row.id, changes)


@involvement.register
def worked_shifts(session: Session, member_id: int) -> list[involvement.InvolvementItem]:
    """Involvement-history provider: the shifts this member worked."""
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
