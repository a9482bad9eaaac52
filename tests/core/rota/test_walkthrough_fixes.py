"""Rules found missing when trying the rota as a new user: why each gap is a gap, why nobody
is listed for a shift, swap candidates, a pattern minimum above the site's maximum, and an
auto-fill of a period with no shifts."""

from __future__ import annotations

from datetime import date, time

import pytest

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import member_records, members, reference_lists
from involve_desktop.core.services.member_dto import MemberInput
from involve_desktop.core.services.rota_assign import assign
from involve_desktop.core.services.rota_autofill import propose_autofill
from involve_desktop.core.services.rota_coverage import suggestions
from involve_desktop.core.services.rota_dto import AvailabilitySlot, PatternInput, plural
from involve_desktop.core.services.rota_gap_reasons import gaps_with_reasons
from involve_desktop.core.services.rota_patterns import create_pattern
from involve_desktop.core.services.rota_swap import swap_candidates
from tests.core.rota.helpers import TODAY, TUE, peer, shift, site

WED = date(2026, 3, 4)


def test_plural_words():
    assert plural(1, "shift") == "1 shift"
    assert plural(3, "shift") == "3 shifts"
    assert plural(34, "person", "people") == "34 people"
    assert plural(1, "person", "people") == "1 person"


def why_of(session, actor, shift_id, start=TUE, end=WED, today=TODAY) -> str:
    found = gaps_with_reasons(session, actor, start, end, today=today)
    return {g.view.slot.id: g.why for g in found}[shift_id]


def test_gap_reason_names_coverage_and_who_could_cover(session, coordinator):
    ward = site(session, coordinator)
    s = shift(session, coordinator, ward)
    aisha = peer(session, coordinator, "Aisha Khan")
    peer(session, coordinator, "Ben Morris")
    assign(session, coordinator, s, aisha)
    assert why_of(session, coordinator, s) == (
        "alone: needs 2, has 1 — 1 person could cover — open it to ring round"
    )


def test_gap_reason_when_no_one_trained(session, coordinator):
    ward = site(session, coordinator)
    s = shift(session, coordinator, ward)
    peer(session, coordinator, "Cara Old", trained_until=date(2026, 3, 1))
    peer(session, coordinator, "Dan Old", trained_until=date(2026, 2, 1))
    assert why_of(session, coordinator, s) == (
        "no one: needs 2 — no one with current peer support training available"
    )


def test_gap_reason_counts_people_who_could_cover_if_asked(session, coordinator):
    ward = site(session, coordinator)
    s = shift(session, coordinator, ward)  # a Tuesday
    peer(session, coordinator, "Wed Only", weekly=[AvailabilitySlot(2, time(7), time(23))])
    assert why_of(session, coordinator, s) == (
        "no one: needs 2 — no one free; 1 could cover if asked (outside their availability)"
    )


def test_gap_reason_for_two_gaps_at_the_same_time_counts_the_other_as_busy(session, coordinator):
    ward, cafe = site(session, coordinator), site(session, coordinator, "Café")
    first, second = shift(session, coordinator, ward), shift(session, coordinator, cafe)
    aisha = peer(session, coordinator, "Aisha Khan")
    assign(session, coordinator, first, aisha)
    assert (
        why_of(session, coordinator, second)
        == "no one: needs 2 — no one free: 1 on another shift then"
    )


def test_nobody_listed_for_a_shift_before_anyones_role_began_says_why(session, coordinator):
    ward = site(session, coordinator)
    past = shift(session, coordinator, ward, day=date(2024, 1, 2))  # roles start 8 Jan 2024
    peer(session, coordinator, "Aisha Khan")
    found = suggestions(session, coordinator, past)
    assert not found.eligible and not found.not_eligible
    assert found.empty_reason.startswith(
        "No one held the peer supporter role on Tue 2 Jan 2024: 1 person on the rota only "
        "became a peer supporter after that date."
    )


def test_nobody_listed_when_there_are_no_peer_supporters(session, coordinator):
    ward = site(session, coordinator)
    s = shift(session, coordinator, ward)
    m = members.create_member(session, coordinator, MemberInput(full_name="Not Peer"), today=TODAY)
    member_records.add_role(
        session,
        coordinator,
        m.id,
        reference_lists.role_type_id(session, "member"),
        date(2024, 1, 8),
        today=TODAY,
    )
    found = suggestions(session, coordinator, s)
    assert found.empty_reason.startswith("There are no peer supporters yet.")


def test_someone_outside_availability_is_suggested_last_with_the_limit(session, coordinator):
    ward = site(session, coordinator)
    s = shift(session, coordinator, ward)
    peer(session, coordinator, "Ann Free")
    peer(session, coordinator, "Wed Only", weekly=[AvailabilitySlot(2, time(7), time(23))])
    found = suggestions(session, coordinator, s)
    assert [x.name for x in found.eligible] == ["Ann Free", "Wed Only"]
    assert "outside their weekly availability" in found.eligible[1].limit_note
    assert found.empty_reason is None


def test_swap_candidates_leave_out_shifts_the_person_is_already_on(session, coordinator):
    ward = site(session, coordinator)
    tue, wed = shift(session, coordinator, ward), shift(session, coordinator, ward, day=WED)
    thu = shift(session, coordinator, ward, day=date(2026, 3, 5))
    aisha, ben = peer(session, coordinator, "Aisha Khan"), peer(session, coordinator, "Ben Morris")
    mine = assign(session, coordinator, tue, aisha)
    assign(session, coordinator, wed, aisha)
    assign(session, coordinator, wed, ben)
    assign(session, coordinator, thu, ben)
    found = swap_candidates(session, coordinator, mine, TODAY, date(2026, 3, 8))
    assert [(c.name, c.shift_id) for c in found] == [("Ben Morris", thu)]


def test_pattern_minimum_above_the_sites_maximum_is_refused_on_the_minimum(session, coordinator):
    ward = site(session, coordinator, "Ward 4", min_together=2, max_peers=3)
    data = PatternInput(ward, 0, time(9), time(13), date(2026, 1, 1), min_peers=4)
    with pytest.raises(ValidationError) as err:
        create_pattern(session, coordinator, data)
    assert err.value.field == "min_peers"
    assert "Ward 4's maximum of 3" in err.value.message
    ok = create_pattern(
        session,
        coordinator,
        PatternInput(ward, 0, time(9), time(13), date(2026, 1, 1), min_peers=4, max_peers=5),
    )
    assert (ok.min_peers, ok.max_peers) == (4, 5)


def test_autofill_of_a_period_without_shifts_says_there_were_none(session, coordinator):
    site(session, coordinator)
    peer(session, coordinator, "Aisha Khan")
    proposal = propose_autofill(session, coordinator, TODAY, date(2026, 3, 29), today=TODAY)
    assert proposal.shift_count == 0 and proposal.first_day == TODAY
    ward = site(session, coordinator, "Ward 9")
    shift(session, coordinator, ward)
    proposal = propose_autofill(session, coordinator, TODAY, date(2026, 3, 29), today=TODAY)
    assert proposal.shift_count == 1


def test_gap_reason_for_a_shift_already_over(session, coordinator):
    ward = site(session, coordinator)
    s = shift(session, coordinator, ward)
    peer(session, coordinator, "Ben Morris")
    assert why_of(session, coordinator, s, today=WED) == "no one: needs 2 — this shift is over"
