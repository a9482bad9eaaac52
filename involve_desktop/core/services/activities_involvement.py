"""Who took part in recorded involvement activities, for the spread figures (issue 9).

Owned by the 4PI activities work; the spread and annual report read it.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session


def activity_involvement(session: Session, start: date, end: date) -> list[tuple[int, date]]:
    """One ``(member_id, day)`` per member present at each activity held from ``start`` to
    ``end`` inclusive (members only; outside people are counted elsewhere)."""
    return []
