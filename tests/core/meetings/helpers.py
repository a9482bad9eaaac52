"""Building small groups, meetings and members through the real services."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy.orm import Session

from involve_desktop.core.services import meetings_groups, members
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import (
    GroupInput,
    GroupKind,
    ScheduleInput,
    ScheduleKind,
)
from involve_desktop.core.services.member_dto import MemberInput, Restricted

TODAY = date(2026, 3, 2)  # a Monday
TUESDAYS_2_TO_4 = ScheduleInput(
    ScheduleKind.WEEKLY, time(14), time(16), weekday=1, valid_from=date(2026, 1, 1)
)


def person(
    session: Session,
    actor: Actor,
    full_name: str,
    *,
    preferred: str | None = None,
    lived: bool | None = None,
    joined: date = date(2024, 1, 8),
    **fields: object,
) -> int:
    """A member (lived experience recorded when given); returns the id."""
    data = MemberInput(
        full_name=full_name,
        preferred_name=preferred,
        date_joined=joined,
        restricted=Restricted(lived_experience=lived) if lived is not None else None,
        **fields,  # type: ignore[arg-type]
    )
    return members.create_member(session, actor, data, allow_duplicate=True, today=TODAY).id


def group(
    session: Session,
    actor: Actor,
    name: str = "Tuesday Peer Support",
    *,
    kind: GroupKind = GroupKind.PEER_SUPPORT,
    open_membership: bool = True,
    schedule: ScheduleInput = TUESDAYS_2_TO_4,
    venue: str | None = "Oak Street Community Centre",
) -> int:
    """A group; returns its id."""
    data = GroupInput(name, kind, venue, open_membership, schedule)
    return meetings_groups.create_group(session, actor, data, today=TODAY).id
