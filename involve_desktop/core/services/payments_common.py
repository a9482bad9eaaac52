"""What the payment services share: permission wording, rows to DTOs, status changes.

Pay lines and expense claims move the same way: pending → approved (who, when) → paid (on a
day, never in the future and never before the day of the work or expense); paid is final;
NOT_PAYABLE lines (people who declined payment or want expenses only) are never approved or
paid, nor is a line for time whose person's preference is now declined or expenses only
(sent back, such a line becomes NOT_PAYABLE). ``move`` applies one transition to rows of
either kind, refusing the whole batch with ``PaymentRefused`` if any row may not move
(``ValidationError`` on ``paid_on`` for a paid date before the work), so nothing is half-
done.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Literal, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.base import utcnow
from involve_desktop.core.models.payments import ExpenseClaim, PayLine, PaymentPreference
from involve_desktop.core.money import per_hour_amount
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_people import name_order, names_of
from involve_desktop.core.services.payments_dto import (
    Activity,
    ExpenseInfo,
    ExpenseKind,
    PayLineInfo,
    PaymentMethod,
    PaymentRefused,
    PayStatus,
    RateBasis,
)
from involve_desktop.core.services.transaction import require, transaction

MANAGE = "change involvement payments or expenses"
SEE = "see involvement payments or expenses"

Transition = Literal["approve", "unapprove", "pay"]
Row = PayLine | ExpenseClaim
Info = TypeVar("Info", PayLineInfo, ExpenseInfo)
RowT = TypeVar("RowT", PayLine, ExpenseClaim)


def check_period(start: date, end: date) -> None:
    """ValidationError when a period ends before it starts."""
    if not isinstance(start, date) or not isinstance(end, date):
        raise ValidationError("start", "Give the first and last day of the period.")
    if end < start:
        raise ValidationError("end", "The period ends before it starts; check the two dates.")


def methods_of(session: Session, member_ids: Iterable[int]) -> dict[int, PaymentMethod]:
    """Each member's payment preference (members with none are left out)."""
    wanted = sorted(set(member_ids))
    if not wanted:
        return {}
    rows = session.execute(
        select(PaymentPreference.member_id, PaymentPreference.method).where(
            PaymentPreference.member_id.in_(wanted)
        )
    )
    return {member_id: PaymentMethod(method) for member_id, method in rows}


def line_infos(session: Session, rows: Sequence[PayLine]) -> list[PayLineInfo]:
    """Pay line rows as DTOs (names read in one query), in the rows' order."""
    names = names_of(session, {r.member_id for r in rows})
    return [
        PayLineInfo(
            r.id,
            r.member_id,
            names.get(r.member_id, ""),
            r.day,
            Activity(r.activity),
            r.description,
            r.minutes,
            r.sessions,
            r.rate_pence,
            r.amount_pence,
            PaymentMethod(r.method) if r.method else None,
            PayStatus(r.status),
            r.approved_by,
            r.approved_at,
            r.paid_on,
            r.note,
            RateBasis(r.basis),
        )
        for r in rows
    ]


def claim_infos(session: Session, rows: Sequence[ExpenseClaim]) -> list[ExpenseInfo]:
    """Expense claim rows as DTOs (names read in one query), in the rows' order."""
    names = names_of(session, {r.member_id for r in rows})
    return [
        ExpenseInfo(
            r.id,
            r.member_id,
            names.get(r.member_id, ""),
            ExpenseKind(r.kind),
            r.day,
            r.amount_pence,
            r.receipt_held,
            r.description,
            PayStatus(r.status),
            r.approved_by,
            r.approved_at,
            r.paid_on,
            r.created_by,
            version=r.version,
        )
        for r in rows
    ]


def rows_in(
    session: Session,
    model: type[RowT],
    start: date,
    end: date,
    *,
    member_id: int | None = None,
    statuses: Iterable[PayStatus] | None = None,
) -> list[RowT]:
    """The pay lines or claims dated in [start, end], optionally one person's or some
    statuses (no permission check: for the payment services that made one)."""
    query = select(model).where(model.day.between(start, end))
    if member_id is not None:
        query = query.where(model.member_id == member_id)
    if statuses is not None:
        query = query.where(model.status.in_([PayStatus(s).value for s in statuses]))
    return list(session.scalars(query))


def by_day_then_name(infos: list[Info]) -> list[Info]:
    """Lines or claims in the order the lists and sheets show them: by day, then name."""
    return sorted(infos, key=lambda i: (i.day, *name_order(i.name, i.member_id), i.id))


def load_rows(session: Session, model: type[Row], ids: Iterable[int]) -> list[Row]:
    """The rows with these ids, in id order, locked until the transaction ends (PostgreSQL:
    a "Mark paid" and a "Send back" on two laptops at once are taken one after the other,
    the second seeing the first's status); NotFound if any has gone."""
    wanted = sorted(set(ids))
    query = select(model).where(model.id.in_(wanted)).order_by(model.id)
    rows = list(session.scalars(query.with_for_update().execution_options(populate_existing=True)))
    if len(rows) != len(wanted):
        thing = "pay line" if model is PayLine else "expense claim"
        raise NotFound(f"A {thing} chosen is no longer in the records. Refresh the list.")
    return rows


def _what(row: Row) -> str:
    if isinstance(row, PayLine):
        return f"The line for {format_date(row.day)} ({row.description})"
    return f"The {ExpenseKind(row.kind).label.lower()} claim for {format_date(row.day)}"


def _refusal(row: Row, transition: Transition) -> str | None:
    status = PayStatus(row.status)
    what = _what(row)
    if status is PayStatus.NOT_PAYABLE:
        return (
            f"{what} is recorded but not paid (the person's choice); "
            f"it cannot be {_done(transition)}."
        )
    if transition == "approve":
        if status is PayStatus.PAID:
            return f"{what} has already been paid; it needs no approval."
        if status is PayStatus.APPROVED:
            return f"{what} is already approved."
        if isinstance(row, PayLine) and row.method is None:
            return (
                f"{what} has no payment method: record how this person wants to be paid "
                "first (Set preference…); their waiting lines follow it at once."
            )
    elif transition == "unapprove":
        if status is PayStatus.PAID:
            return f"{what} has already been paid; it cannot go back to pending."
        if status is PayStatus.PENDING:
            return f"{what} is not approved yet."
    elif transition == "pay":
        if status is PayStatus.PAID:
            return f"{what} has already been paid."
        if status is PayStatus.PENDING:
            return f"{what} is not approved yet; approve it before marking it paid."
    return None


def _declines_time(
    row: Row, transition: Transition, methods: dict[int, PaymentMethod]
) -> str | None:
    """Why a line for time may not be approved or paid: the person's preference now is
    declined or expenses only (a guard: changing the preference takes such lines out)."""
    if not isinstance(row, PayLine) or transition == "unapprove":
        return None
    method = methods.get(row.member_id)
    if method is None or method.pays_time:
        return None
    return (
        f"{_what(row)} is for time, but this person's preference is now "
        f"“{method.label}”: nobody is paid for time they do not take payment for. Put the "
        f"line back to waiting and it is recorded, not paid, instead; it cannot be "
        f"{_done(transition)}."
    )


def earliest_paid_on(rows: Sequence[Row]) -> date | None:
    """The first day these lines or claims may be marked paid: the latest day among them
    (money for work or an expense cannot go out before it happened); None for no rows."""
    return max((row.day for row in rows), default=None)


def _check_not_before_work(rows: Sequence[Row], paid_on: date) -> None:
    """ValidationError on ``paid_on`` naming the earliest allowed day when the paid date is
    before the day of any row (nothing is changed then)."""
    earliest = earliest_paid_on(rows)
    if earliest is None or paid_on >= earliest:
        return
    latest = _what(next(row for row in rows if row.day == earliest))
    raise ValidationError(
        "paid_on",
        f"Paid on: {format_date(paid_on)} is before the day it pays for "
        f"({latest[0].lower()}{latest[1:]}). The earliest allowed paid date is "
        f"{format_date(earliest)}; choose that day or later. Nothing was changed.",
    )


def _done(transition: Transition) -> str:
    return {"approve": "approved", "unapprove": "sent back", "pay": "paid"}[transition]


def move(
    session: Session,
    actor: Actor,
    rows: Sequence[Row],
    transition: Transition,
    *,
    paid_on: date | None = None,
    today: date | None = None,
) -> int:
    """Apply ``transition`` to every row (inside the caller's transaction) and audit each;
    PaymentRefused naming the first row that may not move (nothing is changed then)."""
    if transition == "pay":
        now_day = today or date.today()
        if not isinstance(paid_on, date):
            raise ValidationError("paid_on", "Give the day it was paid.")
        if paid_on > now_day:
            raise PaymentRefused(
                f"The paid date {format_date(paid_on)} is in the future; "
                "mark it paid on or after the day it is paid."
            )
        _check_not_before_work(rows, paid_on)
    methods = methods_of(session, {r.member_id for r in rows if isinstance(r, PayLine)})
    problems = [
        p
        for p in (_refusal(r, transition) or _declines_time(r, transition, methods) for r in rows)
        if p
    ]
    if problems:
        more = len(problems) - 1
        extra = f" ({more} more could not be {_done(transition)} either.)" if more else ""
        raise PaymentRefused(problems[0] + extra + " Nothing was changed.")
    now = utcnow()
    for row in rows:
        entity = "pay_line" if isinstance(row, PayLine) else "expense_claim"
        before, amount_before = row.status, row.amount_pence
        if transition == "approve":
            row.status, row.approved_by, row.approved_at = "approved", actor.display_name, now
        elif transition == "unapprove":
            row.status, row.approved_by, row.approved_at = "pending", None, None
            method = methods.get(row.member_id) if isinstance(row, PayLine) else None
            if isinstance(row, PayLine) and method is not None and not method.pays_time:
                apply_method(row, method)  # they decline payment now: recorded, not paid
        else:
            row.status, row.paid_on, row.paid_by = "paid", paid_on, actor.display_name
        changes: dict[str, object] = {"status": [before, row.status]}
        if row.amount_pence != amount_before:  # sent back for someone who declines: 0
            changes["amount_pence"] = [amount_before, row.amount_pence]
        if transition == "pay":
            changes["paid_on"] = [None, paid_on.isoformat() if paid_on else None]
        audit.record(session, actor, "update", entity, row.id, changes)
    return len(rows)


def full_amount(line: PayLine) -> int:
    """What a line pays at its rate: per hour rate × minutes / 60 rounded half up (pence)."""
    if line.minutes is not None:
        return per_hour_amount(line.rate_pence, line.minutes)
    return line.rate_pence * (line.sessions or 1)


def apply_method(line: PayLine, method: PaymentMethod | None) -> bool:
    """Bring a line that is not approved yet in line with a preference; True if it changed.

    No preference (None) or one that pays time: pending at the full amount; declined or
    expenses only: NOT_PAYABLE with amount 0 (the involvement stays recorded).
    """
    if line.status not in (PayStatus.PENDING.value, PayStatus.NOT_PAYABLE.value):
        return False
    pays = method is None or method.pays_time
    status = PayStatus.PENDING if pays else PayStatus.NOT_PAYABLE
    amount = full_amount(line) if pays else 0
    new = (method.value if method else None, status.value, amount)
    if (line.method, line.status, line.amount_pence) == new:
        return False
    line.method, line.status, line.amount_pence = new
    return True


def take_out_of_batch(session: Session, actor: Actor, line: PayLine, method: PaymentMethod) -> None:
    """An approved line for someone whose preference ``method`` no longer pays for time:
    recorded, not paid (amount 0, approval cleared), audited, never in a batch again."""
    before = {k: getattr(line, k) for k in ("status", "amount_pence", "method", "approved_by")}
    line.status, line.amount_pence, line.method = PayStatus.NOT_PAYABLE.value, 0, method.value
    line.approved_by, line.approved_at = None, None
    after = {k: getattr(line, k) for k in before}
    changes = audit.changes_between(before, after)
    changes["taken_out_of_batch"] = f"the person now has {method.label.lower()}"
    audit.record(session, actor, "update", "pay_line", line.id, changes)


def move_by_ids(
    session: Session,
    actor: Actor,
    model: type[Row],
    ids: Sequence[int],
    transition: Transition,
    *,
    paid_on: date | None = None,
    today: date | None = None,
) -> int:
    """Check MANAGE_PAYMENTS, load the pay lines or claims with these ids and ``move`` them
    in one transaction (the shared body of approve / send back / mark paid)."""
    require(session, actor, Permission.MANAGE_PAYMENTS, MANAGE)
    with transaction(session):
        rows = load_rows(session, model, ids)
        count = move(session, actor, rows, transition, paid_on=paid_on, today=today)
    return count
