"""Home's figures and attention items against data built through the real services, and
the demo data; what a facilitator sees; a turned-off account is refused and audited."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from involve_desktop.core.demo.seed import seed_demo
from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.payments import ExpenseClaim, PayLine
from involve_desktop.core.models.people import Member
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import (
    accounts,
    meetings_attendance,
    meetings_groups,
    meetings_meetings,
    members,
    panels,
    rota_assign,
)
from involve_desktop.core.services.dashboard import month_at_a_glance
from involve_desktop.core.services.dashboard_attention import attention_items
from involve_desktop.core.services.dashboard_dto import AttentionKind, GapsPeriod, Target, Urgency
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import MeetingInput
from involve_desktop.core.services.member_dto import MemberStatus
from tests.core.meetings.helpers import group
from tests.core.meetings.helpers import person as plain_person
from tests.core.panels.helpers import panel, seat, staff, trained
from tests.core.rota.helpers import peer, shift, site

TODAY = date(2026, 3, 2)  # a Monday


@pytest.fixture
def world(session: Session, coordinator: Actor) -> dict[str, int]:
    """The small group of ``build_world``; its ids by name."""
    return build_world(session, coordinator)


def build_world(session: Session, coordinator: Actor) -> dict[str, int]:
    """A small group in March 2026: peers on shifts, training running out, someone stepping
    back, a newcomer, a panel held and one short of lived experience, two meeting groups."""
    ids: dict[str, int] = {}
    ids["zoe"] = peer(session, coordinator, "Zoë Adams", trained_until=date(2026, 3, 5))
    ids["ben"] = peer(session, coordinator, "Ben Ray", trained_until=date(2026, 2, 20))
    ids["old"] = peer(session, coordinator, "Cal Old", trained_until=date(2025, 6, 1))
    ids["amy"] = peer(session, coordinator, "Amy Long")
    ids["kim"] = peer(session, coordinator, "Kim Park")
    ids["new"] = plain_person(session, coordinator, "Nia Newcomer", joined=date(2026, 3, 1))
    ids["away"] = plain_person(session, coordinator, "Sol Away")
    members.change_status(
        session,
        coordinator,
        ids["away"],
        MemberStatus.STEPPING_BACK,
        date(2026, 2, 1),
        reason="A break",
        check_in_on=date(2026, 3, 4),
        today=TODAY,
    )
    ward = site(session, coordinator)
    ids["alone_shift"] = shift(session, coordinator, ward, date(2026, 3, 3))
    rota_assign.assign(session, coordinator, ids["alone_shift"], ids["amy"])
    ids["empty_shift"] = shift(session, coordinator, ward, date(2026, 3, 5), time(14), time(18))
    covered = shift(session, coordinator, ward, date(2026, 3, 10))
    rota_assign.assign(session, coordinator, covered, ids["amy"])
    rota_assign.assign(session, coordinator, covered, ids["kim"])
    shift(session, coordinator, ward, date(2026, 3, 20))  # a gap later this month
    shift(session, coordinator, ward, date(2026, 2, 20))  # last month: not counted

    sitter = trained(session, coordinator, "Pat Sitter")
    held = panel(session, coordinator, "Team Leader", date(2026, 3, 1))
    seat(session, coordinator, held, sitter)
    staff(session, coordinator, held, "Jo Manager")
    panels.mark_held(session, coordinator, held, today=TODAY)
    ids["short_panel"] = panel(session, coordinator, "Peer Support Worker", date(2026, 3, 12))

    ids["tuesday"] = group(session, coordinator, "Tuesday Peer Support")
    ids["friday"] = group(session, coordinator, "Friday Café")
    for group_id in (ids["tuesday"], ids["friday"]):
        meetings_meetings.add_meeting(
            session, coordinator, group_id, MeetingInput(date(2026, 3, 2))
        )
    ids["later"] = meetings_meetings.add_meeting(
        session, coordinator, ids["tuesday"], MeetingInput(date(2026, 3, 24))
    ).id
    return ids


@pytest.fixture
def facilitator(session: Session, coordinator: Actor, world: dict[str, int]) -> Actor:
    """A facilitator linked to the Tuesday group only."""
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    fran = accounts.sign_in(session, "fran", "tuesday group")
    meetings_groups.set_group_accounts(session, coordinator, world["tuesday"], [fran.account_id])
    return fran


def test_month_at_a_glance_counts(session: Session, coordinator: Actor, world) -> None:
    glance = month_at_a_glance(session, coordinator, TODAY)
    assert (glance.start, glance.end) == (date(2026, 3, 1), date(2026, 3, 31))
    figures = {f.key: f for f in glance.figures}
    assert list(figures) == [
        "active",
        "newcomers",
        "shifts",
        "meetings",
        "panels",
        "cohorts",
        "payments",
    ]
    assert figures["active"].value == "7"  # 5 peers, the newcomer, the panel member
    assert figures["active"].detail == "Plus 1 stepping back"  # not among the 7
    assert figures["newcomers"].value == "1"
    assert figures["shifts"].value == "1 of 4"
    assert figures["shifts"].words == "shifts covered"
    assert figures["shifts"].detail == "3 gaps, 1 alone on shift"
    # opening it lists this month's gaps, every site
    assert figures["shifts"].target == Target(
        "rota", GapsPeriod(date(2026, 3, 1), date(2026, 3, 31))
    )
    assert figures["meetings"].value == "2"
    assert figures["meetings"].detail.startswith("1 to come")
    assert figures["panels"].value == "1"
    assert figures["panels"].detail == "1 of 1 met the lived-experience policy"
    assert figures["cohorts"].value == "0"
    assert figures["payments"].value == "0"


def test_attention_items_say_what_and_where(session: Session, coordinator: Actor, world) -> None:
    items = attention_items(session, coordinator, TODAY)
    by_text = {i.text: i for i in items}
    zoe = by_text["Zoë Adams's peer support training runs out on 5 Mar"]
    assert (zoe.urgency, zoe.target) == (Urgency.THIS_WEEK, Target("members", world["zoe"]))
    ben = by_text["Ben Ray's peer support training ran out on 20 Feb"]
    assert (ben.urgency, ben.target) == (Urgency.OVERDUE, Target("members", world["ben"]))
    assert not any("Cal Old" in t for t in by_text)  # ran out long ago: the members filter
    away = by_text["Check in with Sol Away, who is stepping back (due 4 Mar)"]
    assert away.target == Target("members", world["away"])
    alone = by_text["Amy Long alone on shift: Ward 4, Tue 3 Mar 2026 09:00"]
    assert (alone.kind, alone.target) == (AttentionKind.ALONE, Target("rota", date(2026, 3, 3)))
    empty = by_text["No one on shift yet: Ward 4, Thu 5 Mar 2026 14:00"]
    assert empty.target == Target("rota", date(2026, 3, 5))
    later = by_text["1 more shift below minimum in the next 4 weeks"]
    # opening it lists those gaps: after this week, to 30 days from today
    after_this_week = GapsPeriod(date(2026, 3, 9), date(2026, 4, 1))
    assert (later.urgency, later.target) == (Urgency.THIS_MONTH, Target("rota", after_this_week))
    consent = next(i for i in items if i.kind is AttentionKind.CONSENT)
    assert consent.text == "8 members' consent to review (8 never recorded)"
    assert consent.target == Target("settings", "consent_review")
    short = next(i for i in items if i.kind is AttentionKind.PANEL_POLICY)
    assert short.text.startswith("Peer Support Worker panel on 12 Mar: ")
    assert short.target == Target("panels", world["short_panel"])
    attendance = [i for i in items if i.kind is AttentionKind.ATTENDANCE]
    assert {i.text for i in attendance} == {
        "Attendance not taken yet: Tuesday Peer Support, Mon 2 Mar 2026",
        "Attendance not taken yet: Friday Café, Mon 2 Mar 2026",
    }
    ranks = [i.urgency.rank for i in items]
    assert ranks == sorted(ranks)  # overdue first, then this week, then this month


def test_nothing_needs_attention_in_an_empty_group(session: Session, coordinator: Actor) -> None:
    assert attention_items(session, coordinator, TODAY) == []
    glance = month_at_a_glance(session, coordinator, TODAY)
    assert glance.figure("shifts").detail == "No shifts set up"
    assert glance.figure("meetings").detail == "None this month"  # not "0 people came"


def test_facilitator_sees_only_their_groups_and_no_coordinator_work(
    session: Session, facilitator: Actor, world
) -> None:
    glance = month_at_a_glance(session, facilitator, TODAY)
    assert [f.key for f in glance.figures] == [
        "active",
        "newcomers",
        "shifts",
        "meetings",
        "cohorts",
    ]  # no panels, no payments
    assert glance.figure("meetings").value == "1"  # the Tuesday group's meeting only
    assert glance.figure("meetings").words == "meeting held in your groups"
    assert glance.figure("shifts").value == "1 of 4"  # the rota, read-only
    items = attention_items(session, facilitator, TODAY)
    assert [(i.kind, i.text) for i in items] == [
        (
            AttentionKind.ATTENDANCE,
            "Attendance not taken yet: Tuesday Peer Support, Mon 2 Mar 2026",
        )
    ]
    assert not any("Ben Ray" in i.text or "Sol Away" in i.text for i in items)


def test_turned_off_account_is_refused_and_audited(
    session: Session, coordinator: Actor, facilitator: Actor
) -> None:
    accounts.set_active(session, coordinator, facilitator.account_id, False)
    with pytest.raises(PermissionDenied):
        month_at_a_glance(session, facilitator, TODAY)
    with pytest.raises(PermissionDenied):
        attention_items(session, facilitator, TODAY)
    denied = session.scalars(
        select(AuditEntry).where(
            AuditEntry.action == "denied", AuditEntry.account_id == facilitator.account_id
        )
    ).all()
    assert len(denied) == 2
    assert denied[0].changes == {"attempted": "see Home"}


DEMO_TODAY = date(2026, 11, 26)


def test_demo_figures_agree_with_the_records(session: Session) -> None:
    demo = seed_demo(session, today=DEMO_TODAY)
    glance = month_at_a_glance(session, demo, DEMO_TODAY)
    active = session.scalar(
        select(func.count()).select_from(Member).where(Member.status == "active")
    )
    assert glance.figure("active").value == str(active)
    waiting = session.scalar(
        select(func.count()).select_from(PayLine).where(PayLine.status == "pending")
    ) + session.scalar(
        select(func.count()).select_from(ExpenseClaim).where(ExpenseClaim.status == "pending")
    )
    assert glance.figure("payments").value == str(waiting)
    assert waiting > 0
    items = attention_items(session, demo, DEMO_TODAY)
    kinds = {i.kind for i in items}
    assert {AttentionKind.TRAINING, AttentionKind.CONSENT, AttentionKind.PAYMENTS} <= kinds
    areas = {"members", "rota", "meetings", "panels", "payments", "cohorts", "settings"}
    assert {i.target.area for i in items} <= areas
    assert all(i.text and i.text[0].isupper() or i.text[0].isdigit() for i in items)


def test_meetings_figure_counts_people_not_attendances(
    session: Session, coordinator: Actor, world: dict[str, int]
) -> None:
    first = meetings_meetings.list_meetings(
        session, coordinator, start=date(2026, 3, 2), end=date(2026, 3, 2)
    )
    for meeting in first:  # Amy at both meetings on the 2nd, Kim at one
        marks = {world["amy"]: "present"}
        if meeting.group_id == world["tuesday"]:
            marks[world["kim"]] = "present"
        meetings_attendance.set_attendance(session, coordinator, meeting.id, marks, today=TODAY)
    detail = month_at_a_glance(session, coordinator, TODAY).figure("meetings").detail
    assert detail == "1 to come, 2 people came (3 attendances)"
