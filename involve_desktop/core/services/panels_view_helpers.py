"""Small reads the panel screens need that the panel services do not give directly.

``why_not_suggested`` says, for members a coordinator found by searching, why each is not
among the suggestions for a panel (training not current, busy that day, recorded as
without lived experience), using the same rules as ``panels_people.suggestions`` and
``panels_seats``; the screens show it beside the name so nobody has to guess.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.people import Member
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.panels import SEE, load_panel
from involve_desktop.core.services.panels_people import _clashes
from involve_desktop.core.services.panels_seats import training_expiry
from involve_desktop.core.services.transaction import require


def why_not_suggested(
    session: Session, actor: Actor, panel_id: int, member_ids: Iterable[int]
) -> dict[int, str]:
    """Each member's reasons for not being suggested for the panel, in words ("" if none
    of these applies), e.g. "no recruitment-panel training recorded; busy that day"."""
    require(session, actor, Permission.VIEW_PANELS, SEE)
    panel = load_panel(session, panel_id)
    wanted = set(member_ids)
    if not wanted:
        return {}
    expiry = training_expiry(session, wanted, panel.day)
    busy = _clashes(session, panel.day, panel.id) & wanted
    without = set(
        session.scalars(
            select(Member.id).where(
                Member.id.in_(sorted(wanted)), Member.lived_experience.is_(False)
            )
        )
    )
    reasons: dict[int, str] = {}
    for member_id in wanted:
        found = []
        if member_id in without:
            found.append("their record says no lived experience")
        if member_id not in expiry:
            found.append("no recruitment-panel training recorded")
        elif expiry[member_id] is not None and expiry[member_id] < panel.day:
            found.append(f"panel training expired {format_date(expiry[member_id])}")
        if member_id in busy:
            found.append("busy that day (another panel, a shift, or away)")
        reasons[member_id] = "; ".join(found)
    return reasons
