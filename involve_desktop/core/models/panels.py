"""Recruitment panels: interviews for staff posts, and who sits on each panel.

A panel is one interview day for a post (planned, held or cancelled with a reason). Its
seats are lived-experience panel members (always members) and staff (a member, or an
outside person with a name and job title). Per panel the good-practice steps are kept:
briefing date, whether panel members took part in shortlisting, question-setting and
scoring, questions they contributed, the debrief date and whether feedback was given.
``panel_settings`` holds the organisation's panel policy (one row, made when first saved).
"""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from involve_desktop.core.models.base import Base, TimestampMixin
from involve_desktop.core.models.versioning import Versioned


class Panel(Base, TimestampMixin, Versioned):
    """One recruitment panel (interview day) for a post."""

    __tablename__ = "panel"
    __table_args__ = (Index("ix_panel_day_status", "day", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_title: Mapped[str] = mapped_column(String(200), nullable=False)
    team: Mapped[str | None] = mapped_column(String(200))
    day: Mapped[date] = mapped_column(Date, nullable=False)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    venue: Mapped[str | None] = mapped_column(String(500))
    online: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    online_link: Mapped[str | None] = mapped_column(String(500))
    candidates: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="planned")
    cancelled_reason: Mapped[str | None] = mapped_column(String(500))
    briefing_on: Mapped[date | None] = mapped_column(Date)
    shortlisting: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    question_setting: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    scoring: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    questions_contributed: Mapped[str | None] = mapped_column(Text)
    debrief_on: Mapped[date | None] = mapped_column(Date)
    feedback_given: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

    seats: Mapped[list[PanelSeat]] = relationship(
        back_populates="panel", cascade="all, delete-orphan", order_by="PanelSeat.id"
    )


class PanelSeat(Base):
    """Someone on a panel: ``kind`` is lived_experience or staff.

    Lived-experience seats always name a member. Staff seats name a member or an outside
    person (``outside_name`` and ``job_title``). ``panel_role`` is their part on the panel
    ("Chair"…). ``override_reason`` is kept when a coordinator seated someone past a limit
    (e.g. recruitment-panel training not current).
    """

    __tablename__ = "panel_seat"
    __table_args__ = (UniqueConstraint("panel_id", "member_id", name="uq_panel_seat_panel_member"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    panel_id: Mapped[int] = mapped_column(
        ForeignKey("panel.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), index=True
    )
    outside_name: Mapped[str | None] = mapped_column(String(200))
    job_title: Mapped[str | None] = mapped_column(String(200))
    panel_role: Mapped[str | None] = mapped_column(String(100))
    override_reason: Mapped[str | None] = mapped_column(String(500))
    added_by: Mapped[str] = mapped_column(String(200), nullable=False)

    panel: Mapped[Panel] = relationship(back_populates="seats")


class PanelSettings(Base, TimestampMixin):
    """The organisation's panel policy (one row; defaults apply until it is saved).

    ``policy`` is at_least / equal / majority; ``min_lived`` lived-experience members are
    needed whatever the policy; ``reliance_threshold`` is the percentage of lived-experience
    seats taken by the 3 most frequent people above which a warning is shown.
    """

    __tablename__ = "panel_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    policy: Mapped[str] = mapped_column(String(16), nullable=False, default="at_least")
    min_lived: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    reliance_threshold: Mapped[int] = mapped_column(Integer, nullable=False, default=50)
