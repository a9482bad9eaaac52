"""Members: the group's people, their roles, training, consent and status history.

Restricted columns (lived experience, emergency contact, notes) are only read or written
through ``core.services.members``, which checks the actor's role.
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
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from involve_desktop.core.models.base import Base, TimestampMixin, utcnow
from involve_desktop.core.models.versioning import Versioned


class Member(Base, TimestampMixin, Versioned):
    """A person in the group: member, peer supporter, staff or ally."""

    __tablename__ = "member"
    __table_args__ = (Index("ix_member_status_sort", "status", "sort_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200), nullable=False)
    preferred_name: Mapped[str | None] = mapped_column(String(200))
    pronouns: Mapped[str | None] = mapped_column(String(50))
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(Text)
    postcode: Mapped[str | None] = mapped_column(String(10))
    preferred_contact: Mapped[str | None] = mapped_column(String(16))
    date_joined: Mapped[date] = mapped_column(Date, nullable=False)

    status: Mapped[str] = mapped_column(String(16), nullable=False, default="active")
    check_in_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    left_reason: Mapped[str | None] = mapped_column(String(500))

    # Restricted: coordinators only (enforced in the service).
    lived_experience: Mapped[bool | None] = mapped_column(Boolean)
    emergency_contact: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    needs_large_print: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    needs_interpreter: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    needs_step_free: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    needs_hearing_loop: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    access_other: Mapped[str | None] = mapped_column(String(500))

    # When their personal details were erased (UK GDPR); the anonymous record stays for counts.
    erased_at: Mapped[datetime | None] = mapped_column(DateTime)

    # Derived, for fast accent- and case-insensitive search and ordering.
    sort_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    name_key: Mapped[str] = mapped_column(String(200), nullable=False, default="", index=True)
    search_text: Mapped[str] = mapped_column(Text, nullable=False, default="")

    roles: Mapped[list[MemberRole]] = relationship(
        back_populates="member", cascade="all, delete-orphan", order_by="MemberRole.start_on"
    )
    training: Mapped[list[TrainingRecord]] = relationship(
        back_populates="member",
        cascade="all, delete-orphan",
        order_by="TrainingRecord.completed_on",
    )
    consents: Mapped[list[Consent]] = relationship(
        back_populates="member",
        cascade="all, delete-orphan",
        order_by="(Consent.given_on, Consent.id)",
    )
    status_changes: Mapped[list[StatusChange]] = relationship(
        back_populates="member", cascade="all, delete-orphan", order_by="StatusChange.id"
    )


class RoleType(Base):
    """A role people hold (peer supporter, facilitator…); the list is editable in Settings."""

    __tablename__ = "role_type"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False, unique=True)
    # Built-in roles other areas rely on (e.g. the rota needs "peer_supporter").
    code: Mapped[str | None] = mapped_column(String(50), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class MemberRole(Base):
    """A role a member holds or held, from a start date to an optional end date."""

    __tablename__ = "member_role"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True
    )
    role_type_id: Mapped[int] = mapped_column(
        ForeignKey("role_type.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    start_on: Mapped[date] = mapped_column(Date, nullable=False)
    end_on: Mapped[date | None] = mapped_column(Date)

    member: Mapped[Member] = relationship(back_populates="roles")
    role_type: Mapped[RoleType] = relationship()


class TrainingType(Base):
    """A kind of training with how long it stays current (None: it does not expire)."""

    __tablename__ = "training_type"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False, unique=True)
    code: Mapped[str | None] = mapped_column(String(50), unique=True)
    validity_months: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class TrainingRecord(Base):
    """Training a member completed, and when it needs renewing."""

    __tablename__ = "training_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True
    )
    training_type_id: Mapped[int] = mapped_column(
        ForeignKey("training_type.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    completed_on: Mapped[date] = mapped_column(Date, nullable=False)
    expires_on: Mapped[date | None] = mapped_column(Date, index=True)

    member: Mapped[Member] = relationship(back_populates="training")
    training_type: Mapped[TrainingType] = relationship()


class Consent(Base):
    """What a member agreed to, when and how; the newest record is the one in force."""

    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True
    )
    given_on: Mapped[date] = mapped_column(Date, nullable=False)
    how: Mapped[str] = mapped_column(String(20), nullable=False)
    keeping_records: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    contact_email: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    contact_phone: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    contact_post: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    photos: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    review_on: Mapped[date | None] = mapped_column(Date, index=True)

    member: Mapped[Member] = relationship(back_populates="consents")


class StatusChange(Base):
    """One step in a member's status history (joined, stepping back, returned, left…)."""

    __tablename__ = "member_status_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True
    )
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    effective_on: Mapped[date] = mapped_column(Date, nullable=False)
    reason: Mapped[str | None] = mapped_column(String(500))
    check_in_on: Mapped[date | None] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(200), nullable=False)

    member: Mapped[Member] = relationship(back_populates="status_changes")
