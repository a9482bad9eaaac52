"""Auto-fill a period: propose (a preview), commit as one step, undo that step.

- ``propose_autofill`` loads the period (plus the 4-week lookback and whole weeks and months
  for limits) in a few queries and runs the pure ``plan_autofill``; nothing is written. Only
  shifts from today on are filled.
- ``commit_autofill`` re-checks every proposed assignment with the same rules against the
  database as it is now, in one transaction: if anything changed so that one would break a
  rule or limit, nothing is written and the message says which and to propose again.
  Otherwise all are added under one batch, each audited, and the batch id is returned.
- ``undo_autofill`` removes exactly that batch's assignments that are still there and have
  no attendance recorded (a shift already worked stays in people's history), in one
  transaction, audited. A batch can be undone once.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.base import utcnow
from involve_desktop.core.models.payments import PayLine
from involve_desktop.core.models.rota import RotaAssignment, RotaAutofillBatch
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_people import names_of
from involve_desktop.core.services.rota_autofill_plan import plan_autofill
from involve_desktop.core.services.rota_dto import AutofillProposal, Refusal
from involve_desktop.core.services.rota_rules import (
    RotaRefused,
    booking_for,
    limit_refusal,
    person_refusal,
    shift_refusal,
)
from involve_desktop.core.services.rota_world import load_shifts, load_world
from involve_desktop.core.services.transaction import require, transaction

MAX_DAYS = 93


def _first_day(start: date, end: date, today: date | None) -> date:
    if end < start:
        raise ValidationError("end", "The end date must be on or after the start date.")
    if (end - start).days > MAX_DAYS:
        raise ValidationError("end", "Auto-fill at most three months at a time.")
    return max(start, today or date.today())


def propose_autofill(
    session: Session, actor: Actor, start: date, end: date, *, today: date | None = None
) -> AutofillProposal:
    """Assignments that would bring every shift from ``start`` to ``end`` to its minimum,
    fairly, and the gaps that would remain with the reason for each. Writes nothing."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    first = _first_day(start, end, today)
    if end < first:
        return AutofillProposal(start, end, (), (), 0, first)
    world = load_world(session, first, end)
    session.rollback()  # end the read transaction; nothing was written
    plan = plan_autofill(world, first, end)
    return AutofillProposal(start, end, plan.assignments, plan.gaps, plan.shift_count, first)


def commit_autofill(
    session: Session, actor: Actor, proposal: AutofillProposal, *, today: date | None = None
) -> int:
    """Apply a proposal all or nothing, after checking every rule again; the batch id."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    if not proposal.assignments:
        raise ValidationError("proposal", "There is nothing to add: every shift is covered.")
    first = _first_day(proposal.start, proposal.end, today)
    with transaction(session):
        world = load_world(session, first, proposal.end)
        for item in proposal.assignments:
            shift = world.shifts.get(item.shift_id)
            person = world.people.get(item.member_id)
            if shift is None or person is None:
                raise RotaRefused(
                    Refusal(
                        "changed",
                        f"{item.shift_label} or {item.member_name} is no longer on the rota. "
                        "Propose again.",
                    )
                )
            assigned = world.assigned.setdefault(shift.id, set())
            refusal = (
                shift_refusal(shift, assigned, person)
                or person_refusal(person, shift, world.ledger)
                or limit_refusal(person, shift, world.ledger)
            )
            if refusal is not None:
                raise RotaRefused(
                    Refusal(
                        refusal.code,
                        f"The rota changed since the proposal: {refusal.message} "
                        "Nothing was added — propose again.",
                    )
                )
            world.ledger.add(booking_for(person.member_id, shift))
            assigned.add(person.member_id)
        batch = RotaAutofillBatch(
            start_on=first, end_on=proposal.end, created_by=actor.display_name
        )
        session.add(batch)
        session.flush()
        # Earlier rows recorded as "cancelled" / "did not attend" are reused (one per pair).
        old = {
            (row.shift_id, row.member_id): row
            for row in session.scalars(
                select(RotaAssignment).where(
                    RotaAssignment.shift_id.in_({i.shift_id for i in proposal.assignments})
                )
            )
        }
        rows = []
        for item in proposal.assignments:
            row = old.get((item.shift_id, item.member_id)) or RotaAssignment(
                shift_id=item.shift_id, member_id=item.member_id
            )
            row.assigned_by, row.batch_id, row.override_reason = actor.display_name, batch.id, None
            row.attendance = row.actual_minutes = None
            rows.append(row)
        session.add_all(rows)
        session.flush()
        for row, item in zip(rows, proposal.assignments, strict=True):
            audit.record(
                session,
                actor,
                "create",
                "rota_assignment",
                row.id,
                {"shift": item.shift_label, "member": item.member_name, "auto-fill": batch.id},
            )
        audit.record(
            session,
            actor,
            "create",
            "rota_autofill_batch",
            batch.id,
            {
                "assignments": len(rows),
                "from": format_date(first),
                "to": format_date(proposal.end),
            },
        )
    return batch.id


def undo_autofill(session: Session, actor: Actor, batch_id: int) -> int:
    """Remove the assignments a committed auto-fill added (if still there); how many."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    with transaction(session):
        batch = session.get(RotaAutofillBatch, batch_id, with_for_update=True)
        if batch is None:
            raise NotFound("That auto-fill is no longer in the records.")
        if batch.undone_at is not None:
            raise ValidationError("batch", "That auto-fill has already been undone.")
        paid = select(PayLine.source_id).where(PayLine.source_kind == "rota_assignment")
        rows = session.scalars(
            select(RotaAssignment).where(
                RotaAssignment.batch_id == batch_id,
                RotaAssignment.attendance.is_(None),
                RotaAssignment.id.not_in(paid),  # a pay line keeps its shift (see rota_assign)
            )
        ).all()
        labels = {
            shift_id: view.label
            for shift_id, view in load_shifts(
                session, date.min, date.max, sorted({row.shift_id for row in rows})
            ).items()
        }
        names = names_of(session, {row.member_id for row in rows})  # one query for all
        for row in rows:
            audit.record(
                session,
                actor,
                "delete",
                "rota_assignment",
                row.id,
                {
                    "shift": labels.get(row.shift_id, row.shift_id),
                    "member": names.get(row.member_id, ""),
                    "auto-fill undone": batch_id,
                },
            )
            session.delete(row)
        batch.undone_at = utcnow()
        audit.record(
            session, actor, "update", "rota_autofill_batch", batch_id, {"undone": len(rows)}
        )
    return len(rows)
