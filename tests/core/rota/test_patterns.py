"""Shift patterns: generation by weekday, bank holidays, closed dates, idempotence, the past."""

from __future__ import annotations

from datetime import date, time

import pytest

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import reference_lists
from involve_desktop.core.services.rota_assign import assign
from involve_desktop.core.services.rota_dto import PatternInput
from involve_desktop.core.services.rota_patterns import (
    bank_holidays,
    create_pattern,
    generate_shifts,
    update_pattern,
)
from involve_desktop.core.services.rota_shifts import shift_views
from involve_desktop.core.services.rota_sites import add_closed_date, archive_site
from tests.core.rota.helpers import TODAY, peer, site

GOOD_FRIDAY = date(2026, 4, 3)
EASTER_MONDAY = date(2026, 4, 6)


def pattern(session, actor, site_id, weekday=0, **kw):
    data = PatternInput(
        site_id=site_id,
        weekday=weekday,
        start_time=kw.pop("start_time", time(9)),
        end_time=kw.pop("end_time", time(13)),
        valid_from=kw.pop("valid_from", date(2026, 1, 1)),
        **kw,
    )
    return create_pattern(session, actor, data)


def days(session, actor, start=TODAY, end=date(2026, 4, 30)):
    return [v.slot.day for v in shift_views(session, actor, start, end)]


def test_pattern_defaults_come_from_site_and_peer_support(session, coordinator):
    ward = site(session, coordinator, "Ward 4", min_together=3, max_peers=4)
    info = pattern(session, coordinator, ward)
    assert (info.min_peers, info.max_peers) == (3, 4)
    assert info.required_training_type_id == reference_lists.training_type_id(
        session, "peer_support"
    )
    assert info.required_training_name == "Peer support"
    none = pattern(session, coordinator, ward, weekday=1, no_training_required=True)
    assert none.required_training_type_id is None


def test_generates_on_the_pattern_weekday_only(session, coordinator):
    ward = site(session, coordinator)
    pattern(session, coordinator, ward, weekday=2)  # Wednesdays
    result = generate_shifts(session, coordinator, TODAY, date(2026, 3, 22), today=TODAY)
    assert result.created == 3
    assert days(session, coordinator) == [date(2026, 3, 4), date(2026, 3, 11), date(2026, 3, 18)]


def test_bank_holidays_skipped_unless_pattern_runs_on_them(session, coordinator):
    ward = site(session, coordinator)
    pattern(session, coordinator, ward, weekday=4)  # Fridays: Good Friday skipped
    pattern(session, coordinator, ward, weekday=0, runs_on_bank_holidays=True)
    result = generate_shifts(session, coordinator, date(2026, 4, 1), date(2026, 4, 7), today=TODAY)
    assert result.bank_holidays_skipped == ((GOOD_FRIDAY, "Good Friday"),)
    assert days(session, coordinator) == [EASTER_MONDAY]
    assert EASTER_MONDAY in bank_holidays(date(2026, 1, 1), date(2026, 12, 31))


def test_closed_dates_and_archived_sites_skipped(session, coordinator):
    ward = site(session, coordinator, "Ward 4")
    cafe = site(session, coordinator, "Riverside Café", kind="community_venue")
    pattern(session, coordinator, ward, weekday=1)
    pattern(session, coordinator, cafe, weekday=1)
    add_closed_date(session, coordinator, ward, date(2026, 3, 10), "Refurbishment")
    archive_site(session, coordinator, cafe)
    result = generate_shifts(session, coordinator, TODAY, date(2026, 3, 16), today=TODAY)
    assert result.closed_skipped == ((date(2026, 3, 10), "Ward 4"),)
    assert days(session, coordinator) == [date(2026, 3, 3)]


def test_generation_is_idempotent_and_never_touches_the_past(session, coordinator):
    ward = site(session, coordinator)
    pattern(session, coordinator, ward, weekday=0)
    first = generate_shifts(session, coordinator, date(2026, 2, 1), date(2026, 3, 31), today=TODAY)
    assert first.created == 5  # 2, 9, 16, 23, 30 March; nothing in February
    assert days(session, coordinator, date(2026, 1, 1))[0] == TODAY
    again = generate_shifts(session, coordinator, date(2026, 2, 1), date(2026, 3, 31), today=TODAY)
    assert (again.created, again.already_there) == (0, 5)
    assert len(days(session, coordinator)) == 5


def test_valid_from_and_to_respected(session, coordinator):
    ward = site(session, coordinator)
    pattern(
        session,
        coordinator,
        ward,
        weekday=0,
        valid_from=date(2026, 3, 9),
        valid_to=date(2026, 3, 16),
    )
    generate_shifts(session, coordinator, TODAY, date(2026, 3, 31), today=TODAY)
    assert days(session, coordinator) == [date(2026, 3, 9), date(2026, 3, 16)]


def test_editing_a_pattern_leaves_existing_shifts(session, coordinator):
    ward = site(session, coordinator)
    info = pattern(session, coordinator, ward, weekday=1)
    generate_shifts(session, coordinator, TODAY, date(2026, 3, 8), today=TODAY)
    [old] = shift_views(session, coordinator, TODAY, date(2026, 3, 8))
    aisha = peer(session, coordinator, "Aisha Khan")
    assign(session, coordinator, old.slot.id, aisha)
    changed = PatternInput(
        site_id=ward,
        weekday=1,
        start_time=time(14),
        end_time=time(18),
        valid_from=date(2026, 1, 1),
        min_peers=3,
    )
    update_pattern(session, coordinator, info.id, changed)
    generate_shifts(session, coordinator, TODAY, date(2026, 3, 15), today=TODAY)
    first, second = shift_views(session, coordinator, TODAY, date(2026, 3, 15))
    assert (first.slot.id, first.slot.start.time(), first.slot.min_peers) == (
        old.slot.id,
        time(9),
        2,
    )
    assert [a.name for a in first.assignees] == ["Aisha Khan"]
    assert (second.slot.start.time(), second.slot.min_peers) == (time(14), 3)


def test_overnight_pattern_and_bad_input(session, coordinator):
    ward = site(session, coordinator)
    pattern(session, coordinator, ward, weekday=5, start_time=time(22), end_time=time(6))
    generate_shifts(session, coordinator, TODAY, date(2026, 3, 8), today=TODAY)
    [night] = shift_views(session, coordinator, TODAY, date(2026, 3, 8))
    assert night.slot.end == night.slot.start.replace(day=8, hour=6)
    with pytest.raises(ValidationError) as err:
        pattern(session, coordinator, ward, start_time=time(9), end_time=time(9))
    assert err.value.field == "end_time"
    with pytest.raises(ValidationError) as err:
        pattern(session, coordinator, ward, min_peers=3, max_peers=2)
    assert err.value.field == "max_peers"


def test_an_identical_pattern_over_overlapping_dates_is_refused(session, coordinator):
    ward = site(session, coordinator)
    first = pattern(session, coordinator, ward, weekday=2, valid_to=date(2026, 6, 30))
    with pytest.raises(ValidationError) as refused:
        pattern(session, coordinator, ward, weekday=2, valid_from=date(2026, 6, 1))
    assert refused.value.field == "start_time"
    assert "already has this shift every Wednesday" in str(refused.value)
    # After the first one ends, or at other times, the same shift is fine.
    pattern(session, coordinator, ward, weekday=2, valid_from=date(2026, 7, 1))
    pattern(session, coordinator, ward, weekday=2, start_time=time(14), end_time=time(17))
    # Editing a pattern never collides with itself.
    update_pattern(
        session,
        coordinator,
        first.id,
        PatternInput(
            site_id=ward,
            weekday=2,
            start_time=time(9),
            end_time=time(13),
            valid_from=date(2026, 2, 1),
            valid_to=date(2026, 6, 30),
        ),
    )
