"""The gaps list's "Why" in plain words: who could cover if asked, with figures and what
they would go beyond, short enough for the column."""

from __future__ import annotations

from datetime import date, datetime

from involve_desktop.core.services.rota_dto import ShiftSlot
from involve_desktop.core.services.rota_gap_reasons import LIMIT_WORDS, fill_reason

SLOT = ShiftSlot(
    id=1,
    site_id=1,
    site_name="Ward 3",
    day=date(2026, 3, 3),
    start=datetime(2026, 3, 3, 9),
    end=datetime(2026, 3, 3, 13),
    min_peers=2,
    max_peers=None,
    training_id=None,
    training_name=None,
)


def test_many_outside_their_availability_read_as_could_cover_if_asked():
    verdicts = dict.fromkeys(range(1858), "not_available")
    why = fill_reason(SLOT, verdicts, set())
    assert why == ("no one free; 1,858 could cover if asked (outside their availability)")
    assert "with a reason" not in why and len(why) <= 70


def test_limits_are_named_most_common_first():
    verdicts = {1: "limit_month", 2: "limit_week", 3: "limit_week"}
    assert fill_reason(SLOT, verdicts, set()) == (
        "no one free; 3 could cover if asked "
        f"({LIMIT_WORDS['limit_week']}, {LIMIT_WORDS['limit_month']})"
    )


def test_availability_and_limits_together_name_both_and_skip_people_on_it():
    verdicts = {1: "not_available", 2: "not_available", 3: "limit_week", 4: "unavailable"}
    assert fill_reason(SLOT, verdicts, {4}) == (
        "no one free; 3 could cover if asked (outside their availability, over their shifts a week)"
    )
