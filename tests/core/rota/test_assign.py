"""Assigning people to shifts: each hard rule on its own, limits and their override, audit."""

from __future__ import annotations

from datetime import date, time

import pytest

from involve_desktop.core.errors import PermissionDenied, ValidationError
from involve_desktop.core.services import audit, members
from involve_desktop.core.services import rota_availability as availability
from involve_desktop.core.services.member_dto import MemberStatus
from involve_desktop.core.services.rota_assign import assign, unassign
from involve_desktop.core.services.rota_dto import AvailabilitySlot, CoverageState
from involve_desktop.core.services.rota_rules import RotaRefused
from involve_desktop.core.services.rota_shifts import cancel_shift, shift_view
from tests.core.rota.helpers import NO_TRAINING, TODAY, TUE, peer, shift, site


@pytest.fixture
def ward(session, coordinator):
    return site(session, coordinator, "Ward 4")


def refused(session, actor, shift_id, member_id, **kw) -> RotaRefused:
    with pytest.raises(RotaRefused) as err:
        assign(session, actor, shift_id, member_id, **kw)
    return err.value


def test_assign_puts_person_on_shift_and_audits(session, coordinator, ward):
    s = shift(session, coordinator, ward)
    aisha = peer(session, coordinator, "Aisha Khan")
    assignment = assign(session, coordinator, s, aisha)
    view = shift_view(session, coordinator, s)
    assert [a.name for a in view.assignees] == ["Aisha Khan"]
    assert view.state is CoverageState.ALONE
    row = audit.list_entries(session, coordinator, "rota_assignment", assignment)[0]
    assert row.action == "create" and row.changes["member"] == "Aisha Khan"
    assert row.changes["shift"] == "Ward 4, Tue 3 Mar 2026 09:00–13:00"


def test_expired_training_refused_with_name_and_date(session, coordinator, ward):
    s = shift(session, coordinator, ward)
    aisha = peer(session, coordinator, "Aisha Khan", trained_until=date(2026, 3, 2))
    err = refused(session, coordinator, s, aisha)
    assert err.message == "Aisha Khan's peer support training expired on Mon 2 Mar 2026."
    assert not err.overridable
    # Expiring on the shift day itself is still current.
    on_day = peer(session, coordinator, "Ben Okoro", trained_until=TUE)
    assign(session, coordinator, s, on_day)


def test_no_training_refused(session, coordinator, ward):
    s = shift(session, coordinator, ward)
    cal = peer(session, coordinator, "Cal Reid", trained_until=NO_TRAINING)
    assert (
        "Cal Reid has no peer support training recorded"
        in refused(session, coordinator, s, cal).message
    )


def test_not_a_peer_supporter_refused(session, coordinator, ward):
    s = shift(session, coordinator, ward)
    dee = peer(session, coordinator, "Dee Lowe", role=False)
    assert (
        "Dee Lowe is not a peer supporter on Tue 3 Mar 2026"
        in refused(session, coordinator, s, dee).message
    )


def test_stepping_back_and_left_refused(session, coordinator, ward):
    s = shift(session, coordinator, ward)
    eli = peer(session, coordinator, "Eli Ward")
    members.change_status(session, coordinator, eli, MemberStatus.STEPPING_BACK, TODAY, today=TODAY)
    assert refused(session, coordinator, s, eli).message == (
        "Eli Ward is stepping back, so cannot be put on shifts."
    )
    members.change_status(session, coordinator, eli, MemberStatus.LEFT, TODAY, today=TODAY)
    assert "Eli Ward has left the group" in refused(session, coordinator, s, eli).message


def test_unavailable_period_refused(session, coordinator, ward):
    s = shift(session, coordinator, ward)
    fay = peer(session, coordinator, "Fay Moss")
    availability.add_unavailable(session, coordinator, fay, date(2026, 3, 1), TUE)
    assert refused(session, coordinator, s, fay).message == (
        "Fay Moss is unavailable from Sun 1 Mar 2026 to Tue 3 Mar 2026."
    )


def test_weekly_availability_must_cover_whole_shift(session, coordinator, ward):
    s = shift(session, coordinator, ward)  # Tue 09:00–13:00
    partial = [AvailabilitySlot(1, time(10), time(17))]
    gus = peer(session, coordinator, "Gus Hale", weekly=partial)
    assert (
        "Gus Hale is not available Tuesdays 09:00–13:00"
        in refused(session, coordinator, s, gus).message
    )
    wrong_day = peer(
        session, coordinator, "Hana Park", weekly=[AvailabilitySlot(2, time(8), time(18))]
    )
    assert refused(session, coordinator, s, wrong_day).code == "not_available"
    fits = peer(session, coordinator, "Ian Fox", weekly=[AvailabilitySlot(1, time(9), time(13))])
    assign(session, coordinator, s, fits)


def test_outside_weekly_availability_is_overridable_with_a_recorded_reason(
    session, coordinator, ward
):
    s = shift(session, coordinator, ward)  # Tue 09:00–13:00
    hana = peer(session, coordinator, "Hana Park", weekly=[AvailabilitySlot(2, time(8), time(18))])
    err = refused(session, coordinator, s, hana)
    assert err.overridable and err.codes == ("not_available",)
    assert err.message == (
        "Hana Park is not available Tuesdays 09:00–13:00 (outside their weekly availability)."
    )
    assignment = assign(
        session, coordinator, s, hana, override_limits=True, override_reason="Rang her; can do it"
    )
    assert shift_view(session, coordinator, s).assignees[0].override_reason == (
        "Rang her; can do it"
    )
    row = audit.list_entries(session, coordinator, "rota_assignment", assignment)[0]
    assert "outside their weekly availability" in row.changes["over limit"]


def test_outside_availability_and_over_a_limit_are_both_named(session, coordinator, ward):
    mon = shift(session, coordinator, ward, day=TODAY)
    tue = shift(session, coordinator, ward)
    monday_only = [AvailabilitySlot(0, time(7), time(23))]
    pat = peer(session, coordinator, "Pat Gray", weekly=monday_only, limits=(1, None))
    assign(session, coordinator, mon, pat)
    err = refused(session, coordinator, tue, pat)
    assert err.overridable and err.codes == ("not_available", "limit_week")
    assert "outside their weekly availability" in err.message
    assert "limit of 1 shift a week" in err.message


def test_time_off_training_status_and_overlap_stay_hard_even_with_a_reason(
    session, coordinator, ward
):
    s = shift(session, coordinator, ward)
    fay = peer(session, coordinator, "Fay Moss")
    availability.add_unavailable(session, coordinator, fay, TUE, TUE)
    err = refused(session, coordinator, s, fay, override_limits=True, override_reason="asked")
    assert err.code == "unavailable" and not err.overridable
    old = peer(session, coordinator, "Olu Reed", trained_until=date(2026, 3, 2))
    err = refused(session, coordinator, s, old, override_limits=True, override_reason="asked")
    assert err.code == "training" and not err.overridable


def test_overnight_shift_and_overnight_availability(session, coordinator, ward):
    night = shift(session, coordinator, ward, start=time(22), end=time(6))
    view = shift_view(session, coordinator, night)
    assert view.slot.end.date() == date(2026, 3, 4) and view.slot.minutes == 8 * 60
    owl = peer(session, coordinator, "Ola Night", weekly=[AvailabilitySlot(1, time(20), time(8))])
    assign(session, coordinator, night, owl)
    early = shift(session, coordinator, ward, day=date(2026, 3, 4), start=time(5), end=time(7))
    assert refused(session, coordinator, early, owl).code in {"not_available", "overlap"}


def test_overlapping_shift_refused_but_touching_is_fine(session, coordinator, ward):
    other = site(session, coordinator, "Riverside Café", kind="community_venue")
    morning = shift(session, coordinator, ward)  # 09:00–13:00
    clash = shift(session, coordinator, other, start=time(12), end=time(15))
    after = shift(session, coordinator, other, start=time(13), end=time(16))
    jo = peer(session, coordinator, "Jo Adeyemi")
    assign(session, coordinator, morning, jo)
    assert refused(session, coordinator, clash, jo).message == (
        "Jo Adeyemi is already on Ward 4, Tue 3 Mar 2026 09:00–13:00 at that time."
    )
    assign(session, coordinator, after, jo)


def test_double_booking_refused(session, coordinator, ward):
    s = shift(session, coordinator, ward)
    kim = peer(session, coordinator, "Kim Lee")
    assign(session, coordinator, s, kim)
    assert refused(session, coordinator, s, kim).message == "Kim Lee is already on this shift."


def test_over_max_refused(session, coordinator, ward):
    s = shift(session, coordinator, ward, min_peers=1, max_peers=1)
    assign(session, coordinator, s, peer(session, coordinator, "Lou Dean"))
    assert shift_view(session, coordinator, s).state is CoverageState.FULL
    err = refused(session, coordinator, s, peer(session, coordinator, "Max Orr"))
    assert "already has its maximum of 1 peer." in err.message and not err.overridable


def test_cancelled_shift_refused(session, coordinator, ward):
    s = shift(session, coordinator, ward)
    cancel_shift(session, coordinator, s, "Ward closed for deep clean")
    assert refused(session, coordinator, s, peer(session, coordinator, "Nia Bell")).code == (
        "cancelled"
    )
    assert shift_view(session, coordinator, s).cancelled_reason == "Ward closed for deep clean"


def test_weekly_limit_refused_then_overridden_with_reason(session, coordinator, ward):
    mon = shift(session, coordinator, ward, day=TODAY)
    tue = shift(session, coordinator, ward)
    pat = peer(session, coordinator, "Pat Gray", limits=(1, None))
    assign(session, coordinator, mon, pat)
    err = refused(session, coordinator, tue, pat)
    assert err.overridable and err.message == (
        "Pat Gray would be over their limit of 1 shift a week (1 already in the week of "
        "Mon 2 Mar 2026)."
    )
    with pytest.raises(RotaRefused, match="Give a reason"):
        assign(session, coordinator, tue, pat, override_limits=True)
    assignment = assign(
        session, coordinator, tue, pat, override_limits=True, override_reason="Pat offered"
    )
    view = shift_view(session, coordinator, tue)
    assert view.assignees[0].override_reason == "Pat offered"
    row = audit.list_entries(session, coordinator, "rota_assignment", assignment)[0]
    assert row.changes["override reason"] == "Pat offered"
    assert "limit of 1 shift a week" in row.changes["over limit"]


def test_monthly_hours_limit(session, coordinator, ward):
    first = shift(session, coordinator, ward, day=date(2026, 3, 10), start=time(9), end=time(17))
    second = shift(session, coordinator, ward, day=date(2026, 3, 17), start=time(9), end=time(12))
    next_month = shift(
        session, coordinator, ward, day=date(2026, 4, 7), start=time(9), end=time(12)
    )
    quinn = peer(session, coordinator, "Quinn Roe", limits=(None, 10))
    assign(session, coordinator, first, quinn)
    err = refused(session, coordinator, second, quinn)
    assert err.code == "limit_month" and "8 h already in March 2026, this shift 3 h" in err.message
    assign(session, coordinator, next_month, quinn)


def test_unassign_is_audited_and_frees_the_place(session, coordinator, ward):
    s = shift(session, coordinator, ward, min_peers=1, max_peers=1)
    ray = peer(session, coordinator, "Ray Burn")
    assignment = assign(session, coordinator, s, ray)
    unassign(session, coordinator, s, ray)
    assert shift_view(session, coordinator, s).assignees == ()
    row = audit.list_entries(session, coordinator, "rota_assignment", assignment)[0]
    assert row.action == "delete" and row.changes["member"] == "Ray Burn"
    assign(session, coordinator, s, peer(session, coordinator, "Sia Long"))


def test_facilitator_reads_but_cannot_assign(session, coordinator, ward, facilitator):
    s = shift(session, coordinator, ward)
    tom = peer(session, coordinator, "Tom Vale")
    assert shift_view(session, facilitator, s).state is CoverageState.NO_ONE
    with pytest.raises(PermissionDenied):
        assign(session, facilitator, s, tom)
    assert shift_view(session, coordinator, s).assignees == ()


def test_override_reason_too_long_names_field(session, coordinator, ward):
    s = shift(session, coordinator, ward)
    uma = peer(session, coordinator, "Uma Sol")
    with pytest.raises(ValidationError) as err:
        assign(session, coordinator, s, uma, override_limits=True, override_reason="x" * 501)
    assert err.value.field == "override_reason"
