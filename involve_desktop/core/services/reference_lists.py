"""The editable lists behind members: roles people hold and kinds of training; and what
still uses an entry, for the question asked before retiring it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.models.people import (
    Member,
    MemberRole,
    RoleType,
    TrainingRecord,
    TrainingType,
)
from involve_desktop.core.models.rota import RotaPattern, RotaShift, RotaSite
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.transaction import require, transaction


@dataclass(frozen=True)
class RoleTypeInfo:
    """A role in the list."""

    id: int
    name: str
    code: str | None
    active: bool


@dataclass(frozen=True)
class TrainingTypeInfo:
    """A kind of training and how long it stays current."""

    id: int
    name: str
    code: str | None
    validity_months: int | None
    active: bool


def role_types(session: Session, include_inactive: bool = False) -> list[RoleTypeInfo]:
    """The roles, in the list's order."""
    query = select(RoleType).order_by(RoleType.sort_order, RoleType.name)
    if not include_inactive:
        query = query.where(RoleType.active.is_(True))
    return [RoleTypeInfo(r.id, r.name, r.code, r.active) for r in session.scalars(query)]


def training_types(session: Session, include_inactive: bool = False) -> list[TrainingTypeInfo]:
    """The kinds of training, in the list's order."""
    query = select(TrainingType).order_by(TrainingType.sort_order, TrainingType.name)
    if not include_inactive:
        query = query.where(TrainingType.active.is_(True))
    return [
        TrainingTypeInfo(t.id, t.name, t.code, t.validity_months, t.active)
        for t in session.scalars(query)
    ]


def role_type_id(session: Session, code: str) -> int:
    """The id of a built-in role by its code (e.g. "peer_supporter")."""
    found = session.scalar(select(RoleType.id).where(RoleType.code == code))
    if found is None:
        raise NotFound(f"The built-in role {code!r} is missing from this database.")
    return found


def training_type_id(session: Session, code: str) -> int:
    """The id of a built-in training by its code (e.g. "peer_support")."""
    found = session.scalar(select(TrainingType.id).where(TrainingType.code == code))
    if found is None:
        raise NotFound(f"The built-in training {code!r} is missing from this database.")
    return found


def _unique_name(session: Session, model: type, name: str, exclude: int | None, kind: str) -> None:
    query = select(model.id).where(func.lower(model.name) == name.lower())
    if exclude is not None:
        query = query.where(model.id != exclude)
    if session.scalar(query) is not None:
        raise ValidationError(
            "name", f"The list already has {kind} called {name} — use a different name."
        )


def save_role_type(
    session: Session, actor: Actor, name: str, role_id: int | None = None, active: bool = True
) -> RoleTypeInfo:
    """Add a role to the list, or rename / retire one (retired roles stay on old records)."""
    require(session, actor, Permission.EDIT_LISTS, "change the list of roles")
    clean = validation.required_text("name", "Role name", name, 100)
    with transaction(session):
        _unique_name(session, RoleType, clean, role_id, "a role")
        if role_id is None:
            order = (session.scalar(select(func.max(RoleType.sort_order))) or 0) + 1
            row = RoleType(name=clean, active=active, sort_order=order)
            session.add(row)
            session.flush()
            audit.record(session, actor, "create", "role_type", row.id, {"name": clean})
        else:
            row = session.get(RoleType, role_id)
            if row is None:
                raise NotFound("That role is no longer in the list.")
            changes = audit.changes_between(
                {"name": row.name, "active": row.active}, {"name": clean, "active": active}
            )
            row.name, row.active = clean, active
            if changes:
                audit.record(session, actor, "update", "role_type", row.id, changes)
    return RoleTypeInfo(row.id, row.name, row.code, row.active)


def save_training_type(
    session: Session,
    actor: Actor,
    name: str,
    validity_months: int | None,
    training_id: int | None = None,
    active: bool = True,
) -> TrainingTypeInfo:
    """Add a kind of training, or change its name, validity or whether it is offered."""
    require(session, actor, Permission.EDIT_LISTS, "change the list of training")
    clean = validation.required_text("name", "Training name", name, 100)
    if validity_months is not None and not 1 <= validity_months <= 240:
        raise ValidationError(
            "validity_months", "Valid for must be between 1 and 240 months, or blank for never."
        )
    with transaction(session):
        _unique_name(session, TrainingType, clean, training_id, "training")
        if training_id is None:
            order = (session.scalar(select(func.max(TrainingType.sort_order))) or 0) + 1
            row = TrainingType(
                name=clean, validity_months=validity_months, active=active, sort_order=order
            )
            session.add(row)
            session.flush()
            audit.record(
                session,
                actor,
                "create",
                "training_type",
                row.id,
                {"name": clean, "validity_months": validity_months},
            )
        else:
            row = session.get(TrainingType, training_id)
            if row is None:
                raise NotFound("That training is no longer in the list.")
            changes = audit.changes_between(
                {"name": row.name, "validity_months": row.validity_months, "active": row.active},
                {"name": clean, "validity_months": validity_months, "active": active},
            )
            row.name, row.validity_months, row.active = clean, validity_months, active
            if changes:
                audit.record(session, actor, "update", "training_type", row.id, changes)
    return TrainingTypeInfo(row.id, row.name, row.code, row.validity_months, row.active)


# What the app itself relies on a built-in entry for (by its code), in words.
BUILT_IN_ROLE_USE = {
    "peer_supporter": "The rota counts people with this role as peer supporters.",
    "bank_peer_supporter": "The rota counts people with this role as bank peer supporters.",
}
BUILT_IN_TRAINING_USE = {
    "peer_support": "New rota shifts require it unless other training is chosen.",
    "recruitment_panel": "Panels look for it when choosing who can sit on a panel.",
}


@dataclass(frozen=True)
class ListEntryUse:
    """What still relies on a role or training, counted for the question before retiring it.

    Retiring takes the entry off the choices for new records only: nobody else can then be
    given it, while everything that requires it keeps requiring it.
    """

    rota_patterns: int = 0  # weekly rota patterns still running that require it
    future_shifts: int = 0  # shifts from today on, not cancelled, that require it
    people: int = 0  # people who hold it now (a role not ended; training not expired)
    built_in: str = ""  # what the app itself uses it for, in words ("" for none)


def _people(session: Session, member_id: InstrumentedAttribute[int], *where: Any) -> int:
    """How many people (not erased, not left) the rows matching ``where`` belong to."""
    query = (
        select(func.count(func.distinct(member_id)))
        .join(Member, Member.id == member_id)
        .where(Member.erased_at.is_(None), Member.status != "left", *where)
    )
    return session.scalar(query) or 0


def role_type_use(
    session: Session, actor: Actor, role_id: int, today: date | None = None
) -> ListEntryUse:
    """Who holds the role now (not counting people who left) and what the app uses it for."""
    require(session, actor, Permission.EDIT_LISTS, "change the list of roles")
    day = today or date.today()
    role = session.get(RoleType, role_id)
    if role is None:
        raise NotFound("That role is no longer in the list.")
    people = _people(
        session,
        MemberRole.member_id,
        MemberRole.role_type_id == role_id,
        MemberRole.start_on <= day,
        MemberRole.end_on.is_(None) | (MemberRole.end_on >= day),
    )
    return ListEntryUse(people=people, built_in=BUILT_IN_ROLE_USE.get(role.code or "", ""))


def training_type_use(
    session: Session, actor: Actor, training_id: int, today: date | None = None
) -> ListEntryUse:
    """The running rota patterns and coming shifts that require the training, the people
    whose training of this kind is in date (not counting people who left), and what the
    app uses it for."""
    require(session, actor, Permission.EDIT_LISTS, "change the list of training")
    day = today or date.today()
    kind = session.get(TrainingType, training_id)
    if kind is None:
        raise NotFound("That training is no longer in the list.")
    patterns = session.scalar(
        select(func.count(RotaPattern.id))
        .join(RotaSite, RotaSite.id == RotaPattern.site_id)
        .where(
            RotaPattern.required_training_type_id == training_id,
            RotaPattern.valid_to.is_(None) | (RotaPattern.valid_to >= day),
            RotaSite.archived.is_(False),
        )
    )
    shifts = session.scalar(
        select(func.count(RotaShift.id)).where(
            RotaShift.required_training_type_id == training_id,
            RotaShift.day >= day,
            RotaShift.cancelled.is_(False),
        )
    )
    people = _people(
        session,
        TrainingRecord.member_id,
        TrainingRecord.training_type_id == training_id,
        TrainingRecord.completed_on <= day,
        TrainingRecord.expires_on.is_(None) | (TrainingRecord.expires_on >= day),
    )
    return ListEntryUse(
        rota_patterns=patterns or 0,
        future_shifts=shifts or 0,
        people=people,
        built_in=BUILT_IN_TRAINING_USE.get(kind.code or "", ""),
    )
