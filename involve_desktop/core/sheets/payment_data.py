"""What the payment sheets print, read through the payment services.

- ``payment_statements_pdf(session, actor, start, end, member_id=None, …)`` — one person's
  statement, or everyone's with lines or claims in the period (one per page);
- ``finance_batch_pdf(session, actor, start, end, …)`` and ``finance_batch_csv_bytes(…)``
  (UTF-8 with a BOM so Excel reads £ and accents) — the payments screen;
- ``expense_claim_form_pdf(session, actor, member_id, start, end, …)``;
- ``load_*`` — the Sheets screen and ``involve-desktop print payment-statement`` /
  ``finance-batch`` / ``expense-claim-form``: ``--person`` (or ``--member``) is a member
  number or the name they go by, ``--month`` the month (default: last month for statements
  and the batch, this month for the claim form).

All need PRINT_SHEETS and VIEW_PAYMENTS (coordinators).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.dates import add_months
from involve_desktop.core.models.people import Member
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import organisation, payments_batch
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.services.payments_dto import PayStatus
from involve_desktop.core.services.payments_expenses import claims_in
from involve_desktop.core.services.payments_lines import lines_in
from involve_desktop.core.services.payments_sources import sources_in
from involve_desktop.core.services.transaction import require
from involve_desktop.core.sheets.expense_claim_form import (
    DEFAULT_EMPTY_ROWS,
    ClaimDay,
    ExpenseClaimFormSheet,
    render_expense_claim_form,
)
from involve_desktop.core.sheets.finance_batch import FinanceBatchSheet, render_finance_batch
from involve_desktop.core.sheets.options import SheetInputError, SheetOptions
from involve_desktop.core.sheets.params import SheetParams
from involve_desktop.core.sheets.payment_statement import (
    PaymentStatementSheet,
    render_payment_statements,
)
from involve_desktop.core.sheets.rota_data import parse_month
from involve_desktop.core.text import sort_key

CSV_BOM = "\ufeff"


def _may_print(session: Session, actor: Actor) -> None:
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    require(session, actor, Permission.VIEW_PAYMENTS, "see involvement payments or expenses")


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise SheetInputError("end", "The period ends before it starts — check the dates.")


def month_period(text: str | None, default: date) -> tuple[date, date]:
    """The first and last day of the month in ``text`` (default: ``default``'s month)."""
    first = parse_month(text, default)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _last_month(today: date) -> date:
    return add_months(today.replace(day=1), -1)


def find_member(session: Session, text: str | None) -> tuple[int, str]:
    """(member id, name) from a member number or the name someone goes by."""
    wanted = (text or "").strip()
    if not wanted:
        raise SheetInputError("person", "Say who it is for: a name or member number.")
    rows = session.execute(select(Member.id, Member.full_name, Member.preferred_name))
    names = {id_: display_name(full, preferred) for id_, full, preferred in rows}
    if wanted.isdigit():
        if int(wanted) in names:
            return int(wanted), names[int(wanted)]
        raise SheetInputError("person", f"There is no member number {wanted}.")
    found = {m: n for m, n in names.items() if sort_key(n) == sort_key(wanted)}
    if len(found) == 1:
        return next(iter(found.items()))
    if found:
        numbers = ", ".join(str(m) for m in sorted(found))
        raise SheetInputError(
            "person", f"More than one person is called {wanted}; use a member number ({numbers})."
        )
    raise SheetInputError("person", f"Nobody called {wanted} is in the members list.")


# --- Statements -----------------------------------------------------------------------------


def statements_sheet(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    member_ids: Iterable[int] | None = None,
    group_name: str | None = None,
    title: str | None = None,
) -> PaymentStatementSheet:
    """Statements for these people (default: everyone with lines or claims in the period)."""
    ids = (
        list(member_ids)
        if member_ids is not None
        else payments_batch.people_with_statements(session, actor, start, end)
    )
    statements = tuple(payments_batch.statement(session, actor, m, start, end) for m in ids)
    return PaymentStatementSheet(statements, group_name, title)


def payment_statements_pdf(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    member_id: int | None = None,
    options: SheetOptions | None = None,
    *,
    today: date | None = None,
) -> bytes:
    """One person's statement, or everyone's in the period (one per page), as PDF bytes."""
    _may_print(session, actor)
    _check_period(start, end)
    ids = None if member_id is None else [member_id]
    sheet = statements_sheet(session, actor, start, end, ids, organisation.group_name(session))
    return render_payment_statements(sheet, options, printed_on=today)


def load_payment_statements(
    session: Session, actor: Actor, params: SheetParams, today: date
) -> PaymentStatementSheet:
    """``params.person``'s statement (or everyone's) for ``params.month`` (default last)."""
    _may_print(session, actor)
    start, end = month_period(params.month, _last_month(today))
    ids = None
    if params.person and params.person.strip():
        ids = [find_member(session, params.person)[0]]
    return statements_sheet(session, actor, start, end, ids, params.group_name, params.title)


# --- Finance batch --------------------------------------------------------------------------


def _covers(statuses: Iterable[PayStatus]) -> str:
    wanted = set(statuses)
    if wanted == {PayStatus.APPROVED}:
        return "Approved, waiting to be paid"
    return " and ".join(s.label for s in PayStatus if s in wanted)


def finance_batch_sheet(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    statuses: Iterable[PayStatus] = (PayStatus.APPROVED,),
    group_name: str | None = None,
    title: str | None = None,
) -> FinanceBatchSheet:
    """The batch's DTO for a period."""
    wanted = tuple(statuses)
    batch = payments_batch.finance_batch(session, actor, start, end, statuses=wanted)
    return FinanceBatchSheet(batch, _covers(batch.statuses), group_name, title)


def finance_batch_pdf(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    options: SheetOptions | None = None,
    *,
    statuses: Iterable[PayStatus] = (PayStatus.APPROVED,),
    today: date | None = None,
) -> bytes:
    """The finance batch for a period as PDF bytes (the payments screen's Print)."""
    _may_print(session, actor)
    _check_period(start, end)
    sheet = finance_batch_sheet(
        session, actor, start, end, statuses, organisation.group_name(session)
    )
    return render_finance_batch(sheet, options, printed_on=today)


def finance_batch_csv_bytes(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    *,
    statuses: Iterable[PayStatus] = (PayStatus.APPROVED,),
) -> bytes:
    """The finance batch as a CSV file's bytes: UTF-8 with a BOM (Excel then reads £ and
    accented names correctly)."""
    _may_print(session, actor)
    _check_period(start, end)
    batch = payments_batch.finance_batch(session, actor, start, end, statuses=tuple(statuses))
    return (CSV_BOM + payments_batch.finance_batch_csv(batch)).encode("utf-8")


def finance_period(params: SheetParams, today: date) -> tuple[date, date]:
    """The month a finance batch or statement covers (default: last month)."""
    return month_period(params.month, _last_month(today))


def load_finance_batch(
    session: Session, actor: Actor, params: SheetParams, today: date
) -> FinanceBatchSheet:
    """What was approved and is waiting to be paid in ``params.month`` (default last)."""
    _may_print(session, actor)
    start, end = finance_period(params, today)
    return finance_batch_sheet(
        session, actor, start, end, group_name=params.group_name, title=params.title
    )


# --- Expense claim form ---------------------------------------------------------------------


def _plain_what(description: str) -> str:
    """A line's description, shorter for a form row: "Shift: Ward 4, 10:00–14:00"."""
    return description.replace("Peer support shift: ", "Shift: ")


def claim_form_sheet(
    session: Session,
    actor: Actor,
    member_id: int,
    name: str,
    start: date,
    end: date,
    empty_rows: int = DEFAULT_EMPTY_ROWS,
    group_name: str | None = None,
    title: str | None = None,
    *,
    today: date,
) -> ExpenseClaimFormSheet:
    """The form's DTO: the person's involvement days (pay lines, and involvement recorded
    but not made into lines yet) and the claims already entered."""
    days = {(x.day, x.description) for x in lines_in(session, start, end, member_id=member_id)}
    days |= {
        (s.day, s.description)
        for s in sources_in(session, start, end, today)
        if s.member_id == member_id
    }
    days = {(day, _plain_what(what)) for day, what in days}
    claims = tuple(claims_in(session, start, end, member_id=member_id))
    return ExpenseClaimFormSheet(
        member_id,
        name,
        start,
        end,
        tuple(ClaimDay(day, what) for day, what in sorted(days)),
        claims,
        empty_rows,
        group_name,
        title,
    )


def expense_claim_form_pdf(
    session: Session,
    actor: Actor,
    member_id: int,
    start: date,
    end: date,
    options: SheetOptions | None = None,
    *,
    empty_rows: int = DEFAULT_EMPTY_ROWS,
    today: date | None = None,
) -> bytes:
    """One person's pre-filled claim form for a period as PDF bytes."""
    _may_print(session, actor)
    _check_period(start, end)
    day = today or date.today()
    member, name = find_member(session, str(member_id))
    sheet = claim_form_sheet(
        session,
        actor,
        member,
        name,
        start,
        end,
        empty_rows,
        organisation.group_name(session),
        today=day,
    )
    return render_expense_claim_form(sheet, options, printed_on=day)


def load_expense_claim_form(
    session: Session, actor: Actor, params: SheetParams, today: date
) -> ExpenseClaimFormSheet:
    """``params.person``'s form for ``params.month`` (default: this month); ``params.rows``
    empty rows (default 5)."""
    _may_print(session, actor)
    member_id, name = find_member(session, params.person)
    start, end = month_period(params.month, today)
    rows = DEFAULT_EMPTY_ROWS if params.rows is None else params.rows
    return claim_form_sheet(
        session,
        actor,
        member_id,
        name,
        start,
        end,
        rows,
        params.group_name,
        params.title,
        today=today,
    )


__all__ = [
    "claim_form_sheet",
    "expense_claim_form_pdf",
    "finance_batch_csv_bytes",
    "finance_batch_pdf",
    "find_member",
    "load_expense_claim_form",
    "load_finance_batch",
    "load_payment_statements",
    "month_period",
    "payment_statements_pdf",
    "statements_sheet",
]
