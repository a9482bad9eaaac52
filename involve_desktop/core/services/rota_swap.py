"""Swapping two people's shifts: Aisha takes Ben's shift and Ben takes Aisha's, or neither.

Both moves are checked with the same rules as assigning by hand, after both people have been
taken off their own shift (so each may take a shift at the time of the one they give up). A
hard rule refuses the whole swap with the reason; a personal limit can be gone over with a
reason, recorded on the new assignment. Shifts whose attendance has been recorded cannot be
swapped: that would rewrite what happened; nor can one with a pay line made for it (pay
lines find their shift by the assignment id, which a swap replaces).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.models.people import Member
from involve_desktop.core.models.rota import RotaAssignment, RotaShift
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.services.rota_assign import assign_in_transaction, refuse_recorded
from involve_desktop.core.services.rota_world import load_shifts, person_name
from involve_desktop.core.services.transaction import require, transaction

MAX_CANDIDATE_DAYS = 62


@dataclass(frozen=True)
class SwapCandidate:
    """Someone on another shift who could swap with the chosen person."""

    assignment_id: int
    shift_id: int
    member_id: int
    name: str
    shift_label: str


def _assignment(session: Session, assignment_id: int) -> RotaAssignment:
    row = session.get(RotaAssignment, assignment_id, with_for_update=True)
    if row is None:
        raise NotFound("That person is no longer on the shift. Refresh the rota.")
    if row.attendance is not None:
        raise ValidationError(
            "swap", "What happened on this shift is already recorded, so it cannot be swapped."
        )
    if row.shift.cancelled:
        raise ValidationError("swap", "A cancelled shift cannot be swapped.")
    refuse_recorded(session, row, person_name(session, row.member_id), "swapped")
    return row


def swap(
    session: Session,
    actor: Actor,
    first_assignment_id: int,
    second_assignment_id: int,
    override_limits: bool = False,
    override_reason: str | None = None,
) -> tuple[int, int]:
    """Swap the people on two assignments in one step; the two new assignment ids.

    Raises ``RotaRefused`` (naming the person and the reason) when either move breaks a
    rule; ``overridable`` when only a personal limit is in the way.
    """
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    if first_assignment_id == second_assignment_id:
        raise ValidationError("swap", "Choose two different people to swap.")
    with transaction(session):
        first = _assignment(session, first_assignment_id)
        second = _assignment(session, second_assignment_id)
        if first.shift_id == second.shift_id:
            raise ValidationError("swap", "Both people are on the same shift; nothing to swap.")
        if first.member_id == second.member_id:
            raise ValidationError("swap", "That is the same person; choose someone else.")
        moves = ((first.member_id, second.shift_id), (second.member_id, first.shift_id))
        labels = {
            k: v.label
            for k, v in load_shifts(
                session,
                min(first.shift.day, second.shift.day),
                max(first.shift.day, second.shift.day),
                [first.shift_id, second.shift_id],
            ).items()
        }
        names = {
            m.id: display_name(m.full_name, m.preferred_name)
            for m in session.scalars(
                select(Member).where(Member.id.in_([first.member_id, second.member_id]))
            )
        }
        for row in (first, second):
            session.delete(row)
        session.flush()
        new_ids = tuple(
            assign_in_transaction(
                session, actor, shift_id, member_id, override_limits, override_reason
            )
            for member_id, shift_id in moves
        )
        audit.record(
            session,
            actor,
            "update",
            "rota_assignment",
            new_ids[0],
            {
                "swap": (
                    f"{names[first.member_id]} now on {labels[second.shift_id]}; "
                    f"{names[second.member_id]} now on {labels[first.shift_id]}"
                )
            },
        )
    return new_ids[0], new_ids[1]


def swap_candidates(
    session: Session, actor: Actor, assignment_id: int, start: date, end: date
) -> list[SwapCandidate]:
    """People on other shifts from ``start`` to ``end`` who could swap with this assignment,
    in time order (not yet checked against the rules: ``swap`` does that). Shifts the person
    is already on, and people already on their shift, are left out."""
    require(session, actor, Permission.VIEW_ROTA, "see the rota")
    if end < start:
        raise ValidationError("end", "The end date must be on or after the start date.")
    if (end - start).days > MAX_CANDIDATE_DAYS:
        raise ValidationError("end", "Look at most two months ahead for a swap.")
    mine = session.get(RotaAssignment, assignment_id)
    if mine is None:
        raise NotFound("That person is no longer on the shift. Refresh the rota.")
    on_mine = set(
        session.scalars(
            select(RotaAssignment.member_id).where(RotaAssignment.shift_id == mine.shift_id)
        )
    )
    theirs = select(RotaAssignment.shift_id).where(RotaAssignment.member_id == mine.member_id)
    rows = session.execute(
        select(RotaAssignment, Member.full_name, Member.preferred_name)
        .join(RotaShift, RotaShift.id == RotaAssignment.shift_id)
        .join(Member, Member.id == RotaAssignment.member_id)
        .where(
            RotaShift.day >= start,
            RotaShift.day <= end,
            RotaShift.cancelled.is_(False),
            RotaShift.id != mine.shift_id,
            RotaAssignment.attendance.is_(None),
            RotaAssignment.member_id.not_in(on_mine),
            RotaShift.id.not_in(theirs),  # a shift they are already on is no swap
        )
        .order_by(RotaShift.day, RotaShift.start_time, RotaShift.id, Member.sort_name)
    ).all()
    shift_ids = sorted({a.shift_id for a, _, _ in rows})
    labels = load_shifts(session, start, end, shift_ids) if shift_ids else {}
    return [
        SwapCandidate(
            a.id, a.shift_id, a.member_id, display_name(full, pref), labels[a.shift_id].label
        )
        for a, full, pref in rows
    ]
