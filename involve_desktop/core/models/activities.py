"""4PI involvement activity records and the you said, we did log (issue 9).

An ``InvolvementActivity`` is one consultation, co-production workshop, council decision,
recruitment panel or service change, recorded against the 4PI standards: its **purpose**,
**presence** (members present as rows in ``involvement_activity_member``, counts of other
people, how many of them have lived experience, groups that were missing), **process**
(roles, preparation, accessibility, support, payment, feedback given back) and **impact**
(what changed for services and for the people involved, and its status).

A ``YouSaidEntry`` is one line of the "you said, we did" log, optionally linked to an
activity. ``InvolvementPrinciples`` holds the group's agreed shared values (one row).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from involve_desktop.core.models.base import Base, TimestampMixin
from involve_desktop.core.models.versioning import Versioned


class InvolvementActivity(Versioned, TimestampMixin, Base):
    """One involvement activity recorded against the 4PI standards."""

    __tablename__ = "involvement_activity"
    __table_args__ = (Index("ix_involvement_activity_day_kind", "day", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    kind: Mapped[str] = mapped_column(String(24), nullable=False)
    day: Mapped[date] = mapped_column(Date, nullable=False)
    asked_by: Mapped[str | None] = mapped_column(String(200))
    purpose: Mapped[str | None] = mapped_column(Text)
    staff_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    carers_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    others_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    others_lived_experience: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    missing_groups: Mapped[str | None] = mapped_column(Text)  # one group a line
    roles: Mapped[str | None] = mapped_column(Text)
    preparation: Mapped[str | None] = mapped_column(Text)
    accessibility: Mapped[str | None] = mapped_column(Text)
    support: Mapped[str | None] = mapped_column(Text)
    payment: Mapped[str] = mapped_column(String(16), nullable=False, default="not_applicable")
    payment_note: Mapped[str | None] = mapped_column(String(500))
    feedback_on: Mapped[date | None] = mapped_column(Date)
    feedback_how: Mapped[str | None] = mapped_column(String(500))
    impact_services: Mapped[str | None] = mapped_column(Text)
    impact_people: Mapped[str | None] = mapped_column(Text)
    impact_status: Mapped[str] = mapped_column(String(16), nullable=False, default="waiting")
    impact_reason: Mapped[str | None] = mapped_column(String(500))

    members: Mapped[list[InvolvementActivityMember]] = relationship(
        back_populates="activity", cascade="all, delete-orphan"
    )


class InvolvementActivityMember(Base):
    """A member present at an activity."""

    __tablename__ = "involvement_activity_member"
    __table_args__ = (
        UniqueConstraint("activity_id", "member_id", name="uq_involvement_activity_member_pair"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("involvement_activity.id", ondelete="CASCADE"), nullable=False, index=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True
    )

    activity: Mapped[InvolvementActivity] = relationship(back_populates="members")


class YouSaidEntry(Versioned, TimestampMixin, Base):
    """One line of the you said, we did log (status planned / done / not_possible)."""

    __tablename__ = "you_said_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    you_said: Mapped[str] = mapped_column(Text, nullable=False)
    we_did: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="planned")
    reason: Mapped[str | None] = mapped_column(String(500))
    responsible: Mapped[str | None] = mapped_column(String(200))
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("involvement_activity.id", ondelete="SET NULL"), index=True
    )


class InvolvementPrinciples(TimestampMixin, Base):
    """The group's agreed 4PI principles (shared values) and when they were agreed; one row."""

    __tablename__ = "involvement_principles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    agreed_on: Mapped[date | None] = mapped_column(Date)
