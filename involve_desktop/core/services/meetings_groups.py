"""Groups that meet: details and schedule, members, facilitators, linked accounts, closed days.

Coordinators (MANAGE_MEETING_GROUPS) set groups up: details, schedule, facilitators and the
accounts that run each group. Accounts linked to a group (and coordinators) keep its members
list and closed days (RUN_MEETINGS). Names are unique ignoring case. A group with meetings
is archived, never deleted, so its history stays; an archived group gets no new meetings.
Every change is audited (entity ``meeting_group``).

A leadership programme cohort's group (kind leadership_cohort) belongs to the cohort
services: it is made there, and its details, members (the people enrolled) and facilitators
are changed only there; here it is left out of ``list_groups`` unless asked for, and the
changes above are refused. Its closed days and linked accounts are kept here as for any
group.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.accounts import Account
from involve_desktop.core.models.meetings import (
    Meeting,
    MeetingGroup,
    MeetingGroupAccount,
    MeetingGroupClosedDate,
    MeetingGroupFacilitator,
    MeetingGroupMember,
)
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.erased_people import refuse_erased
from involve_desktop.core.services.meetings_access import (
    require_group,
    require_plan_change,
    visible_group_ids,
)
from involve_desktop.core.services.meetings_dto import (
    AccountRef,
    ClosedDayInfo,
    GroupDetail,
    GroupInfo,
    GroupInput,
    GroupKind,
    ScheduleInfo,
    ScheduleKind,
)
from involve_desktop.core.services.meetings_people import checked_members, listed, people
from involve_desktop.core.services.meetings_schedule import describe_schedule, schedule_values
from involve_desktop.core.services.record_version import check_version
from involve_desktop.core.services.transaction import require, transaction

MANAGE = "change groups"
RUN = "change this group"
COHORT_GROUP = (
    "{name} is a leadership programme cohort: change it, its people and its facilitators "
    "under Leadership programmes."
)


def refuse_cohort_group(row: MeetingGroup) -> None:
    """Refuse a plain-group change to a cohort's group (the cohort services keep it)."""
    if row.kind == GroupKind.LEADERSHIP_COHORT.value:
        raise ValidationError("group", COHORT_GROUP.format(name=row.name))


def schedule_info(row: MeetingGroup) -> ScheduleInfo:
    """The schedule of a group row."""
    return ScheduleInfo(
        ScheduleKind(row.schedule),
        row.start_time,
        row.end_time,
        row.weekday,
        row.nth,
        row.anchor_on,
        row.valid_from,
        row.valid_to,
        row.skip_bank_holidays,
    )


def group_info(row: MeetingGroup, member_count: int) -> GroupInfo:
    """DTO for a group row."""
    schedule = schedule_info(row)
    return GroupInfo(
        row.id,
        row.name,
        GroupKind(row.kind),
        row.venue,
        row.open_membership,
        schedule,
        describe_schedule(schedule),
        row.archived,
        member_count,
        version=row.version,
    )


def _member_count(session: Session, group_id: int) -> int:
    return session.scalar(select(func.count()).where(MeetingGroupMember.group_id == group_id)) or 0


def _values(session: Session, data: GroupInput, group_id: int | None, today: date) -> dict:
    name = validation.required_text("name", "Group name", data.name, 100)
    query = select(MeetingGroup.id).where(func.lower(MeetingGroup.name) == name.lower())
    if group_id is not None:
        query = query.where(MeetingGroup.id != group_id)
    if session.scalar(query) is not None:
        raise ValidationError(
            "name", f"There is already a group called {name!r} — use another name."
        )
    try:
        kind = GroupKind(data.kind)
    except ValueError:
        kind = None
    if kind is None or kind is GroupKind.LEADERSHIP_COHORT:
        raise ValidationError(
            "kind", "Choose peer support group, management council, forum, workshop or other."
        )
    return {
        "name": name,
        "kind": kind.value,
        "venue": validation.optional_text(data.venue, 500, "venue", "Venue"),
        "open_membership": bool(data.open_membership),
        **schedule_values(data.schedule, today),
    }


def create_group(
    session: Session, actor: Actor, data: GroupInput, *, today: date | None = None
) -> GroupInfo:
    """Add a group (no meetings yet: generate them, or add one-off meetings)."""
    require(session, actor, Permission.MANAGE_MEETING_GROUPS, MANAGE)
    with transaction(session):
        values = _values(session, data, None, today or date.today())
        row = MeetingGroup(**values)
        session.add(row)
        session.flush()
        audit.record(
            session, actor, "create", "meeting_group", row.id, audit.created_fields(values)
        )
        info = group_info(row, 0)
    return info


def update_group(
    session: Session,
    actor: Actor,
    group_id: int,
    data: GroupInput,
    *,
    today: date | None = None,
    expected_version: int | None = None,
) -> GroupInfo:
    """Change a group's details or schedule; meetings already made stay exactly as they are.

    ``expected_version``: the version the edit started from (RecordChanged if it moved on).
    """
    require_group(session, actor, group_id, Permission.MANAGE_MEETING_GROUPS, MANAGE)
    with transaction(session):
        row = _group(session, group_id)
        refuse_cohort_group(row)
        check_version(row, expected_version, what=f"the group {row.name}", by=actor)
        values = _values(session, data, group_id, today or date.today())
        before = {key: getattr(row, key) for key in values}
        for key, value in values.items():
            setattr(row, key, value)
        changes = audit.changes_between(before, values)
        if changes:
            audit.record(session, actor, "update", "meeting_group", row.id, changes)
        info = group_info(row, _member_count(session, group_id))
    return info


def archive_group(
    session: Session, actor: Actor, group_id: int, archived: bool = True
) -> GroupInfo:
    """Archive a group (no new meetings; its history stays) or bring it back."""
    require_group(session, actor, group_id, Permission.MANAGE_MEETING_GROUPS, MANAGE)
    with transaction(session):
        row = _group(session, group_id)
        refuse_cohort_group(row)
        if row.archived != archived:
            audit.record(
                session,
                actor,
                "update",
                "meeting_group",
                row.id,
                {"archived": [row.archived, archived]},
            )
            row.archived = archived
        info = group_info(row, _member_count(session, group_id))
    return info


def delete_group(session: Session, actor: Actor, group_id: int) -> None:
    """Delete a group made by mistake; refused once it has meetings (archive it instead)."""
    require_group(session, actor, group_id, Permission.MANAGE_MEETING_GROUPS, MANAGE)
    with transaction(session):
        row = _group(session, group_id)
        refuse_cohort_group(row)
        if session.scalar(select(Meeting.id).where(Meeting.group_id == group_id).limit(1)):
            raise ValidationError(
                "group", f"{row.name} has meetings, so it is kept: archive it instead."
            )
        audit.record(session, actor, "delete", "meeting_group", row.id, {"name": row.name})
        session.delete(row)


def _group(session: Session, group_id: int) -> MeetingGroup:
    row = session.get(MeetingGroup, group_id)
    if row is None:
        raise NotFound("That group is no longer in the records. Refresh the list.")
    return row


def list_groups(
    session: Session,
    actor: Actor,
    include_archived: bool = False,
    *,
    include_cohorts: bool = False,
) -> list[GroupInfo]:
    """Groups in name order: every group for coordinators, a facilitator's own groups.

    Leadership programme cohorts' groups are left out unless ``include_cohorts`` (they are
    kept under Leadership programmes).
    """
    require(session, actor, Permission.VIEW_MEETINGS, "see meetings")
    visible = visible_group_ids(session, actor)
    query = select(MeetingGroup).order_by(func.lower(MeetingGroup.name), MeetingGroup.id)
    if not include_archived:
        query = query.where(MeetingGroup.archived.is_(False))
    if not include_cohorts:
        query = query.where(MeetingGroup.kind != GroupKind.LEADERSHIP_COHORT.value)
    if visible is not None:
        query = query.where(MeetingGroup.id.in_(visible))
    counts = dict(
        session.execute(
            select(MeetingGroupMember.group_id, func.count()).group_by(MeetingGroupMember.group_id)
        ).all()
    )
    return [group_info(row, counts.get(row.id, 0)) for row in session.scalars(query)]


def get_group(session: Session, actor: Actor, group_id: int) -> GroupDetail:
    """A group with its members, facilitators, linked accounts and closed days."""
    row = require_group(session, actor, group_id, Permission.VIEW_MEETINGS, "see this group")
    member_ids = session.scalars(
        select(MeetingGroupMember.member_id).where(MeetingGroupMember.group_id == group_id)
    )
    facilitator_ids = group_facilitator_ids(session, group_id)
    accounts = session.execute(
        select(Account.id, Account.display_name, Account.role)
        .join(MeetingGroupAccount, MeetingGroupAccount.account_id == Account.id)
        .where(MeetingGroupAccount.group_id == group_id)
        .order_by(func.lower(Account.display_name), Account.id)
    )
    closed = session.scalars(
        select(MeetingGroupClosedDate)
        .where(MeetingGroupClosedDate.group_id == group_id)
        .order_by(MeetingGroupClosedDate.day)
    )
    members = people(session, member_ids)
    return GroupDetail(
        group_info(row, len(members)),
        members,
        people(session, facilitator_ids),
        tuple(AccountRef(id_, name, role) for id_, name, role in accounts),
        tuple(ClosedDayInfo(c.id, c.group_id, c.day, c.note) for c in closed),
    )


def group_facilitator_ids(session: Session, group_id: int) -> list[int]:
    """The members who usually facilitate the group."""
    return list(
        session.scalars(
            select(MeetingGroupFacilitator.member_id).where(
                MeetingGroupFacilitator.group_id == group_id
            )
        )
    )


def _replace_links(
    session: Session, model: type, group_id: int, column: str, wanted: set[int], **extra: object
) -> tuple[set[int], set[int]]:
    """Make the group's rows of ``model`` exactly ``wanted``; returns (added, removed)."""
    key = getattr(model, column)
    current = set(session.scalars(select(key).where(model.group_id == group_id)))
    added, removed = wanted - current, current - wanted
    if removed:
        session.execute(delete(model).where(model.group_id == group_id, key.in_(removed)))
    for value in sorted(added):
        session.add(model(group_id=group_id, **{column: value}, **extra))
    return added, removed


def _record_people_change(
    session: Session,
    actor: Actor,
    group_id: int,
    label: str,
    names: dict[int, str],
    added: Iterable[int],
    removed: Iterable[int],
) -> None:
    changes = {}
    if added:
        changes[f"{label} added"] = listed(names[i] for i in added)
    if removed:
        changes[f"{label} removed"] = listed(names[i] for i in removed)
    if changes:
        audit.record(session, actor, "update", "meeting_group", group_id, changes)


def set_group_members(
    session: Session,
    actor: Actor,
    group_id: int,
    member_ids: Iterable[int],
    *,
    today: date | None = None,
) -> GroupDetail:
    """Make the group's members list exactly ``member_ids`` (a closed group's members; the
    regulars of an open one)."""
    require_group(session, actor, group_id, Permission.RUN_MEETINGS, RUN)
    wanted = set(member_ids)
    with transaction(session):
        refuse_cohort_group(_group(session, group_id))
        current = set(
            session.scalars(
                select(MeetingGroupMember.member_id).where(MeetingGroupMember.group_id == group_id)
            )
        )
        names = checked_members(session, wanted | current)
        refuse_erased(session, wanted - current, "members", "put on a group's list")
        added, removed = _replace_links(
            session,
            MeetingGroupMember,
            group_id,
            "member_id",
            wanted,
            added_on=today or date.today(),
        )
        _record_people_change(session, actor, group_id, "members", names, added, removed)
    return get_group(session, actor, group_id)


def set_group_facilitators(
    session: Session, actor: Actor, group_id: int, member_ids: Iterable[int]
) -> GroupDetail:
    """Make the group's usual facilitators exactly ``member_ids`` (copied onto new meetings;
    meetings already made keep theirs)."""
    require_group(session, actor, group_id, Permission.MANAGE_MEETING_GROUPS, MANAGE)
    wanted = set(member_ids)
    with transaction(session):
        refuse_cohort_group(_group(session, group_id))
        current = set(group_facilitator_ids(session, group_id))
        names = checked_members(session, wanted | current, "facilitators")
        refuse_erased(session, wanted - current, "facilitators", "made a facilitator")
        added, removed = _replace_links(
            session, MeetingGroupFacilitator, group_id, "member_id", wanted
        )
        _record_people_change(session, actor, group_id, "facilitators", names, added, removed)
    return get_group(session, actor, group_id)


def set_group_accounts(
    session: Session, actor: Actor, group_id: int, account_ids: Iterable[int]
) -> GroupDetail:
    """Link exactly these accounts to the group: a facilitator account may then run the
    group's meetings, attendance and sign-in sheets (and no other group's)."""
    require_group(session, actor, group_id, Permission.MANAGE_MEETING_GROUPS, MANAGE)
    wanted = set(account_ids)
    with transaction(session):
        _group(session, group_id)
        current = set(
            session.scalars(
                select(MeetingGroupAccount.account_id).where(
                    MeetingGroupAccount.group_id == group_id
                )
            )
        )
        names = dict(
            session.execute(
                select(Account.id, Account.display_name).where(Account.id.in_(wanted | current))
            ).all()
        )
        if not wanted <= set(names):
            raise ValidationError("accounts", "Choose accounts from the list.")
        added, removed = _replace_links(
            session, MeetingGroupAccount, group_id, "account_id", wanted
        )
        _record_people_change(session, actor, group_id, "accounts", names, added, removed)
    return get_group(session, actor, group_id)


def add_closed_day(
    session: Session, actor: Actor, group_id: int, day: date, note: str | None = None
) -> ClosedDayInfo:
    """Mark a day the group does not meet: no meeting is generated that day (a meeting
    already made is left for someone to cancel, with a reason)."""
    require_plan_change(
        session, actor, require_group(session, actor, group_id, Permission.RUN_MEETINGS, RUN)
    )
    clean = validation.optional_text(note, 200, "note", "Note")
    with transaction(session):
        group = _group(session, group_id)
        exists = session.scalar(
            select(MeetingGroupClosedDate.id).where(
                MeetingGroupClosedDate.group_id == group_id, MeetingGroupClosedDate.day == day
            )
        )
        if exists is not None:
            raise ValidationError(
                "day", f"{group.name} already does not meet on {format_date(day)}."
            )
        row = MeetingGroupClosedDate(group_id=group_id, day=day, note=clean)
        session.add(row)
        session.flush()
        audit.record(
            session, actor, "update", "meeting_group", group_id, {"closed": format_date(day)}
        )
        info = ClosedDayInfo(row.id, row.group_id, row.day, row.note)
    return info


def remove_closed_day(session: Session, actor: Actor, closed_id: int) -> None:
    """The group meets again on a day marked closed."""
    group_id = session.scalar(
        select(MeetingGroupClosedDate.group_id).where(MeetingGroupClosedDate.id == closed_id)
    )
    if group_id is None:
        require(session, actor, Permission.RUN_MEETINGS, RUN)
        return
    require_plan_change(
        session, actor, require_group(session, actor, group_id, Permission.RUN_MEETINGS, RUN)
    )
    with transaction(session):
        row = session.get(MeetingGroupClosedDate, closed_id)
        if row is None:
            return
        audit.record(
            session,
            actor,
            "update",
            "meeting_group",
            row.group_id,
            {"reopened": format_date(row.day)},
        )
        session.delete(row)
