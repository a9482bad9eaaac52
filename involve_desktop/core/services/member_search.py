"""The members list: search-as-you-type, filters and counts, done in SQL for 10,000 members."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.models.people import (
    Consent,
    Member,
    MemberRole,
    RoleType,
    TrainingRecord,
)
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import (
    MemberFilter,
    MemberList,
    MemberStatus,
    MemberSummary,
    TrainingFilter,
)
from involve_desktop.core.services.member_records import CONSENT_DUE_DAYS, TRAINING_DUE_DAYS
from involve_desktop.core.services.members import display_name
from involve_desktop.core.services.transaction import require
from involve_desktop.core.text import search_key

PEER_ROLE_CODES = ("peer_supporter", "bank_peer_supporter")
NO_EXPIRY = date(9999, 12, 31)
DEFAULT_STATUSES = frozenset({MemberStatus.ACTIVE, MemberStatus.STEPPING_BACK})


def search_terms(text: str) -> list[str]:
    """What to look for: accent-free words, or the digits of something that looks like a phone."""
    stripped = text.strip()
    if not stripped:
        return []
    if re.fullmatch(r"[+\d][\d\s()+.-]*", stripped) and sum(c.isdigit() for c in stripped) >= 3:
        return [validation.phone_digits(stripped)]
    return [w for w in search_key(stripped).split() if w]


def _latest_training_expiry():  # noqa: ANN202 - a subquery
    """Per member and training type, the latest expiry (renewals replace old records)."""
    return (
        select(
            TrainingRecord.member_id.label("member_id"),
            TrainingRecord.training_type_id.label("type_id"),
            func.max(func.coalesce(TrainingRecord.expires_on, NO_EXPIRY)).label("expires_on"),
        )
        .group_by(TrainingRecord.member_id, TrainingRecord.training_type_id)
        .subquery()
    )


def _current_role(today: date):  # noqa: ANN202 - a where clause
    return or_(MemberRole.end_on.is_(None), MemberRole.end_on >= today)


def filtered_ids(filt: MemberFilter, today: date) -> Select:
    """SELECT of member ids matching ``filt`` (used by the list, exports and sheets)."""
    statuses = filt.statuses or DEFAULT_STATUSES
    query = select(Member.id).where(Member.status.in_([s.value for s in statuses]))
    for term in search_terms(filt.search):
        query = query.where(Member.search_text.contains(term, autoescape=True))
    if filt.role_type_id is not None:
        query = query.where(
            exists().where(
                MemberRole.member_id == Member.id,
                MemberRole.role_type_id == filt.role_type_id,
                _current_role(today),
            )
        )
    if filt.training is not None:
        latest = _latest_training_expiry()
        cutoff = (
            today
            if filt.training is TrainingFilter.EXPIRED
            else today + timedelta(days=TRAINING_DUE_DAYS + 1)
        )
        query = query.where(
            exists().where(latest.c.member_id == Member.id, latest.c.expires_on < cutoff)
        )
    if filt.consent_due:
        due = today + timedelta(days=CONSENT_DUE_DAYS)
        # The consent in force is the newest one given (ties: the one entered last).
        latest_review = (
            select(Consent.review_on)
            .where(Consent.member_id == Member.id)
            .order_by(Consent.given_on.desc(), Consent.id.desc())
            .limit(1)
        ).scalar_subquery()
        query = query.where(or_(latest_review.is_(None), latest_review <= due))
    return query


def list_members(
    session: Session,
    actor: Actor,
    filt: MemberFilter | None = None,
    *,
    today: date | None = None,
) -> MemberList:
    """The members matching ``filt``, alphabetical by the name they go by, with counts."""
    require(session, actor, Permission.VIEW_MEMBERS, "see members")
    day = today or date.today()
    ids = filtered_ids(filt or MemberFilter(), day).subquery()
    rows = session.execute(
        select(
            Member.id,
            Member.full_name,
            Member.preferred_name,
            Member.email,
            Member.phone,
            Member.status,
            Member.date_joined,
            Member.sort_name,
        )
        .where(Member.id.in_(select(ids.c.id)))
        .order_by(Member.sort_name, Member.id)
    ).all()

    roles: dict[int, list[str]] = defaultdict(list)
    peers: set[int] = set()
    for member_id, name, code in session.execute(
        select(MemberRole.member_id, RoleType.name, RoleType.code)
        .join(RoleType, RoleType.id == MemberRole.role_type_id)
        .where(MemberRole.member_id.in_(select(ids.c.id)), _current_role(day))
        .order_by(RoleType.sort_order, RoleType.name)
    ):
        if name not in roles[member_id]:
            roles[member_id].append(name)
        if code in PEER_ROLE_CODES:
            peers.add(member_id)

    latest = _latest_training_expiry()
    due_limit = day + timedelta(days=TRAINING_DUE_DAYS)
    expired: dict[int, int] = defaultdict(int)
    due: dict[int, int] = defaultdict(int)
    for member_id, expires_on in session.execute(
        select(latest.c.member_id, latest.c.expires_on).where(
            latest.c.member_id.in_(select(ids.c.id)), latest.c.expires_on <= due_limit
        )
    ):
        (expired if expires_on < day else due)[member_id] += 1

    reviews = dict(
        session.execute(
            select(Consent.member_id, func.max(Consent.review_on))
            .where(Consent.member_id.in_(select(ids.c.id)))
            .group_by(Consent.member_id)
        ).all()
    )

    summaries = tuple(
        MemberSummary(
            id=r.id,
            display_name=display_name(r.full_name, r.preferred_name),
            full_name=r.full_name,
            email=r.email,
            phone=r.phone,
            status=MemberStatus(r.status),
            roles=tuple(roles.get(r.id, ())),
            training_due=due.get(r.id, 0),
            training_expired=expired.get(r.id, 0),
            consent_review_on=reviews.get(r.id),
            date_joined=r.date_joined,
            sort_name=r.sort_name,
        )
        for r in rows
    )
    return MemberList(summaries, len(summaries), sum(1 for s in summaries if s.id in peers))
