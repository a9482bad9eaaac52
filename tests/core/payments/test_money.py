"""Money typed by users becomes integer pence; hourly amounts round half up in integers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.money import MAX_PENCE, format_pence, parse_pounds, per_hour_amount


@pytest.mark.parametrize(
    ("text", "pence"),
    [
        ("12.50", 1250),
        ("£12.50", 1250),
        ("12", 1200),
        ("12.5", 1250),
        (" £1,234.05 ", 123405),
        ("0.07", 7),
        ("100000", 10_000_000),
    ],
)
def test_parse_pounds_reads_what_people_type(text: str, pence: int) -> None:
    assert parse_pounds(text) == pence


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "Type an amount"),
        ("abc", "not an amount"),
        ("-5", "cannot be negative"),
        ("£-5.00", "cannot be negative"),
        ("12.505", "2 decimal places"),
        ("100000.01", "more than £100,000.00"),
        ("1,23", "not an amount"),
    ],
)
def test_parse_pounds_refuses_with_the_field_named(text: str, words: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_pounds(text, "rate")
    assert refused.value.field == "rate"
    assert words in refused.value.message


@pytest.mark.parametrize(
    ("rate", "minutes", "pence"),
    [
        (1200, 50, 1000),  # £12.00 for 50 min = £10.00 exactly
        (1201, 7, 140),  # 140.1167 → 140
        (1200, 240, 4800),
        (1, 30, 1),  # 0.5 → 1 (half up)
        (3, 10, 1),  # 0.5 → 1
        (1250, 1, 21),  # 20.83 → 21
        (999, 61, 1016),  # 1015.65 → 1016
    ],
)
def test_per_hour_amount_rounds_half_up_in_integers(rate: int, minutes: int, pence: int) -> None:
    assert per_hour_amount(rate, minutes) == pence


@given(st.integers(min_value=0, max_value=MAX_PENCE))
def test_parse_pounds_reads_back_what_format_pence_shows(pence: int) -> None:
    shown = format_pence(pence)  # "£1,234.05"
    assert parse_pounds(shown) == pence
    assert parse_pounds(shown.replace(",", "").lstrip("£")) == pence
