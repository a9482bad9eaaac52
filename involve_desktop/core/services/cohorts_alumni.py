"""Alumni actions: a simple log of initiatives graduates lead together (title, day, the
people, outcome; optionally the programme they came from).

Anyone who may see leadership programmes (VIEW_COHORTS) reads the log — a facilitator only
the actions led by people on their own cohorts; coordinators keep it (MANAGE_COHORTS).
Every change is audited (entity ``alumni_action``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.models.cohorts import AlumniAction, Programme, alumni_action_member
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.cohorts_access import (
    MANAGE,
    SEE,
    load_programme,
    people_on,
    visible_cohort_ids,
)
from involve_desktop.core.services.cohorts_dto import AlumniActionInfo, AlumniActionInput
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.erased_people import refuse_erased
from involve_desktop.core.services.meetings_people import checked_members, listed, people
from involve_desktop.core.services.transaction import require, transaction


def _member_ids(session: Session, action_ids: list[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    if action_ids:
        for action_id, member_id in session.execute(
            select(alumni_action_member.c.action_id, alumni_action_member.c.member_id).where(
                alumni_action_member.c.action_id.in_(action_ids)
            )
        ):
            found[action_id].append(member_id)
    return found


def action_infos(session: Session, rows: Sequence[AlumniAction]) -> list[AlumniActionInfo]:
    """DTOs for alumni action rows."""
    members = _member_ids(session, [r.id for r in rows])
    programmes = dict(session.execute(select(Programme.id, Programme.name)).all())
    return [
        AlumniActionInfo(
            r.id,
            r.title,
            r.day,
            r.outcome,
            r.programme_id,
            programmes.get(r.programme_id) if r.programme_id else None,
            people(session, members[r.id]),
        )
        for r in rows
    ]


def _values(session: Session, data: AlumniActionInput) -> dict:
    if not isinstance(data.day, date):
        raise ValidationError("day", "Give the date — e.g. 3 Mar 2026.")
    validation.within_years(data.day, "day", "The date", date.today(), back=10, ahead=2)
    if data.programme_id is not None:
        load_programme(session, data.programme_id)
    if not data.member_ids:
        raise ValidationError("member_ids", "Choose the people who led it.")
    return {
        "title": validation.required_text("title", "Title", data.title, 200),
        "day": data.day,
        "outcome": validation.optional_text(data.outcome, 5000, "outcome", "Outcome"),
        "programme_id": data.programme_id,
    }


def _set_people(session: Session, action_id: int, member_ids: set[int]) -> None:
    session.execute(
        delete(alumni_action_member).where(alumni_action_member.c.action_id == action_id)
    )
    session.execute(
        insert(alumni_action_member),
        [{"action_id": action_id, "member_id": m} for m in sorted(member_ids)],
    )


def add_action(session: Session, actor: Actor, data: AlumniActionInput) -> AlumniActionInfo:
    """Log an alumni action."""
    require(session, actor, Permission.MANAGE_COHORTS, MANAGE)
    with transaction(session):
        values = _values(session, data)
        names = checked_members(session, data.member_ids, "member_ids")
        refuse_erased(session, data.member_ids, "member_ids", "named on an alumni action")
        row = AlumniAction(**values)
        session.add(row)
        session.flush()
        _set_people(session, row.id, set(data.member_ids))
        audit.record(
            session,
            actor,
            "create",
            "alumni_action",
            row.id,
            audit.created_fields(values) | {"people": listed(names.values())},
        )
        info = action_infos(session, [row])[0]
    return info


def _load(session: Session, action_id: int) -> AlumniAction:
    row = session.get(AlumniAction, action_id)
    if row is None:
        raise NotFound("That alumni action is no longer in the records. Refresh the list.")
    return row


def update_action(
    session: Session, actor: Actor, action_id: int, data: AlumniActionInput
) -> AlumniActionInfo:
    """Change an alumni action (its people become exactly ``data.member_ids``)."""
    require(session, actor, Permission.MANAGE_COHORTS, MANAGE)
    with transaction(session):
        row = _load(session, action_id)
        values = _values(session, data)
        old_people = set(_member_ids(session, [row.id])[row.id])
        names = checked_members(session, set(data.member_ids) | old_people, "member_ids")
        refuse_erased(
            session, set(data.member_ids) - old_people, "member_ids", "named on an alumni action"
        )
        before = {key: getattr(row, key) for key in values}
        before["people"] = listed(names[m] for m in old_people)
        for key, value in values.items():
            setattr(row, key, value)
        _set_people(session, row.id, set(data.member_ids))
        after = values | {"people": listed(names[m] for m in set(data.member_ids))}
        changes = audit.changes_between(before, after)
        if changes:
            audit.record(session, actor, "update", "alumni_action", row.id, changes)
        info = action_infos(session, [row])[0]
    return info


def delete_action(session: Session, actor: Actor, action_id: int) -> None:
    """Remove an alumni action logged by mistake."""
    require(session, actor, Permission.MANAGE_COHORTS, MANAGE)
    with transaction(session):
        row = _load(session, action_id)
        audit.record(session, actor, "delete", "alumni_action", row.id, {"title": row.title})
        session.delete(row)


def list_actions(
    session: Session,
    actor: Actor,
    programme_id: int | None = None,
    member_id: int | None = None,
) -> list[AlumniActionInfo]:
    """Alumni actions, newest first (one programme's, or one person's, or all). A
    facilitator sees only the actions led by someone on the cohorts they may see, naming
    only those people (``cohorts_access.OWN_COHORTS_ONLY``)."""
    require(session, actor, Permission.VIEW_COHORTS, SEE)
    query = select(AlumniAction).order_by(AlumniAction.day.desc(), AlumniAction.id.desc())
    visible = visible_cohort_ids(session, actor)
    known: set[int] | None = None
    if visible is not None:
        known = people_on(session, visible)
        query = query.where(
            AlumniAction.id.in_(
                select(alumni_action_member.c.action_id).where(
                    alumni_action_member.c.member_id.in_(known)
                )
            )
        )
    if programme_id is not None:
        query = query.where(AlumniAction.programme_id == programme_id)
    if member_id is not None:
        query = query.where(
            AlumniAction.id.in_(
                select(alumni_action_member.c.action_id).where(
                    alumni_action_member.c.member_id == member_id
                )
            )
        )
    infos = action_infos(session, list(session.scalars(query)))
    if known is None:
        return infos
    return [replace(a, people=tuple(p for p in a.people if p.member_id in known)) for a in infos]
