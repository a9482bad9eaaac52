"""Involvement payments and expenses: preferences, rates, pay lines and expense claims.

Money is integer pence. ``payment_preference`` is how each person wants to be paid (one
row per member, none until asked). ``payment_rate`` is a rate per activity from a day on.
``pay_line`` is one piece of recorded involvement made from its source (a panel seat, a
worked shift, a facilitated meeting: ``source_kind`` + ``source_id``, one line per source)
with the rate and amount fixed when made. ``expense_claim`` is money spent to take part.
Lines and claims go pending → approved (by whom, when) → paid (on a day); people who
decline payment or want expenses only have their lines recorded as ``not_payable``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from involve_desktop.core.models.base import Base, TimestampMixin
from involve_desktop.core.models.versioning import Versioned


class PaymentPreference(Base, TimestampMixin):
    """How a member wants to be paid, and when benefits advice was offered to them."""

    __tablename__ = "payment_preference"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    )
    method: Mapped[str] = mapped_column(String(20), nullable=False)
    benefits_advice_offered_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(String(500))
    updated_by: Mapped[str] = mapped_column(String(200), nullable=False)


class PaymentRate(Base, TimestampMixin, Versioned):
    """A rate for an activity (per hour or per session) from ``valid_from`` until the next."""

    __tablename__ = "payment_rate"
    __table_args__ = (
        UniqueConstraint("activity", "valid_from", name="uq_payment_rate_activity_valid_from"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity: Mapped[str] = mapped_column(String(30), nullable=False)
    basis: Mapped[str] = mapped_column(String(16), nullable=False)
    amount_pence: Mapped[int] = mapped_column(Integer, nullable=False)
    valid_from: Mapped[date] = mapped_column(Date, nullable=False)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)


class PayLine(Base, TimestampMixin):
    """One piece of involvement and what it pays (``minutes`` per hour, ``sessions`` per
    session); ``method`` is the person's preference when the line was made or last updated."""

    __tablename__ = "pay_line"
    __table_args__ = (
        UniqueConstraint("source_kind", "source_id", name="uq_pay_line_source"),
        Index("ix_pay_line_day_status", "day", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True
    )
    source_kind: Mapped[str] = mapped_column(String(30), nullable=False)
    source_id: Mapped[int] = mapped_column(Integer, nullable=False)
    day: Mapped[date] = mapped_column(Date, nullable=False)
    activity: Mapped[str] = mapped_column(String(30), nullable=False)
    description: Mapped[str] = mapped_column(String(300), nullable=False)
    basis: Mapped[str] = mapped_column(String(16), nullable=False)
    minutes: Mapped[int | None] = mapped_column(Integer)
    sessions: Mapped[int | None] = mapped_column(Integer)
    rate_pence: Mapped[int] = mapped_column(Integer, nullable=False)
    amount_pence: Mapped[int] = mapped_column(Integer, nullable=False)
    method: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="pending")
    approved_by: Mapped[str | None] = mapped_column(String(200))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime)
    paid_on: Mapped[date | None] = mapped_column(Date)
    paid_by: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(String(500))
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)


class ExpenseClaim(Base, TimestampMixin, Versioned):
    """Money a member spent to take part (travel, care costs…), to be paid back."""

    __tablename__ = "expense_claim"
    __table_args__ = (Index("ix_expense_claim_day_status", "day", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    day: Mapped[date] = mapped_column(Date, nullable=False)
    amount_pence: Mapped[int] = mapped_column(Integer, nullable=False)
    receipt_held: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    description: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="pending")
    approved_by: Mapped[str | None] = mapped_column(String(200))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime)
    paid_on: Mapped[date | None] = mapped_column(Date)
    paid_by: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
