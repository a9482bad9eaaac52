"""The peer supporter rota: sites, weekly shift patterns, concrete shifts and who is on them.

Times are local wall-clock times at the site (Europe/London); a shift whose end is at or
before its start ends on the next day (e.g. 22:00–06:00). Shifts copy their pattern's
values when generated, so editing a pattern never rewrites shifts already made.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from involve_desktop.core.models.base import Base, TimestampMixin, utcnow
from involve_desktop.core.models.versioning import Versioned


class RotaSite(Base, TimestampMixin, Versioned):
    """A place peer supporters work: a hospital ward, a community venue…"""

    __tablename__ = "rota_site"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False, unique=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False, default="ward")
    address: Mapped[str | None] = mapped_column(Text)
    accessibility_notes: Mapped[str | None] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(String(500))
    min_together: Mapped[int] = mapped_column(Integer, nullable=False, default=2)
    max_peers: Mapped[int | None] = mapped_column(Integer)
    archived: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class RotaClosedDate(Base):
    """A day a site is closed: no shifts are generated there on that day."""

    __tablename__ = "rota_closed_date"
    __table_args__ = (UniqueConstraint("site_id", "day", name="uq_rota_closed_date_site_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[int] = mapped_column(
        ForeignKey("rota_site.id", ondelete="CASCADE"), nullable=False, index=True
    )
    day: Mapped[date] = mapped_column(Date, nullable=False)
    note: Mapped[str | None] = mapped_column(String(200))


class RotaPattern(Base, TimestampMixin):
    """A weekly recurring shift at a site (weekday Mon=0, start–end, peers needed)."""

    __tablename__ = "rota_pattern"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[int] = mapped_column(
        ForeignKey("rota_site.id", ondelete="CASCADE"), nullable=False, index=True
    )
    weekday: Mapped[int] = mapped_column(Integer, nullable=False)
    start_time: Mapped[time] = mapped_column(Time, nullable=False)
    end_time: Mapped[time] = mapped_column(Time, nullable=False)
    min_peers: Mapped[int] = mapped_column(Integer, nullable=False, default=2)
    max_peers: Mapped[int | None] = mapped_column(Integer)
    required_training_type_id: Mapped[int | None] = mapped_column(
        ForeignKey("training_type.id", ondelete="RESTRICT"), index=True
    )
    runs_on_bank_holidays: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    valid_from: Mapped[date] = mapped_column(Date, nullable=False)
    valid_to: Mapped[date | None] = mapped_column(Date)

    site: Mapped[RotaSite] = relationship()


class RotaShift(Base, TimestampMixin, Versioned):
    """One concrete shift on one day (generated from a pattern, or added by hand)."""

    __tablename__ = "rota_shift"
    __table_args__ = (
        UniqueConstraint("pattern_id", "day", name="uq_rota_shift_pattern_day"),
        Index("ix_rota_shift_day_site", "day", "site_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[int] = mapped_column(
        ForeignKey("rota_site.id", ondelete="CASCADE"), nullable=False, index=True
    )
    pattern_id: Mapped[int | None] = mapped_column(
        ForeignKey("rota_pattern.id", ondelete="SET NULL")
    )
    day: Mapped[date] = mapped_column(Date, nullable=False)
    start_time: Mapped[time] = mapped_column(Time, nullable=False)
    end_time: Mapped[time] = mapped_column(Time, nullable=False)
    min_peers: Mapped[int] = mapped_column(Integer, nullable=False, default=2)
    max_peers: Mapped[int | None] = mapped_column(Integer)
    required_training_type_id: Mapped[int | None] = mapped_column(
        ForeignKey("training_type.id", ondelete="RESTRICT")
    )
    cancelled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    cancelled_reason: Mapped[str | None] = mapped_column(String(500))

    site: Mapped[RotaSite] = relationship()


class RotaAutofillBatch(Base):
    """One committed auto-fill: its assignments can be undone together."""

    __tablename__ = "rota_autofill_batch"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    start_on: Mapped[date] = mapped_column(Date, nullable=False)
    end_on: Mapped[date] = mapped_column(Date, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)


class RotaAssignment(Base):
    """A peer supporter on a shift, and afterwards whether they worked it."""

    __tablename__ = "rota_assignment"
    __table_args__ = (
        UniqueConstraint("shift_id", "member_id", name="uq_rota_assignment_shift_member"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_id: Mapped[int] = mapped_column(
        ForeignKey("rota_shift.id", ondelete="CASCADE"), nullable=False, index=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True
    )
    assigned_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    assigned_by: Mapped[str] = mapped_column(String(200), nullable=False)
    override_reason: Mapped[str | None] = mapped_column(String(500))
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("rota_autofill_batch.id", ondelete="SET NULL"), index=True
    )
    # None until recorded; then worked / did_not_attend / cancelled.
    attendance: Mapped[str | None] = mapped_column(String(16))
    actual_minutes: Mapped[int | None] = mapped_column(Integer)

    shift: Mapped[RotaShift] = relationship()


class RotaAvailability(Base):
    """A weekly time a supporter is available (weekday Mon=0, from–to local time)."""

    __tablename__ = "rota_availability"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True
    )
    weekday: Mapped[int] = mapped_column(Integer, nullable=False)
    from_time: Mapped[time] = mapped_column(Time, nullable=False)
    to_time: Mapped[time] = mapped_column(Time, nullable=False)


class RotaUnavailable(Base):
    """Days a supporter is not available (inclusive); no reason is asked or kept."""

    __tablename__ = "rota_unavailable"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True
    )
    start_on: Mapped[date] = mapped_column(Date, nullable=False)
    end_on: Mapped[date] = mapped_column(Date, nullable=False)


class RotaLimits(Base, TimestampMixin):
    """A supporter's own limits, protecting their wellbeing (None: no limit)."""

    __tablename__ = "rota_limits"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    )
    max_shifts_per_week: Mapped[int | None] = mapped_column(Integer)
    max_hours_per_month: Mapped[int | None] = mapped_column(Integer)


class RotaCallDown(Base):
    """Ringing round for cover: who was asked about a shift, when, by whom, and the answer."""

    __tablename__ = "rota_call_down"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_id: Mapped[int] = mapped_column(
        ForeignKey("rota_shift.id", ondelete="CASCADE"), nullable=False, index=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True
    )
    asked_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    asked_by: Mapped[str] = mapped_column(String(200), nullable=False)
    answer: Mapped[str] = mapped_column(String(10), nullable=False)
    note: Mapped[str | None] = mapped_column(String(500))
