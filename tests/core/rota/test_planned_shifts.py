"""Gaps are never "none" for weeks that simply have no shifts yet: the period's planned
shifts and the last planned day say so (``rota_gap_reasons.planned_shifts``)."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.services.rota_gap_reasons import NO_GAPS, planned_shifts
from tests.core.rota.helpers import TUE, shift, site


def test_a_period_after_the_last_shift_says_nothing_is_planned(session, coordinator):
    ward = site(session, coordinator, "Ward 4")
    shift(session, coordinator, ward)  # Tue 3 Mar 2026
    later = planned_shifts(session, coordinator, date(2026, 4, 6), date(2026, 5, 3))
    assert later.count == 0 and later.last_day == TUE
    assert later.no_gaps() == (
        "No shifts are planned from Mon 6 Apr 2026 to Sun 3 May 2026: the rota so far ends "
        "on Tue 3 Mar 2026. Add the shifts first (Rota → Generate shifts…)."
    )


def test_a_period_running_past_the_last_shift_says_when_shifts_stop(session, coordinator):
    ward = site(session, coordinator, "Ward 4")
    shift(session, coordinator, ward)
    month = planned_shifts(session, coordinator, date(2026, 3, 2), date(2026, 3, 29))
    assert month.count == 1
    assert month.ends_early() == "No shifts are planned after Tue 3 Mar 2026 yet."
    assert month.no_gaps() == f"{NO_GAPS} No shifts are planned after Tue 3 Mar 2026 yet."
    week = planned_shifts(session, coordinator, date(2026, 3, 2), date(2026, 3, 3))
    assert week.ends_early() is None and week.no_gaps() == NO_GAPS


def test_no_shifts_at_all_and_one_site_chosen(session, coordinator):
    nothing = planned_shifts(session, coordinator, date(2026, 3, 2), date(2026, 3, 8))
    assert nothing.last_day is None
    assert nothing.no_gaps().startswith("No shifts are planned yet")
    ward = site(session, coordinator, "Ward 4")
    cafe = site(session, coordinator, "Library Café")
    shift(session, coordinator, ward)
    at_cafe = planned_shifts(session, coordinator, date(2026, 3, 2), date(2026, 3, 8), site_id=cafe)
    assert at_cafe.count == 0 and at_cafe.last_day is None  # Ward 4's shift is not the café's
