"""Who took part in recorded involvement activities, for the spread figures (issue 9).

Owned by the 4PI activities work; the spread and annual report read it.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.models.activities import InvolvementActivity, InvolvementActivityMember


def activity_involvement(session: Session, start: date, end: date) -> list[tuple[int, date]]:
    """One ``(member_id, day)`` per member present at each activity held from ``start`` to
    ``end`` inclusive (members only; outside people are counted elsewhere)."""
    rows = session.execute(
        select(InvolvementActivityMember.member_id, InvolvementActivity.day)
        .join(InvolvementActivity, InvolvementActivity.id == InvolvementActivityMember.activity_id)
        .where(InvolvementActivity.day >= start, InvolvementActivity.day <= end)
        .order_by(InvolvementActivity.day, InvolvementActivityMember.member_id)
    )
    return [(member_id, day) for member_id, day in rows]
