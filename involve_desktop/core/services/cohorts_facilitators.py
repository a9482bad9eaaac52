"""Who facilitates a cohort, graduate co-facilitators, and suggestions for a new cohort.

A facilitator is a member or an outside person (name and job title, e.g. trust staff).
A member facilitator is a **graduate co-facilitator** when they graduated from an earlier
cohort (of any programme) before this cohort starts — worked out every time, never stored.
Member facilitators are also the cohort group's usual facilitators, so they are copied onto
sessions made later, and they are put on (or taken off) the sessions still to come; past
sessions keep who facilitated them.

**Suggestions** for a programme's new cohort: active graduates, of this programme first,
then of other programmes; among those, who has co-facilitated least recently — never
first, then the longest since the start of the last cohort they co-facilitated, then
fewest cohorts, then name — each with the reason in words.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.cohorts import Cohort, CohortFacilitator, Enrolment, Programme
from involve_desktop.core.models.meetings import (
    Meeting,
    MeetingFacilitator,
    MeetingGroupFacilitator,
)
from involve_desktop.core.models.people import Member
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.cohorts_access import (
    MANAGE,
    SEE,
    load_cohort,
    load_programme,
    require_cohort,
)
from involve_desktop.core.services.cohorts_dto import (
    OPEN_PLACES,
    CofacilitatorSuggestion,
    EnrolmentState,
    FacilitatorInfo,
    FacilitatorInput,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_people import name_order, names_of
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.core.services.transaction import require, transaction
from involve_desktop.core.text import sort_key


@dataclass(frozen=True)
class Graduation:
    """One graduation: who, when, from which cohort."""

    member_id: int
    graduated_on: date
    cohort_id: int
    cohort_start: date
    programme_id: int
    title: str  # "Peer Leadership Programme, Cohort 2"


def graduations(
    session: Session, member_ids: set[int] | None = None
) -> dict[int, list[Graduation]]:
    """Every graduation (of the given members, or everyone), oldest first per person."""
    query = (
        select(
            Enrolment.member_id,
            Enrolment.graduated_on,
            Cohort.id,
            Cohort.start_on,
            Programme.id,
            Programme.name,
            Cohort.name,
        )
        .join(Cohort, Cohort.id == Enrolment.cohort_id)
        .join(Programme, Programme.id == Cohort.programme_id)
        .where(
            Enrolment.state == EnrolmentState.COMPLETED.value, Enrolment.graduated_on.is_not(None)
        )
        .order_by(Enrolment.graduated_on, Cohort.id)
    )
    if member_ids is not None:
        if not member_ids:
            return {}
        query = query.where(Enrolment.member_id.in_(member_ids))
    found: dict[int, list[Graduation]] = defaultdict(list)
    for member_id, on, cohort_id, start, programme_id, programme, cohort in session.execute(query):
        found[member_id].append(
            Graduation(member_id, on, cohort_id, start, programme_id, f"{programme}, {cohort}")
        )
    return found


def earlier_graduation(grads: list[Graduation], cohort: Cohort) -> Graduation | None:
    """The first graduation from another cohort before ``cohort`` starts, if any."""
    return next(
        (g for g in grads if g.cohort_id != cohort.id and g.graduated_on < cohort.start_on), None
    )


def facilitator_infos(session: Session, cohort: Cohort) -> tuple[FacilitatorInfo, ...]:
    """A cohort's facilitators: members first (graduate co-facilitators marked), then outside
    people, each alphabetical."""
    rows = list(
        session.scalars(select(CohortFacilitator).where(CohortFacilitator.cohort_id == cohort.id))
    )
    members = {r.member_id for r in rows if r.member_id is not None}
    names = names_of(session, members)
    grads = graduations(session, members)
    infos = []
    for r in rows:
        earlier = earlier_graduation(grads.get(r.member_id, []), cohort) if r.member_id else None
        infos.append(
            FacilitatorInfo(
                r.id,
                cohort.id,
                r.member_id,
                names.get(r.member_id, "") if r.member_id else r.outside_name or "",
                r.job_title,
                earlier is not None,
                earlier.title if earlier else None,
            )
        )
    return tuple(sorted(infos, key=lambda f: (f.member_id is None, *name_order(f.name, f.id))))


def list_facilitators(
    session: Session, actor: Actor, cohort_id: int
) -> tuple[FacilitatorInfo, ...]:
    """A cohort's facilitators."""
    cohort = require_cohort(session, actor, cohort_id, Permission.VIEW_COHORTS, SEE)
    return facilitator_infos(session, cohort)


def _future_sessions(session: Session, cohort: Cohort, today: date) -> list[int]:
    return list(
        session.scalars(
            select(Meeting.id).where(
                Meeting.group_id == cohort.meeting_group_id,
                Meeting.day >= today,
                Meeting.cancelled.is_(False),
            )
        )
    )


def add_facilitator(
    session: Session,
    actor: Actor,
    cohort_id: int,
    data: FacilitatorInput,
    *,
    today: date | None = None,
) -> FacilitatorInfo:
    """Add a facilitator: a member (put on the sessions to come), or an outside person."""
    cohort = require_cohort(session, actor, cohort_id, Permission.MANAGE_COHORTS, MANAGE)
    day = today or date.today()
    with transaction(session):
        if data.member_id is not None:
            member = session.get(Member, data.member_id)
            if member is None:
                raise ValidationError(
                    "member_id", "That person is no longer in the members list. Refresh."
                )
            if member.status == "left":
                raise ValidationError("member_id", f"{member.full_name} has left the group.")
            if session.scalar(
                select(CohortFacilitator.id).where(
                    CohortFacilitator.cohort_id == cohort.id,
                    CohortFacilitator.member_id == member.id,
                )
            ):
                raise ValidationError(
                    "member_id", f"{member.full_name} already facilitates {cohort.name}."
                )
            if session.scalar(
                select(Enrolment.id).where(
                    Enrolment.cohort_id == cohort.id,
                    Enrolment.member_id == member.id,
                    Enrolment.state.in_(OPEN_PLACES),
                )
            ):
                raise ValidationError(
                    "member_id",
                    f"{member.full_name} has a place on {cohort.name}; a participant cannot "
                    "facilitate their own cohort.",
                )
            row = CohortFacilitator(cohort_id=cohort.id, member_id=member.id)
            session.add(
                MeetingGroupFacilitator(group_id=cohort.meeting_group_id, member_id=member.id)
            )
            taken = set(
                session.scalars(
                    select(MeetingFacilitator.meeting_id).where(
                        MeetingFacilitator.member_id == member.id
                    )
                )
            )
            session.add_all(
                MeetingFacilitator(meeting_id=m, member_id=member.id)
                for m in _future_sessions(session, cohort, day)
                if m not in taken
            )
            label = names_of(session, [member.id])[member.id]
        else:
            name = validation.required_text(
                "outside_name", "Name (or choose a member)", data.outside_name, 200
            )
            job = validation.optional_text(data.job_title, 200, "job_title", "Job title")
            outside = session.scalars(
                select(CohortFacilitator.outside_name).where(
                    CohortFacilitator.cohort_id == cohort.id,
                    CohortFacilitator.member_id.is_(None),
                )
            )
            if any(sort_key(other or "") == sort_key(name) for other in outside):
                raise ValidationError("outside_name", f"{name} already facilitates {cohort.name}.")
            row = CohortFacilitator(cohort_id=cohort.id, outside_name=name, job_title=job)
            label = name + (f" ({job})" if job else "")
        session.add(row)
        session.flush()
        audit.record(session, actor, "update", "cohort", cohort.id, {"facilitator added": label})
        info = next(f for f in facilitator_infos(session, cohort) if f.id == row.id)
    return info


def remove_facilitator(
    session: Session, actor: Actor, facilitator_id: int, *, today: date | None = None
) -> None:
    """Take someone off a cohort's facilitators (and off its sessions still to come)."""
    cohort_id = session.scalar(
        select(CohortFacilitator.cohort_id).where(CohortFacilitator.id == facilitator_id)
    )
    if cohort_id is None:
        require(session, actor, Permission.MANAGE_COHORTS, MANAGE)
        raise NotFound("That facilitator is no longer on the cohort. Refresh the list.")
    cohort = require_cohort(session, actor, cohort_id, Permission.MANAGE_COHORTS, MANAGE)
    with transaction(session):
        row = session.get(CohortFacilitator, facilitator_id)
        assert row is not None
        if row.member_id is not None:
            label = names_of(session, [row.member_id]).get(row.member_id, "")
            session.execute(
                delete(MeetingGroupFacilitator).where(
                    MeetingGroupFacilitator.group_id == cohort.meeting_group_id,
                    MeetingGroupFacilitator.member_id == row.member_id,
                )
            )
            future = _future_sessions(session, cohort, today or date.today())
            if future:
                session.execute(
                    delete(MeetingFacilitator).where(
                        MeetingFacilitator.member_id == row.member_id,
                        MeetingFacilitator.meeting_id.in_(future),
                    )
                )
        else:
            label = row.outside_name or ""
        audit.record(session, actor, "update", "cohort", cohort.id, {"facilitator removed": label})
        session.delete(row)


def cofacilitations(session: Session) -> dict[int, list[tuple[date, str]]]:
    """Every cohort each member has facilitated: (cohort start, "Programme, Cohort")."""
    found: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for member_id, start, programme, cohort in session.execute(
        select(CohortFacilitator.member_id, Cohort.start_on, Programme.name, Cohort.name)
        .join(Cohort, Cohort.id == CohortFacilitator.cohort_id)
        .join(Programme, Programme.id == Cohort.programme_id)
        .where(CohortFacilitator.member_id.is_not(None))
        .order_by(Cohort.start_on)
    ):
        found[member_id].append((start, f"{programme}, {cohort}"))
    return found


def suggest_cofacilitators(
    session: Session,
    actor: Actor,
    programme_id: int,
    *,
    cohort_id: int | None = None,
    today: date | None = None,
) -> list[CofacilitatorSuggestion]:
    """Graduates who could co-facilitate a cohort of the programme, best first (see the
    module docstring). With ``cohort_id``: graduated before it starts, and not already
    facilitating it or holding a place on it."""
    require(session, actor, Permission.MANAGE_COHORTS, MANAGE)
    programme = load_programme(session, programme_id)
    before = today or date.today()
    excluded: set[int] = set()
    if cohort_id is not None:
        cohort = load_cohort(session, cohort_id)
        before = cohort.start_on
        excluded = set(
            session.scalars(
                select(CohortFacilitator.member_id).where(
                    CohortFacilitator.cohort_id == cohort.id,
                    CohortFacilitator.member_id.is_not(None),
                )
            )
        ) | set(
            session.scalars(
                select(Enrolment.member_id).where(
                    Enrolment.cohort_id == cohort.id, Enrolment.state.in_(OPEN_PLACES)
                )
            )
        )
    grads = graduations(session)
    active = (
        set(
            session.scalars(
                select(Member.id).where(Member.id.in_(set(grads)), Member.status == "active")
            )
        )
        if grads
        else set()
    )
    names = names_of(session, active)
    done = cofacilitations(session)
    found = []
    for member_id in active - excluded:
        earlier = [g for g in grads[member_id] if g.graduated_on <= before]
        if not earlier:
            continue
        own = [g for g in earlier if g.programme_id == programme.id]
        grad = (own or earlier)[0]
        history = done.get(member_id, [])
        last = history[-1] if history else None
        reason = f"Graduated from {grad.title} ({format_date(grad.graduated_on)})"
        if last is None:
            reason += "; has not co-facilitated a cohort yet"
        else:
            reason += (
                f"; last co-facilitated {last[1]} (from {format_date(last[0])}), "
                f"{plural(len(history), 'cohort')} in all"
            )
        found.append(
            CofacilitatorSuggestion(
                member_id,
                names[member_id],
                grad.title,
                grad.graduated_on,
                bool(own),
                last[0] if last else None,
                len(history),
                reason,
            )
        )
    return sorted(
        found,
        key=lambda s: (
            not s.same_programme,
            s.last_cofacilitated is not None,
            s.last_cofacilitated or date.min,
            s.times_cofacilitated,
            *name_order(s.name, s.member_id),
        ),
    )
