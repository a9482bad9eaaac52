"""The annual involvement report's narrative (issue 9, point 5).

One row per reporting year, keyed by the year's first day (``starts_on``: 1 April for a
financial year, 1 January for a calendar year — any first of a month is allowed). The
coordinator writes three short sections; the figures are never stored, they are counted
afresh from the records whenever the report is printed.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from involve_desktop.core.models.base import Base, TimestampMixin
from involve_desktop.core.models.versioning import Versioned


class InvolvementReport(Base, TimestampMixin, Versioned):
    """The coordinator's words for one reporting year (12 months from ``starts_on``)."""

    __tablename__ = "involvement_report"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    starts_on: Mapped[date] = mapped_column(Date, nullable=False, unique=True)
    year_in_brief: Mapped[str | None] = mapped_column(Text)
    what_changed: Mapped[str | None] = mapped_column(Text)
    next_year: Mapped[str | None] = mapped_column(Text)
    updated_by: Mapped[str] = mapped_column(String(200), nullable=False)
