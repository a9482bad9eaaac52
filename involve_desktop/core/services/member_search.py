"""The members list: search-as-you-type, filters and counts, done in SQL for 10,000 members."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import Select, case, exists, func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.collector import collector_paused
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
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.services.member_records import CONSENT_DUE_DAYS, TRAINING_DUE_DAYS
from involve_desktop.core.services.transaction import require
from involve_desktop.core.text import search_key

PEER_ROLE_CODES = ("peer_supporter", "bank_peer_supporter")
NO_EXPIRY = date(9999, 12, 31)
DEFAULT_STATUSES = frozenset({MemberStatus.ACTIVE, MemberStatus.STEPPING_BACK})
IDS_AT_ONCE = 900  # up to this many matches, later queries take the ids as bound values


def search_terms(text: str) -> list[str]:
    """What to look for: accent-free words, or the digits of something that looks like a phone."""
    stripped = text.strip()
    if not stripped:
        return []
    if re.fullmatch(r"[+\d][\d\s()+.-]*", stripped) and sum(c.isdigit() for c in stripped) >= 3:
        return [validation.phone_digits(stripped)]
    return [w for w in search_key(stripped).split() if w]


def _latest_training_expiry(ids: Select | list[int] | None = None):  # noqa: ANN202 - a subquery
    """Per member (among ``ids`` if given) and training type, the latest expiry (renewals
    replace old records)."""
    query = select(
        TrainingRecord.member_id.label("member_id"),
        TrainingRecord.training_type_id.label("type_id"),
        func.max(func.coalesce(TrainingRecord.expires_on, NO_EXPIRY)).label("expires_on"),
    )
    if ids is not None:
        query = query.where(TrainingRecord.member_id.in_(ids))
    return query.group_by(TrainingRecord.member_id, TrainingRecord.training_type_id).subquery()


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


def _training_counts(
    connection: Connection, day: date, ids: Select | list[int]
) -> dict[int, tuple[int, int]]:
    """Per member among ``ids``: (kinds of training due, kinds expired); only those with any."""
    latest = _latest_training_expiry(ids)
    gone = latest.c.expires_on < day
    query = (
        select(
            latest.c.member_id,
            func.sum(case((gone, 0), else_=1)),
            func.sum(case((gone, 1), else_=0)),
        )
        .where(latest.c.expires_on <= day + timedelta(days=TRAINING_DUE_DAYS))
        .group_by(latest.c.member_id)
    )
    return {member_id: (due, expired) for member_id, due, expired in connection.execute(query)}


def _consent_reviews(connection: Connection, ids: Select | list[int]) -> dict[int, date]:
    """Per member among ``ids``: the review date of the consent in force, the newest given
    (ties: the one entered last), as ``filtered_ids``'s "consent review due" reads it; only
    those whose consent in force has a review date."""
    newest = (
        select(
            Consent.member_id.label("member_id"),
            Consent.review_on.label("review_on"),
            func.row_number()
            .over(
                partition_by=Consent.member_id,
                order_by=(Consent.given_on.desc(), Consent.id.desc()),
            )
            .label("place"),
        )
        .where(Consent.member_id.in_(ids))
        .subquery()
    )
    query = select(newest.c.member_id, newest.c.review_on).where(
        newest.c.place == 1, newest.c.review_on.is_not(None)
    )
    return dict(connection.execute(query).all())


def _current_roles(
    connection: Connection, day: date, ids: Select | list[int]
) -> tuple[dict[int, tuple[str, ...]], set[int]]:
    """Per member among ``ids``: the names of the roles they hold on ``day`` (in the roles'
    order); and who among them is a peer supporter."""
    roles: dict[int, list[str]] = defaultdict(list)
    peers: set[int] = set()
    for member_id, name, code in connection.execute(
        select(MemberRole.member_id, RoleType.name, RoleType.code)
        .join(RoleType, RoleType.id == MemberRole.role_type_id)
        .where(MemberRole.member_id.in_(ids), _current_role(day))
        .order_by(RoleType.sort_order, RoleType.name)
    ):
        held = roles[member_id]
        if name not in held:
            held.append(name)
        if code in PEER_ROLE_CODES:
            peers.add(member_id)
    return {member_id: tuple(names) for member_id, names in roles.items()}, peers


def list_members(
    session: Session,
    actor: Actor,
    filt: MemberFilter | None = None,
    *,
    today: date | None = None,
) -> MemberList:
    """The members matching ``filt``, alphabetical by the name they go by, with counts.

    Four queries whatever the number of members (the rows; current roles; training expired
    or due, counted in SQL; consent review dates), read as plain tuples through the
    connection, not ORM objects: at 10,000 members the ORM's row handling cost more than
    the queries. When a search finds a few hundred people, the other three queries take
    their ids as a list instead of searching again."""
    require(session, actor, Permission.VIEW_MEMBERS, "see members")
    day = today or date.today()
    matching = filtered_ids(filt or MemberFilter(), day)
    connection = session.connection()
    with collector_paused():
        rows = connection.execute(
            matching.with_only_columns(
                Member.id,
                Member.full_name,
                Member.preferred_name,
                Member.email,
                Member.phone,
                Member.status,
                Member.date_joined,
                Member.sort_name,
            ).order_by(Member.sort_name, Member.id)
        ).all()
        ids: Select | list[int] = (
            [row[0] for row in rows]
            if len(rows) <= IDS_AT_ONCE
            else select(matching.subquery().c.id)
        )
        roles, peers = _current_roles(connection, day, ids)
        training = _training_counts(connection, day, ids)
        reviews = _consent_reviews(connection, ids)
        status_of = {s.value: s for s in MemberStatus}
        none: tuple = ()
        nothing_due = (0, 0)
        summaries = tuple(
            [
                MemberSummary(
                    member_id,
                    display_name(full, preferred),
                    full,
                    email,
                    phone,
                    status_of[status],
                    roles.get(member_id, none),
                    *training.get(member_id, nothing_due),
                    reviews.get(member_id),
                    joined,
                    sort_name,
                )
                for member_id, full, preferred, email, phone, status, joined, sort_name in rows
            ]
        )
    return MemberList(summaries, len(summaries), len(peers))
