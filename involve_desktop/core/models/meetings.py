"""Meetings and attendance: groups, their regular schedule, meetings and who came.

A group (peer support group, management council, forum, workshop…) has a venue, a regular
schedule (weekly, fortnightly, monthly on the Nth weekday, or none), days it does not meet,
its members (closed groups) and facilitators, and the accounts that run it. Meetings copy
the group's times, venue and facilitators when made, so editing the group never rewrites
meetings already made. Attendance is one row per person per meeting: ``present`` or
``apologies``; someone with no row was absent.
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
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from involve_desktop.core.models.base import Base, TimestampMixin
from involve_desktop.core.models.versioning import Versioned


class MeetingGroup(Base, TimestampMixin, Versioned):
    """A group that meets: its kind, venue, membership and regular schedule.

    ``schedule`` is weekly / fortnightly / monthly / none. ``weekday`` is Mon=0; ``nth`` is
    the week of the month for monthly schedules (1–4, or -1 for the last); ``anchor_on`` is
    one meeting day of a fortnightly schedule (every other week from it).
    """

    __tablename__ = "meeting_group"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False, unique=True)
    kind: Mapped[str] = mapped_column(String(30), nullable=False, default="peer_support")
    venue: Mapped[str | None] = mapped_column(String(500))
    open_membership: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    schedule: Mapped[str] = mapped_column(String(16), nullable=False, default="none")
    weekday: Mapped[int | None] = mapped_column(Integer)
    nth: Mapped[int | None] = mapped_column(Integer)
    anchor_on: Mapped[date | None] = mapped_column(Date)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    skip_bank_holidays: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    archived: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class MeetingGroupClosedDate(Base):
    """A day a group does not meet: no meeting is generated that day."""

    __tablename__ = "meeting_group_closed_date"
    __table_args__ = (
        UniqueConstraint("group_id", "day", name="uq_meeting_group_closed_date_group_day"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_group.id", ondelete="CASCADE"), nullable=False, index=True
    )
    day: Mapped[date] = mapped_column(Date, nullable=False)
    note: Mapped[str | None] = mapped_column(String(200))


class MeetingGroupMember(Base):
    """A member on a group's list (a closed group's members; regulars of an open one)."""

    __tablename__ = "meeting_group_member"
    __table_args__ = (
        UniqueConstraint("group_id", "member_id", name="uq_meeting_group_member_group_member"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_group.id", ondelete="CASCADE"), nullable=False, index=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True
    )
    added_on: Mapped[date] = mapped_column(Date, nullable=False)


class MeetingGroupFacilitator(Base):
    """A member who usually facilitates the group (copied onto new meetings)."""

    __tablename__ = "meeting_group_facilitator"
    __table_args__ = (
        UniqueConstraint("group_id", "member_id", name="uq_meeting_group_facilitator_group_member"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_group.id", ondelete="CASCADE"), nullable=False, index=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True
    )


class MeetingGroupAccount(Base):
    """An account that runs the group: a facilitator account may act only for its groups."""

    __tablename__ = "meeting_group_account"
    __table_args__ = (
        UniqueConstraint("group_id", "account_id", name="uq_meeting_group_account_group_account"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_group.id", ondelete="CASCADE"), nullable=False, index=True
    )
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), nullable=False, index=True
    )


class Meeting(Base, TimestampMixin, Versioned):
    """One meeting of a group on one day (generated from the schedule, or added one-off).

    ``scheduled_on`` is the schedule day a generated meeting was made for (None for one-off
    meetings); it never changes, so moving or cancelling a generated meeting never lets
    generation make it again.
    """

    __tablename__ = "meeting"
    __table_args__ = (
        UniqueConstraint("group_id", "scheduled_on", name="uq_meeting_group_scheduled_on"),
        Index("ix_meeting_day_group", "day", "group_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_group.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    day: Mapped[date] = mapped_column(Date, nullable=False)
    start_time: Mapped[time] = mapped_column(Time, nullable=False)
    end_time: Mapped[time] = mapped_column(Time, nullable=False)
    venue: Mapped[str | None] = mapped_column(String(500))
    topic: Mapped[str | None] = mapped_column(String(200))
    scheduled_on: Mapped[date | None] = mapped_column(Date)
    cancelled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    cancelled_reason: Mapped[str | None] = mapped_column(String(500))
    attendance_recorded_at: Mapped[datetime | None] = mapped_column(DateTime)
    attendance_recorded_by: Mapped[str | None] = mapped_column(String(200))

    group: Mapped[MeetingGroup] = relationship()


class MeetingFacilitator(Base):
    """A member facilitating one meeting."""

    __tablename__ = "meeting_facilitator"
    __table_args__ = (
        UniqueConstraint("meeting_id", "member_id", name="uq_meeting_facilitator_meeting_member"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False, index=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True
    )


class MeetingAttendance(Base):
    """Someone at a meeting: ``present`` or ``apologies`` (no row: absent)."""

    __tablename__ = "meeting_attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "member_id", name="uq_meeting_attendance_meeting_member"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False, index=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True
    )
    state: Mapped[str] = mapped_column(String(16), nullable=False)
