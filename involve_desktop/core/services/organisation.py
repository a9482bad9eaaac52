"""The group this database belongs to: its name, shown on every sheet and in the title bar."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.models.accounts import Organisation
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.transaction import require, transaction

GROUP_NAME_MAX = 200


def group_name(session: Session) -> str | None:
    """The group's name, or None before first-run set-up."""
    return session.scalar(select(Organisation.name).order_by(Organisation.id).limit(1))


def rename_group(session: Session, actor: Actor, name: str) -> str:
    """Change the group's name (coordinators only)."""
    require(session, actor, Permission.EDIT_GROUP_SETTINGS, "change the group's name")
    clean = validation.required_text("group_name", "Group name", name, GROUP_NAME_MAX)
    with transaction(session):
        org = session.scalars(select(Organisation).order_by(Organisation.id).limit(1)).one()
        changes = audit.changes_between({"name": org.name}, {"name": clean})
        org.name = clean
        if changes:
            audit.record(session, actor, "update", "organisation", org.id, changes)
    return clean
