"""Erasure ends a person's involvement: what it removes, and what is still owed to them.

Called inside the erasure's transaction (``gdpr_erasure.erase_in_transaction``): the person
is recorded as having left (a status-history row that says only "Record erased"), their open
roles end, their shifts after today come off the rota (those shifts show as gaps again),
their seats on planned panels after today go, their places on cohorts not finished are
withdrawn, they come off meeting groups' lists and the facilitators of groups, of meetings
after today and of cohorts not finished, and their marks (apologies) for meetings after
today go. What already happened stays, anonymous, so the figures still count it.

``erasure_preview`` says the same beforehand, with the money approved or waiting that is
not paid yet: those lines and claims stay (the group still owes it), so the coordinator is
told to pay it before erasing or accept it is paid to "Erased person 123".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from involve_desktop.core.models.cohorts import Cohort, CohortFacilitator, Enrolment
from involve_desktop.core.models.meetings import (
    Meeting,
    MeetingAttendance,
    MeetingFacilitator,
    MeetingGroupFacilitator,
    MeetingGroupMember,
)
from involve_desktop.core.models.panels import Panel, PanelSeat
from involve_desktop.core.models.payments import ExpenseClaim, PayLine
from involve_desktop.core.models.people import Member, MemberRole, StatusChange
from involve_desktop.core.models.rota import RotaAssignment, RotaShift
from involve_desktop.core.services.cohorts_dto import OPEN_PLACES, CohortStatus, EnrolmentState
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberStatus
from involve_desktop.core.services.panels_dto import PanelStatus
from involve_desktop.core.services.payments_dto import PayStatus

ERASED_REASON = "Record erased"  # the only words left in their status history and withdrawals


@dataclass(frozen=True)
class EndedInvolvement:
    """What erasing someone ends (counts only: nothing here says who they were)."""

    open_roles: int
    future_shifts: int
    future_panel_seats: int
    open_enrolments: int
    group_places: int  # meeting group lists and facilitating still to come
    future_marks: int  # apologies (or other marks) for meetings after today

    def as_audit(self) -> dict[str, int]:
        """The counts for the erasure's audit entry."""
        return {
            "roles ended": self.open_roles,
            "shifts after today removed": self.future_shifts,
            "panel seats after today removed": self.future_panel_seats,
            "cohort places withdrawn": self.open_enrolments,
            "group lists and facilitating left": self.group_places,
            "marks for meetings after today removed": self.future_marks,
        }


def _open_roles(member_id: int, today: date):  # noqa: ANN202 - a where clause
    return (
        MemberRole.member_id == member_id,
        or_(MemberRole.end_on.is_(None), MemberRole.end_on >= today),
    )


def _future_shifts(member_id: int, today: date):  # noqa: ANN202 - a select of ids
    return (
        select(RotaAssignment.id)
        .join(RotaShift, RotaShift.id == RotaAssignment.shift_id)
        .where(RotaAssignment.member_id == member_id, RotaShift.day > today)
    )


def _future_seats(member_id: int, today: date):  # noqa: ANN202 - a select of ids
    return (
        select(PanelSeat.id)
        .join(Panel, Panel.id == PanelSeat.panel_id)
        .where(
            PanelSeat.member_id == member_id,
            Panel.status == PanelStatus.PLANNED.value,
            Panel.day > today,
        )
    )


def _open_enrolments(member_id: int):  # noqa: ANN202 - a select of enrolments
    return (
        select(Enrolment)
        .join(Cohort, Cohort.id == Enrolment.cohort_id)
        .where(
            Enrolment.member_id == member_id,
            Enrolment.state.in_(OPEN_PLACES),
            Cohort.status != CohortStatus.FINISHED.value,
        )
    )


def _group_places(member_id: int, today: date) -> list:
    """Selects of the ids of each place on a list they would leave (see the module text)."""
    return [
        select(MeetingGroupMember.id).where(MeetingGroupMember.member_id == member_id),
        select(MeetingGroupFacilitator.id).where(MeetingGroupFacilitator.member_id == member_id),
        select(MeetingFacilitator.id)
        .join(Meeting, Meeting.id == MeetingFacilitator.meeting_id)
        .where(MeetingFacilitator.member_id == member_id, Meeting.day > today),
        select(CohortFacilitator.id)
        .join(Cohort, Cohort.id == CohortFacilitator.cohort_id)
        .where(
            CohortFacilitator.member_id == member_id,
            Cohort.status != CohortStatus.FINISHED.value,
        ),
    ]


_PLACE_MODELS = (MeetingGroupMember, MeetingGroupFacilitator, MeetingFacilitator, CohortFacilitator)


def _future_marks(member_id: int, today: date):  # noqa: ANN202 - a select of ids
    return (
        select(MeetingAttendance.id)
        .join(Meeting, Meeting.id == MeetingAttendance.meeting_id)
        .where(MeetingAttendance.member_id == member_id, Meeting.day > today)
    )


def _count(session: Session, query) -> int:  # noqa: ANN001 - any select
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0


def ended_involvement(session: Session, member_id: int, today: date) -> EndedInvolvement:
    """What erasing ``member_id`` today would end (nothing is changed)."""
    return EndedInvolvement(
        open_roles=_count(session, select(MemberRole.id).where(*_open_roles(member_id, today))),
        future_shifts=_count(session, _future_shifts(member_id, today)),
        future_panel_seats=_count(session, _future_seats(member_id, today)),
        open_enrolments=_count(session, _open_enrolments(member_id)),
        group_places=sum(_count(session, query) for query in _group_places(member_id, today)),
        future_marks=_count(session, _future_marks(member_id, today)),
    )


def unpaid_pence(session: Session, member_id: int) -> tuple[int, int]:
    """(approved and not paid, waiting for approval) in pence: pay lines and claims together."""
    approved = waiting = 0
    for model in (PayLine, ExpenseClaim):
        rows = session.execute(
            select(model.status, func.coalesce(func.sum(model.amount_pence), 0))
            .where(
                model.member_id == member_id,
                model.status.in_([PayStatus.APPROVED.value, PayStatus.PENDING.value]),
            )
            .group_by(model.status)
        )
        for status, pence in rows:
            if status == PayStatus.APPROVED.value:
                approved += int(pence)
            else:
                waiting += int(pence)
    return approved, waiting


def end_involvement(
    session: Session, actor: Actor, member: Member, today: date
) -> EndedInvolvement:
    """Record them as left and end what is still to come (see the module text).

    Run after their own rows' free text was cleared, so the words written here stay.
    """
    ended = ended_involvement(session, member.id, today)
    yesterday = today - timedelta(days=1)
    for role in session.scalars(select(MemberRole).where(*_open_roles(member.id, today))):
        if role.start_on >= today:
            session.delete(role)  # never held: nothing to keep
        else:
            role.end_on = yesterday
    session.execute(
        delete(RotaAssignment)
        .where(RotaAssignment.id.in_(_future_shifts(member.id, today)))
        .execution_options(synchronize_session=False)
    )
    session.execute(
        delete(PanelSeat)
        .where(PanelSeat.id.in_(_future_seats(member.id, today)))
        .execution_options(synchronize_session=False)
    )
    for model, ids in zip(_PLACE_MODELS, _group_places(member.id, today), strict=True):
        session.execute(
            delete(model).where(model.id.in_(ids)).execution_options(synchronize_session=False)
        )
    session.execute(
        delete(MeetingAttendance)
        .where(MeetingAttendance.id.in_(_future_marks(member.id, today)))
        .execution_options(synchronize_session=False)
    )
    for place in session.scalars(_open_enrolments(member.id)):
        place.state = EnrolmentState.WITHDRAWN.value
        place.withdrawn_on = max(today, place.applied_on)
        place.withdrawn_reason = ERASED_REASON
    if member.status != MemberStatus.LEFT.value:
        member.status = MemberStatus.LEFT.value
        member.left_on = max(today, member.date_joined)
        member.check_in_on = None
        session.add(
            StatusChange(
                member_id=member.id,
                status=MemberStatus.LEFT.value,
                effective_on=member.left_on,
                reason=ERASED_REASON,
                recorded_by=actor.display_name,
            )
        )
    session.flush()
    return ended
