"""Where graduates go: the pathway view per programme, and each member's involvement items.

Per graduate of a programme (one row per graduation): the cohort they graduated from, the
later cohorts (of any programme) they co-facilitated, the held recruitment panels they sat
on in a lived-experience seat after graduating (only for accounts that may see panels), and
the management council they joined after graduating (put on a council group's members
list on or after their graduation day).

In the involvement history (this module registers a provider; it is in
``involvement.PROVIDER_MODULES``): "Graduated: Peer Leadership Programme, Cohort 2", each
session co-facilitated ("Co-facilitated Cohort 4 session: Peer Leadership Programme") and
each session attended ("Attended Cohort 4 session: Peer Leadership Programme"), only for
the cohorts the account may see (``cohorts_access.visible_cohort_ids``). The meetings
provider leaves cohort sessions to this one.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from involve_desktop.core.models.cohorts import Cohort, CohortFacilitator, Enrolment, Programme
from involve_desktop.core.models.meetings import (
    Meeting,
    MeetingAttendance,
    MeetingFacilitator,
    MeetingGroup,
    MeetingGroupMember,
)
from involve_desktop.core.models.panels import Panel, PanelSeat
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import involvement
from involve_desktop.core.services.cohorts_access import SEE, load_programme, visible_cohort_ids
from involve_desktop.core.services.cohorts_dto import (
    EnrolmentState,
    GraduatePathway,
    PanelAfter,
    ProgrammePathways,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import AttendanceState, GroupKind
from involve_desktop.core.services.meetings_people import name_order, names_of
from involve_desktop.core.services.panels_dto import PanelStatus, SeatKind
from involve_desktop.core.services.transaction import permitted, require

AREA = "Leadership programmes"


def pathways(session: Session, actor: Actor, programme_id: int) -> ProgrammePathways:
    """Every graduate of the programme and what they went on to do (see the module
    docstring), newest graduates first. A facilitator sees only the graduates of the
    cohorts they may see, and only those cohorts among the ones co-facilitated since
    (``limited`` says so)."""
    require(session, actor, Permission.VIEW_COHORTS, SEE)
    programme = load_programme(session, programme_id)
    visible = visible_cohort_ids(session, actor)
    query = (
        select(Enrolment.member_id, Enrolment.graduated_on, Cohort.id, Cohort.name)
        .join(Cohort, Cohort.id == Enrolment.cohort_id)
        .where(
            Cohort.programme_id == programme.id,
            Enrolment.state == EnrolmentState.COMPLETED.value,
            Enrolment.graduated_on.is_not(None),
        )
    )
    if visible is not None:
        query = query.where(Cohort.id.in_(visible))
    grads = session.execute(query).all()
    people = {g.member_id for g in grads}
    names = names_of(session, people)
    led: dict[int, list[tuple[date, int, str]]] = defaultdict(list)
    panels: dict[int, list[PanelAfter]] = defaultdict(list)
    councils: dict[int, list[tuple[str, date]]] = defaultdict(list)
    show_panels = permitted(session, actor, Permission.VIEW_PANELS)
    if people:
        for member_id, start, cohort_id, prog, cohort in session.execute(
            select(
                CohortFacilitator.member_id, Cohort.start_on, Cohort.id, Programme.name, Cohort.name
            )
            .join(Cohort, Cohort.id == CohortFacilitator.cohort_id)
            .join(Programme, Programme.id == Cohort.programme_id)
            .where(
                CohortFacilitator.member_id.in_(people),
                true() if visible is None else Cohort.id.in_(visible),
            )
            .order_by(Cohort.start_on, Cohort.id)
        ):
            led[member_id].append((start, cohort_id, f"{prog}, {cohort}"))
        if show_panels:
            for member_id, day, post in session.execute(
                select(PanelSeat.member_id, Panel.day, Panel.post_title)
                .join(Panel, Panel.id == PanelSeat.panel_id)
                .where(
                    PanelSeat.member_id.in_(people),
                    PanelSeat.kind == SeatKind.LIVED_EXPERIENCE.value,
                    Panel.status == PanelStatus.HELD.value,
                )
                .order_by(Panel.day, Panel.id)
            ):
                panels[member_id].append(PanelAfter(day, post))
        for member_id, name, added in session.execute(
            select(MeetingGroupMember.member_id, MeetingGroup.name, MeetingGroupMember.added_on)
            .join(MeetingGroup, MeetingGroup.id == MeetingGroupMember.group_id)
            .where(
                MeetingGroupMember.member_id.in_(people),
                MeetingGroup.kind == GroupKind.MANAGEMENT_COUNCIL.value,
            )
            .order_by(MeetingGroupMember.added_on)
        ):
            councils[member_id].append((name, added))
    rows = [
        GraduatePathway(
            member_id,
            names.get(member_id, ""),
            cohort_id,
            cohort_name,
            on,
            tuple(t for start, c, t in led[member_id] if c != cohort_id and start >= on),
            tuple(p for p in panels[member_id] if p.day > on) if show_panels else None,
            tuple((n, added) for n, added in councils[member_id] if added >= on),
        )
        for member_id, on, cohort_id, cohort_name in grads
    ]
    rows.sort(key=lambda r: (-r.graduated_on.toordinal(), *name_order(r.name, r.member_id)))
    return ProgrammePathways(
        programme.id,
        programme.name,
        tuple(rows),
        sum(1 for r in rows if r.cofacilitated),
        sum(1 for r in rows if r.panels) if show_panels else None,
        sum(1 for r in rows if r.council),
        limited=visible is not None,
    )


@involvement.provides
def cohorts_involvement(
    session: Session, actor: Actor, member_id: int
) -> list[involvement.InvolvementItem]:
    """Involvement-history provider: graduations, cohort sessions co-facilitated and
    attended (sessions held, not cancelled), for the cohorts the account may see (none
    without VIEW_COHORTS)."""
    if not permitted(session, actor, Permission.VIEW_COHORTS):
        return []
    visible = visible_cohort_ids(session, actor)
    if visible == set():
        return []

    def seen(query: Any) -> Any:
        return query if visible is None else query.where(Cohort.id.in_(visible))

    items = [
        involvement.InvolvementItem(on, AREA, f"Graduated: {programme}, {cohort}")
        for on, programme, cohort in session.execute(
            seen(
                select(Enrolment.graduated_on, Programme.name, Cohort.name)
                .join(Cohort, Cohort.id == Enrolment.cohort_id)
                .join(Programme, Programme.id == Cohort.programme_id)
                .where(
                    Enrolment.member_id == member_id,
                    Enrolment.state == EnrolmentState.COMPLETED.value,
                    Enrolment.graduated_on.is_not(None),
                )
            )
        )
    ]
    base = seen(
        select(Meeting.id, Meeting.day, Programme.name, Cohort.name)
        .join(Cohort, Cohort.meeting_group_id == Meeting.group_id)
        .join(Programme, Programme.id == Cohort.programme_id)
        .where(Meeting.cancelled.is_(False), Meeting.day <= date.today())
    )
    states = dict(
        session.execute(
            seen(
                select(MeetingAttendance.meeting_id, MeetingAttendance.state)
                .join(Meeting, Meeting.id == MeetingAttendance.meeting_id)
                .join(Cohort, Cohort.meeting_group_id == Meeting.group_id)
                .where(MeetingAttendance.member_id == member_id)
            )
        ).all()
    )
    led = set()
    for meeting_id, day, programme, cohort in session.execute(
        base.join(MeetingFacilitator, MeetingFacilitator.meeting_id == Meeting.id).where(
            MeetingFacilitator.member_id == member_id
        )
    ):
        if states.get(meeting_id) != AttendanceState.APOLOGIES.value:
            led.add(meeting_id)
            items.append(
                involvement.InvolvementItem(
                    day, AREA, f"Co-facilitated {cohort} session: {programme}"
                )
            )
    present = [m for m, s in states.items() if s == AttendanceState.PRESENT.value and m not in led]
    if present:
        for _, day, programme, cohort in session.execute(base.where(Meeting.id.in_(present))):
            items.append(
                involvement.InvolvementItem(day, AREA, f"Attended {cohort} session: {programme}")
            )
    return items
