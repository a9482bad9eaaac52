"""Leadership programmes run in cohorts: enrolment, facilitators, graduates, alumni actions.

A programme (e.g. "Peer Leadership Programme") has a number of planned sessions and a
completion rule: attend at least ``completion_percent`` of the cohort's sessions, and every
session whose number is in ``programme_required_session`` (numbered 1, 2, 3… by date in
the cohort's session plan, cancelled sessions keeping their number).

Each cohort owns a closed meeting group (``meeting_group_id``, kind leadership_cohort): its
sessions are that group's meetings and attendance is the meetings' attendance, so the
meetings attendance entry and sign-in sheet work on cohort sessions unchanged. Enrolled
people are the group's members list, kept in step by the cohort services.

Nothing derivable is stored: whether a facilitator is a graduate co-facilitator is worked
out from their earlier graduations; progress is computed from attendance. ``cohort.status``
is stored because a cohort may start late or finish early whatever its planned dates.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from involve_desktop.core.models.base import Base, TimestampMixin
from involve_desktop.core.models.versioning import Versioned


class Programme(Base, TimestampMixin, Versioned):
    """A leadership programme: a multi-session course run in cohorts."""

    __tablename__ = "programme"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False, unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    planned_sessions: Mapped[int] = mapped_column(Integer, nullable=False)
    completion_percent: Mapped[int] = mapped_column(Integer, nullable=False, default=80)
    archived: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class ProgrammeRequiredSession(Base):
    """A session everyone must attend to complete, by its number in a cohort's plan."""

    __tablename__ = "programme_required_session"
    __table_args__ = (
        UniqueConstraint(
            "programme_id", "session_number", name="uq_programme_required_session_number"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programme.id", ondelete="CASCADE"), nullable=False, index=True
    )
    session_number: Mapped[int] = mapped_column(Integer, nullable=False)


class Cohort(Base, TimestampMixin, Versioned):
    """One run of a programme, with its own meeting group for sessions and attendance.

    ``status`` is planned / running / finished.
    """

    __tablename__ = "cohort"
    __table_args__ = (UniqueConstraint("programme_id", "name", name="uq_cohort_programme_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programme.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    name: Mapped[str] = mapped_column(String(60), nullable=False)
    start_on: Mapped[date] = mapped_column(Date, nullable=False)
    end_on: Mapped[date | None] = mapped_column(Date)
    venue: Mapped[str | None] = mapped_column(String(500))
    capacity: Mapped[int | None] = mapped_column(Integer)
    meeting_group_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_group.id", ondelete="RESTRICT"), nullable=False, unique=True
    )
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="planned")


class CohortFacilitator(Base):
    """Someone facilitating a cohort: a member, or an outside person (name and job title)."""

    __tablename__ = "cohort_facilitator"
    __table_args__ = (
        UniqueConstraint("cohort_id", "member_id", name="uq_cohort_facilitator_cohort_member"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohort.id", ondelete="CASCADE"), nullable=False, index=True
    )
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), index=True
    )
    outside_name: Mapped[str | None] = mapped_column(String(200))
    job_title: Mapped[str | None] = mapped_column(String(200))


class Enrolment(Base, TimestampMixin):
    """A person's place on a cohort: applied → offered → enrolled → completed / withdrawn.

    ``state`` is applied / offered / waiting / enrolled / completed / withdrawn; each step
    keeps its date. Completed means graduated (``graduated_on``). Waiting-list order is by
    ``waiting_on``, then id. Withdrawing keeps the row and the attendance.
    """

    __tablename__ = "enrolment"
    __table_args__ = (
        UniqueConstraint("cohort_id", "member_id", name="uq_enrolment_cohort_member"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohort.id", ondelete="CASCADE"), nullable=False, index=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True
    )
    state: Mapped[str] = mapped_column(String(16), nullable=False, default="applied")
    applied_on: Mapped[date] = mapped_column(Date, nullable=False)
    offered_on: Mapped[date | None] = mapped_column(Date)
    waiting_on: Mapped[date | None] = mapped_column(Date)
    enrolled_on: Mapped[date | None] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    withdrawn_reason: Mapped[str | None] = mapped_column(String(500))
    graduated_on: Mapped[date | None] = mapped_column(Date)


alumni_action_member = Table(
    "alumni_action_member",
    Base.metadata,
    Column(
        "action_id",
        ForeignKey("alumni_action.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "member_id",
        ForeignKey("member.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class AlumniAction(Base, TimestampMixin):
    """An initiative graduates led together: title, day, outcome and the people (and the
    programme they came from, when it is one programme's)."""

    __tablename__ = "alumni_action"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("programme.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    day: Mapped[date] = mapped_column(Date, nullable=False)
    outcome: Mapped[str | None] = mapped_column(Text)
