"""Putting people on shifts and taking them off, with every rule checked in the service.

Hard rules refuse with a sentence naming the person (``RotaRefused``); a limit (outside
their weekly availability, over their shifts a week or hours a month) refuses with
``overridable=True`` and the limits' ``codes`` unless ``override_limits`` is given with a
reason, which is kept on the assignment and in the audit trail. The shift row is locked
while checking (``SELECT … FOR UPDATE`` on PostgreSQL) so two laptops cannot both fill the
last place, and so is the person's member row, so two laptops putting the same person on
overlapping shifts at two sites at the same instant run one after the other: the second
sees the first and is refused as a double booking.

Taking someone off a shift is refused once what happened is recorded (worked, did not
attend, cancelled) or a pay line was made for it (``refuse_recorded``): pay lines find their
shift by the assignment's id, so deleting it would leave their pay line pointing at nothing
(or, with the id reused, at someone else's shift). The outcome is corrected instead.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.models.people import Member
from involve_desktop.core.models.rota import RotaAssignment, RotaShift
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.erased_people import refuse_erased
from involve_desktop.core.services.payments_dto import OPEN_STATUSES, PayStatus
from involve_desktop.core.services.rota_attendance import pay_line_status
from involve_desktop.core.services.rota_rules import (
    Refusal,
    RotaRefused,
    limit_refusals,
    person_refusal,
    shift_refusal,
)
from involve_desktop.core.services.rota_world import (
    load_shifts,
    load_world,
    person_name,
    told_apart,
)
from involve_desktop.core.services.transaction import require, transaction


def lock_person(session: Session, member_id: int) -> None:
    """Lock the person's member row until the transaction ends (``FOR UPDATE`` on
    PostgreSQL; SQLite has one writer at a time), before their other shifts are read."""
    found = session.scalar(select(Member.id).where(Member.id == member_id).with_for_update())
    if found is None:
        raise NotFound("That member is no longer in the records. Refresh the list.")


def refuse_recorded(session: Session, row: RotaAssignment, name: str, doing: str) -> None:
    """Refuse ``doing`` (e.g. "taken off this shift") to an assignment whose outcome is
    recorded or that has a pay line, saying what to do instead."""
    paid = pay_line_status(session, row.id)
    if paid in OPEN_STATUSES:
        raise ValidationError(
            "attendance",
            f"{name} has a pay line for this shift that is not approved yet, so they cannot be "
            f"{doing}. If they did not work it, record the outcome as did not attend or "
            "cancelled (Record outcome) and make pay lines again under Payments, which "
            "withdraws the line; then try again.",
        )
    if paid is not None:
        raise ValidationError(
            "attendance",
            f"{name} already has a pay line for this shift ({PayStatus(paid).label.lower()}), "
            f"so they cannot be {doing}. If they did not work it, ask whoever handles "
            "payments to remove or correct the pay line first, then record the outcome as "
            "did not attend or cancelled.",
        )
    if row.attendance is not None:
        raise ValidationError(
            "attendance",
            f"What happened on this shift is already recorded for {name}, so they cannot be "
            f"{doing}. If it is wrong, correct it with Record outcome (for example did not "
            "attend, or cancelled).",
        )


def assign_in_transaction(
    session: Session,
    actor: Actor,
    shift_id: int,
    member_id: int,
    override_limits: bool = False,
    override_reason: str | None = None,
) -> int:
    """Check the rules and add the assignment inside the caller's transaction; its id."""
    reason = validation.optional_text(override_reason, 500, "override_reason", "Reason")
    refuse_erased(session, [member_id], "member_id", "put on the rota")
    shift_row = session.get(RotaShift, shift_id, with_for_update=True)
    if shift_row is None:
        raise NotFound("That shift is no longer on the rota. Refresh the rota.")
    lock_person(session, member_id)
    world = load_world(
        session, shift_row.day, shift_row.day, shift_ids=[shift_id], member_ids={member_id}
    )
    shift = world.shifts[shift_id]
    person = world.people.get(member_id)
    if person is None:
        raise NotFound("That member is no longer in the records. Refresh the list.")
    assigned = world.assigned.get(shift_id, set())
    if shift_refusal(shift, assigned, person) or person_refusal(person, shift, world.ledger):
        person = told_apart(session, person)  # the message names which Zoë Clarke
        refusal = shift_refusal(shift, assigned, person) or (
            person_refusal(person, shift, world.ledger)
        )
        assert refusal is not None
        raise RotaRefused(refusal)
    limits = limit_refusals(person, shift, world.ledger)
    if limits and not (override_limits and reason):
        person = told_apart(session, person)
        limits = limit_refusals(person, shift, world.ledger)
    limit = Refusal(limits[0].code, " ".join(r.message for r in limits)) if limits else None
    if limit is not None and not (override_limits and reason):
        codes = tuple(r.code for r in limits)
        if override_limits:
            raise RotaRefused(
                Refusal(limit.code, f"{limit.message} Give a reason to go ahead anyway."),
                overridable=True,
                codes=codes,
            )
        raise RotaRefused(limit, overridable=True, codes=codes)
    row = session.scalar(
        select(RotaAssignment).where(
            RotaAssignment.shift_id == shift_id, RotaAssignment.member_id == member_id
        )
    )
    if row is None:  # an earlier "cancelled" / "did not attend" row is reused
        row = RotaAssignment(shift_id=shift_id, member_id=member_id)
        session.add(row)
    row.assigned_by = actor.display_name
    row.override_reason = reason if limit is not None else None
    row.attendance, row.actual_minutes, row.batch_id = None, None, None
    session.flush()
    changes = {"shift": shift.label, "member": person.name}
    if limit is not None:
        changes |= {"over limit": limit.message, "override reason": reason}
    audit.record(session, actor, "create", "rota_assignment", row.id, changes)
    return row.id


def assign(
    session: Session,
    actor: Actor,
    shift_id: int,
    member_id: int,
    override_limits: bool = False,
    override_reason: str | None = None,
) -> int:
    """Put someone on a shift; returns the assignment id.

    Raises ``RotaRefused`` naming the person and the reason when a rule fails; a limit can
    be passed with ``override_limits=True`` and a reason (recorded).
    """
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    with transaction(session):
        return assign_in_transaction(
            session, actor, shift_id, member_id, override_limits, override_reason
        )


def unassign(session: Session, actor: Actor, shift_id: int, member_id: int) -> None:
    """Take someone off a shift (audited); nothing happens if they were not on it.

    Refused with a ``ValidationError`` on "attendance" once their outcome is recorded or a
    pay line exists for it (``refuse_recorded``): record "did not attend" or "cancelled"
    instead, or ask whoever handles payments about the pay line."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    with transaction(session):
        row = session.scalar(
            select(RotaAssignment).where(
                RotaAssignment.shift_id == shift_id, RotaAssignment.member_id == member_id
            )
        )
        if row is None:
            return
        refuse_recorded(session, row, person_name(session, member_id), "taken off it")
        day = row.shift.day
        label = load_shifts(session, day, day, [shift_id])[shift_id].label
        audit.record(
            session,
            actor,
            "delete",
            "rota_assignment",
            row.id,
            {"shift": label, "member": person_name(session, member_id)},
        )
        session.delete(row)
