"""The group this database belongs to: its name, shown on every sheet and in the title bar."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.models.accounts import Organisation
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.record_version import check_version
from involve_desktop.core.services.transaction import require, transaction

GROUP_NAME_MAX = 200


def group_name(session: Session) -> str | None:
    """The group's name, or None before first-run set-up."""
    return session.scalar(select(Organisation.name).order_by(Organisation.id).limit(1))


def settings_version(session: Session) -> int:
    """The version of the group's settings now, for a settings tab to send back on saving."""
    return session.scalar(select(Organisation.version).order_by(Organisation.id).limit(1)) or 1


def rename_group(
    session: Session, actor: Actor, name: str, *, expected_version: int | None = None
) -> str:
    """Change the group's name (coordinators only).

    ``expected_version``: the settings version the edit started from (RecordChanged if
    someone else saved the group settings since; None: no check).
    """
    require(session, actor, Permission.EDIT_GROUP_SETTINGS, "change the group's name")
    clean = validation.required_text("group_name", "Group name", name, GROUP_NAME_MAX)
    with transaction(session):
        org = session.scalars(select(Organisation).order_by(Organisation.id).limit(1)).one()
        check_version(org, expected_version, what="the group settings", by=actor)
        changes = audit.changes_between({"name": org.name}, {"name": clean})
        org.name = clean
        if changes:
            audit.record(session, actor, "update", "organisation", org.id, changes)
    return clean
