"""The editable lists behind members: roles people hold and kinds of training."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.models.people import RoleType, TrainingType
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


def _unique_name(session: Session, model: type, name: str, exclude: int | None) -> None:
    query = select(model.id).where(func.lower(model.name) == name.lower())
    if exclude is not None:
        query = query.where(model.id != exclude)
    if session.scalar(query) is not None:
        raise ValidationError("name", f"{name!r} is already in the list — use a different name.")


def save_role_type(
    session: Session, actor: Actor, name: str, role_id: int | None = None, active: bool = True
) -> RoleTypeInfo:
    """Add a role to the list, or rename / retire one (retired roles stay on old records)."""
    require(session, actor, Permission.EDIT_LISTS, "change the list of roles")
    clean = validation.required_text("name", "Role name", name, 100)
    with transaction(session):
        _unique_name(session, RoleType, clean, role_id)
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
        _unique_name(session, TrainingType, clean, training_id)
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
