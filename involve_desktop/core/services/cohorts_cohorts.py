"""Cohorts of a programme: add, change, delete a mistake, list, and who runs them.

Each cohort owns a closed meeting group (kind leadership_cohort) named "<programme> —
<cohort>": its sessions are the group's meetings (``cohorts_sessions``), its enrolled people
the group's members (``cohorts_enrolment``), so attendance is taken with the meetings
attendance entry and sign-in sheet. Linking a facilitator account to the cohort
(``set_cohort_accounts``) lets it see the cohort and take attendance at its sessions.
Coordinators only for changes (MANAGE_COHORTS); every change is audited (entity ``cohort``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.cohorts import Cohort, CohortFacilitator, Enrolment, Programme
from involve_desktop.core.models.meetings import Meeting, MeetingAttendance, MeetingGroup
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit, meetings_groups
from involve_desktop.core.services.cohorts_access import (
    MANAGE,
    SEE,
    load_programme,
    require_cohort,
    visible_cohort_ids,
)
from involve_desktop.core.services.cohorts_dto import (
    CohortInfo,
    CohortInput,
    CohortStatus,
    EnrolmentState,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import GroupDetail, GroupKind
from involve_desktop.core.services.record_version import check_version
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.core.services.transaction import require, transaction

MAX_CAPACITY = 500


def group_name(programme: str, cohort: str) -> str:
    """The cohort's meeting group name: "Peer Leadership Programme — Cohort 4"."""
    return f"{programme} — {cohort}"


def cohort_infos(session: Session, rows: Sequence[Cohort]) -> list[CohortInfo]:
    """DTOs for cohort rows (sessions and enrolment counts read in two queries)."""
    ids = [row.id for row in rows]
    groups = [row.meeting_group_id for row in rows]
    sessions: dict[int, int] = {}
    states: Counter[tuple[int, str]] = Counter()
    if ids:
        sessions = dict(
            session.execute(
                select(Meeting.group_id, func.count())
                .where(Meeting.group_id.in_(groups), Meeting.cancelled.is_(False))
                .group_by(Meeting.group_id)
            ).all()
        )
        for cohort_id, state, n in session.execute(
            select(Enrolment.cohort_id, Enrolment.state, func.count())
            .where(Enrolment.cohort_id.in_(ids))
            .group_by(Enrolment.cohort_id, Enrolment.state)
        ):
            states[(cohort_id, state)] = n
    names = dict(
        session.execute(
            select(Programme.id, Programme.name).where(
                Programme.id.in_({row.programme_id for row in rows})
            )
        ).all()
    )
    return [
        CohortInfo(
            row.id,
            row.programme_id,
            names.get(row.programme_id, ""),
            row.name,
            row.start_on,
            row.end_on,
            row.venue,
            row.capacity,
            CohortStatus(row.status),
            row.meeting_group_id,
            sessions.get(row.meeting_group_id, 0),
            states[(row.id, EnrolmentState.ENROLLED.value)],
            states[(row.id, EnrolmentState.WAITING.value)],
            states[(row.id, EnrolmentState.COMPLETED.value)],
            states[(row.id, EnrolmentState.WITHDRAWN.value)],
            version=row.version,
        )
        for row in rows
    ]


def cohort_info(session: Session, row: Cohort) -> CohortInfo:
    """DTO for one cohort row."""
    return cohort_infos(session, [row])[0]


YEARS_BACK = 10  # an older start is a typing slip (past cohorts may be recorded afterwards)


def _values(session: Session, data: CohortInput, cohort: Cohort | None, today: date) -> dict:
    programme = load_programme(session, data.programme_id)
    if cohort is not None and cohort.programme_id != programme.id:
        raise ValidationError("programme_id", "A cohort stays with its programme.")
    if cohort is None and programme.archived:
        raise ValidationError(
            "programme_id", f"{programme.name} is archived; bring it back to add cohorts."
        )
    name = validation.required_text("name", "Cohort name", data.name, 60)
    query = select(Cohort.id).where(
        Cohort.programme_id == programme.id, func.lower(Cohort.name) == name.lower()
    )
    if cohort is not None:
        query = query.where(Cohort.id != cohort.id)
    if session.scalar(query) is not None:
        raise ValidationError(
            "name", f"{programme.name} already has a cohort called {name!r} — use another name."
        )
    group = group_name(programme.name, name)
    if len(group) > 100:
        raise ValidationError(
            "name", "The programme and cohort names together are too long: shorten the cohort name."
        )
    taken = select(MeetingGroup.id).where(func.lower(MeetingGroup.name) == group.lower())
    if cohort is not None:
        taken = taken.where(MeetingGroup.id != cohort.meeting_group_id)
    if session.scalar(taken) is not None:
        raise ValidationError(
            "name", f"There is already a group called {group!r} — use another cohort name."
        )
    if not isinstance(data.start_on, date):
        raise ValidationError("start_on", "Give the day the cohort starts — e.g. 3 Mar 2026.")
    validation.within_years(
        data.start_on, "start_on", "The cohort's start", today, back=YEARS_BACK, ahead=3
    )
    if data.end_on is not None and data.end_on < data.start_on:
        raise ValidationError("end_on", "The end date must be on or after the start date.")
    capacity = data.capacity
    if capacity is not None and (
        not isinstance(capacity, int) or not 1 <= capacity <= MAX_CAPACITY
    ):
        raise ValidationError(
            "capacity", f"Places must be a whole number from 1 to {MAX_CAPACITY}, or blank."
        )
    try:
        status = CohortStatus(data.status)
    except ValueError:
        raise ValidationError("status", "Choose planned, running or finished.") from None
    return {
        "name": name,
        "start_on": data.start_on,
        "end_on": data.end_on,
        "venue": validation.optional_text(data.venue, 500, "venue", "Venue"),
        "capacity": capacity,
        "status": status.value,
        "group": group,
    }


SESSIONS_TAB = "cancel it or change its day on the Sessions tab first"


def _session_days(session: Session, group_id: int) -> list[date]:
    """The days of the cohort's sessions that are not cancelled, earliest first."""
    return list(
        session.scalars(
            select(Meeting.day)
            .where(Meeting.group_id == group_id, Meeting.cancelled.is_(False))
            .order_by(Meeting.day)
        )
    )


def contradictions(
    status: CohortStatus, start_on: date, end_on: date | None, day: date, today: date
) -> list[str]:
    """The rules a session on ``day`` (not cancelled) breaks for a cohort with this status
    and these dates, most telling first: "start" (held before the start, or before a planned
    cohort's start), "end" (held after the end), "planned" (held while the cohort is still
    planned), "finished" (still to come though the cohort is finished). A held session is
    one on or before ``today``."""
    held = day <= today
    rules = {
        "start": day < start_on and (held or status is CohortStatus.PLANNED),
        "end": held and end_on is not None and day > end_on,
        "planned": held and status is CohortStatus.PLANNED,
        "finished": not held and status is CohortStatus.FINISHED,
    }
    return [rule for rule, broken in rules.items() if broken]


def refuse_contradiction(
    session: Session,
    row: Cohort,
    today: date,
    *,
    status: CohortStatus | None = None,
    start_on: date | None = None,
    end_on: date | None = None,
) -> None:
    """Refuse a cohort status, start or end (None: unchanged status or start; no end) that
    its sessions contradict (the rules: ``contradictions``; a session added, moved or
    reinstated is checked by ``cohorts_sessions`` with the same rules). Only a changed
    value is checked, so an old record whose sessions already contradict it can still be
    edited. The refusal names the session in the way and what to do on the Sessions tab
    (a "held" session that never took place may be one planned from a mistyped start)."""
    name, now = row.name, CohortStatus(row.status)
    status, start = status or now, start_on or row.start_on
    days = _session_days(session, row.meeting_group_id)
    broken: dict[str, list[date]] = {"start": [], "end": [], "planned": [], "finished": []}
    for day in days:
        for rule in contradictions(status, start, end_on, day, today):
            broken[rule].append(day)
    early = broken["start"][0] if broken["start"] else None
    if early is not None and early <= today and start != row.start_on:
        raise ValidationError(
            "start_on",
            f"The first session was held on {format_date(early)}: the start must be on or "
            f"before that day — or, if it did not take place, {SESSIONS_TAB}.",
        )
    if broken["end"] and end_on != row.end_on:
        raise ValidationError(
            "end_on",
            f"A session was held on {format_date(broken['end'][-1])}: the end must be on or "
            f"after that day — or, if it did not take place, {SESSIONS_TAB}.",
        )
    if broken["planned"] and status is not now:
        raise ValidationError(
            "status",
            f"{name} has held sessions (the first on {format_date(broken['planned'][0])}), so "
            "it cannot go back to planned: choose running or finished — or, if they did not "
            "take place, cancel them or change their days on the Sessions tab first.",
        )
    to_come = broken["finished"]
    if to_come and status is not now:
        raise ValidationError(
            "status",
            f"{name} has {plural(len(to_come), 'session')} still to come (the next on "
            f"{format_date(to_come[0])}): to finish early, cancel "
            f"{'it' if len(to_come) == 1 else 'them'} on the Sessions tab first, or keep "
            "it running.",
        )
    if early is not None and (start != row.start_on or status is not now):
        # planned, with a session to come before the start
        raise ValidationError(
            "start_on" if start != row.start_on else "status",
            f"{name} is planned and its first session is on {format_date(early)}, before "
            f"the start: the start must be on or before that day — or {SESSIONS_TAB}.",
        )


def _refuse_contradictions(session: Session, row: Cohort, values: dict, today: date) -> None:
    """Refuse a change that contradicts what has happened: fewer places than people with
    one, or a start, end or status the sessions contradict (``refuse_contradiction``)."""
    capacity = values["capacity"]
    if capacity is not None and capacity != row.capacity:
        counts = dict(
            session.execute(
                select(Enrolment.state, func.count())
                .where(
                    Enrolment.cohort_id == row.id,
                    Enrolment.state.in_(
                        [EnrolmentState.ENROLLED.value, EnrolmentState.COMPLETED.value]
                    ),
                )
                .group_by(Enrolment.state)
            ).all()
        )
        taken = sum(counts.values())
        if capacity < taken:
            who = (
                f"{plural(taken, 'person is', 'people are')} enrolled"
                if not counts.get(EnrolmentState.COMPLETED.value)
                else f"{plural(taken, 'person has', 'people have')} a place (enrolled or graduated)"
            )
            raise ValidationError(
                "capacity",
                f"{who}; places must be at least {taken}, or withdraw people first.",
            )
    refuse_contradiction(
        session,
        row,
        today,
        status=CohortStatus(values["status"]),
        start_on=values["start_on"],
        end_on=values["end_on"],
    )


def create_cohort(
    session: Session, actor: Actor, data: CohortInput, *, today: date | None = None
) -> CohortInfo:
    """Add a cohort and its meeting group (no sessions yet: see ``cohorts_sessions``)."""
    require(session, actor, Permission.MANAGE_COHORTS, MANAGE)
    with transaction(session):
        values = _values(session, data, None, today or date.today())
        group = MeetingGroup(
            name=values.pop("group"),
            kind=GroupKind.LEADERSHIP_COHORT.value,
            venue=values["venue"],
            open_membership=False,
            schedule="none",
            skip_bank_holidays=True,
        )
        session.add(group)
        session.flush()
        row = Cohort(programme_id=data.programme_id, meeting_group_id=group.id, **values)
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "create",
            "cohort",
            row.id,
            audit.created_fields(values) | {"group": group.name},
        )
        info = cohort_info(session, row)
    return info


def update_cohort(
    session: Session,
    actor: Actor,
    cohort_id: int,
    data: CohortInput,
    *,
    today: date | None = None,
    expected_version: int | None = None,
) -> CohortInfo:
    """Change a cohort's details (``expected_version``: the version the edit started from).

    A new venue goes onto its sessions still to come that had
    the old one; sessions already held keep theirs. A change that contradicts what has
    happened is refused (``_refuse_contradictions``): fewer places than people with one, a
    start after the first session held (or, while planned, after its first session), an
    end before the last held, back to planned once a session was held, finished while
    sessions are still to come."""
    row = require_cohort(session, actor, cohort_id, Permission.MANAGE_COHORTS, MANAGE)
    with transaction(session):
        check_version(row, expected_version, what=f"the cohort {row.name}", by=actor)
        values = _values(session, data, row, today or date.today())
        _refuse_contradictions(session, row, values, today or date.today())
        group = session.get(MeetingGroup, row.meeting_group_id)
        assert group is not None
        group.name = values.pop("group")
        old_venue = row.venue
        before = {key: getattr(row, key) for key in values}
        for key, value in values.items():
            setattr(row, key, value)
        if old_venue != row.venue:
            group.venue = row.venue
            for meeting in session.scalars(
                select(Meeting).where(
                    Meeting.group_id == group.id,
                    Meeting.day > (today or date.today()),
                    Meeting.venue.is_not_distinct_from(old_venue),
                )
            ):
                meeting.venue = row.venue
        changes = audit.changes_between(before, values)
        if changes:
            audit.record(session, actor, "update", "cohort", row.id, changes)
        info = cohort_info(session, row)
    return info


def set_cohort_status(
    session: Session,
    actor: Actor,
    cohort_id: int,
    status: CohortStatus,
    *,
    today: date | None = None,
) -> CohortInfo:
    """Mark a cohort planned, running or finished (a finished cohort takes no applications).
    Refused when the sessions contradict it (``refuse_contradiction``): planned once a
    session was held, finished while sessions are still to come (cancel those first)."""
    row = require_cohort(session, actor, cohort_id, Permission.MANAGE_COHORTS, MANAGE)
    try:
        wanted = CohortStatus(status)
    except ValueError:
        raise ValidationError("status", "Choose planned, running or finished.") from None
    with transaction(session):
        refuse_contradiction(session, row, today or date.today(), status=wanted, end_on=row.end_on)
        if row.status != wanted.value:
            audit.record(
                session, actor, "update", "cohort", row.id, {"status": [row.status, wanted.value]}
            )
            row.status = wanted.value
        info = cohort_info(session, row)
    return info


def delete_cohort(session: Session, actor: Actor, cohort_id: int) -> None:
    """Delete a cohort added by mistake, with its group and sessions; refused once anyone is
    enrolled or any attendance is recorded (its history is kept)."""
    row = require_cohort(session, actor, cohort_id, Permission.MANAGE_COHORTS, MANAGE)
    with transaction(session):
        if session.scalar(
            select(Enrolment.id)
            .where(
                Enrolment.cohort_id == row.id,
                Enrolment.state.in_(
                    [
                        EnrolmentState.ENROLLED.value,
                        EnrolmentState.COMPLETED.value,
                        EnrolmentState.WITHDRAWN.value,
                    ]
                ),
            )
            .limit(1)
        ) or session.scalar(
            select(MeetingAttendance.id)
            .join(Meeting, Meeting.id == MeetingAttendance.meeting_id)
            .where(Meeting.group_id == row.meeting_group_id)
            .limit(1)
        ):
            raise ValidationError(
                "cohort", f"{row.name} has people enrolled or attendance recorded, so it is kept."
            )
        group = session.get(MeetingGroup, row.meeting_group_id)
        audit.record(session, actor, "delete", "cohort", row.id, {"name": row.name})
        session.delete(row)
        session.flush()
        for meeting in session.scalars(select(Meeting).where(Meeting.group_id == group.id)):
            session.delete(meeting)
        session.flush()
        session.delete(group)


def get_cohort(session: Session, actor: Actor, cohort_id: int) -> CohortInfo:
    """One cohort (facilitators: only cohorts they are linked to)."""
    row = require_cohort(session, actor, cohort_id, Permission.VIEW_COHORTS, SEE)
    return cohort_info(session, row)


def list_cohorts(
    session: Session,
    actor: Actor,
    programme_id: int | None = None,
    *,
    statuses: Iterable[CohortStatus] | None = None,
) -> list[CohortInfo]:
    """Cohorts newest first (one programme, or all): every cohort for coordinators, a
    facilitator's own cohorts."""
    require(session, actor, Permission.VIEW_COHORTS, SEE)
    query = select(Cohort).order_by(Cohort.start_on.desc(), Cohort.id.desc())
    if programme_id is not None:
        query = query.where(Cohort.programme_id == programme_id)
    if statuses is not None:
        query = query.where(Cohort.status.in_([CohortStatus(s).value for s in statuses]))
    visible = visible_cohort_ids(session, actor)
    if visible is not None:
        query = query.where(Cohort.id.in_(visible))
    return cohort_infos(session, list(session.scalars(query)))


def set_cohort_accounts(
    session: Session, actor: Actor, cohort_id: int, account_ids: Iterable[int]
) -> GroupDetail:
    """Link exactly these accounts to the cohort's group: a facilitator account then sees
    the cohort and takes attendance at its sessions."""
    row = require_cohort(session, actor, cohort_id, Permission.MANAGE_COHORTS, MANAGE)
    return meetings_groups.set_group_accounts(session, actor, row.meeting_group_id, account_ids)


def facilitator_member_ids(session: Session, cohort_id: int) -> set[int]:
    """The members facilitating a cohort (outside people left out)."""
    return set(
        session.scalars(
            select(CohortFacilitator.member_id).where(
                CohortFacilitator.cohort_id == cohort_id, CohortFacilitator.member_id.is_not(None)
            )
        )
    )
