"""A bank holiday falling on a weekend moves to a weekday ("(observed)"): only the weekday
is skipped when shifts are made; the Saturday or Sunday shifts go ahead."""

from __future__ import annotations

from datetime import date, time

from involve_desktop.core.services.rota_dto import PatternInput
from involve_desktop.core.services.rota_patterns import (
    bank_holidays,
    create_pattern,
    generate_shifts,
    without_weekend_originals,
)
from involve_desktop.core.services.rota_shifts import shift_views
from tests.core.rota.helpers import site

BOXING_DAY_2026 = date(2026, 12, 26)  # a Saturday
OBSERVED_2026 = date(2026, 12, 28)  # Monday, the bank holiday


def december(year: int) -> dict[date, str]:
    return bank_holidays(date(year, 12, 1), date(year, 12, 31))


def test_2026_boxing_day_is_the_monday_only():
    assert december(2026) == {
        date(2026, 12, 25): "Christmas Day",
        OBSERVED_2026: "Boxing Day (observed)",
    }


def test_a_normal_year_keeps_both_days():
    assert december(2025) == {
        date(2025, 12, 25): "Christmas Day",
        date(2025, 12, 26): "Boxing Day",
    }


def test_christmas_on_a_saturday_moves_both_days():
    assert december(2027) == {
        date(2027, 12, 27): "Christmas Day (observed)",
        date(2027, 12, 28): "Boxing Day (observed)",
    }
    assert date(2022, 1, 1) not in bank_holidays(date(2022, 1, 1), date(2022, 1, 3))


def test_a_weekend_day_holding_two_holidays_goes_only_when_both_moved():
    found = {
        date(2026, 12, 26): "Boxing Day; Founders Day",
        date(2026, 12, 28): "Boxing Day (observed)",
    }
    assert without_weekend_originals(found) == found
    found[date(2026, 12, 29)] = "Founders Day (observed)"
    assert date(2026, 12, 26) not in without_weekend_originals(found)


def test_saturday_shifts_on_boxing_day_2026_are_made(session, coordinator):
    ward = site(session, coordinator)
    for weekday in (0, 5):  # Mondays and Saturdays
        create_pattern(
            session,
            coordinator,
            PatternInput(ward, weekday, time(9), time(13), valid_from=date(2026, 12, 1)),
        )
    result = generate_shifts(
        session, coordinator, date(2026, 12, 21), date(2026, 12, 31), today=date(2026, 12, 1)
    )
    made = [
        v.slot.day for v in shift_views(session, coordinator, date(2026, 12, 21), date(2027, 1, 1))
    ]
    assert made == [date(2026, 12, 21), BOXING_DAY_2026]
    assert result.bank_holidays_skipped == ((OBSERVED_2026, "Boxing Day (observed)"),)
