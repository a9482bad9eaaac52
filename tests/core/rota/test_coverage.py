"""Coverage states, gaps, cover suggestions, the call-down log, attendance and history."""

from __future__ import annotations

from datetime import date, time

import pytest

from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.services import involvement
from involve_desktop.core.services import rota_availability as availability
from involve_desktop.core.services.rota_assign import assign
from involve_desktop.core.services.rota_attendance import record_attendance
from involve_desktop.core.services.rota_coverage import call_log, gaps, log_call, suggestions
from involve_desktop.core.services.rota_dto import Attendance, CallAnswer, CoverageState
from involve_desktop.core.services.rota_rules import RotaRefused, coverage_state
from involve_desktop.core.services.rota_shifts import cancel_shift, shift_view
from tests.core.rota.helpers import TODAY, TUE, peer, shift, site


@pytest.mark.parametrize(
    "count,low,high,state",
    [
        (0, 2, None, CoverageState.NO_ONE),
        (1, 2, None, CoverageState.ALONE),
        (1, 3, None, CoverageState.ALONE),
        (2, 3, None, CoverageState.SHORT),
        (1, 1, None, CoverageState.COVERED),
        (2, 2, 3, CoverageState.COVERED),
        (3, 2, 3, CoverageState.FULL),
        (0, 1, None, CoverageState.NO_ONE),
    ],
)
def test_coverage_states(count, low, high, state):
    assert coverage_state(count, low, high) is state
    assert state.label  # always words, never colour alone
    assert state.is_gap == (count < low)


def test_gaps_lists_shifts_below_minimum_with_state(session, coordinator):
    ward = site(session, coordinator)
    empty = shift(session, coordinator, ward, day=TUE)
    alone = shift(session, coordinator, ward, day=date(2026, 3, 4))
    full = shift(session, coordinator, ward, day=date(2026, 3, 5))
    cancelled = shift(session, coordinator, ward, day=date(2026, 3, 6))
    a, b = peer(session, coordinator, "Ann Gap"), peer(session, coordinator, "Bob Gap")
    assign(session, coordinator, alone, a)
    assign(session, coordinator, full, a)
    assign(session, coordinator, full, b)
    cancel_shift(session, coordinator, cancelled, "Venue flooded")
    found = gaps(session, coordinator, TODAY, date(2026, 3, 8))
    assert [(g.slot.id, g.state) for g in found] == [
        (empty, CoverageState.NO_ONE),
        (alone, CoverageState.ALONE),
    ]
    assert shift_view(session, coordinator, full).covered


def test_did_not_attend_no_longer_covers(session, coordinator):
    ward = site(session, coordinator)
    s = shift(session, coordinator, ward)
    a = assign(session, coordinator, s, peer(session, coordinator, "Ann One"))
    assign(session, coordinator, s, peer(session, coordinator, "Bob Two"))
    record_attendance(session, coordinator, a, Attendance.DID_NOT_ATTEND)
    assert shift_view(session, coordinator, s).state is CoverageState.ALONE


def test_suggestions_rank_fewest_recent_then_bank_and_list_refusals(session, coordinator):
    ward = site(session, coordinator)
    target = shift(session, coordinator, ward, day=date(2026, 3, 20))
    busy = peer(session, coordinator, "Abe Busy")
    quiet = peer(session, coordinator, "Zoe Quiet")
    bank = peer(session, coordinator, "Bea Bank", bank=True)
    limited = peer(session, coordinator, "Cal Capped", limits=(0, None))
    peer(session, coordinator, "Dan Expired", trained_until=date(2026, 3, 1))
    for day in (TUE, date(2026, 3, 10)):
        earlier = shift(session, coordinator, ward, day=day, min_peers=1)
        assign(session, coordinator, earlier, busy)
    got = suggestions(session, coordinator, target)
    assert [s.member_id for s in got.eligible] == [quiet, busy, bank, limited]
    assert [s.recent_shifts for s in got.eligible[:2]] == [0, 2]
    assert got.eligible[2].bank and got.eligible[3].limit_note.startswith("Cal Capped would be")
    assert [(n.name, n.reason) for n in got.not_eligible] == [
        ("Dan Expired", "Dan Expired's peer support training expired on Sun 1 Mar 2026.")
    ]
    bank_first = suggestions(session, coordinator, target, include_bank_first=True)
    assert [s.member_id for s in bank_first.eligible][:2] == [bank, quiet]


def test_call_down_log_and_yes_assigns(session, coordinator):
    ward = site(session, coordinator)
    s = shift(session, coordinator, ward)
    ann, bob = peer(session, coordinator, "Ann Call"), peer(session, coordinator, "Bob Call")
    log_call(session, coordinator, s, ann, CallAnswer.NO_REPLY, "Left a voicemail")
    log_call(session, coordinator, s, bob, CallAnswer.YES)
    log = call_log(session, coordinator, s)
    assert [(c.member_name, c.answer, c.asked_by) for c in log] == [
        ("Ann Call", CallAnswer.NO_REPLY, "Sam Coordinator"),
        ("Bob Call", CallAnswer.YES, "Sam Coordinator"),
    ]
    assert log[0].note == "Left a voicemail"
    assert [a.name for a in shift_view(session, coordinator, s).assignees] == ["Bob Call"]


def test_call_down_yes_refused_keeps_nothing(session, coordinator):
    ward = site(session, coordinator)
    s = shift(session, coordinator, ward)
    ann = peer(session, coordinator, "Ann Away")
    availability.add_unavailable(session, coordinator, ann, TUE, TUE)
    with pytest.raises(RotaRefused, match="unavailable"):
        log_call(session, coordinator, s, ann, CallAnswer.YES)
    assert call_log(session, coordinator, s) == []


def test_attendance_feeds_involvement_history(session, coordinator):
    ward = site(session, coordinator, "Ward 4")
    s = shift(session, coordinator, ward, start=time(9), end=time(13))
    ann = peer(session, coordinator, "Ann Worked")
    a = assign(session, coordinator, s, ann)
    record_attendance(session, coordinator, a, Attendance.WORKED, 3.5)
    items = involvement.history(session, coordinator, ann)
    assert [(i.on, i.description) for i in items] == [(TUE, "Peer support shift, Ward 4 — 3.5 h")]
    record_attendance(session, coordinator, a, Attendance.WORKED)
    assert involvement.history(session, coordinator, ann)[0].description.endswith("— 4 h")
    record_attendance(session, coordinator, a, Attendance.CANCELLED)
    assert involvement.history(session, coordinator, ann) == []


def test_facilitator_reads_gaps_but_cannot_log_calls(session, coordinator, facilitator):
    ward = site(session, coordinator)
    s = shift(session, coordinator, ward)
    ann = peer(session, coordinator, "Ann Call")
    assert [g.slot.id for g in gaps(session, facilitator, TODAY, TUE)] == [s]
    assert suggestions(session, facilitator, s).eligible[0].member_id == ann
    with pytest.raises(PermissionDenied):
        log_call(session, facilitator, s, ann, CallAnswer.NO)
