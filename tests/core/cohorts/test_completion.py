"""The completion rule: percentage rounded up, required sessions, the edge at the threshold,
and progress computed live from attendance typed in through the meetings service."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import cohorts_progress, cohorts_sessions, meetings_attendance
from involve_desktop.core.services.cohorts_dto import EnrolmentState, Standing
from involve_desktop.core.services.cohorts_progress import completion_rule, needed_for
from tests.core.cohorts.helpers import attend, cohort, enrolled, person, plan, programme

END = date(2026, 3, 10)  # the tenth Tuesday from 6 Jan 2026


@pytest.mark.parametrize(
    ("total", "percent", "needed"),
    [(10, 80, 8), (9, 80, 8), (12, 75, 9), (7, 100, 7), (10, 1, 1), (5, 80, 4), (0, 80, 0)],
)
def test_needed_is_the_share_rounded_up(total, percent, needed) -> None:
    assert needed_for(total, percent) == needed


@given(total=st.integers(1, 60), percent=st.integers(1, 100))
def test_needed_is_the_smallest_count_reaching_the_share(total: int, percent: int) -> None:
    needed = needed_for(total, percent)
    assert needed * 100 >= percent * total  # enough
    assert (needed - 1) * 100 < percent * total  # one fewer is not
    assert 1 <= needed <= total


@given(
    needed=st.integers(0, 20),
    attended=st.integers(0, 20),
    remaining=st.integers(0, 20),
    not_recorded=st.integers(0, 5),
)
def test_rule_never_says_done_short_of_the_count(needed, attended, remaining, not_recorded):
    result = completion_rule(
        needed=needed, attended=attended, remaining=remaining, not_recorded=not_recorded
    )
    assert (result.standing is Standing.DONE) == (attended >= needed)
    assert (result.standing is Standing.CANNOT) == (needed - attended > remaining + not_recorded)


def test_rule_sentences() -> None:
    assert completion_rule(needed=8, attended=5, remaining=3, not_recorded=0).text == (
        "Needs 3 more of the remaining 3 sessions"
    )
    assert completion_rule(needed=8, attended=6, remaining=3, not_recorded=0).text == (
        "Needs 2 more of the remaining 3 sessions"
    )
    done = completion_rule(needed=8, attended=8, remaining=2, not_recorded=0)
    assert (done.standing, done.text) == (Standing.DONE, "Completed the attendance needed")
    cannot = completion_rule(needed=8, attended=4, remaining=3, not_recorded=0)
    assert cannot.standing is Standing.CANNOT
    assert cannot.text == "Cannot now complete: needs 4 more but only 3 sessions remain"
    missed = completion_rule(
        needed=8, attended=8, remaining=0, not_recorded=0, required_missed=(4,)
    )
    assert missed.text == "Cannot now complete: missed required session 4"
    pending = completion_rule(
        needed=8, attended=8, remaining=2, not_recorded=0, required_to_come=(10,)
    )
    assert pending.standing is Standing.ON_TRACK
    assert pending.text == "Has enough sessions; must still attend required session 10"
    unrecorded = completion_rule(needed=8, attended=6, remaining=0, not_recorded=2)
    assert unrecorded.text == "Needs 2 more of the remaining 2 sessions"


def _ten_weeks(session, coordinator, **rules):
    prog = programme(session, coordinator, **rules)
    c = cohort(session, coordinator, prog)
    sessions = plan(session, coordinator, c, 10)
    return c, sessions


def test_eight_of_ten_at_80_percent_completes_seven_does_not(session, coordinator) -> None:
    c, sessions = _ten_weeks(session, coordinator)
    eight, seven = (
        person(session, coordinator, "Aisha Khan"),
        person(session, coordinator, "Ben Okafor"),
    )
    for m in (eight, seven):
        enrolled(session, coordinator, c, m)
    who = {n: {eight, seven} for n in range(1, 8)} | {8: {eight}}
    attend(session, coordinator, sessions, who, END)
    result = cohorts_progress.progress(session, coordinator, c, today=END)
    by_name = {p.name: p for p in result.people}
    assert (result.total_sessions, result.needed, result.held) == (10, 8, 10)
    assert by_name["Aisha Khan"].attended == 8
    assert by_name["Aisha Khan"].text == "Completed the attendance needed"
    assert by_name["Ben Okafor"].attended == 7
    assert by_name["Ben Okafor"].standing is Standing.CANNOT
    graduated = cohorts_progress.graduate(session, coordinator, c, [eight, seven], END, today=END)
    assert [p.name for p in graduated.graduated] == ["Aisha Khan"]
    assert [(p.name, why) for p, why in graduated.refused] == [
        ("Ben Okafor", "Cannot now complete: needs 1 more but only 0 sessions remain")
    ]
    after = {
        p.name: p for p in cohorts_progress.progress(session, coordinator, c, today=END).people
    }
    assert after["Aisha Khan"].state is EnrolmentState.COMPLETED
    assert after["Aisha Khan"].text == "Graduated on Tue 10 Mar 2026"
    assert after["Ben Okafor"].state is EnrolmentState.ENROLLED
    cohorts_progress.undo_graduation(session, coordinator, c, eight)
    again = {
        p.name: p for p in cohorts_progress.progress(session, coordinator, c, today=END).people
    }
    assert again["Aisha Khan"].state is EnrolmentState.ENROLLED
    assert again["Aisha Khan"].text == "Completed the attendance needed"
    with pytest.raises(ValidationError, match="have not graduated"):
        cohorts_progress.undo_graduation(session, coordinator, c, seven)


def test_nine_sessions_at_80_percent_need_eight(session, coordinator) -> None:
    prog = programme(session, coordinator, sessions=9)
    c = cohort(session, coordinator, prog)
    sessions = plan(session, coordinator, c, 9)
    m = person(session, coordinator, "Aisha Khan")
    enrolled(session, coordinator, c, m)
    last = sessions[-1].meeting.day
    attend(session, coordinator, sessions, {n: {m} for n in range(1, 8)}, last)
    [p] = cohorts_progress.progress(session, coordinator, c, today=last).people
    assert (p.attended, p.needed, p.standing) == (7, 8, Standing.CANNOT)


def test_progress_mid_way_says_how_many_more(session, coordinator) -> None:
    c, sessions = _ten_weeks(session, coordinator)
    m = person(session, coordinator, "Aisha Khan")
    enrolled(session, coordinator, c, m)
    seventh = sessions[6].meeting.day
    attend(session, coordinator, sessions, {n: {m} for n in (1, 2, 3, 4, 5, 6)}, seventh)
    [p] = cohorts_progress.progress(session, coordinator, c, today=seventh).people
    assert (p.attended, p.held, p.remaining) == (6, 7, 3)
    assert p.text == "Needs 2 more of the remaining 3 sessions"


def test_required_session_missed_cannot_complete(session, coordinator) -> None:
    c, sessions = _ten_weeks(session, coordinator, required=(4, 10))
    m = person(session, coordinator, "Aisha Khan")
    enrolled(session, coordinator, c, m)
    fifth = sessions[4].meeting.day
    attend(session, coordinator, sessions, {n: {m} for n in (1, 2, 3, 5)}, fifth)
    [p] = cohorts_progress.progress(session, coordinator, c, today=fifth).people
    assert p.required_missed == (4,)
    assert p.required_to_come == (10,)
    assert p.text == "Cannot now complete: missed required session 4"


def test_required_session_still_to_come_is_named(session, coordinator) -> None:
    c, sessions = _ten_weeks(session, coordinator, required=(10,))
    m = person(session, coordinator, "Aisha Khan")
    enrolled(session, coordinator, c, m)
    ninth = sessions[8].meeting.day
    attend(session, coordinator, sessions, {n: {m} for n in range(1, 10)}, ninth)
    [p] = cohorts_progress.progress(session, coordinator, c, today=ninth).people
    assert p.text == "Has enough sessions; must still attend required session 10"
    refused = cohorts_progress.graduate(session, coordinator, c, [m], ninth, today=ninth)
    assert refused.graduated == () and "session 10" in refused.refused[0][1]


def test_cancelled_session_stops_counting_and_keeps_numbers(session, coordinator) -> None:
    c, sessions = _ten_weeks(session, coordinator, required=(3,))
    cohorts_sessions.cancel_session(session, coordinator, sessions[2].meeting.id, "Snow")
    m = person(session, coordinator, "Aisha Khan")
    enrolled(session, coordinator, c, m)
    listed = cohorts_sessions.list_sessions(session, coordinator, c)
    assert [s.number for s in listed] == list(range(1, 11))
    assert listed[2].meeting.cancelled
    result = cohorts_progress.progress(session, coordinator, c, today=END)
    assert (result.total_sessions, result.needed) == (9, 8)  # 80 % of 9, rounded up
    assert result.people[0].required_missed == ()  # a cancelled required session is waived


def test_attendance_typed_in_for_a_session_shows_in_progress_at_once(session, coordinator) -> None:
    c, sessions = _ten_weeks(session, coordinator)
    m = person(session, coordinator, "Aisha Khan")
    enrolled(session, coordinator, c, m)
    first = sessions[0].meeting
    sheet = meetings_attendance.attendance_sheet(session, coordinator, first.id)
    assert [r.name for r in sheet.rows] == ["Aisha Khan"]  # enrolled people are expected
    [before] = cohorts_progress.progress(session, coordinator, c, today=first.day).people
    assert (before.attended, before.not_recorded) == (0, 1)
    meetings_attendance.set_attendance(
        session, coordinator, first.id, {m: "present"}, today=first.day
    )
    [after] = cohorts_progress.progress(session, coordinator, c, today=first.day).people
    assert (after.attended, after.held, after.not_recorded) == (1, 1, 0)
    assert after.text == "Needs 7 more of the remaining 9 sessions"


def test_graduation_date_cannot_be_ahead(session, coordinator) -> None:
    c, _ = _ten_weeks(session, coordinator)
    with pytest.raises(ValidationError):
        cohorts_progress.graduate(session, coordinator, c, [], END + timedelta(days=1), today=END)
