"""The group's agreed 4PI principles (shared values) and the date they were agreed.

One row, made when first saved. Coordinators change it (MANAGE_INVOLVEMENT); audited as
entity ``involvement_principles``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.models.activities import InvolvementPrinciples
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.activities_dto import Principles
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.transaction import require, transaction

ENTITY = "involvement_principles"


def _row(session: Session) -> InvolvementPrinciples | None:
    return session.scalars(select(InvolvementPrinciples).limit(1)).first()


def get_principles(session: Session, actor: Actor) -> Principles:
    """The agreed principles (empty until saved)."""
    require(session, actor, Permission.VIEW_INVOLVEMENT, "see the group's principles")
    row = _row(session)
    return Principles(row.text, row.agreed_on) if row else Principles()


def save_principles(
    session: Session, actor: Actor, data: Principles, *, today: date | None = None
) -> Principles:
    """Save the principles and when they were agreed (not in the future)."""
    require(session, actor, Permission.MANAGE_INVOLVEMENT, "change the group's principles")
    text = validation.optional_text(data.text, 4000, "text", "Principles") or ""
    validation.not_in_future(data.agreed_on, "agreed_on", "The date agreed", today or date.today())
    with transaction(session):
        row = _row(session)
        if row is None:
            row = InvolvementPrinciples(text=text, agreed_on=data.agreed_on)
            session.add(row)
            session.flush()
            audit.record(
                session,
                actor,
                "create",
                ENTITY,
                row.id,
                audit.created_fields({"agreed_on": data.agreed_on}),
            )
        else:
            changes = audit.changes_between(
                {"text": row.text, "agreed_on": row.agreed_on},
                {"text": text, "agreed_on": data.agreed_on},
            )
            row.text, row.agreed_on = text, data.agreed_on
            if changes:
                audit.record(session, actor, "update", ENTITY, row.id, changes)
    return Principles(text, data.agreed_on)
