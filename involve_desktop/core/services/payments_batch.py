"""What to pay for a period: the finance batch (per person and method), its CSV file, and
each person's payment statement.

Only payable items count: NOT_PAYABLE lines (people who declined payment or take expenses
only) are never in a batch; a statement lists them apart as recorded involvement. Nor is a
line for time not yet paid whose person's preference is now declined or expenses only
(changing the preference takes such lines out; older data may still hold some): the batch
keeps those apart in ``held_back`` to be named, never totalled, and its CSV leaves them out.
Coordinators only (VIEW_PAYMENTS).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import NotFound
from involve_desktop.core.models.payments import ExpenseClaim, PayLine, PaymentPreference
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_people import name_order, names_of
from involve_desktop.core.services.payments_common import SEE, check_period, methods_of
from involve_desktop.core.services.payments_dto import (
    ExpenseInfo,
    FinanceBatch,
    PayLineInfo,
    PaymentMethod,
    PaymentStatement,
    PayStatus,
    PersonTotals,
)
from involve_desktop.core.services.payments_expenses import claims_in
from involve_desktop.core.services.payments_lines import lines_in
from involve_desktop.core.services.transaction import require
from involve_desktop.core.spreadsheet_cells import safe_cell

CSV_HEADER = (
    "member_id",
    "name",
    "method",
    "date",
    "item",
    "kind",
    "minutes",
    "sessions",
    "amount",
    "status",
    "approved_by",
    "paid_on",
)


def finance_batch(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    *,
    statuses: Iterable[PayStatus] = (PayStatus.APPROVED,),
) -> FinanceBatch:
    """Per person: their payable lines and claims in [start, end] with these statuses."""
    require(session, actor, Permission.VIEW_PAYMENTS, SEE)
    check_period(start, end)
    wanted = tuple(PayStatus(s) for s in statuses if PayStatus(s) is not PayStatus.NOT_PAYABLE)
    lines = lines_in(session, start, end, statuses=wanted) if wanted else []
    claims = claims_in(session, start, end, statuses=wanted) if wanted else []
    methods = methods_of(session, {x.member_id for x in (*lines, *claims)})
    by_person: dict[int, tuple[list[PayLineInfo], list[ExpenseInfo]]] = {}
    names: dict[int, str] = {}
    held_back: list[PayLineInfo] = []
    for line in lines:
        method = methods.get(line.member_id)
        if line.status is not PayStatus.PAID and method is not None and not method.pays_time:
            held_back.append(line)  # never pay time to someone who does not take it
            continue
        by_person.setdefault(line.member_id, ([], []))[0].append(line)
        names[line.member_id] = line.name
    for claim in claims:
        by_person.setdefault(claim.member_id, ([], []))[1].append(claim)
        names[claim.member_id] = claim.name
    people = []
    by_method: dict[PaymentMethod, int] = {}
    for member_id in sorted(by_person, key=lambda m: name_order(names[m], m)):
        person_lines, person_claims = by_person[member_id]
        time_pence = sum(line.amount_pence for line in person_lines)
        expenses_pence = sum(claim.amount_pence for claim in person_claims)
        method = methods.get(member_id)
        people.append(
            PersonTotals(
                member_id,
                names[member_id],
                method,
                time_pence,
                expenses_pence,
                time_pence + expenses_pence,
                tuple(person_lines),
                tuple(person_claims),
            )
        )
        if method is not None:
            by_method[method] = by_method.get(method, 0) + time_pence + expenses_pence
    return FinanceBatch(
        start,
        end,
        wanted,
        tuple(people),
        sum(p.total_pence for p in people),
        {m: by_method[m] for m in PaymentMethod if m in by_method},
        tuple(held_back),
    )


def statement(
    session: Session, actor: Actor, member_id: int, start: date, end: date
) -> PaymentStatement:
    """One person's involvement, payments and expenses in [start, end]."""
    require(session, actor, Permission.VIEW_PAYMENTS, SEE)
    check_period(start, end)
    names = names_of(session, [member_id])
    if member_id not in names:
        raise NotFound("That person is no longer in the members list. Refresh and try again.")
    preference = session.get(PaymentPreference, member_id)
    all_lines = lines_in(session, start, end, member_id=member_id)
    lines = tuple(x for x in all_lines if x.status is not PayStatus.NOT_PAYABLE)
    recorded = tuple(x for x in all_lines if x.status is PayStatus.NOT_PAYABLE)
    claims = tuple(claims_in(session, start, end, member_id=member_id))
    time_pence = sum(x.amount_pence for x in lines)
    expenses_pence = sum(x.amount_pence for x in claims)
    paid = sum(x.amount_pence for x in (*lines, *claims) if x.status is PayStatus.PAID)
    return PaymentStatement(
        member_id,
        names[member_id],
        start,
        end,
        PaymentMethod(preference.method) if preference else None,
        preference.benefits_advice_offered_on if preference else None,
        lines,
        claims,
        recorded,
        time_pence,
        expenses_pence,
        time_pence + expenses_pence,
        paid,
        time_pence + expenses_pence - paid,
    )


def people_with_statements(session: Session, actor: Actor, start: date, end: date) -> list[int]:
    """Everyone with a pay line or expense claim in [start, end], alphabetical by name."""
    require(session, actor, Permission.VIEW_PAYMENTS, SEE)
    check_period(start, end)
    ids = set(session.scalars(select(PayLine.member_id).where(PayLine.day.between(start, end))))
    ids |= set(
        session.scalars(select(ExpenseClaim.member_id).where(ExpenseClaim.day.between(start, end)))
    )
    names = names_of(session, ids)
    return sorted(names, key=lambda m: name_order(names[m], m))


def pounds(pence: int) -> str:
    """Pence as plain pounds for a spreadsheet: 1250 → "12.50" (no £, no commas)."""
    sign = "-" if pence < 0 else ""
    whole, rest = divmod(abs(pence), 100)
    return f"{sign}{whole}.{rest:02d}"


def finance_batch_csv(batch: FinanceBatch) -> str:
    """The batch as CSV for finance software: a header row, then one row per pay line and
    per expense claim (no totals row). The writer decides on a BOM for Excel. Text starting
    with =, +, - or @ gets a leading apostrophe so a spreadsheet never runs it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for person in batch.people:
        method = person.method.label if person.method else ""
        for line in person.lines:
            writer.writerow(
                (
                    person.member_id,
                    safe_cell(person.name),
                    method,
                    line.day.isoformat(),
                    safe_cell(line.description),
                    line.activity.label,
                    "" if line.minutes is None else line.minutes,
                    "" if line.sessions is None else line.sessions,
                    pounds(line.amount_pence),
                    line.status.label,
                    safe_cell(line.approved_by or ""),
                    line.paid_on.isoformat() if line.paid_on else "",
                )
            )
        for claim in person.expenses:
            writer.writerow(
                (
                    person.member_id,
                    safe_cell(person.name),
                    method,
                    claim.day.isoformat(),
                    safe_cell(claim.item),
                    f"Expenses: {claim.kind.label}",
                    "",
                    "",
                    pounds(claim.amount_pence),
                    claim.status.label,
                    safe_cell(claim.approved_by or ""),
                    claim.paid_on.isoformat() if claim.paid_on else "",
                )
            )
    return out.getvalue()
