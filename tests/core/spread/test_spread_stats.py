"""Spread statistics against hand-computed examples, and properties that must always hold."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from involve_desktop.core.services.spread_stats import (
    gini,
    reading,
    share_words,
    spread,
    top_share_people,
)


def test_one_person_has_gini_zero() -> None:
    assert gini([7]) == 0.0
    assert spread([7]).people == 1


def test_everyone_equal_has_gini_zero() -> None:
    assert gini([3, 3, 3, 3]) == 0.0


def test_nobody_has_gini_zero_and_no_shares() -> None:
    figures = spread([])
    assert (figures.people, figures.total, figures.gini) == (0, 0, 0.0)
    assert figures.top_few_share is None and figures.top_share_share is None


@pytest.mark.parametrize("n", [2, 4, 10])
def test_one_person_doing_nearly_everything_approaches_n_minus_one_over_n(n: int) -> None:
    # Hand computed: counts (c, 1, 1, …) with c large → (n−1)/n from below.
    assert gini([1_000_000] + [1] * (n - 1)) == pytest.approx((n - 1) / n, abs=1e-4)
    # Zeros are people not involved: they are ignored, so one person alone is 0.
    assert gini([10] + [0] * (n - 1)) == 0.0


def test_hand_computed_gini() -> None:
    # 1, 2, 3: pairwise |differences| over all ordered pairs = 2*(1+2+1) = 8;
    # G = 8 / (2 * 9 * 2) = 2/9.
    assert gini([3, 1, 2]) == pytest.approx(2 / 9)
    # 1 and 3: 2*2 / (2 * 4 * 2) = 1/4.
    assert gini([1, 3]) == pytest.approx(0.25)


def test_top_three_and_top_ten_percent_shares() -> None:
    counts = [10, 6, 4, 2, 1, 1, 1, 1, 1, 1, 1, 1]  # 12 people, 30 units
    figures = spread(counts)
    assert figures.people == 12 and figures.total == 30
    assert figures.top_few == 20 and figures.top_few_share == pytest.approx(20 / 30)
    # ceil(10 % of 12) = 2 people: 10 + 6.
    assert figures.top_share_people == 2 and figures.top_share == 16


@pytest.mark.parametrize(
    ("people", "top"), [(0, 0), (1, 1), (9, 1), (10, 1), (11, 2), (20, 2), (21, 3), (100, 10)]
)
def test_top_ten_percent_rounds_up_and_is_at_least_one(people: int, top: int) -> None:
    assert top_share_people(people) == top


def test_reading_names_the_concentration() -> None:
    figures = spread([5, 4, 3] + [1] * 12)  # 24 seats, 12 by the top 3
    assert reading(figures, "panel seats") == (
        "Half of all panel seats (12 of 24) were taken by 3 of the 15 people involved."
    )


def test_reading_for_even_spread_one_person_and_nobody() -> None:
    assert reading(spread([2, 2, 2, 2, 2]), "shifts") == (
        "Involvement was spread evenly: 5 people took part 2 times each."
    )
    assert reading(spread([3, 3, 3, 4, 4, 4, 2]), "shifts") == (
        "Involvement was spread fairly evenly: 7 people took part 2 to 4 times each."
    )
    assert reading(spread([9]), "panel seats") == "All 9 panel seats were taken by one person."
    assert reading(spread([]), "panel seats") == "No panel seats were recorded."


def test_reading_all_involvement_as_a_mass_noun() -> None:
    def said(counts: list[int]) -> str:
        return reading(spread(counts), "involvement", "came from", mass_noun=True)

    assert said([]) == "No involvement was recorded."
    assert said([5]) == "All involvement (5 times) came from one person."
    assert said([1, 4, 9]) == "All involvement (14 times) came from just 3 people."
    assert said([1, 1, 2, 6, 10]) == (
        "90 % of all involvement (18 of 20) came from 3 of the 5 people involved."
    )


def test_share_words() -> None:
    assert share_words(2, 3) == "Two thirds"
    assert share_words(7, 12) == "58 %"
    assert share_words(5, 5) == "All"


counts_lists = st.lists(st.integers(min_value=1, max_value=500), min_size=1, max_size=60)


@given(counts_lists)
def test_gini_is_in_zero_to_one(counts: list[int]) -> None:
    assert 0.0 <= gini(counts) < 1.0


@given(counts_lists, st.randoms())
def test_gini_ignores_order(counts: list[int], rnd) -> None:
    shuffled = counts[:]
    rnd.shuffle(shuffled)
    assert gini(shuffled) == pytest.approx(gini(counts))


@given(counts_lists, st.integers(min_value=2, max_value=50))
def test_gini_ignores_scale(counts: list[int], factor: int) -> None:
    assert gini([c * factor for c in counts]) == pytest.approx(gini(counts))


@given(counts_lists)
def test_shares_are_ordered(counts: list[int]) -> None:
    figures = spread(counts)
    assert figures.total == sum(counts)
    assert 0 < figures.top_share <= figures.total and 0 < figures.top_few <= figures.total
    assert figures.top_few_share is not None and figures.top_few_share <= 1
