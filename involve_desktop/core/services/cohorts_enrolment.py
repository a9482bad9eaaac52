"""Places on a cohort: applied → offered → enrolled → completed / withdrawn, and the waiting
list.

- ``apply``: an active member applies (not to a finished cohort). Someone who withdrew
  may apply again: their place row starts over as an application, keeping the day and
  reason of the withdrawal and the day they were enrolled (the earlier steps' days are on
  the audit trail).
- ``offer``: someone who applied, or is on the waiting list, is offered a place.
- ``enrol``: someone offered a place (or on the waiting list) takes it. When every place
  is taken (enrolled or completed), they go on the waiting list instead (state waiting,
  in order of the day they joined it). The waiting list is taken in order: someone waiting
  can be offered or given a place only when no one is ahead of them.
- ``withdraw``: anyone not yet completed withdraws, with a date and an optional reason.
  Their row and their attendance stay. When an enrolled person withdraws, a place comes
  free and the result names who is next on the waiting list — **they are not offered it
  automatically**: someone asks them first, then offers (``offer``) or enrols them.
- Completion is recorded by graduation (``cohorts_progress.graduate``).

Enrolled and completed people are the cohort group's members list (so they are the names
printed on sign-in sheets); withdrawing takes them off it. Each step's date may not be
before the step before it. Coordinators only (MANAGE_COHORTS); audited (``enrolment``).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.cohorts import Cohort, CohortFacilitator, Enrolment
from involve_desktop.core.models.meetings import MeetingGroupMember
from involve_desktop.core.models.people import Member
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.cohorts_access import MANAGE, SEE, require_cohort
from involve_desktop.core.services.cohorts_dto import (
    CohortStatus,
    EnrolmentInfo,
    EnrolmentState,
    EnrolResult,
    WithdrawResult,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.erased_people import refuse_erased
from involve_desktop.core.services.meetings_dto import PersonRef
from involve_desktop.core.services.meetings_people import name_order, names_of
from involve_desktop.core.services.transaction import require, transaction

S = EnrolmentState
PLACE_TAKEN = (S.ENROLLED.value, S.COMPLETED.value)
STATE_ORDER = {
    s: i
    for i, s in enumerate([S.ENROLLED, S.COMPLETED, S.OFFERED, S.WAITING, S.APPLIED, S.WITHDRAWN])
}


def waiting_order(session: Session, cohort_id: int) -> list[Enrolment]:
    """The waiting list, first in line first (by the day they joined it, then id)."""
    return list(
        session.scalars(
            select(Enrolment)
            .where(Enrolment.cohort_id == cohort_id, Enrolment.state == S.WAITING.value)
            .order_by(Enrolment.waiting_on, Enrolment.id)
        )
    )


def enrolment_infos(session: Session, cohort_id: int) -> list[EnrolmentInfo]:
    """Everyone with a place or asking for one: enrolled, completed, offered, waiting (in
    line order), applied, then withdrawn; alphabetical within each."""
    rows = list(session.scalars(select(Enrolment).where(Enrolment.cohort_id == cohort_id)))
    names = names_of(session, {r.member_id for r in rows})
    position = {r.id: n for n, r in enumerate(waiting_order(session, cohort_id), start=1)}
    infos = [_info(r, names.get(r.member_id, ""), position.get(r.id)) for r in rows]
    return sorted(
        infos,
        key=lambda e: (STATE_ORDER[e.state], e.waiting_position or 0, *name_order(e.name, e.id)),
    )


def _info(row: Enrolment, name: str, position: int | None) -> EnrolmentInfo:
    return EnrolmentInfo(
        row.id,
        row.cohort_id,
        row.member_id,
        name,
        S(row.state),
        row.applied_on,
        row.offered_on,
        row.waiting_on,
        row.enrolled_on,
        row.withdrawn_on,
        row.withdrawn_reason,
        row.graduated_on,
        position,
    )


def enrolment_info(session: Session, row: Enrolment) -> EnrolmentInfo:
    """DTO for one enrolment row (its place in line when waiting)."""
    position = None
    if row.state == S.WAITING.value:
        ahead = session.scalar(
            select(func.count()).where(
                Enrolment.cohort_id == row.cohort_id,
                Enrolment.state == S.WAITING.value,
                or_(
                    Enrolment.waiting_on < row.waiting_on,
                    and_(Enrolment.waiting_on == row.waiting_on, Enrolment.id < row.id),
                ),
            )
        )
        position = (ahead or 0) + 1
    return _info(row, _name(session, row.member_id), position)


def list_enrolments(session: Session, actor: Actor, cohort_id: int) -> list[EnrolmentInfo]:
    """A cohort's applicants, participants, waiting list and withdrawals."""
    require_cohort(session, actor, cohort_id, Permission.VIEW_COHORTS, SEE)
    return enrolment_infos(session, cohort_id)


def places_taken(session: Session, cohort_id: int) -> int:
    """Places taken: enrolled or completed."""
    return (
        session.scalar(
            select(func.count()).where(
                Enrolment.cohort_id == cohort_id, Enrolment.state.in_(PLACE_TAKEN)
            )
        )
        or 0
    )


def _load(session: Session, actor: Actor, enrolment_id: int) -> tuple[Cohort, Enrolment]:
    cohort_id = session.scalar(select(Enrolment.cohort_id).where(Enrolment.id == enrolment_id))
    if cohort_id is None:
        require(session, actor, Permission.MANAGE_COHORTS, MANAGE)
        raise NotFound("That place is no longer in the records. Refresh the list.")
    cohort = require_cohort(session, actor, cohort_id, Permission.MANAGE_COHORTS, MANAGE)
    row = session.get(Enrolment, enrolment_id)
    assert row is not None
    return cohort, row


def _after(on: date, earlier: date | None, what: str) -> None:
    if earlier is not None and on < earlier:
        raise ValidationError("on", f"That date is before {what} ({format_date(earlier)}).")


def _refuse(row: Enrolment, name: str, doing: str, allowed: tuple[EnrolmentState, ...]) -> None:
    if S(row.state) not in allowed:
        raise ValidationError(
            "state", f"{name} is {S(row.state).label.lower()}, so they cannot be {doing}."
        )


def _first_in_line(session: Session, row: Enrolment, name: str) -> None:
    """Refuse taking someone off the waiting list while someone else is ahead of them."""
    if row.state != S.WAITING.value:
        return
    first = waiting_order(session, row.cohort_id)[0]
    if first.id != row.id:
        ahead = _name(session, first.member_id)
        raise ValidationError(
            "state",
            f"{ahead} is ahead of {name} on the waiting list: offer them the place first "
            "(or withdraw them if they no longer want it).",
        )


def _name(session: Session, member_id: int) -> str:
    return names_of(session, [member_id]).get(member_id, "")


def _record(session: Session, actor: Actor, row: Enrolment, old: str | None, changes: dict) -> None:
    audit.record(
        session,
        actor,
        "create" if old is None else "update",
        "enrolment",
        row.id,
        {"cohort_id": row.cohort_id, "member_id": row.member_id, "state": [old, row.state]}
        | changes,
    )


def apply(
    session: Session,
    actor: Actor,
    cohort_id: int,
    member_id: int,
    *,
    on: date | None = None,
) -> EnrolmentInfo:
    """Record that a member applied for a place (``on``: default today)."""
    cohort = require_cohort(session, actor, cohort_id, Permission.MANAGE_COHORTS, MANAGE)
    day = on or date.today()
    with transaction(session):
        member = session.get(Member, member_id)
        if member is None:
            raise ValidationError("member_id", "That person is no longer in the members list.")
        refuse_erased(session, [member_id], "member_id", "enrolled on a cohort")
        name = _name(session, member_id)
        if member.status == "left":
            raise ValidationError("member_id", f"{name} has left the group.")
        if cohort.status == CohortStatus.FINISHED.value:
            raise ValidationError("cohort", f"{cohort.name} has finished.")
        existing = session.scalar(
            select(Enrolment).where(
                Enrolment.cohort_id == cohort.id, Enrolment.member_id == member_id
            )
        )
        if existing is not None and existing.state != S.WITHDRAWN.value:
            raise ValidationError(
                "member_id",
                f"{name} is already on {cohort.name} ({S(existing.state).label.lower()}).",
            )
        if session.scalar(
            select(CohortFacilitator.id).where(
                CohortFacilitator.cohort_id == cohort.id, CohortFacilitator.member_id == member_id
            )
        ):
            raise ValidationError("member_id", f"{name} facilitates {cohort.name}.")
        if existing is not None:
            return _apply_again(session, actor, existing, name, day)
        row = Enrolment(
            cohort_id=cohort.id, member_id=member_id, state=S.APPLIED.value, applied_on=day
        )
        session.add(row)
        session.flush()
        _record(session, actor, row, None, {"applied_on": day.isoformat()})
        info = enrolment_info(session, row)
    return info


def _apply_again(
    session: Session, actor: Actor, row: Enrolment, name: str, day: date
) -> EnrolmentInfo:
    """Someone who withdrew applies again: their one place row on the cohort (one per
    person and cohort) starts over as an application on ``day``. The withdrawal's day and
    reason and the day they were enrolled before stay on the row (shown as the earlier
    place; a new enrolment replaces that day), but the annual report, like the Cohorts
    list, counts a withdrawal only while the place is still withdrawn. The earlier
    application, offer and waiting days go onto the audit trail; their attendance stays."""
    _after(day, row.withdrawn_on, "they withdrew")
    earlier = {
        "earlier_applied_on": row.applied_on,
        "earlier_offered_on": row.offered_on,
        "earlier_waiting_on": row.waiting_on,
    }
    row.state, row.applied_on = S.APPLIED.value, day
    row.offered_on = row.waiting_on = None
    _record(
        session,
        actor,
        row,
        S.WITHDRAWN.value,
        {"applied_on": day.isoformat(), "applied_again": True}
        | {key: value.isoformat() for key, value in earlier.items() if value is not None},
    )
    session.flush()
    return enrolment_info(session, row)


def offer(
    session: Session, actor: Actor, enrolment_id: int, *, on: date | None = None
) -> EnrolmentInfo:
    """Offer a place to someone who applied or is on the waiting list."""
    cohort, row = _load(session, actor, enrolment_id)
    day = on or date.today()
    with transaction(session):
        name = _name(session, row.member_id)
        _refuse(row, name, "offered a place", (S.APPLIED, S.WAITING))
        _first_in_line(session, row, name)
        _after(day, row.waiting_on or row.applied_on, "they applied or joined the waiting list")
        old, row.state, row.offered_on = row.state, S.OFFERED.value, day
        _record(session, actor, row, old, {"offered_on": day.isoformat()})
        info = enrolment_info(session, row)
    return info


def enrol(
    session: Session, actor: Actor, enrolment_id: int, *, on: date | None = None
) -> EnrolResult:
    """Enrol someone offered a place (or on the waiting list). When the cohort is full they
    go on the waiting list instead (someone already waiting stays in their place)."""
    cohort, row = _load(session, actor, enrolment_id)
    day = on or date.today()
    with transaction(session):
        name = _name(session, row.member_id)
        _refuse(row, name, "enrolled", (S.OFFERED, S.WAITING))
        _first_in_line(session, row, name)
        _after(day, row.offered_on or row.waiting_on or row.applied_on, "the step before")
        old = row.state
        full = cohort.capacity is not None and places_taken(session, cohort.id) >= cohort.capacity
        if full:
            if row.state == S.WAITING.value:
                raise ValidationError(
                    "state",
                    f"All {cohort.capacity} places on {cohort.name} are taken; {name} stays "
                    "on the waiting list.",
                )
            row.state, row.waiting_on = S.WAITING.value, day
            _record(session, actor, row, old, {"waiting_on": day.isoformat()})
            info = enrolment_info(session, row)
            message = (
                f"All {cohort.capacity} places on {cohort.name} are taken: {name} is number "
                f"{info.waiting_position} on the waiting list."
            )
        else:
            row.state, row.enrolled_on = S.ENROLLED.value, day
            if _group_member_id(session, cohort, row) is None:
                session.add(
                    MeetingGroupMember(
                        group_id=cohort.meeting_group_id, member_id=row.member_id, added_on=day
                    )
                )
            _record(session, actor, row, old, {"enrolled_on": day.isoformat()})
            info = enrolment_info(session, row)
            message = f"{name} is enrolled on {cohort.name}."
    return EnrolResult(info, message)


def _group_member_id(session: Session, cohort: Cohort, row: Enrolment) -> int | None:
    return session.scalar(
        select(MeetingGroupMember.id).where(
            MeetingGroupMember.group_id == cohort.meeting_group_id,
            MeetingGroupMember.member_id == row.member_id,
        )
    )


def withdraw(
    session: Session,
    actor: Actor,
    enrolment_id: int,
    *,
    on: date | None = None,
    reason: str | None = None,
) -> WithdrawResult:
    """Withdraw someone (not once completed); their attendance stays. When a place comes
    free, the result names the next person on the waiting list (not offered automatically)."""
    cohort, row = _load(session, actor, enrolment_id)
    day = on or date.today()
    clean = validation.optional_text(reason, 500, "reason", "Reason")
    with transaction(session):
        name = _name(session, row.member_id)
        _refuse(row, name, "withdrawn", (S.APPLIED, S.OFFERED, S.WAITING, S.ENROLLED))
        _after(  # the latest step (someone applying again keeps their earlier enrolment day)
            day,
            max(d for d in (row.enrolled_on, row.offered_on, row.waiting_on, row.applied_on) if d),
            "the step before",
        )
        old = row.state
        freed = old == S.ENROLLED.value
        row.state, row.withdrawn_on, row.withdrawn_reason = S.WITHDRAWN.value, day, clean
        if freed:
            session.execute(
                delete(MeetingGroupMember).where(
                    MeetingGroupMember.group_id == cohort.meeting_group_id,
                    MeetingGroupMember.member_id == row.member_id,
                )
            )
        _record(session, actor, row, old, {"withdrawn_on": day.isoformat(), "reason": clean})
        session.flush()
        info = enrolment_info(session, row)
        waiting = waiting_order(session, cohort.id)
        following = (
            PersonRef(waiting[0].member_id, _name(session, waiting[0].member_id))
            if freed and waiting
            else None
        )
    message = f"{name} has withdrawn from {cohort.name}."
    if following is not None:
        message += (
            f" A place is free: {following.name} is next on the waiting list — ask them, then "
            "offer them the place."
        )
    elif freed:
        message += " A place is free."
    return WithdrawResult(info, freed, following, message)
