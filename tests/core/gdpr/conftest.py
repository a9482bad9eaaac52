"""Fixtures for the UK GDPR tools: two people with rows in every area, and a facilitator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

import pytest

from involve_desktop.core.models import (
    Cohort,
    CohortFacilitator,
    Consent,
    Enrolment,
    ExpenseClaim,
    Meeting,
    MeetingAttendance,
    MeetingFacilitator,
    MeetingGroup,
    MeetingGroupMember,
    Panel,
    PanelSeat,
    PayLine,
    PaymentPreference,
    Programme,
    RotaAssignment,
    RotaAvailability,
    RotaCallDown,
    RotaShift,
    RotaSite,
)
from involve_desktop.core.models.cohorts import AlumniAction, alumni_action_member
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, audit, members
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberInput, Restricted

TODAY = date(2026, 11, 27)


@dataclass(frozen=True)
class People:
    """Alan (the person asking) and Bob (someone else at the same things)."""

    alan: int
    bob: int


@pytest.fixture
def facilitator(session, coordinator) -> Actor:
    """A facilitator account."""
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    return accounts.sign_in(session, "fran", "tuesday group")


def _member(session, actor, name, email, phone, notes) -> int:
    data = MemberInput(
        full_name=name,
        email=email,
        phone=phone,
        address=f"{phone[-3:]} Mill Lane, Leeds",
        postcode="LS1 1AA",
        date_joined=date(2020, 1, 6),
        restricted=Restricted(True, f"Mum — {notes}", notes),
    )
    return members.create_member(session, actor, data, today=TODAY).id


def _areas(session, alan: int, bob: int) -> None:
    """Rows in rota, meetings, panels, payments and cohorts for both people."""
    site = RotaSite(name="Ward 4")
    session.add(site)
    session.flush()
    shift = RotaShift(site_id=site.id, day=date(2026, 10, 1), start_time=time(9), end_time=time(13))
    session.add(shift)
    session.flush()
    group = MeetingGroup(name="Tuesday peer support")
    session.add(group)
    session.flush()
    meeting = Meeting(
        group_id=group.id, day=date(2026, 10, 6), start_time=time(18), end_time=time(20)
    )
    panel = Panel(post_title="Peer support worker", day=date(2026, 9, 1))
    programme = Programme(name="Peer Leadership", planned_sessions=6)
    session.add_all([meeting, panel, programme])
    session.flush()
    cgroup = MeetingGroup(name="Cohort 1 sessions", kind="leadership_cohort")
    session.add(cgroup)
    session.flush()
    cohort = Cohort(
        programme_id=programme.id,
        name="Cohort 1",
        start_on=date(2026, 1, 5),
        meeting_group_id=cgroup.id,
    )
    action = AlumniAction(title="Ward welcome pack", day=date(2026, 6, 1))
    session.add_all([cohort, action])
    session.flush()
    for person, reason in ((alan, "Alan Wright asked for extra"), (bob, "Bob Jones asked")):
        session.add_all(
            [
                RotaAssignment(
                    shift_id=shift.id,
                    member_id=person,
                    assigned_by="Sam",
                    override_reason=reason,
                    attendance="worked",
                    actual_minutes=240,
                ),
                RotaAvailability(member_id=person, weekday=0, from_time=time(9), to_time=time(17)),
                RotaCallDown(
                    shift_id=shift.id, member_id=person, asked_by="Sam", answer="yes", note=reason
                ),
                MeetingAttendance(meeting_id=meeting.id, member_id=person, state="present"),
                MeetingGroupMember(group_id=group.id, member_id=person, added_on=date(2026, 1, 1)),
                PanelSeat(
                    panel_id=panel.id, kind="lived_experience", member_id=person, added_by="Sam"
                ),
                PaymentPreference(
                    member_id=person, method="cash", note=f"{reason} by cash", updated_by="Sam"
                ),
                PayLine(
                    member_id=person,
                    source_kind="panel_seat",
                    source_id=person,
                    day=date(2026, 9, 1),
                    activity="panel",
                    description="Interview panel: Peer support worker",
                    basis="session",
                    sessions=1,
                    rate_pence=2500,
                    amount_pence=2500,
                    created_by="Sam",
                ),
                ExpenseClaim(
                    member_id=person,
                    kind="travel",
                    day=date(2026, 9, 1),
                    amount_pence=420,
                    description=f"Bus for {reason}",
                    created_by="Sam",
                ),
                Enrolment(
                    cohort_id=cohort.id,
                    member_id=person,
                    applied_on=date(2025, 12, 1),
                    state="enrolled",
                ),
                Consent(
                    member_id=person,
                    given_on=date(2025, 1, 1),
                    how="written",
                    keeping_records=True,
                    review_on=date(2026, 1, 1),
                ),
            ]
        )
    session.add(MeetingFacilitator(meeting_id=meeting.id, member_id=alan))
    session.add(CohortFacilitator(cohort_id=cohort.id, member_id=bob))
    session.flush()
    session.execute(alumni_action_member.insert().values(action_id=action.id, member_id=alan))
    session.commit()


@pytest.fixture
def people(session, coordinator) -> People:
    """Alan and Bob, members with rows in every area and audit entries naming them."""
    alan = _member(
        session, coordinator, "Alan Wright", "alan@example.org", "07700 900123", "Prefers mornings"
    )
    bob = _member(
        session, coordinator, "Bob Jones", "bob@example.org", "07700 900456", "Bob's note"
    )
    _areas(session, alan, bob)
    # An entry naming both (like attendance), one only about Bob, and a meeting topic naming Alan.
    audit.record(
        session,
        coordinator,
        "create",
        "meeting_attendance",
        1,
        {"present": "Alan Wright and Bob Jones"},
    )
    audit.record(session, coordinator, "update", "panel", 1, {"added": "Bob Jones"})
    audit.record(session, coordinator, "update", "panel", 1, {"added": "Alan Wright"})
    session.commit()
    return People(alan, bob)
