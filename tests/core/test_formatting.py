"""Dates, times, money and file sizes as people read them (``core.formatting``)."""

from __future__ import annotations

from datetime import date, datetime

from involve_desktop.core.formatting import (
    format_date,
    format_date_time,
    format_pence,
    format_size,
)


def test_dates_and_times_read_the_same_everywhere() -> None:
    assert format_date(date(2026, 3, 3)) == "Tue 3 Mar 2026"
    assert format_date_time(datetime(2026, 3, 3, 14, 5)) == "Tue 3 Mar 2026, 14:05"


def test_sizes_in_kb_then_mb_never_zero() -> None:
    assert format_size(0) == "1 KB"
    assert format_size(839_680) == "820 KB"
    assert format_size(13_002_342) == "12.4 MB"


def test_money_in_pounds() -> None:
    assert format_pence(1250) == "£12.50"
    assert format_pence(-5) == "−£0.05"
