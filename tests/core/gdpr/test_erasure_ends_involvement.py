"""Erasure ends a person's involvement: left, roles ended, what is still to come removed,
nothing new accepted for them, the payment trail in the audit log kept, and what is still
owed said beforehand."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.models import (
    Enrolment,
    Meeting,
    MeetingAttendance,
    MeetingFacilitator,
    MeetingGroup,
    MeetingGroupFacilitator,
    MeetingGroupMember,
    Panel,
    PanelSeat,
    PayLine,
    RotaAssignment,
    RotaShift,
    RotaSite,
)
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.people import Member, MemberRole, RoleType, StatusChange
from involve_desktop.core.services import (
    audit,
    cohorts_enrolment,
    gdpr_erasure,
    meetings_attendance,
    meetings_groups,
    meetings_meetings,
    member_search,
    panels_seats,
    payments_expenses,
    payments_lines,
    payments_preferences,
    payments_rates,
    rota_assign,
    rota_coverage,
)
from involve_desktop.core.services.meetings_dto import MeetingInput
from involve_desktop.core.services.member_dto import MemberFilter, MemberStatus
from involve_desktop.core.services.panels_dto import SeatInput, SeatKind
from involve_desktop.core.services.payments_dto import (
    Activity,
    ExpenseInput,
    ExpenseKind,
    PaymentMethod,
    PreferenceInput,
    RateBasis,
    RateInput,
)
from involve_desktop.core.services.rota_dto import CallAnswer

from .conftest import TODAY

NOW = datetime(2026, 11, 27, 10, 0)
NEXT_WEEK = TODAY + timedelta(days=5)
ERASED_WORDS = "This person's record was erased; they cannot be"


@pytest.fixture
def ahead(session, people):
    """Alan and Bob both on a shift next week and on a panel next week; Alan a peer
    supporter, with £870.00 approved and not paid and a claim waiting."""
    site = session.scalar(select(RotaSite))
    shift = RotaShift(site_id=site.id, day=NEXT_WEEK, start_time=time(9), end_time=time(13))
    later = RotaShift(site_id=site.id, day=NEXT_WEEK, start_time=time(14), end_time=time(17))
    panel = Panel(post_title="Peer support worker", day=NEXT_WEEK)
    session.add_all([shift, later, panel])
    session.flush()
    for person in (people.alan, people.bob):
        session.add_all(
            [
                RotaAssignment(shift_id=shift.id, member_id=person, assigned_by="Sam"),
                PanelSeat(
                    panel_id=panel.id, kind="lived_experience", member_id=person, added_by="Sam"
                ),
            ]
        )
    peer = session.scalar(select(RoleType).where(RoleType.code == "peer_supporter"))
    session.add(MemberRole(member_id=people.alan, role_type_id=peer.id, start_on=date(2024, 1, 1)))
    session.add(
        PayLine(
            member_id=people.alan,
            source_kind="rota_assignment",
            source_id=999,
            day=date(2026, 11, 2),
            activity="peer_support",
            description="Ward 4 shift",
            basis="session",
            sessions=1,
            rate_pence=87000,
            amount_pence=87000,
            status="approved",
            created_by="Sam",
        )
    )
    session.commit()
    return shift, later, panel


def _erase(session, coordinator, people):
    return gdpr_erasure.erase_member(session, coordinator, people.alan, "Alan Wright", now=NOW)


def test_the_preview_says_what_is_owed_and_what_will_end(session, coordinator, people, ahead):
    preview = gdpr_erasure.erasure_preview(session, coordinator, people.alan, today=TODAY)
    assert preview.name == "Alan Wright"
    assert preview.anonymous_name == f"Erased person {people.alan}"
    assert preview.approved_unpaid_pence == 87000
    # The fixture's £25 panel line and £4.20 bus claim are still waiting for approval.
    assert preview.waiting_pence == 2500 + 420
    assert (preview.future_shifts, preview.future_panel_seats) == (1, 1)
    assert (preview.open_roles, preview.open_enrolments) == (1, 1)
    session.expire_all()
    assert session.get(Member, people.alan).status == "active"  # nothing changed


def test_erasure_records_them_as_left_and_ends_roles(session, coordinator, people, ahead):
    _erase(session, coordinator, people)
    session.expire_all()
    member = session.get(Member, people.alan)
    assert member.status == MemberStatus.LEFT.value and member.left_on == TODAY
    last = session.scalars(
        select(StatusChange)
        .where(StatusChange.member_id == people.alan)
        .order_by(StatusChange.id.desc())
    ).first()
    assert (last.status, last.reason) == ("left", "Record erased")
    role = session.scalar(select(MemberRole).where(MemberRole.member_id == people.alan))
    assert role.end_on == TODAY - timedelta(days=1)
    listed = member_search.list_members(session, coordinator, MemberFilter(), today=TODAY)
    assert people.alan not in {row.id for row in listed.rows}
    assert people.bob in {row.id for row in listed.rows}


def test_erasure_takes_them_off_what_is_still_to_come(session, coordinator, people, ahead):
    shift, _later, panel = ahead
    _erase(session, coordinator, people)
    session.expire_all()
    on_shift = set(
        session.scalars(select(RotaAssignment.member_id).where(RotaAssignment.shift_id == shift.id))
    )
    assert on_shift == {people.bob}  # Alan's place is a gap again; Bob stays
    seated = set(session.scalars(select(PanelSeat.member_id).where(PanelSeat.panel_id == panel.id)))
    assert seated == {people.bob}
    # What already happened stays, anonymous: last month's shift and September's panel.
    past = session.scalars(
        select(RotaAssignment)
        .join(RotaShift, RotaShift.id == RotaAssignment.shift_id)
        .where(RotaAssignment.member_id == people.alan)
    ).all()
    assert [a.attendance for a in past] == ["worked"]
    assert session.scalar(select(PanelSeat).where(PanelSeat.member_id == people.alan))
    place = session.scalar(select(Enrolment).where(Enrolment.member_id == people.alan))
    assert (place.state, place.withdrawn_on, place.withdrawn_reason) == (
        "withdrawn",
        TODAY,
        "Record erased",
    )
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "erase")).one()
    assert entry.changes["shifts after today removed"] == 1
    assert entry.changes["panel seats after today removed"] == 1


def test_the_payment_trail_in_the_audit_log_is_kept(session, coordinator, people, ahead):
    line = session.scalar(select(PayLine).where(PayLine.amount_pence == 87000))
    payments_lines.mark_lines_paid(session, coordinator, [line.id], TODAY, today=TODAY)
    worked = session.scalar(select(RotaAssignment).where(RotaAssignment.attendance == "worked"))
    audit.record(
        session,
        coordinator,
        "update",
        "rota_assignment",
        worked.id,
        {
            "shift": "Ward 4, Thu 1 Oct",
            "member": "Alan Wright",
            "attendance": [None, "worked"],
            "override reason": "Alan Wright asked for extra",
        },
    )
    session.commit()
    _erase(session, coordinator, people)
    session.expire_all()
    paid = session.scalars(
        select(AuditEntry).where(AuditEntry.entity == "pay_line", AuditEntry.entity_id == line.id)
    ).one()
    assert paid.changes["status"] == ["approved", "paid"]
    assert paid.changes["paid_on"] == [None, TODAY.isoformat()]
    assert paid.account_name
    shift_entry = session.scalars(
        select(AuditEntry).where(
            AuditEntry.entity == "rota_assignment", AuditEntry.entity_id == worked.id
        )
    ).one()
    assert shift_entry.changes == {
        "shift": "Ward 4, Thu 1 Oct",
        "member": f"Erased person {people.alan}",
        "attendance": [None, "worked"],
        "override reason": "(erased)",
    }


def test_nothing_new_is_accepted_for_an_erased_person(session, coordinator, people, ahead):
    _shift, later, panel = ahead
    group = session.scalar(select(MeetingGroup).where(MeetingGroup.name == "Tuesday peer support"))
    meeting = Meeting(group_id=group.id, day=TODAY, start_time=time(18), end_time=time(20))
    session.add(meeting)
    session.commit()
    cohort_id = session.scalar(select(Enrolment.cohort_id))
    _erase(session, coordinator, people)
    alan = people.alan
    attempts = {
        "member_id": [
            lambda: payments_expenses.add_claim(
                session,
                coordinator,
                ExpenseInput(alan, ExpenseKind.TRAVEL, TODAY, 500),
                today=TODAY,
            ),
            lambda: payments_preferences.set_preference(
                session, coordinator, alan, PreferenceInput(PaymentMethod.CASH), today=TODAY
            ),
            lambda: rota_assign.assign(session, coordinator, later.id, alan),
            lambda: rota_coverage.log_call(session, coordinator, later.id, alan, CallAnswer.NO),
            lambda: cohorts_enrolment.apply(session, coordinator, cohort_id, alan, on=TODAY),
        ],
        "member": [
            lambda: panels_seats.add_seat(
                session, coordinator, panel.id, SeatInput(SeatKind.STAFF, member_id=alan)
            )
        ],
        "attendance": [
            lambda: meetings_attendance.set_attendance(
                session, coordinator, meeting.id, {alan: "present"}, today=TODAY
            )
        ],
    }
    for field, calls in attempts.items():
        for call in calls:
            with pytest.raises(ValidationError) as err:
                call()
            assert err.value.field == field
            # Attendance names the person (the list may hold several): see meetings tests.
            words = f"Erased person {alan}'s record" if field == "attendance" else ERASED_WORDS
            assert words in str(err.value)
    session.rollback()


def test_new_pay_lines_are_not_made_for_them_but_bobs_are(session, coordinator, people):
    # Both worked the October shift; no pay lines were made for it yet.
    payments_rates.set_rate(
        session,
        coordinator,
        RateInput(Activity.ROTA_SHIFT, RateBasis.PER_SESSION, 2000, date(2026, 1, 1)),
    )
    gdpr_erasure.erase_member(session, coordinator, people.alan, "Alan Wright", now=NOW)
    payments_lines.generate_pay_lines(
        session, coordinator, date(2026, 10, 1), date(2026, 10, 31), today=TODAY
    )
    made = set(
        session.scalars(select(PayLine.member_id).where(PayLine.source_kind == "rota_assignment"))
    )
    assert people.alan not in made
    assert people.bob in made


def test_past_attendance_of_an_erased_person_can_still_be_resaved(session, coordinator, people):
    meeting = session.scalar(select(Meeting).where(Meeting.day == date(2026, 10, 6)))
    gdpr_erasure.erase_member(session, coordinator, people.alan, "Alan Wright", now=NOW)
    sheet = meetings_attendance.set_attendance(
        session,
        coordinator,
        meeting.id,
        {people.alan: "present", people.bob: "apologies"},
        today=TODAY,
    )
    assert sheet is not None


def test_an_erased_record_cannot_be_brought_back_or_added_to(session, coordinator, people):
    """Erased is for good: no new status (restoring them), details, role, training or consent."""
    from involve_desktop.core.models.people import TrainingType
    from involve_desktop.core.services import member_records, members
    from involve_desktop.core.services.member_dto import ConsentHow, MemberInput

    _erase(session, coordinator, people)
    alan = people.alan
    peer = session.scalar(select(RoleType).where(RoleType.code == "peer_supporter"))
    kind = session.scalar(select(TrainingType))
    attempts = [
        lambda: members.change_status(
            session, coordinator, alan, MemberStatus.ACTIVE, TODAY, today=TODAY
        ),
        lambda: members.update_member(session, coordinator, alan, MemberInput(full_name="Alan")),
        lambda: member_records.add_role(session, coordinator, alan, peer.id, TODAY, today=TODAY),
        lambda: member_records.record_training(
            session, coordinator, alan, kind.id, TODAY, today=TODAY
        ),
        lambda: member_records.record_consent(
            session,
            coordinator,
            alan,
            TODAY,
            ConsentHow.WRITTEN,
            keeping_records=True,
            today=TODAY,
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match="record was erased") as error:
            attempt()
        assert error.value.field == "member"
    session.expire_all()
    assert session.get(Member, alan).status == "left"


@pytest.fixture
def in_groups(session, people):
    """Alan on a closed group's list and its usual facilitator; facilitating a meeting last
    month and one next week; apologies sent for next week's and for last month's."""
    group = MeetingGroup(name="Hearing voices", open_membership=False)
    session.add(group)
    session.flush()
    past = Meeting(
        group_id=group.id, day=date(2026, 10, 13), start_time=time(18), end_time=time(20)
    )
    coming = Meeting(group_id=group.id, day=NEXT_WEEK, start_time=time(18), end_time=time(20))
    session.add_all([past, coming])
    session.flush()
    for person in (people.alan, people.bob):
        session.add(MeetingGroupMember(group_id=group.id, member_id=person, added_on=TODAY))
    session.add_all(
        [
            MeetingGroupFacilitator(group_id=group.id, member_id=people.alan),
            MeetingFacilitator(meeting_id=past.id, member_id=people.alan),
            MeetingFacilitator(meeting_id=coming.id, member_id=people.alan),
            MeetingAttendance(meeting_id=past.id, member_id=people.alan, state="apologies"),
            MeetingAttendance(meeting_id=coming.id, member_id=people.alan, state="apologies"),
        ]
    )
    session.commit()
    return group, past, coming


def test_erasure_takes_them_off_group_lists_and_facilitating(
    session, coordinator, people, in_groups
):
    group, past, coming = in_groups
    preview = gdpr_erasure.erasure_preview(session, coordinator, people.alan, today=TODAY)
    # Both groups' lists (Tuesday's from the set-up), this group's facilitators and next
    # week's meeting's facilitators.
    assert (preview.group_places, preview.future_marks) == (4, 1)
    _erase(session, coordinator, people)
    session.expire_all()
    listed = set(
        session.scalars(
            select(MeetingGroupMember.member_id).where(MeetingGroupMember.group_id == group.id)
        )
    )
    assert listed == {people.bob}  # the sign-in sheet no longer expects "Erased person …"
    assert not session.scalar(
        select(MeetingGroupFacilitator).where(MeetingGroupFacilitator.member_id == people.alan)
    )
    facilitated = set(
        session.scalars(
            select(MeetingFacilitator.meeting_id).where(MeetingFacilitator.member_id == people.alan)
        )
    )
    assert past.id in facilitated and coming.id not in facilitated  # what happened stays
    marked = set(
        session.scalars(
            select(MeetingAttendance.meeting_id).where(MeetingAttendance.member_id == people.alan)
        )
    )
    assert coming.id not in marked and past.id in marked
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "erase")).one()
    assert entry.changes["group lists and facilitating left"] == 4
    assert entry.changes["marks for meetings after today removed"] == 1


def test_an_erased_person_cannot_be_put_back_on_a_group_or_facilitate(
    session, coordinator, people, in_groups
):
    group, _past, coming = in_groups
    _erase(session, coordinator, people)
    attempts = {
        "members": lambda: meetings_groups.set_group_members(
            session, coordinator, group.id, [people.alan, people.bob], today=TODAY
        ),
        "facilitators": lambda: meetings_groups.set_group_facilitators(
            session, coordinator, group.id, [people.alan]
        ),
    }
    attempts["facilitators "] = lambda: meetings_meetings.update_meeting(
        session,
        coordinator,
        coming.id,
        MeetingInput(day=NEXT_WEEK, facilitator_ids=(people.alan,)),
        today=TODAY,
    )
    for field, attempt in attempts.items():
        with pytest.raises(ValidationError) as err:
            attempt()
        assert err.value.field == field.strip()
        assert ERASED_WORDS in str(err.value)
        session.rollback()
    # Taking someone else off a list that still holds an erased person is not refused.
    session.add(MeetingGroupMember(group_id=group.id, member_id=people.alan, added_on=TODAY))
    session.commit()
    meetings_groups.set_group_members(session, coordinator, group.id, [people.alan], today=TODAY)
