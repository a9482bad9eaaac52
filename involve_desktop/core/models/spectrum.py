"""Leadership spectrum self-assessments (issue 9).

A ``SpectrumAssessment`` is one dated self-assessment (a draft until finished), with one
``SpectrumAnswer`` per statement ticked (the statements themselves are a fixed catalogue in
``core/services/spectrum_statements.py``; answers are stored by the statement's key) and
rows for who took part: ``SpectrumMember`` (members, with their lived experience as recorded
on the member record, so later edits do not rewrite history) and ``SpectrumOther`` (other
people by name and role: a staff member, a trustee). They are two tables so that the one
pointing at members holds no free text (GDPR erasure decides every text column of tables
about a member). A ``SpectrumMember.member_id`` becomes NULL if the member row is deleted;
the row (and its lived experience count) stays, without a name.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from involve_desktop.core.models.base import Base, TimestampMixin
from involve_desktop.core.models.versioning import Versioned


class SpectrumAssessment(Versioned, TimestampMixin, Base):
    """One leadership spectrum self-assessment (status ``draft`` or ``finished``)."""

    __tablename__ = "spectrum_assessment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="draft")
    led_by: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)

    answers: Mapped[list[SpectrumAnswer]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan"
    )
    members: Mapped[list[SpectrumMember]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan"
    )
    others: Mapped[list[SpectrumOther]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan"
    )


class SpectrumAnswer(Base):
    """How one statement was ticked (yes / partly / no), with a comment and the evidence."""

    __tablename__ = "spectrum_answer"
    __table_args__ = (
        UniqueConstraint("assessment_id", "statement_key", name="uq_spectrum_answer_statement"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("spectrum_assessment.id", ondelete="CASCADE"), nullable=False, index=True
    )
    statement_key: Mapped[str] = mapped_column(String(40), nullable=False)
    answer: Mapped[str] = mapped_column(String(8), nullable=False, default="no")
    comment: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str | None] = mapped_column(Text)

    assessment: Mapped[SpectrumAssessment] = relationship(back_populates="answers")


class SpectrumMember(Base):
    """A member who took part, with their lived experience as recorded when added."""

    __tablename__ = "spectrum_member"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("spectrum_assessment.id", ondelete="CASCADE"), nullable=False, index=True
    )
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), index=True
    )
    lived_experience: Mapped[bool | None] = mapped_column(Boolean)

    assessment: Mapped[SpectrumAssessment] = relationship(back_populates="members")


class SpectrumOther(Base):
    """Someone else who took part, by name and role (a staff member, a trustee)."""

    __tablename__ = "spectrum_other"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("spectrum_assessment.id", ondelete="CASCADE"), nullable=False, index=True
    )
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str | None] = mapped_column(String(200))

    assessment: Mapped[SpectrumAssessment] = relationship(back_populates="others")
