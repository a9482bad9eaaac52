"""The counts in the annual involvement report: one reporting year, counts and sums only.

Nothing here carries a name — of members, staff or accounts. Each area is counted in SQL
from its own tables: membership, the rota (shifts held, covered vs gaps), meetings, panels
(held, and how many met the lived-experience policy), leadership cohorts, payments (what is
paid and what is approved but still to pay, kept apart; totals in pence), the involvement
spread, and — when recorded — the 4PI activities and the leadership spectrum
self-assessments of the three years to the year's end. While the year is still running every
dated figure stops at today (``counted_to``): a meeting, panel, cohort, payment or activity
dated later is still to come, not "held".
Coordinators only (``VIEW_INVOLVEMENT``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, distinct, func, select
from sqlalchemy.orm import Session

from involve_desktop.core.models.cohorts import Cohort, Enrolment
from involve_desktop.core.models.meetings import Meeting, MeetingAttendance, MeetingGroup
from involve_desktop.core.models.panels import Panel, PanelSeat
from involve_desktop.core.models.payments import ExpenseClaim, PayLine
from involve_desktop.core.models.people import Member
from involve_desktop.core.models.rota import RotaAssignment, RotaShift
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.activities_summary import ActivitiesSummary, activities_summary
from involve_desktop.core.services.cohorts_dto import EnrolmentState
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.involvement_report import (
    ReportingYear,
    ReportNarrative,
    read_narrative,
)
from involve_desktop.core.services.involvement_spread import (
    COHORT_GROUP_KIND,
    InvolvementSpread,
    involvement_spread,
)
from involve_desktop.core.services.panels_policy import current_policy, lived_needed
from involve_desktop.core.services.spectrum_dto import SpectrumPeriodSummary
from involve_desktop.core.services.spectrum_summary import spectrum_summary
from involve_desktop.core.services.transaction import require

SEE = "see the annual involvement report"
PAID = "paid"  # money that has gone out
OWED = "approved"  # money agreed (approved) but not paid yet
SPECTRUM_YEARS = 3  # the leadership spectrum is shown over time: the 3 years to the year end


@dataclass(frozen=True)
class MembershipFigures:
    """Members now (active, stepping back), who joined or left during the year, and how
    many were members at the year's end (joined by then and not left by then)."""

    active: int
    stepping_back: int
    joined: int
    left: int
    at_end: int = 0


@dataclass(frozen=True)
class RotaFigures:
    """Shifts held up to the end of the year (or today), and how many had enough peers."""

    shifts: int
    covered: int
    gaps: int
    shifts_worked: int


@dataclass(frozen=True)
class MeetingFigures:
    """Meetings held (not cancelled, cohort sessions left out) and attendances at them."""

    held: int
    cancelled: int
    attendances: int
    people: int


@dataclass(frozen=True)
class PanelFigures:
    """Recruitment panels held, how many met the lived-experience policy, seats taken."""

    held: int
    met_policy: int
    lived_seats: int
    people: int


@dataclass(frozen=True)
class CohortFigures:
    """Leadership programme cohorts started in the year and places completed in it."""

    started: int
    places: int
    graduated: int
    withdrawn: int


@dataclass(frozen=True)
class PaymentFigures:
    """Involvement payments and expenses for the year's days: what has been paid, and what
    is approved but still to pay (``owed_…``), kept apart so approved money is never called
    paid. Lines waiting for approval are in neither."""

    people_paid: int
    pay_lines: int
    pay_pence: int
    expense_claims: int
    expenses_pence: int
    people_owed: int = 0
    owed_lines: int = 0
    owed_pence: int = 0
    owed_claims: int = 0
    owed_expenses_pence: int = 0

    @property
    def paid_total(self) -> int:
        """Payments and expenses paid, in pence."""
        return self.pay_pence + self.expenses_pence

    @property
    def owed_total(self) -> int:
        """Payments and expenses approved and still to pay, in pence."""
        return self.owed_pence + self.owed_expenses_pence


@dataclass(frozen=True)
class ReportFigures:
    """Everything the annual report prints, for one reporting year."""

    year: ReportingYear
    narrative: ReportNarrative
    membership: MembershipFigures
    rota: RotaFigures
    meetings: MeetingFigures
    panels: PanelFigures
    cohorts: CohortFigures
    payments: PaymentFigures
    spread: InvolvementSpread
    activities: ActivitiesSummary | None
    counted_to: date  # the year's last day, or today while the year is still running
    spectrum: SpectrumPeriodSummary | None = None  # the 3 years to the year's end
    today: date | None = None  # the day it was counted ("now" in "members active now")

    @property
    def year_is_over(self) -> bool:
        """The whole year is behind us: figures about "now" do not belong to it."""
        return self.today is not None and self.today > self.year.end


def _membership(session: Session, start: date, end: date) -> MembershipFigures:
    joined = Member.date_joined.between(start, end)
    left = Member.left_on.between(start, end)
    member_at_end = (Member.date_joined <= end) & (
        Member.left_on.is_(None) | (Member.left_on > end)
    )
    row = session.execute(
        select(
            func.count().filter(Member.status == "active"),
            func.count().filter(Member.status == "stepping_back"),
            func.count().filter(joined),
            func.count().filter(left),
            func.count().filter(member_at_end),
        ).where(Member.erased_at.is_(None))
    ).one()
    return MembershipFigures(*row)


def _rota(session: Session, start: date, end: date) -> RotaFigures:
    on = func.count(RotaAssignment.id).filter(
        func.coalesce(RotaAssignment.attendance, "worked") == "worked"
    )
    per_shift = (
        select(RotaShift.id, RotaShift.min_peers, on.label("on"))
        .outerjoin(RotaAssignment, RotaAssignment.shift_id == RotaShift.id)
        .where(RotaShift.cancelled.is_(False), RotaShift.day.between(start, end))
        .group_by(RotaShift.id, RotaShift.min_peers)
        .subquery()
    )
    shifts, covered, worked = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((per_shift.c.on >= per_shift.c.min_peers, 1), else_=0)), 0),
            func.coalesce(func.sum(per_shift.c.on), 0),
        )
    ).one()
    return RotaFigures(shifts, covered, shifts - covered, worked)


def _meetings(session: Session, start: date, end: date) -> MeetingFigures:
    ordinary = (
        select(Meeting.id, Meeting.cancelled)
        .join(MeetingGroup, MeetingGroup.id == Meeting.group_id)
        .where(Meeting.day.between(start, end), MeetingGroup.kind != COHORT_GROUP_KIND)
        .subquery()
    )
    held, cancelled = session.execute(
        select(
            func.count().filter(ordinary.c.cancelled.is_(False)),
            func.count().filter(ordinary.c.cancelled.is_(True)),
        )
    ).one()
    attendances, people = session.execute(
        select(func.count(), func.count(distinct(MeetingAttendance.member_id)))
        .join(ordinary, ordinary.c.id == MeetingAttendance.meeting_id)
        .where(ordinary.c.cancelled.is_(False), MeetingAttendance.state == "present")
    ).one()
    return MeetingFigures(held, cancelled, attendances, people)


def _panels(session: Session, start: date, end: date) -> PanelFigures:
    lived = PanelSeat.kind == "lived_experience"
    rows = session.execute(
        select(
            Panel.id,
            func.count(PanelSeat.id).filter(lived),
            func.count(PanelSeat.id).filter(~lived),
        )
        .outerjoin(PanelSeat, PanelSeat.panel_id == Panel.id)
        .where(Panel.status == "held", Panel.day.between(start, end))
        .group_by(Panel.id)
    ).all()
    policy = current_policy(session)
    people = session.execute(
        select(func.count(distinct(PanelSeat.member_id)))
        .join(Panel, Panel.id == PanelSeat.panel_id)
        .where(Panel.status == "held", Panel.day.between(start, end), lived)
    ).scalar_one()
    return PanelFigures(
        held=len(rows),
        met_policy=sum(1 for _id, lv, staff in rows if not lived_needed(lv, staff, policy)),
        lived_seats=sum(lv for _id, lv, _staff in rows),
        people=people,
    )


def _cohorts(session: Session, start: date, end: date) -> CohortFigures:
    started = select(Cohort.id).where(Cohort.start_on.between(start, end)).subquery()
    places = session.execute(
        select(func.count())
        .select_from(Enrolment)
        .join(started, started.c.id == Enrolment.cohort_id)
        .where(Enrolment.enrolled_on.is_not(None))
    ).scalar_one()
    # A withdrawal counts only while the place is still withdrawn, as on the Cohorts list:
    # someone who came back (applied again, perhaps graduated) keeps the old withdrawal's
    # day on their row but is not counted as having withdrawn as well.
    graduated, withdrawn = session.execute(
        select(
            func.count().filter(Enrolment.graduated_on.between(start, end)),
            func.count().filter(
                Enrolment.state == EnrolmentState.WITHDRAWN.value,
                Enrolment.withdrawn_on.between(start, end),
                Enrolment.enrolled_on.is_not(None),
            ),
        ).select_from(Enrolment)
    ).one()
    count = session.execute(select(func.count()).select_from(started)).scalar_one()
    return CohortFigures(count, places, graduated, withdrawn)


def _payments(session: Session, start: date, end: date) -> PaymentFigures:
    def lines(status: str) -> tuple[int, int, int]:
        people, count, pence = session.execute(
            select(
                func.count(distinct(PayLine.member_id)),
                func.count(),
                func.coalesce(func.sum(PayLine.amount_pence), 0),
            ).where(PayLine.day.between(start, end), PayLine.status == status)
        ).one()
        return people, count, int(pence)

    def claims(status: str) -> tuple[int, int]:
        count, pence = session.execute(
            select(func.count(), func.coalesce(func.sum(ExpenseClaim.amount_pence), 0)).where(
                ExpenseClaim.day.between(start, end), ExpenseClaim.status == status
            )
        ).one()
        return count, int(pence)

    return PaymentFigures(*lines(PAID), *claims(PAID), *lines(OWED), *claims(OWED))


def report_figures(
    session: Session, actor: Actor, year: ReportingYear, *, today: date | None = None
) -> ReportFigures:
    """Every count the annual report prints for ``year`` (activity figures only when any
    involvement activity or "you said, we did" entry was recorded). The rota and the spread
    stop at ``today`` (quarters not yet started are left out)."""
    require(session, actor, Permission.VIEW_INVOLVEMENT, SEE)
    today = today or date.today()
    until = min(year.end, today)
    activities = activities_summary(session, actor, year.start, until)
    spectrum = spectrum_summary(
        session, actor, year.start.replace(year=year.start.year - SPECTRUM_YEARS + 1), year.end
    )
    has_activities = activities.activities or any(n for _s, n in activities.you_said_by_status)
    return ReportFigures(
        year=year,
        narrative=read_narrative(session, actor, year.start),
        membership=_membership(session, year.start, until),
        rota=_rota(session, year.start, until),
        meetings=_meetings(session, year.start, until),
        panels=_panels(session, year.start, until),
        cohorts=_cohorts(session, year.start, until),
        payments=_payments(session, year.start, until),
        spread=involvement_spread(session, actor, year.start, until, today=today),
        activities=activities if has_activities else None,
        counted_to=until,
        spectrum=spectrum if spectrum.assessments else None,
        today=today,
    )


__all__ = [
    "CohortFigures",
    "MeetingFigures",
    "MembershipFigures",
    "PanelFigures",
    "PaymentFigures",
    "ReportFigures",
    "RotaFigures",
    "report_figures",
]
