"""Retention and consent reviews (UK GDPR): who to anonymise, and whose consent to ask for.

Retention: people who left more than N years ago (N from Settings → Privacy, 6 unless
changed) and are not yet erased; a coordinator anonymises them together, all or nothing.
Consent: current members (active or stepping back) with no consent recorded, or whose
consent in force (the newest given) has passed its review date.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.dates import add_months
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.models.accounts import Organisation
from involve_desktop.core.models.base import utcnow
from involve_desktop.core.models.people import Consent, Member
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit, involvement
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.gdpr_dto import (
    ConsentProblem,
    ConsentReviewRow,
    RetentionCandidate,
    RetentionReport,
)
from involve_desktop.core.services.gdpr_erasure import erase_in_transaction
from involve_desktop.core.services.member_dto import MemberStatus
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.services.transaction import require, transaction

DEFAULT_RETENTION_YEARS = 6
MIN_RETENTION_YEARS = 1
MAX_RETENTION_YEARS = 50


def retention_years(session: Session) -> int:
    """Years after leaving before someone is listed for anonymising (6 before set-up)."""
    years = session.scalar(select(Organisation.retention_years).order_by(Organisation.id).limit(1))
    return years or DEFAULT_RETENTION_YEARS


def set_retention_years(session: Session, actor: Actor, years: int) -> int:
    """Change the retention period (coordinators only); whole years from 1 to 50."""
    require(session, actor, Permission.EDIT_GROUP_SETTINGS, "change how long records are kept")
    if isinstance(years, bool) or not isinstance(years, int):
        raise ValidationError("retention_years", "Give the number of years as a whole number.")
    if not MIN_RETENTION_YEARS <= years <= MAX_RETENTION_YEARS:
        raise ValidationError(
            "retention_years",
            f"Keep records for {MIN_RETENTION_YEARS} to {MAX_RETENTION_YEARS} years after "
            f"someone leaves; you gave {years}.",
        )
    with transaction(session):
        org = session.scalars(select(Organisation).order_by(Organisation.id).limit(1)).one()
        if org.retention_years != years:
            audit.record(
                session,
                actor,
                "update",
                "organisation",
                org.id,
                {"retention_years": [org.retention_years, years]},
            )
            org.retention_years = years
    return years


def retention_cutoff(today: date, years: int) -> date:
    """People who left before this day left more than ``years`` years ago."""
    return add_months(today, -12 * years)


def retention_candidates(
    session: Session, actor: Actor, *, years: int | None = None, today: date | None = None
) -> list[RetentionCandidate]:
    """Not-yet-erased people who left more than ``years`` ago, longest gone first."""
    require(session, actor, Permission.ERASE_PERSONAL_DATA, "review whose records to anonymise")
    day = today or date.today()
    cutoff = retention_cutoff(day, years or retention_years(session))
    query = (
        select(Member)
        .where(
            Member.status == MemberStatus.LEFT.value,
            Member.erased_at.is_(None),
            Member.left_on.is_not(None),
            Member.left_on < cutoff,
        )
        .order_by(Member.left_on, Member.sort_name, Member.id)
    )
    found = []
    for member in session.scalars(query):
        items = involvement.history(session, actor, member.id)
        found.append(
            RetentionCandidate(
                member.id,
                display_name(member.full_name, member.preferred_name),
                member.left_on,
                items[0].on if items else None,
            )
        )
    return found


def anonymise_people(
    session: Session,
    actor: Actor,
    member_ids: list[int],
    *,
    now: datetime | None = None,
) -> RetentionReport:
    """Erase everyone in ``member_ids`` together: if one fails, nobody is erased."""
    require(session, actor, Permission.ERASE_PERSONAL_DATA, "anonymise people's records")
    if not member_ids:
        raise ValidationError("people", "Choose at least one person to anonymise.")
    moment = now or utcnow()
    with transaction(session):
        done = []
        for member_id in dict.fromkeys(member_ids):
            member = session.get(Member, member_id, populate_existing=True)
            if member is None:
                raise NotFound(
                    f"Member {member_id} is no longer in the records; nobody was anonymised. "
                    "Refresh the list and try again."
                )
            done.append(erase_in_transaction(session, actor, member, moment))
    return RetentionReport(tuple(done))


def consent_review(
    session: Session, actor: Actor, *, today: date | None = None
) -> list[ConsentReviewRow]:
    """Current members whose consent was never recorded or is past its review date."""
    require(session, actor, Permission.MANAGE_MEMBER_RECORDS, "review members' consent")
    day = today or date.today()
    latest: dict[int, Any] = {}  # plain rows, not ORM objects: this runs for Home too
    consents = select(Consent.member_id, Consent.given_on, Consent.review_on).order_by(
        Consent.given_on, Consent.id
    )
    for row in session.execute(consents):
        latest[row.member_id] = row  # the newest given (ties: entered last) wins
    query = (
        select(Member.id, Member.full_name, Member.preferred_name, Member.status)
        .where(
            Member.erased_at.is_(None),
            Member.status.in_([MemberStatus.ACTIVE.value, MemberStatus.STEPPING_BACK.value]),
        )
        .order_by(Member.sort_name, Member.id)
    )
    rows = []
    for member in session.execute(query):
        consent = latest.get(member.id)
        if consent is None:
            problem = ConsentProblem.NEVER_RECORDED
        elif consent.review_on is not None and consent.review_on < day:
            problem = ConsentProblem.EXPIRED
        else:
            continue
        rows.append(
            ConsentReviewRow(
                member.id,
                display_name(member.full_name, member.preferred_name),
                MemberStatus(member.status).label,
                problem,
                consent.given_on if consent else None,
                consent.review_on if consent else None,
            )
        )
    return rows
