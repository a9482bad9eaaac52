"""Home's figures counted in the database agree with the plain way of working them out:
rota coverage against every shift read in full (``shift_views``), the consent count against
the consent review's list, and the whole of Home on the demo against the plain computation."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.demo.seed import seed_demo
from involve_desktop.core.models.people import Consent, Member
from involve_desktop.core.services import (
    cohorts_cohorts,
    cohorts_progress,
    cohorts_sessions,
    gdpr_review,
    members,
    rota_assign,
    rota_attendance,
    rota_coverage,
    rota_shifts,
)
from involve_desktop.core.services.cohorts_dto import CohortStatus, Standing
from involve_desktop.core.services.dashboard import month_at_a_glance, month_of
from involve_desktop.core.services.dashboard_attention import (
    MONTH_DAYS,
    WEEK_DAYS,
    _gap_text,
    attention_items,
)
from involve_desktop.core.services.dashboard_dto import AttentionKind, GapsPeriod
from involve_desktop.core.services.dashboard_queries import consent_counts, member_counts
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.gdpr_dto import ConsentProblem
from involve_desktop.core.services.member_dto import MemberInput, MemberStatus
from involve_desktop.core.services.rota_dto import Attendance, CoverageState
from tests.core.cohorts.helpers import attend, cohort, enrolled, plan, programme
from tests.core.cohorts.helpers import person as plain_person
from tests.core.rota.helpers import peer, shift, site

MARCH = date(2026, 3, 2)
END_OF_PLAN = date(2026, 3, 31)  # after the ten weekly sessions from 6 January
AFTER = date(2026, 4, 1)


@pytest.fixture
def rota(session: Session, coordinator: Actor) -> dict[str, int]:
    """Shifts in every coverage state, on two sites; ids by name."""
    amy = peer(session, coordinator, "Amy Long")
    kim = peer(session, coordinator, "Kim Park")
    sam = peer(session, coordinator, "Sam Tor")
    ward, cafe = site(session, coordinator), site(session, coordinator, "Café")
    ids = {"ward": ward, "cafe": cafe}

    def on(name: str, where: int, day: int, *people: int, month: int = 3, **kw) -> int:
        ids[name] = shift(session, coordinator, where, date(2026, month, day), **kw)
        for person in people:
            rota_assign.assign(session, coordinator, ids[name], person)
        return ids[name]

    on("no_one", ward, 3)
    on("alone", ward, 4, amy)
    on("covered", ward, 5, amy, kim)
    on("no_show", ward, 6, amy, kim)  # Kim did not attend: Amy was alone
    on("cancelled", ward, 7, amy)
    rota_shifts.cancel_shift(session, coordinator, ids["cancelled"], "Ward closed")
    on("short", cafe, 3, amy, kim, start=time(14), end=time(18), min_peers=3)
    on("full", cafe, 4, amy, kim, start=time(14), end=time(18), max_peers=2)
    on("late", ward, 3, sam, start=time(18), end=time(22))  # same day, later: time order
    on("next_month", ward, 1, amy, month=4)  # outside the period
    no_show = rota_shifts.shift_view(session, coordinator, ids["no_show"]).assignees
    kim_there = next(a for a in no_show if a.member_id == kim)
    rota_attendance.record_attendance(
        session, coordinator, kim_there.assignment_id, Attendance.DID_NOT_ATTEND, today=AFTER
    )
    return ids


def test_coverage_counts_agree_with_every_shift_read_in_full(
    session: Session, coordinator: Actor, rota: dict[str, int]
) -> None:
    start, end = date(2026, 3, 1), date(2026, 3, 31)
    for site_id in (None, rota["ward"], rota["cafe"]):
        full = rota_shifts.shift_views(session, coordinator, start, end, site_id=site_id)
        counted = rota_coverage.coverage(session, coordinator, start, end, site_id=site_id)
        assert [(c.shift_id, c.day, c.state, c.cancelled) for c in counted] == [
            (v.slot.id, v.slot.day, v.state, v.slot.cancelled) for v in full
        ]
    states = {c.shift_id: c.state for c in rota_coverage.coverage(session, coordinator, start, end)}
    assert states[rota["no_one"]] is CoverageState.NO_ONE
    assert states[rota["alone"]] is CoverageState.ALONE
    assert states[rota["no_show"]] is CoverageState.ALONE  # did not attend: not counted
    assert states[rota["short"]] is CoverageState.SHORT
    assert states[rota["covered"]] is CoverageState.COVERED
    assert states[rota["full"]] is CoverageState.FULL
    assert rota["next_month"] not in states  # 1 April: outside the period


@pytest.mark.parametrize("at_once", [1, 2, 500])
def test_gaps_are_the_shifts_below_minimum_read_in_full(
    session: Session,
    coordinator: Actor,
    rota: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    at_once: int,
) -> None:
    monkeypatch.setattr(rota_coverage, "IDS_AT_ONCE", at_once)  # read a few at a time
    for start, end in ((date(2026, 3, 1), date(2026, 3, 31)), (MARCH, MARCH + timedelta(30))):
        plain = [
            v
            for v in rota_shifts.shift_views(session, coordinator, start, end)
            if v.state.is_gap and not v.slot.cancelled
        ]
        assert rota_coverage.gaps(session, coordinator, start, end) == plain
    found = rota_coverage.gaps(session, coordinator, date(2026, 3, 1), date(2026, 3, 31))
    assert [v.slot.id for v in found] == [
        rota["no_one"],
        rota["short"],
        rota["late"],
        rota["alone"],
        rota["no_show"],
    ]  # time order; not the covered, full or cancelled shifts
    # Mostly gaps (the whole period read at once) gives the same.
    ward = rota_coverage.gaps(
        session, coordinator, date(2026, 3, 3), date(2026, 3, 4), site_id=rota["ward"]
    )
    assert [v.slot.id for v in ward] == [rota["no_one"], rota["late"], rota["alone"]]


def _person(session: Session, actor: Actor, name: str) -> int:
    return members.create_member(
        session, actor, MemberInput(full_name=name, date_joined=date(2015, 1, 5)), today=MARCH
    ).id


def _consent(member_id: int, given: date, review: date | None) -> Consent:
    return Consent(member_id=member_id, given_on=given, how="written", review_on=review)


def test_consent_count_agrees_with_the_consent_review(session: Session, coordinator: Actor) -> None:
    today = date(2026, 11, 27)
    never = _person(session, coordinator, "Nora Never")
    expired = _person(session, coordinator, "Eve Expired")
    current = _person(session, coordinator, "Cal Current")
    renewed = _person(session, coordinator, "Ray Renewed")
    lapsed = _person(session, coordinator, "Lou Lapsed")  # renewal replaced by an older one
    same_day = _person(session, coordinator, "Tia Tie")  # two the same day: last entered wins
    no_review = _person(session, coordinator, "Nell Open")
    away = _person(session, coordinator, "Sol Away")
    left = _person(session, coordinator, "Lee Left")
    members.change_status(
        session, coordinator, away, MemberStatus.STEPPING_BACK, MARCH, reason="A break"
    )
    members.change_status(session, coordinator, left, MemberStatus.LEFT, MARCH, today=MARCH)
    session.add_all(
        [
            _consent(expired, date(2025, 1, 1), date(2026, 1, 1)),
            _consent(current, date(2026, 1, 1), today),  # due today: not yet past
            _consent(renewed, date(2024, 1, 1), date(2025, 1, 1)),
            _consent(renewed, date(2026, 6, 1), date(2027, 6, 1)),
            _consent(lapsed, date(2026, 6, 1), date(2025, 6, 1)),
            _consent(lapsed, date(2024, 1, 1), date(2027, 1, 1)),
            _consent(same_day, date(2026, 2, 1), date(2027, 2, 1)),
            _consent(same_day, date(2026, 2, 1), date(2026, 3, 1)),
            _consent(no_review, date(2020, 1, 1), None),
        ]
    )
    session.commit()
    rows = gdpr_review.consent_review(session, coordinator, today=today)
    assert {r.member_id for r in rows} == {never, expired, lapsed, same_day, away}
    counts = consent_counts(session, today)
    assert counts.to_review == len(rows) == 5
    never_recorded = sum(1 for r in rows if r.problem is ConsentProblem.NEVER_RECORDED)
    assert counts.never_recorded == never_recorded == 2  # Nora, and Sol stepping back
    for day in (date(2025, 1, 1), date(2026, 2, 1), date(2026, 4, 1), date(2027, 7, 1)):
        listed = gdpr_review.consent_review(session, coordinator, today=day)
        assert consent_counts(session, day).to_review == len(listed)
    assert consent_counts(session, date(2025, 1, 1)).to_review == 2  # only the never-recorded


def _plain_rota_figure(session: Session, actor: Actor, today: date) -> tuple[str, str]:
    start, end = month_of(today)
    shifts = [
        v for v in rota_shifts.shift_views(session, actor, start, end) if not v.slot.cancelled
    ]
    gaps = [v for v in shifts if v.state.is_gap]
    alone = sum(1 for v in gaps if v.state is CoverageState.ALONE)
    detail = f"{len(gaps)} gaps" if len(gaps) != 1 else "1 gap"
    detail = detail if gaps else "No gaps"
    if alone:
        detail += f", {alone} alone on shift"
    return f"{len(shifts) - len(gaps)} of {len(shifts)}", detail


def test_home_on_the_demo_agrees_with_the_plain_computation(session: Session) -> None:
    today = date(2026, 11, 26)
    demo = seed_demo(session, today=today)
    glance = month_at_a_glance(session, demo, today)
    figure = glance.figure("shifts")
    assert (figure.value, figure.detail) == _plain_rota_figure(session, demo, today)
    items = attention_items(session, demo, today)

    review = gdpr_review.consent_review(session, demo, today=today)
    consent = [i.text for i in items if i.kind is AttentionKind.CONSENT]
    never = sum(1 for r in review if r.problem is ConsentProblem.NEVER_RECORDED)
    assert review and consent == [
        f"{len(review)} members' consent to review" + (f" ({never} never recorded)" * bool(never))
    ]

    every = cohorts_cohorts.list_cohorts(session, demo)
    assert every
    for one in every:  # the quick standings are progress's, on every cohort, any day
        for day in (one.start_on, today, one.end_on or today, today + timedelta(90)):
            people = cohorts_progress.progress(session, demo, one.id, today=day).people
            quick = cohorts_progress.standings(session, demo, one.id, today=day)
            assert sorted(quick) == sorted(p.standing for p in people)
    running = [c for c in every if c.status is CohortStatus.RUNNING]
    plain = [
        p.standing
        for c in running
        for p in cohorts_progress.progress(session, demo, c.id, today=today).people
    ]
    on_track = sum(1 for x in plain if x in (Standing.ON_TRACK, Standing.DONE))
    assert glance.figure("cohorts").value == str(len(running))
    assert glance.figure("cohorts").detail.startswith(f"{on_track} on track")
    ready = {
        c.title: sum(
            1
            for p in cohorts_progress.progress(session, demo, c.id, today=today).people
            if p.standing is Standing.DONE
        )
        for c in every
        if c.status in (CohortStatus.RUNNING, CohortStatus.FINISHED)
    }
    graduation = sorted(i.text for i in items if i.kind is AttentionKind.GRADUATION)
    assert graduation == sorted(
        f"{n} {'person' if n == 1 else 'people'} on {title} "
        f"{'has' if n == 1 else 'have'} done enough to graduate"
        for title, n in ready.items()
        if n
    )

    found = [
        v
        for v in rota_shifts.shift_views(session, demo, today, today + timedelta(MONTH_DAYS))
        if v.state.is_gap and not v.slot.cancelled
    ]
    week_end = today + timedelta(days=WEEK_DAYS - 1)
    rota = [i for i in items if i.kind in (AttentionKind.GAP, AttentionKind.ALONE)]
    this_week = [v for v in found if v.slot.day <= week_end]
    assert sorted(i.text for i in rota if not isinstance(i.target.target, GapsPeriod)) == sorted(
        _gap_text(v) for v in this_week
    )
    later = [v for v in found if v.slot.day > week_end]
    summary = [i for i in rota if isinstance(i.target.target, GapsPeriod)]
    assert len(summary) == (1 if later else 0)
    if later:
        assert summary[0].text.startswith(f"{len(later)} more shift")
        assert summary[0].day == later[0].slot.day
        period = summary[0].target.target  # opening it lists exactly those gaps
        assert period.start == week_end + timedelta(days=1) and period.end >= later[-1].slot.day


def test_quick_standings_are_progress_standings_in_every_state(
    session: Session, coordinator: Actor
) -> None:
    prog = programme(session, coordinator, required=(4,))
    c = cohort(session, coordinator, prog)
    sessions = plan(session, coordinator, c, 10)
    cohorts_sessions.cancel_session(session, coordinator, sessions[8].meeting.id, "Snow")
    names = ("Aisha Done", "Ben Cannot", "Cal On Track", "Dee Missed Four", "Eve Graduated")
    people = {n.split()[0]: plain_person(session, coordinator, n) for n in names}
    for m in people.values():
        enrolled(session, coordinator, c, m)
    all_but_four = {n for n in range(1, 9) if n != 4}
    who = {
        n: {people["Aisha"], people["Eve"]}
        | ({people["Cal"], people["Ben"]} if n <= 5 else set())
        | ({people["Dee"]} if n in all_but_four else set())
        for n in range(1, 9)
    }
    eighth = sessions[7].meeting.day
    attend(session, coordinator, sessions, who, eighth)
    cohorts_progress.graduate(session, coordinator, c, [people["Eve"]], eighth, today=eighth)
    seen: set[Standing] = set()
    for day in (sessions[0].meeting.day, sessions[5].meeting.day, eighth, END_OF_PLAN):
        full = cohorts_progress.progress(session, coordinator, c, today=day).people
        quick = cohorts_progress.standings(session, coordinator, c, today=day)
        assert sorted(quick) == sorted(p.standing for p in full)
        seen |= set(quick)
    assert {Standing.DONE, Standing.CANNOT, Standing.ON_TRACK, Standing.COMPLETED} <= seen


def test_member_counts_agree_with_the_records(session: Session, coordinator: Actor) -> None:
    def joining(name: str, joined: date) -> int:
        return members.create_member(
            session, coordinator, MemberInput(full_name=name, date_joined=joined), today=MARCH
        ).id

    joining("Ann Before", date(2026, 2, 28))
    joining("Bo New", date(2026, 3, 1))
    away = joining("Cy New Away", date(2026, 3, 2))
    gone = joining("Di New Gone", date(2026, 3, 2))
    members.change_status(
        session, coordinator, away, MemberStatus.STEPPING_BACK, MARCH, reason="A break"
    )
    members.change_status(session, coordinator, gone, MemberStatus.LEFT, MARCH, today=MARCH)
    start, end = month_of(MARCH)
    counts = member_counts(session, start, end)
    rows = session.scalars(select(Member).where(Member.erased_at.is_(None))).all()
    current = [m for m in rows if m.status in ("active", "stepping_back")]
    assert counts.active == sum(1 for m in rows if m.status == "active") == 2
    assert counts.stepping_back == 1
    assert counts.newcomers == sum(1 for m in current if start <= m.date_joined <= end) == 2
