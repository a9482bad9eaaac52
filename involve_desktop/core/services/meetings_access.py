"""Who may act for which group: coordinators for every group, facilitators for their own.

An account is linked to a group in ``meeting_group_account`` (``meetings_groups.
set_group_accounts``). Accounts with MANAGE_MEETING_GROUPS (coordinators) act for every
group; any other account with the permission asked for acts only for the groups it is
linked to. A refusal is written to the audit trail, like ``transaction.require``.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import NotFound, PermissionDenied
from involve_desktop.core.models.meetings import Meeting, MeetingGroup, MeetingGroupAccount
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import GroupKind
from involve_desktop.core.services.transaction import permitted, require

COHORT_PLAN = "change a leadership programme cohort's sessions"


def all_groups(session: Session, actor: Actor) -> bool:
    """Whether the account acts for every group (coordinators)."""
    return permitted(session, actor, Permission.MANAGE_MEETING_GROUPS)


def linked_group_ids(session: Session, actor: Actor) -> set[int]:
    """The groups the account is linked to."""
    return set(
        session.scalars(
            select(MeetingGroupAccount.group_id).where(
                MeetingGroupAccount.account_id == actor.account_id
            )
        )
    )


def visible_group_ids(session: Session, actor: Actor) -> set[int] | None:
    """The groups the account may see: None means every group."""
    return None if all_groups(session, actor) else linked_group_ids(session, actor)


def require_group(
    session: Session, actor: Actor, group_id: int, permission: Permission, what: str
) -> MeetingGroup:
    """Refuse (and record it) unless the account may do ``permission`` for this group.

    ``what`` completes "Your account cannot …". Returns the group; NotFound if it is gone.
    """
    require(session, actor, permission, what)
    group = session.get(MeetingGroup, group_id)
    if group is None:
        raise NotFound("That group is no longer in the records. Refresh the list.")
    if all_groups(session, actor) or group_id in linked_group_ids(session, actor):
        return group
    session.rollback()
    audit.record(
        session,
        actor,
        "denied",
        permission.value,
        group_id,
        {"attempted": what, "group": group.name},
    )
    session.commit()
    raise PermissionDenied(
        f"Your account is not one of those running {group.name}, so it cannot {what}. "
        "Ask a coordinator to link your account to the group."
    )


def require_plan_change(session: Session, actor: Actor, group: MeetingGroup) -> None:
    """A cohort's meetings are its programme's sessions (numbered, with the completion rule
    counting them), so adding, moving, cancelling or closing days needs the right to change
    leadership programmes (coordinators), whichever service is used; other groups pass."""
    if group.kind == GroupKind.LEADERSHIP_COHORT.value:
        require(session, actor, Permission.MANAGE_COHORTS, COHORT_PLAN)


def require_meeting(
    session: Session, actor: Actor, meeting_id: int, permission: Permission, what: str
) -> Meeting:
    """``require_group`` for the meeting's group; returns the meeting (NotFound if gone)."""
    group_id = session.scalar(select(Meeting.group_id).where(Meeting.id == meeting_id))
    if group_id is None:
        require(session, actor, permission, what)
        raise NotFound("That meeting is no longer in the records. Refresh the list.")
    require_group(session, actor, group_id, permission, what)
    meeting = session.get(Meeting, meeting_id)
    assert meeting is not None
    return meeting


def require_groups(
    session: Session, actor: Actor, group_ids: Iterable[int], permission: Permission, what: str
) -> None:
    """``require_group`` for each group (in id order, so the first refusal is predictable)."""
    for group_id in sorted(set(group_ids)):
        require_group(session, actor, group_id, permission, what)
