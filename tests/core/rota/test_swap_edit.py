"""Swapping two people's shifts, changing one shift, and a person's own shifts."""

from __future__ import annotations

from datetime import date, time

import pytest

from involve_desktop.core.errors import PermissionDenied, ValidationError
from involve_desktop.core.services import audit
from involve_desktop.core.services.rota_assign import assign
from involve_desktop.core.services.rota_attendance import record_attendance
from involve_desktop.core.services.rota_dto import Attendance, AvailabilitySlot
from involve_desktop.core.services.rota_rules import RotaRefused
from involve_desktop.core.services.rota_shifts import person_shifts, shift_view, update_shift
from involve_desktop.core.services.rota_swap import swap, swap_candidates
from tests.core.rota.helpers import TUE, peer, shift, site

WED = date(2026, 3, 4)


@pytest.fixture
def two_shifts(session, coordinator):
    ward = site(session, coordinator, "Ward 4")
    tue = shift(session, coordinator, ward, TUE)
    wed = shift(session, coordinator, ward, WED)
    aisha = peer(session, coordinator, "Aisha Khan")
    ben = peer(session, coordinator, "Ben Okoro")
    a = assign(session, coordinator, tue, aisha)
    b = assign(session, coordinator, wed, ben)
    return tue, wed, aisha, ben, a, b


def names(session, actor, shift_id):
    return [p.name for p in shift_view(session, actor, shift_id).assignees]


def test_swap_moves_both_people_and_audits(session, coordinator, two_shifts):
    tue, wed, _, _, a, b = two_shifts
    new_a, _ = swap(session, coordinator, a, b)
    assert names(session, coordinator, tue) == ["Ben Okoro"]
    assert names(session, coordinator, wed) == ["Aisha Khan"]
    swaps = [
        e.changes["swap"]
        for e in audit.list_entries(session, coordinator, "rota_assignment", new_a)
        if "swap" in e.changes
    ]
    assert len(swaps) == 1 and "Aisha Khan now on Ward 4, Wed 4 Mar 2026" in swaps[0]


def test_swap_refused_as_a_whole_when_one_move_breaks_a_rule(session, coordinator, two_shifts):
    tue, wed, aisha, _, a, _ = two_shifts
    ward = site(session, coordinator, "Ward 9")
    thu = shift(session, coordinator, ward, date(2026, 3, 5))
    tuesdays = [AvailabilitySlot(1, time(7), time(23))]
    cara = peer(
        session,
        coordinator,
        "Cara Doyle",
        weekly=tuesdays + [AvailabilitySlot(3, time(7), time(23))],
    )
    c = assign(session, coordinator, thu, cara)
    # Aisha is free every day, Cara only Tuesdays and Thursdays: Cara → Tue is fine,
    # but make Aisha unable to take Thursday by changing her availability.
    from involve_desktop.core.services.rota_availability import set_weekly_availability

    set_weekly_availability(session, coordinator, aisha, tuesdays)
    with pytest.raises(RotaRefused) as err:
        swap(session, coordinator, a, c)
    assert "Aisha Khan is not available Thursdays" in err.value.message
    assert names(session, coordinator, tue) == ["Aisha Khan"]
    assert names(session, coordinator, thu) == ["Cara Doyle"]


def test_swap_may_take_a_shift_overlapping_the_one_given_up(session, coordinator):
    ward, ward9 = site(session, coordinator, "Ward 4"), site(session, coordinator, "Ward 9")
    early = shift(session, coordinator, ward, TUE, time(9), time(13))
    overlapping = shift(session, coordinator, ward9, TUE, time(10), time(14))
    aisha, ben = peer(session, coordinator, "Aisha Khan"), peer(session, coordinator, "Ben Okoro")
    a = assign(session, coordinator, early, aisha)
    b = assign(session, coordinator, overlapping, ben)
    swap(session, coordinator, a, b)
    assert names(session, coordinator, early) == ["Ben Okoro"]
    assert names(session, coordinator, overlapping) == ["Aisha Khan"]


def test_swap_with_limit_needs_reason(session, coordinator):
    ward = site(session, coordinator, "Ward 4")
    short = shift(session, coordinator, ward, TUE, time(9), time(11))
    long = shift(session, coordinator, ward, WED, time(9), time(17))
    aisha = peer(session, coordinator, "Aisha Khan", limits=(None, 4))
    ben = peer(session, coordinator, "Ben Okoro")
    a, b = assign(session, coordinator, short, aisha), assign(session, coordinator, long, ben)
    with pytest.raises(RotaRefused) as err:
        swap(session, coordinator, a, b)
    assert err.value.overridable
    swap(session, coordinator, a, b, override_limits=True, override_reason="She asked to")
    view = shift_view(session, coordinator, long)
    assert view.assignees[0].override_reason == "She asked to"


def test_swap_refuses_recorded_same_shift_and_facilitator(
    session, coordinator, facilitator, two_shifts
):
    tue, wed, _, ben, a, b = two_shifts
    with pytest.raises(PermissionDenied):
        swap(session, facilitator, a, b)
    with pytest.raises(ValidationError):
        swap(session, coordinator, a, a)
    record_attendance(session, coordinator, b, Attendance.WORKED)
    with pytest.raises(ValidationError) as err:
        swap(session, coordinator, a, b)
    assert "already recorded" in err.value.message


def test_swap_candidates_list_other_peoples_shifts(session, coordinator, two_shifts):
    tue, wed, _, _, a, b = two_shifts
    found = swap_candidates(session, coordinator, a, TUE, WED)
    assert [(c.assignment_id, c.name) for c in found] == [(b, "Ben Okoro")]
    assert found[0].shift_label.startswith("Ward 4, Wed 4 Mar 2026")


def test_update_shift_changes_times_and_audits(session, coordinator, two_shifts):
    tue, *_ = two_shifts
    update_shift(session, coordinator, tue, time(10), time(14), 2, 3, None)
    view = shift_view(session, coordinator, tue)
    assert view.slot.max_peers == 3 and view.slot.training_name is None
    assert view.slot.label == "Ward 4, Tue 3 Mar 2026 10:00–14:00"
    updates = [
        e.changes
        for e in audit.list_entries(session, coordinator, "rota_shift", tue)
        if e.action == "update"
    ]
    assert len(updates) == 1 and set(updates[0]) == {"start", "end", "max_peers", "training"}


def test_update_shift_refused_when_someone_on_it_could_not_do_it(session, coordinator, two_shifts):
    tue, wed, aisha, ben, a, b = two_shifts
    from involve_desktop.core.services.rota_availability import set_weekly_availability

    set_weekly_availability(session, coordinator, aisha, [AvailabilitySlot(1, time(8), time(13))])
    with pytest.raises(RotaRefused) as err:
        update_shift(session, coordinator, tue, time(9), time(15), 2, None, None)
    assert "Aisha Khan is not available Tuesdays 09:00–15:00" in err.value.message
    assert "Take them off the shift first" in err.value.message
    assert shift_view(session, coordinator, tue).slot.label.endswith("09:00–13:00")
    with pytest.raises(ValidationError) as low:
        update_shift(session, coordinator, tue, time(9), time(13), 2, 0, None)
    assert low.value.field in {"max_peers", "min_peers"}


def test_person_shifts_only_theirs(session, coordinator, two_shifts):
    tue, wed, aisha, *_ = two_shifts
    found = person_shifts(session, coordinator, aisha, TUE, WED)
    assert [v.slot.id for v in found] == [tue]
    assert person_shifts(session, coordinator, aisha, WED, WED) == []


def test_outcomes_recorded_together_and_not_before_the_day(session, coordinator, two_shifts):
    from involve_desktop.core.services.rota_attendance import record_shift_outcomes

    tue, wed, _, _, a, b = two_shifts
    with pytest.raises(ValidationError) as early:
        record_shift_outcomes(
            session, coordinator, {a: (Attendance.WORKED, None)}, today=date(2026, 3, 2)
        )
    assert "record what happened on or after" in early.value.message
    with pytest.raises(ValidationError):  # hours for "did not attend": nothing is saved
        record_shift_outcomes(
            session,
            coordinator,
            {a: (Attendance.WORKED, 3.0), b: (Attendance.DID_NOT_ATTEND, 2.0)},
            today=WED,
        )
    assert shift_view(session, coordinator, tue).assignees[0].attendance is None
    record_shift_outcomes(
        session,
        coordinator,
        {a: (Attendance.WORKED, 3.0), b: (Attendance.DID_NOT_ATTEND, None)},
        today=WED,
    )
    worked = shift_view(session, coordinator, tue).assignees[0]
    assert worked.attendance is Attendance.WORKED and worked.actual_minutes == 180
    assert shift_view(session, coordinator, wed).state.is_gap
