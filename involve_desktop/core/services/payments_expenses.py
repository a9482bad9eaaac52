"""Expense claims: travel, care costs and other money people spend to take part.

Nobody should be out of pocket, so a person who declines payment for their time (or takes
expenses only) still claims expenses. A claim is pending until approved (who, when), then
marked paid (on a day, never in the future); only pending claims can be changed or
removed. Coordinators only; every change is audited (entity ``expense_claim``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_pence
from involve_desktop.core.models.payments import ExpenseClaim
from involve_desktop.core.models.people import Member
from involve_desktop.core.money import MAX_PENCE
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.erased_people import refuse_erased
from involve_desktop.core.services.payments_common import (
    MANAGE,
    SEE,
    by_day_then_name,
    check_period,
    claim_infos,
    move_by_ids,
    rows_in,
)
from involve_desktop.core.services.payments_dto import (
    ExpenseInfo,
    ExpenseInput,
    ExpenseKind,
    PaymentRefused,
    PayStatus,
)
from involve_desktop.core.services.record_version import check_version
from involve_desktop.core.services.transaction import require, transaction


def _values(session: Session, data: ExpenseInput, today: date) -> dict[str, object]:
    if session.get(Member, data.member_id) is None:
        raise ValidationError("member_id", "Choose who the claim is for from the members list.")
    try:
        kind = ExpenseKind(data.kind)
    except ValueError:
        raise ValidationError(
            "kind", "Choose what the claim is for: travel, care costs or other."
        ) from None
    if not isinstance(data.day, date):
        raise ValidationError("day", "Give the day the money was spent.")
    validation.not_in_future(data.day, "day", "The day of the expense", today)
    validation.within_years(data.day, "day", "The day of the expense", today, back=6)
    amount = data.amount_pence
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValidationError("amount_pence", "Give the amount in pounds — for example 4.60.")
    if amount <= 0:
        raise ValidationError(
            "amount_pence",
            "A claim must be for more than £0.00 — type what was spent, for example 4.60.",
        )
    if amount > MAX_PENCE:
        raise ValidationError(
            "amount_pence", f"{format_pence(amount)} is more than {format_pence(MAX_PENCE)}."
        )
    return {
        "member_id": data.member_id,
        "kind": kind.value,
        "day": data.day,
        "amount_pence": amount,
        "receipt_held": bool(data.receipt_held),
        "description": validation.optional_text(data.description, 500, "description", "What for"),
    }


def _pending(row: ExpenseClaim, doing: str) -> None:
    if row.status != PayStatus.PENDING.value:
        raise PaymentRefused(
            f"This claim is {PayStatus(row.status).label.lower()}; only a claim waiting for "
            f"approval can be {doing}."
        )


def _load(session: Session, claim_id: int) -> ExpenseClaim:
    row = session.get(ExpenseClaim, claim_id)
    if row is None:
        raise NotFound("That expense claim is no longer in the records. Refresh the list.")
    return row


def add_claim(
    session: Session, actor: Actor, data: ExpenseInput, *, today: date | None = None
) -> ExpenseInfo:
    """Record an expense claim (pending until approved)."""
    require(session, actor, Permission.MANAGE_PAYMENTS, MANAGE)
    with transaction(session):
        refuse_erased(session, [data.member_id], "member_id", "given a new expense claim")
        values = _values(session, data, today or date.today())
        row = ExpenseClaim(**values, status=PayStatus.PENDING.value, created_by=actor.display_name)
        session.add(row)
        session.flush()
        audit.record(
            session, actor, "create", "expense_claim", row.id, audit.created_fields(values)
        )
        info = claim_infos(session, [row])[0]
    return info


def update_claim(
    session: Session,
    actor: Actor,
    claim_id: int,
    data: ExpenseInput,
    *,
    today: date | None = None,
    expected_version: int | None = None,
) -> ExpenseInfo:
    """Change a claim still waiting for approval (``expected_version``: as first read)."""
    require(session, actor, Permission.MANAGE_PAYMENTS, MANAGE)
    with transaction(session):
        row = _load(session, claim_id)
        check_version(row, expected_version, what="this expense claim", by=actor)
        _pending(row, "changed")
        if data.member_id != row.member_id:
            refuse_erased(session, [data.member_id], "member_id", "given an expense claim")
        values = _values(session, data, today or date.today())
        before = {k: getattr(row, k) for k in values}
        for key, value in values.items():
            setattr(row, key, value)
        changes = audit.changes_between(before, values)
        if changes:
            audit.record(session, actor, "update", "expense_claim", row.id, changes)
        session.flush()
        info = claim_infos(session, [row])[0]
    return info


def remove_claim(session: Session, actor: Actor, claim_id: int) -> None:
    """Remove a claim still waiting for approval (e.g. typed twice)."""
    require(session, actor, Permission.MANAGE_PAYMENTS, MANAGE)
    with transaction(session):
        row = _load(session, claim_id)
        _pending(row, "removed")
        audit.record(
            session,
            actor,
            "delete",
            "expense_claim",
            row.id,
            {
                "member_id": row.member_id,
                "kind": row.kind,
                "day": row.day.isoformat(),
                "amount_pence": row.amount_pence,
            },
        )
        session.delete(row)


def claims_in(
    session: Session,
    start: date,
    end: date,
    *,
    member_id: int | None = None,
    statuses: Iterable[PayStatus] | None = None,
) -> list[ExpenseInfo]:
    """``list_claims`` without the permission check, for other payment services."""
    rows = rows_in(session, ExpenseClaim, start, end, member_id=member_id, statuses=statuses)
    return by_day_then_name(claim_infos(session, rows))


def get_claim(session: Session, actor: Actor, claim_id: int) -> ExpenseInfo:
    """One claim as stored now (e.g. to show someone else's changes in an open dialog)."""
    require(session, actor, Permission.VIEW_PAYMENTS, SEE)
    row = _load(session, claim_id)
    session.refresh(row)
    return claim_infos(session, [row])[0]


def list_claims(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    *,
    member_id: int | None = None,
    statuses: Iterable[PayStatus] | None = None,
) -> list[ExpenseInfo]:
    """Claims in [start, end] by day then name, optionally one person's or some statuses."""
    require(session, actor, Permission.VIEW_PAYMENTS, SEE)
    check_period(start, end)
    return claims_in(session, start, end, member_id=member_id, statuses=statuses)


def approve_claims(session: Session, actor: Actor, ids: Sequence[int]) -> int:
    """Approve pending claims (records who and when)."""
    return move_by_ids(session, actor, ExpenseClaim, ids, "approve")


def unapprove_claims(session: Session, actor: Actor, ids: Sequence[int]) -> int:
    """Send approved claims back to pending; paid claims are refused."""
    return move_by_ids(session, actor, ExpenseClaim, ids, "unapprove")


def mark_claims_paid(
    session: Session,
    actor: Actor,
    ids: Sequence[int],
    paid_on: date,
    *,
    today: date | None = None,
) -> int:
    """Mark approved claims paid on ``paid_on`` (not in the future)."""
    return move_by_ids(session, actor, ExpenseClaim, ids, "pay", paid_on=paid_on, today=today)
