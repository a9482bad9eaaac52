"""The columns of the Payments area's lists (pay lines, expense claims, people, rates) and
the table they share: sortable, whole rows, several rows selectable at once.

Status is always words ("Waiting for approval", "Recorded, not paid"), never colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from involve_desktop.core.formatting import format_date, format_pence, format_timestamp
from involve_desktop.core.services.payments_dto import (
    ExpenseInfo,
    PayLineInfo,
    PaymentMethod,
    PayStatus,
    RateInfo,
)
from involve_desktop.ui.meetings.meetings_columns import fit_columns, list_table
from involve_desktop.ui.table_model import ROW_ROLE, Column, DtoTableModel

__all__ = [
    "CLAIM_COLUMNS",
    "LINE_COLUMNS",
    "PEOPLE_COLUMNS",
    "RATE_COLUMNS",
    "PersonRow",
    "fit_columns",
    "method_text",
    "selected_rows",
    "selection_table",
    "status_text",
]

NO_METHOD = "Not asked yet"


def method_text(method: PaymentMethod | None) -> str:
    """ "Bank transfer", or "Not asked yet" when no preference is recorded."""
    return method.label if method is not None else NO_METHOD


def status_text(status: PayStatus, paid_on: date | None = None) -> str:
    """ "Approved", "Paid Tue 3 Nov 2026", "Recorded, not paid"."""
    if status is PayStatus.PAID and paid_on is not None:
        return f"Paid {format_date(paid_on)}"
    return status.label


def _approved(approved_by: str | None, approved_at: object) -> str:
    return approved_by or ""


def _approved_tip(approved_by: str | None, approved_at: object) -> str:
    if not approved_by:
        return ""
    return f"Approved by {approved_by}, {format_timestamp(approved_at)}"  # type: ignore[arg-type]


def _line_amount(line: PayLineInfo) -> str:
    return format_pence(line.amount_pence) if line.status is not PayStatus.NOT_PAYABLE else "—"


def _line_tip(line: PayLineInfo) -> str:
    parts = [line.description]
    if line.note:
        parts.append(f"Note: {line.note}")
    if line.status is PayStatus.NOT_PAYABLE:
        parts.append(f"Recorded as involvement; not paid ({method_text(line.method).lower()}).")
    return "\n".join(parts)


LINE_COLUMNS: list[Column[PayLineInfo]] = [
    Column("Person", lambda x: x.name),
    Column("Date", lambda x: format_date(x.day), lambda x: f"{x.day.isoformat()} {x.id:09d}"),
    Column("What", lambda x: x.description, tooltip=_line_tip),
    Column(
        "Time",
        lambda x: x.quantity_text,
        lambda x: (x.minutes or 0) * 1000 + (x.sessions or 0),
    ),
    Column("Rate", lambda x: x.rate_text, lambda x: x.rate_pence),
    Column("Amount", _line_amount, lambda x: x.amount_pence, align_right=True),
    Column("Paid by", lambda x: method_text(x.method)),
    Column("Status", lambda x: status_text(x.status, x.paid_on), tooltip=_line_tip),
    Column(
        "Approved by",
        lambda x: _approved(x.approved_by, x.approved_at),
        tooltip=lambda x: _approved_tip(x.approved_by, x.approved_at),
    ),
]


def _claim_tip(claim: ExpenseInfo) -> str:
    parts = [claim.item, "Receipt held" if claim.receipt_held else "No receipt held"]
    parts.append(f"Added by {claim.created_by}")
    return "\n".join(parts)


CLAIM_COLUMNS: list[Column[ExpenseInfo]] = [
    Column("Person", lambda x: x.name),
    Column("Date", lambda x: format_date(x.day), lambda x: f"{x.day.isoformat()} {x.id:09d}"),
    Column("Kind", lambda x: x.kind.label),
    Column("What for", lambda x: x.description or "", tooltip=_claim_tip),
    Column(
        "Amount",
        lambda x: format_pence(x.amount_pence),
        lambda x: x.amount_pence,
        align_right=True,
    ),
    Column("Receipt", lambda x: "Held" if x.receipt_held else "No receipt"),
    Column("Status", lambda x: status_text(x.status, x.paid_on), tooltip=_claim_tip),
    Column(
        "Approved by",
        lambda x: _approved(x.approved_by, x.approved_at),
        tooltip=lambda x: _approved_tip(x.approved_by, x.approved_at),
    ),
]


@dataclass(frozen=True)
class PersonRow:
    """One person involved in the period, with their preference and what they have in it."""

    member_id: int
    name: str
    method: PaymentMethod | None
    benefits_advice_offered_on: date | None
    note: str | None
    lines: int
    claims: int
    payable_pence: int


PEOPLE_COLUMNS: list[Column[PersonRow]] = [
    Column("Person", lambda p: p.name),
    Column("How they are paid", lambda p: method_text(p.method), tooltip=lambda p: p.note or ""),
    Column(
        "Benefits advice offered",
        lambda p: (
            format_date(p.benefits_advice_offered_on)
            if p.benefits_advice_offered_on
            else "Not recorded"
        ),
        lambda p: (p.benefits_advice_offered_on or date.min).isoformat(),
    ),
    Column("Pay lines", lambda p: str(p.lines), lambda p: p.lines, align_right=True),
    Column("Claims", lambda p: str(p.claims), lambda p: p.claims, align_right=True),
    Column(
        "Total in period",
        lambda p: format_pence(p.payable_pence),
        lambda p: p.payable_pence,
        align_right=True,
    ),
    Column("Note", lambda p: p.note or "", tooltip=lambda p: p.note or ""),
]

RATE_COLUMNS: list[Column[RateInfo]] = [
    Column("Activity", lambda r: r.activity.label),
    Column("Rate", lambda r: r.text, lambda r: r.amount_pence),
    Column("From", lambda r: format_date(r.valid_from), lambda r: r.valid_from.isoformat()),
    Column(
        "Until",
        lambda r: format_date(r.valid_to) if r.valid_to else "Still current",
        lambda r: (r.valid_to or date.max).isoformat(),
    ),
]


def selection_table(
    model: DtoTableModel, name: str, *, many: bool = True, parent: QWidget | None = None
) -> QTableView:
    """A sortable read-only table; with ``many``, Ctrl/Shift-click selects several rows."""
    table = list_table(model, name, parent)
    if many:
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    return table


def selected_rows(table: QTableView) -> list:
    """The DTOs of the selected rows, in the order shown."""
    rows = sorted(table.selectionModel().selectedRows(), key=lambda index: index.row())
    return [table.model().data(index, ROW_ROLE) for index in rows]
