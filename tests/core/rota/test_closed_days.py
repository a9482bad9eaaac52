"""Closing a site on a day that already has shifts: refused with the count, or the shifts
are cancelled with the closed day's note (never a gap, nobody can be put on them)."""

from __future__ import annotations

from datetime import date, time

import pytest

from involve_desktop.core.errors import PermissionDenied, ValidationError
from involve_desktop.core.services import rota_assign, rota_coverage, rota_shifts, rota_sites
from involve_desktop.core.services.rota_autofill import propose_autofill
from involve_desktop.core.services.rota_rules import RotaRefused
from involve_desktop.core.services.rota_sites import ShiftsOnClosedDay, add_closed_date
from tests.core.rota.helpers import TODAY, TUE, peer, shift, site


@pytest.fixture
def ward_day(session, coordinator) -> dict[str, int]:
    """Ward 4 on Tuesday: 09–13 with Aisha and Ben, 14–18 with Carla, 18–22 empty;
    a shift at the Hub the same day and one at Ward 4 the next day."""
    ward = site(session, coordinator, "Ward 4")
    hub = site(session, coordinator, "Hub")
    ids = {
        "ward": ward,
        "morning": shift(session, coordinator, ward),
        "afternoon": shift(session, coordinator, ward, start=time(14), end=time(18)),
        "evening": shift(session, coordinator, ward, start=time(18), end=time(22)),
        "hub": shift(session, coordinator, hub),
        "wednesday": shift(session, coordinator, ward, day=date(2026, 3, 4)),
    }
    for name, on in (
        ("Aisha Khan", "morning"),
        ("Ben Morris", "morning"),
        ("Carla Diaz", "afternoon"),
    ):
        rota_assign.assign(session, coordinator, ids[on], peer(session, coordinator, name))
    ids["dan"] = peer(session, coordinator, "Dan Lee")
    return ids


def cancelled(session, actor, shift_id: int) -> tuple[bool, str | None]:
    view = rota_shifts.shift_view(session, actor, shift_id)
    return view.slot.cancelled, view.cancelled_reason


def test_closing_a_day_with_shifts_is_refused_naming_how_many(session, coordinator, ward_day):
    with pytest.raises(ShiftsOnClosedDay) as refused:
        add_closed_date(session, coordinator, ward_day["ward"], TUE, "Ward refurbishment")
    assert refused.value.field == "day"
    assert refused.value.message.startswith(
        "Ward 4 has 3 shifts on Tue 3 Mar 2026 (2 with people on them)."
    )
    assert refused.value.shifts.people == ("Aisha Khan", "Ben Morris", "Carla Diaz")
    # nothing written: the day is still open and every shift still stands
    assert rota_sites.closed_dates(session, coordinator, ward_day["ward"]) == []
    assert cancelled(session, coordinator, ward_day["morning"]) == (False, None)


def test_closing_and_cancelling_leaves_no_gap_and_no_one_can_be_put_on(
    session, coordinator, ward_day
):
    info = add_closed_date(
        session, coordinator, ward_day["ward"], TUE, "Ward refurbishment", cancel_shifts=True
    )
    assert (info.day, info.note) == (TUE, "Ward refurbishment")
    for name in ("morning", "afternoon", "evening"):
        assert cancelled(session, coordinator, ward_day[name]) == (True, "Ward refurbishment")
    # the Hub that day and Ward 4 the next day are untouched
    assert cancelled(session, coordinator, ward_day["hub"]) == (False, None)
    assert cancelled(session, coordinator, ward_day["wednesday"]) == (False, None)
    gaps = rota_coverage.gaps(session, coordinator, TUE, TUE)
    assert [g.slot.id for g in gaps] == [ward_day["hub"]]  # no "ALONE" or empty Ward 4 shift
    proposal = propose_autofill(session, coordinator, TUE, TUE, today=TODAY)
    assert {a.shift_id for a in proposal.assignments} <= {ward_day["hub"]}
    with pytest.raises((RotaRefused, ValidationError)):
        rota_assign.assign(session, coordinator, ward_day["evening"], ward_day["dan"])


def test_without_a_note_the_reason_names_the_site(session, coordinator, ward_day):
    add_closed_date(session, coordinator, ward_day["ward"], TUE, cancel_shifts=True)
    assert cancelled(session, coordinator, ward_day["evening"]) == (True, "Ward 4 closed that day")


def test_a_day_without_shifts_or_with_only_cancelled_ones_closes_at_once(
    session, coordinator, ward_day
):
    add_closed_date(session, coordinator, ward_day["ward"], date(2026, 3, 5))
    for name in ("morning", "afternoon", "evening"):
        rota_shifts.cancel_shift(session, coordinator, ward_day[name], "Staff training day")
    add_closed_date(session, coordinator, ward_day["ward"], TUE, "Training")
    closed = rota_sites.closed_dates(session, coordinator, ward_day["ward"])
    assert [c.day for c in closed] == [TUE, date(2026, 3, 5)]
    assert cancelled(session, coordinator, ward_day["morning"]) == (True, "Staff training day")


def test_sentences_for_one_shift_and_for_empty_shifts(session, coordinator):
    ward = site(session, coordinator, "Ward 4")
    shift(session, coordinator, ward)
    found = rota_sites.shifts_on_day(session, coordinator, ward, TUE)
    assert found.sentence() == "Ward 4 has 1 shift on Tue 3 Mar 2026 (nobody on it yet)."
    on = shift(session, coordinator, ward, start=time(14), end=time(18))
    rota_assign.assign(session, coordinator, on, peer(session, coordinator, "Aisha Khan"))
    found = rota_sites.shifts_on_day(session, coordinator, ward, TUE)
    assert found.sentence() == "Ward 4 has 2 shifts on Tue 3 Mar 2026 (1 with people on them)."


def test_closing_a_closed_day_again_is_refused(session, coordinator, ward_day):
    add_closed_date(session, coordinator, ward_day["ward"], TUE, cancel_shifts=True)
    with pytest.raises(ValidationError, match="already closed on Tue 3 Mar 2026"):
        add_closed_date(session, coordinator, ward_day["ward"], TUE, cancel_shifts=True)
    assert len(rota_sites.closed_dates(session, coordinator, ward_day["ward"])) == 1


def test_a_facilitator_cannot_close_a_day(session, coordinator, facilitator, ward_day):
    with pytest.raises(PermissionDenied):
        add_closed_date(session, facilitator, ward_day["ward"], TUE, cancel_shifts=True)
    assert cancelled(session, coordinator, ward_day["morning"]) == (False, None)


def test_a_worked_shift_is_not_cancelled_and_opening_again_reinstates_the_rest(
    session, coordinator
):
    from involve_desktop.core.services.rota_attendance import record_attendance
    from involve_desktop.core.services.rota_dto import Attendance

    ward = site(session, coordinator, "Ward 4")
    past = date(2026, 2, 24)
    worked = shift(session, coordinator, ward, past)
    aisha = peer(session, coordinator, "Aisha Khan")
    a = rota_assign.assign(session, coordinator, worked, aisha)
    record_attendance(session, coordinator, a, Attendance.WORKED, today=TODAY)
    with pytest.raises(ValidationError, match="recorded as having worked") as refused:
        add_closed_date(session, coordinator, ward, past, "flood", cancel_shifts=True)
    assert refused.value.field == "reason"
    assert not rota_shifts.shift_view(session, coordinator, worked).cancelled_reason
    assert rota_sites.closed_dates(session, coordinator, ward) == []
    # A day still to come: closing cancels its shift, opening again puts it back.
    later = shift(session, coordinator, ward, TUE)
    rota_assign.assign(session, coordinator, later, aisha)
    closed = add_closed_date(session, coordinator, ward, TUE, "flood", cancel_shifts=True)
    assert rota_shifts.shift_view(session, coordinator, later).cancelled_reason == "flood"
    rota_sites.remove_closed_date(session, coordinator, closed.id)
    view = rota_shifts.shift_view(session, coordinator, later)
    assert view.cancelled_reason is None
    assert [p.member_id for p in view.assignees] == [aisha]
