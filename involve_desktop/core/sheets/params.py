"""What a sheet's form or the ``print`` command can ask for (``SheetParams``), and its fields.

Kept apart from the catalogue so the sheets' data loaders can use them without importing
the catalogue (which imports every sheet).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberStatus


class SheetField(StrEnum):
    """An input a sheet's form may offer; values are the field names used in errors."""

    TITLE = "title"
    ROWS = "rows"
    MEETING = "meeting"
    DATE = "date"
    VENUE = "venue"
    MEMBERS = "members"
    ROLE = "role"
    ACCESS_NEEDS = "access_needs"
    WITHIN_DAYS = "within_days"
    WEEK = "week"
    WEEKS = "weeks"
    SITE = "site"
    PERSON = "person"
    MONTH = "month"
    PANEL = "panel"
    COHORT = "cohort"
    SESSION = "session"
    SEARCH = "search"
    CONSENT_DUE = "consent_due"


class MemberScope(StrEnum):
    """Which members a member sheet lists; the value is the CLI spelling."""

    ACTIVE = "active"
    INCLUDING_STEPPING_BACK = "including-stepping-back"
    STEPPING_BACK = "stepping-back"

    @property
    def label(self) -> str:
        """Words for forms and sheet subtitles."""
        if self is MemberScope.ACTIVE:
            return "Active members"
        if self is MemberScope.STEPPING_BACK:
            return "Members stepping back"
        return "Active members and those stepping back"

    @property
    def statuses(self) -> frozenset[MemberStatus]:
        """The member statuses this scope covers (people who left are never listed)."""
        if self is MemberScope.ACTIVE:
            return frozenset({MemberStatus.ACTIVE})
        if self is MemberScope.STEPPING_BACK:
            return frozenset({MemberStatus.STEPPING_BACK})
        return frozenset({MemberStatus.ACTIVE, MemberStatus.STEPPING_BACK})


@dataclass(frozen=True)
class SheetParams:
    """Inputs from the form or the command line; ``None`` means "use the sheet's default"."""

    group_name: str | None = None
    title: str | None = None
    rows: int | None = None
    meeting: str | None = None
    date_text: str | None = None
    venue: str | None = None
    members: MemberScope | None = None
    role: str | None = None
    access_needs: bool | None = None
    within_days: int | None = None
    week: str | None = None  # a date in the week (rota sheets), or the first day (gaps list)
    weeks: int | None = None  # how many weeks the gaps list covers
    site: str | None = None  # a rota site's name; None = every site
    person: str | None = None  # a member number or the name they go by
    month: str | None = None  # "2026-03" or "Mar 2026"
    panel: str | None = None  # a recruitment panel's number or post title
    cohort: str | None = None  # a leadership cohort's number or name ("Cohort 3")
    session: str | None = None  # one of the cohort's sessions: its number or its date
    search: str | None = None  # member sheets: part of a name, email or phone (as the list)
    consent_due: bool | None = None  # member sheets: only people whose consent review is due


@dataclass(frozen=True)
class SheetData:
    """How a sheet with members on it reaches the records: sessions and the signed-in account.

    ``sessions`` is called once per render for a short-lived session (a ``sessionmaker``
    does this); every read goes through the services' permission checks for ``actor``.
    """

    sessions: Callable[[], Session]
    actor: Actor
