"""Reads Home needs that no other service offers: member counts for a month, training that
runs out soon, stepping-back check-ins due and how many members' consent needs review, each
in one query (no N+1).

The permission checks are the caller's (``dashboard``, ``dashboard_attention``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from involve_desktop.core.models.meetings import MeetingAttendance
from involve_desktop.core.models.people import Consent, Member, TrainingRecord, TrainingType
from involve_desktop.core.services.meetings_dto import AttendanceState
from involve_desktop.core.services.member_dto import MemberStatus
from involve_desktop.core.services.member_names import display_name

CURRENT = (MemberStatus.ACTIVE.value, MemberStatus.STEPPING_BACK.value)


@dataclass(frozen=True)
class MemberCounts:
    """Members active now, stepping back now, and who joined in the period."""

    active: int
    stepping_back: int
    newcomers: int


@dataclass(frozen=True)
class TrainingDue:
    """A member's training (the latest of its type) that has run out or runs out soon."""

    member_id: int
    name: str
    training: str
    expires_on: date


@dataclass(frozen=True)
class CheckInDue:
    """A member stepping back whose check-in date has come or is near."""

    member_id: int
    name: str
    check_in_on: date


@dataclass(frozen=True)
class ConsentCounts:
    """How many current members' consent needs review, and how many were never recorded."""

    to_review: int
    never_recorded: int


def member_counts(session: Session, start: date, end: date) -> MemberCounts:
    """How many members are active and stepping back, and how many of them joined from
    ``start`` to ``end`` (members erased under UK GDPR are not counted); one grouped scan."""
    joined = case((Member.date_joined.between(start, end), 1), else_=0)
    by_status = {
        status: (count, newcomers)
        for status, count, newcomers in session.execute(
            select(Member.status, func.count(), func.sum(joined))
            .where(Member.erased_at.is_(None))
            .group_by(Member.status)
        )
    }
    active, new_active = by_status.get(MemberStatus.ACTIVE.value, (0, 0))
    stepping, new_stepping = by_status.get(MemberStatus.STEPPING_BACK.value, (0, 0))
    return MemberCounts(active, stepping, (new_active or 0) + (new_stepping or 0))


def training_running_out(session: Session, since: date, until: date) -> list[TrainingDue]:
    """Current members' training whose latest record of its type expires from ``since`` to
    ``until`` (renewals replace older records), soonest first."""
    latest = (
        select(
            TrainingRecord.member_id.label("member_id"),
            TrainingRecord.training_type_id.label("type_id"),
            func.max(TrainingRecord.expires_on).label("expires_on"),
        )
        .group_by(TrainingRecord.member_id, TrainingRecord.training_type_id)
        .having(func.count() == func.count(TrainingRecord.expires_on))  # none without expiry
        .subquery()
    )
    rows = session.execute(
        select(
            Member.id,
            Member.full_name,
            Member.preferred_name,
            TrainingType.name,
            latest.c.expires_on,
        )
        .join(latest, latest.c.member_id == Member.id)
        .join(TrainingType, TrainingType.id == latest.c.type_id)
        .where(
            Member.erased_at.is_(None),
            Member.status.in_(CURRENT),
            and_(latest.c.expires_on >= since, latest.c.expires_on <= until),
        )
        .order_by(latest.c.expires_on, Member.sort_name, Member.id)
    ).all()
    return [
        TrainingDue(member_id, display_name(full, preferred), training, expires_on)
        for member_id, full, preferred, training, expires_on in rows
    ]


def check_ins_due(session: Session, until: date) -> list[CheckInDue]:
    """Members stepping back whose check-in date is on or before ``until``, soonest first."""
    rows = session.execute(
        select(Member.id, Member.full_name, Member.preferred_name, Member.check_in_on)
        .where(
            Member.erased_at.is_(None),
            Member.status == MemberStatus.STEPPING_BACK.value,
            Member.check_in_on.is_not(None),
            Member.check_in_on <= until,
        )
        .order_by(Member.check_in_on, Member.sort_name, Member.id)
    ).all()
    return [
        CheckInDue(member_id, display_name(full, preferred), day)
        for member_id, full, preferred, day in rows
    ]


def consent_counts(session: Session, today: date) -> ConsentCounts:
    """How many current members ``gdpr_review.consent_review`` lists on ``today``: consent
    never recorded, or the consent in force (the newest given; ties: entered last) past its
    review date — counted in the database instead of read person by person."""
    newer = aliased(Consent)
    in_force = (
        select(newer.id)
        .where(newer.member_id == Member.id)
        .order_by(newer.given_on.desc(), newer.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    never = Consent.id.is_(None)
    to_review, never_recorded = session.execute(
        select(func.count(), func.coalesce(func.sum(case((never, 1), else_=0)), 0))
        .select_from(Member)
        .outerjoin(Consent, Consent.id == in_force)
        .where(
            Member.erased_at.is_(None),
            Member.status.in_(CURRENT),
            or_(never, Consent.review_on < today),
        )
    ).one()
    return ConsentCounts(to_review, never_recorded)


def people_present(session: Session, meeting_ids: list[int]) -> int:
    """How many different people were present at any of ``meeting_ids``."""
    if not meeting_ids:
        return 0
    return (
        session.scalar(
            select(func.count(func.distinct(MeetingAttendance.member_id))).where(
                MeetingAttendance.meeting_id.in_(meeting_ids),
                MeetingAttendance.state == AttendanceState.PRESENT.value,
            )
        )
        or 0
    )
