"""The members demo seeder: about 60 people through the services, or 10,000 in bulk.

The standard demo goes through the same services as the app (so each person has an audit
trail and every rule is applied). The large demo, for benchmarks, writes in one transaction
with bulk inserts, but its values come from the same ``members.clean_input`` and
``members.apply_values`` as the service, so the derived search and sort columns are identical.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from involve_desktop.core.dates import add_months
from involve_desktop.core.demo.context import SEED, DemoContext, DemoSize, seeded_faker
from involve_desktop.core.demo.member_plans import MemberPlan, member_plans
from involve_desktop.core.models.people import (
    Consent,
    Member,
    MemberRole,
    RoleType,
    StatusChange,
    TrainingRecord,
    TrainingType,
)
from involve_desktop.core.services import audit, member_records, members
from involve_desktop.core.services.member_dto import MemberStatus
from involve_desktop.core.services.transaction import transaction

MEMBER_COUNTS = {DemoSize.STANDARD: 60, DemoSize.LARGE: 10_000}
_FAKER_OFFSET = 1
_RANDOM_SEED = SEED + 2


def seed_members(ctx: DemoContext) -> None:
    """Add the demo members (60 for standard, 10,000 for large); same people every run."""
    plans = member_plans(
        MEMBER_COUNTS[ctx.size], ctx.today, seeded_faker(_FAKER_OFFSET), random.Random(_RANDOM_SEED)
    )
    if ctx.size is DemoSize.STANDARD:
        _store_with_services(ctx, plans)
    else:
        store_in_bulk(ctx.session, ctx.coordinator.display_name, plans, ctx.today)
        with transaction(ctx.session):
            audit.record(
                ctx.session, ctx.coordinator, "create", "member", None, {"demo members": len(plans)}
            )


def _role_ids(session: Session) -> dict[str, int]:
    return {
        code: id_
        for code, id_ in session.execute(select(RoleType.code, RoleType.id))
        if code is not None
    }


def _training_types(session: Session) -> dict[str, tuple[int, int | None]]:
    rows = session.execute(select(TrainingType.code, TrainingType.id, TrainingType.validity_months))
    return {code: (id_, months) for code, id_, months in rows if code is not None}


def _store_with_services(ctx: DemoContext, plans: list[MemberPlan]) -> None:
    """Each person through the services, exactly as a coordinator would enter them."""
    session, actor, today = ctx.session, ctx.coordinator, ctx.today
    role_ids = _role_ids(session)
    training = _training_types(session)
    for plan in plans:
        member_id = members.create_member(
            session, actor, plan.data, allow_duplicate=True, today=today
        ).id
        for role in plan.roles:
            member_records.add_role(
                session,
                actor,
                member_id,
                role_ids[role.code],
                role.start_on,
                role.end_on,
                today=today,
            )
        for done in plan.training:
            member_records.record_training(
                session, actor, member_id, training[done.code][0], done.completed_on, today=today
            )
        if plan.consent is not None:
            c = plan.consent
            member_records.record_consent(
                session,
                actor,
                member_id,
                c.given_on,
                c.how,
                keeping_records=True,
                contact_email=c.contact_email,
                contact_phone=c.contact_phone,
                contact_post=c.contact_post,
                photos=c.photos,
                today=today,
            )
        if plan.status is not MemberStatus.ACTIVE and plan.status_on is not None:
            members.change_status(
                session,
                actor,
                member_id,
                plan.status,
                plan.status_on,
                reason=plan.left_reason,
                check_in_on=plan.check_in_on,
                today=today,
            )


def _member_row(plan: MemberPlan, today: date) -> dict[str, Any]:
    """Column values for one member, normalised and derived exactly as the service does."""
    values = members.clean_input(plan.data, today)
    restricted = plan.data.restricted
    if restricted is not None:
        values |= members.restricted_values(restricted)
    member = Member()
    members.apply_values(member, values)  # the service's own derivation of sort/search columns
    left = plan.status is MemberStatus.LEFT
    return values | {
        "sort_name": member.sort_name,
        "name_key": member.name_key,
        "search_text": member.search_text,
        "status": plan.status.value,
        "check_in_on": plan.check_in_on if plan.status is MemberStatus.STEPPING_BACK else None,
        "left_on": plan.status_on if left else None,
        "left_reason": plan.left_reason if left else None,
    }


def store_in_bulk(
    session: Session, recorded_by: str, plans: list[MemberPlan], today: date
) -> list[int]:
    """Insert every planned member and their records in one transaction; returns the ids."""
    role_ids = _role_ids(session)
    training = _training_types(session)
    with transaction(session):
        # Plain executemany (no RETURNING: far faster); in one transaction the new ids are
        # the ones above the previous highest, in insertion order.
        before = session.scalar(select(func.max(Member.id))) or 0
        session.execute(insert(Member.__table__), [_member_row(plan, today) for plan in plans])
        ids = list(session.scalars(select(Member.id).where(Member.id > before).order_by(Member.id)))
        if len(ids) != len(plans):
            raise RuntimeError("Another program added members while the demo was being made.")
        history: list[dict[str, Any]] = []
        roles: list[dict[str, Any]] = []
        trained: list[dict[str, Any]] = []
        consents: list[dict[str, Any]] = []
        for member_id, plan in zip(ids, plans, strict=True):
            joined = plan.data.date_joined or today
            history.append(_change(member_id, MemberStatus.ACTIVE, joined, "Joined", recorded_by))
            if plan.status is not MemberStatus.ACTIVE and plan.status_on is not None:
                change = _change(member_id, plan.status, plan.status_on, None, recorded_by)
                change["reason"] = plan.left_reason
                change["check_in_on"] = plan.check_in_on
                history.append(change)
            roles += [
                {
                    "member_id": member_id,
                    "role_type_id": role_ids[r.code],
                    "start_on": r.start_on,
                    "end_on": r.end_on,
                }
                for r in plan.roles
            ]
            for done in plan.training:
                type_id, months = training[done.code]
                expires = add_months(done.completed_on, months) if months else None
                trained.append(
                    {
                        "member_id": member_id,
                        "training_type_id": type_id,
                        "completed_on": done.completed_on,
                        "expires_on": expires,
                    }
                )
            if plan.consent is not None:
                consents.append(_consent_row(member_id, plan))
        for model, rows in (
            (StatusChange, history),
            (MemberRole, roles),
            (TrainingRecord, trained),
            (Consent, consents),
        ):
            if rows:
                session.execute(insert(model.__table__), rows)  # Core: one executemany
    return ids


def _change(
    member_id: int, status: MemberStatus, on: date, reason: str | None, by: str
) -> dict[str, Any]:
    return {
        "member_id": member_id,
        "status": status.value,
        "effective_on": on,
        "reason": reason,
        "check_in_on": None,
        "recorded_by": by,
    }


def _consent_row(member_id: int, plan: MemberPlan) -> dict[str, Any]:
    c = plan.consent
    assert c is not None
    return {
        "member_id": member_id,
        "given_on": c.given_on,
        "how": c.how.value,
        "keeping_records": True,
        "contact_email": c.contact_email,
        "contact_phone": c.contact_phone,
        "contact_post": c.contact_post,
        "photos": c.photos,
        "review_on": add_months(c.given_on, member_records.CONSENT_REVIEW_MONTHS),
    }
