"""The annual involvement report's narrative: read and save it, and the reporting year.

A reporting year is 12 months from its first day: 1 April (the financial year, the
default) or 1 January (a calendar year). The coordinator writes three short sections for
each year; saving is refused when someone else saved the same year since it was read
(the ``version`` carried in ``ReportNarrative``). Coordinators only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.models.involvement_report import InvolvementReport
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.transaction import require, transaction

SEE = "see the annual involvement report"
WRITE = "write the annual involvement report"
MAX_SECTION = 5000
STALE = (
    "Someone else saved this year's report since you opened it. Copy your words, reopen "
    "the year and add them again."
)
SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("year_in_brief", "The year in brief", "What happened this year, in a few sentences."),
    (
        "what_changed",
        "What changed because of members",
        "Services, decisions or ways of working that changed because members took part.",
    ),
    ("next_year", "What we will do next year", "Plans, and how you will widen involvement."),
)


class YearKind(StrEnum):
    """Which months a reporting year covers."""

    FINANCIAL = "financial"  # April to March
    CALENDAR = "calendar"  # January to December

    @property
    def first_month(self) -> int:
        """The month the year starts in."""
        return 4 if self is YearKind.FINANCIAL else 1


@dataclass(frozen=True)
class ReportingYear:
    """Twelve months from ``start`` to ``end`` inclusive."""

    start: date
    end: date

    @property
    def label(self) -> str:
        """ "April 2026 to March 2027" or "2026" for a calendar year."""
        if self.start.month == 1:
            return str(self.start.year)
        return f"{self.start:%B %Y} to {self.end:%B %Y}"


@dataclass(frozen=True)
class ReportNarrative:
    """The coordinator's words for one year (``version`` None when never saved)."""

    starts_on: date
    year_in_brief: str = ""
    what_changed: str = ""
    next_year: str = ""
    version: int | None = None
    updated_by: str | None = None


def reporting_year(start: date) -> ReportingYear:
    """The 12 months from the first of ``start``'s month."""
    first = start.replace(day=1)
    after = first.replace(year=first.year + 1)
    return ReportingYear(first, after - timedelta(days=1))


def year_containing(day: date, kind: YearKind = YearKind.FINANCIAL) -> ReportingYear:
    """The reporting year of ``kind`` that ``day`` falls in."""
    year = day.year if day.month >= kind.first_month else day.year - 1
    return reporting_year(date(year, kind.first_month, 1))


def read_narrative(session: Session, actor: Actor, starts_on: date) -> ReportNarrative:
    """The narrative saved for the year starting ``starts_on`` (empty if none yet)."""
    require(session, actor, Permission.VIEW_INVOLVEMENT, SEE)
    row = session.execute(
        select(InvolvementReport).where(InvolvementReport.starts_on == starts_on)
    ).scalar_one_or_none()
    if row is None:
        return ReportNarrative(starts_on=starts_on)
    return ReportNarrative(
        starts_on=row.starts_on,
        year_in_brief=row.year_in_brief or "",
        what_changed=row.what_changed or "",
        next_year=row.next_year or "",
        version=row.version,
        updated_by=row.updated_by,
    )


def save_narrative(session: Session, actor: Actor, data: ReportNarrative) -> ReportNarrative:
    """Save the three sections for ``data.starts_on``'s year (audited)."""
    require(session, actor, Permission.MANAGE_INVOLVEMENT, WRITE)
    if data.starts_on.day != 1:
        raise ValidationError("starts_on", "A reporting year starts on the first of a month.")
    texts = {name: getattr(data, name).strip() for name, _title, _hint in SECTIONS}
    for name, title, _hint in SECTIONS:
        if len(texts[name]) > MAX_SECTION:
            raise ValidationError(
                name, f"{title} is {len(texts[name])} characters; keep it under {MAX_SECTION}."
            )
    with transaction(session):
        row = session.execute(
            select(InvolvementReport).where(InvolvementReport.starts_on == data.starts_on)
        ).scalar_one_or_none()
        if row is None:
            if data.version is not None:
                raise ValidationError("version", STALE)
            row = InvolvementReport(starts_on=data.starts_on, updated_by=actor.display_name)
            session.add(row)
            action = "create"
        else:
            if data.version != row.version:
                raise ValidationError("version", STALE)
            action = "update"
        changed = {k: v for k, v in texts.items() if (getattr(row, k) or "") != v}
        for name, text in texts.items():
            setattr(row, name, text or None)
        row.updated_by = actor.display_name
        session.flush()
        audit.record(
            session,
            actor,
            action,
            "involvement_report",
            row.id,
            {"year": data.starts_on.isoformat(), "sections changed": sorted(changed)},
        )
    return read_narrative(session, actor, data.starts_on)


__all__ = [
    "SECTIONS",
    "ReportNarrative",
    "ReportingYear",
    "YearKind",
    "read_narrative",
    "reporting_year",
    "save_narrative",
    "year_containing",
]
