"""What someone facilitates from today on: said to the coordinator who has just recorded
them as having left or stepping back, so the meetings get someone else (as the rota's
``rota_shifts.cover_needed_note`` does for shifts). Nothing is changed here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.models.meetings import (
    Meeting,
    MeetingFacilitator,
    MeetingGroup,
    MeetingGroupFacilitator,
)
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.core.services.transaction import require
from involve_desktop.core.text import sort_key


@dataclass(frozen=True)
class FacilitatingAhead:
    """Meetings from today on (not cancelled) they facilitate, and the groups they are a
    usual facilitator of (copied onto meetings made later)."""

    meetings: int
    meeting_groups: tuple[str, ...]  # the groups of those meetings
    usual_of: tuple[str, ...]


def facilitating_ahead(
    session: Session, actor: Actor, member_id: int, *, today: date | None = None
) -> FacilitatingAhead:
    """What ``member_id`` facilitates from ``today`` (default: today) on. Coordinators."""
    require(session, actor, Permission.MANAGE_MEETING_GROUPS, "see who facilitates meetings")
    today = today or date.today()
    rows = session.execute(
        select(Meeting.id, MeetingGroup.name)
        .join(MeetingFacilitator, MeetingFacilitator.meeting_id == Meeting.id)
        .join(MeetingGroup, MeetingGroup.id == Meeting.group_id)
        .where(
            MeetingFacilitator.member_id == member_id,
            Meeting.day >= today,
            Meeting.cancelled.is_(False),
        )
    ).all()
    usual = session.scalars(
        select(MeetingGroup.name)
        .join(MeetingGroupFacilitator, MeetingGroupFacilitator.group_id == MeetingGroup.id)
        .where(MeetingGroupFacilitator.member_id == member_id, MeetingGroup.archived.is_(False))
    ).all()
    return FacilitatingAhead(
        len(rows),
        tuple(sorted({name for _, name in rows}, key=sort_key)),
        tuple(sorted(usual, key=sort_key)),
    )


def facilitating_note(name: str, ahead: FacilitatingAhead) -> str | None:
    """ "Zoë Clarke facilitates 2 meetings from today (Creative Wellbeing Workshop) …", or
    None when they facilitate nothing still to come."""
    parts = []
    if ahead.meetings:
        parts.append(
            f"{name} facilitates {plural(ahead.meetings, 'meeting')} from today "
            f"({', '.join(ahead.meeting_groups)}): choose someone else with Change meeting… "
            "under Meetings."
        )
    if ahead.usual_of:
        parts.append(
            f"{name} is a usual facilitator of {', '.join(ahead.usual_of)}, so they are put "
            "on meetings made from now on: change the group's facilitators under Meetings."
        )
    return " ".join(parts) or None
