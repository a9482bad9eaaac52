"""Alphabetical order of names from many languages."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from involve_desktop.core.text import sort_key


def test_accented_and_special_letters_sort_with_their_base_letter():
    names = ["Zoë Adams", "Łukasz Nowak", "Siobhán Kelly", "Mark Lee", "Ødegaard", "émile"]
    assert sorted(names, key=sort_key) == [
        "émile",
        "Łukasz Nowak",
        "Mark Lee",
        "Ødegaard",
        "Siobhán Kelly",
        "Zoë Adams",
    ]


def test_case_does_not_change_the_order():
    assert sort_key("ZOË ADAMS") == sort_key("zoë adams") == sort_key("Zoe Adams")


@given(st.text())
def test_sort_key_never_fails_and_leaves_no_accents(text):
    key = sort_key(text)
    assert not any(unicodedata.combining(c) for c in key)


def test_natural_sort_key_orders_numbers_in_names_as_numbers():
    from involve_desktop.core.text import natural_sort_key

    names = ["venue 12", "Venue 3", "venue 30", "venue 15", "Vénue 6", "venue 9", "Ward"]
    assert sorted(names, key=natural_sort_key) == [
        "Venue 3",
        "Vénue 6",
        "venue 9",
        "venue 12",
        "venue 15",
        "venue 30",
        "Ward",
    ]


def test_natural_sort_key_ignores_case_and_accents_and_handles_leading_numbers():
    from involve_desktop.core.text import natural_sort_key

    assert natural_sort_key("CAFÉ 2") == natural_sort_key("café 2")
    names = ["10 Downing", "2 High St", "Ward 2b", "Ward 2a", "Ward 10", "ward"]
    assert sorted(names, key=natural_sort_key) == [
        "2 High St",
        "10 Downing",
        "ward",
        "Ward 2a",
        "Ward 2b",
        "Ward 10",
    ]


@given(st.lists(st.text(alphabet="ab1290 ÉéŁ", max_size=8), max_size=12))
def test_natural_sort_key_always_compares(names):
    from involve_desktop.core.text import natural_sort_key

    ordered = sorted(names, key=natural_sort_key)  # never a str/int comparison error
    assert sorted(ordered, key=natural_sort_key) == ordered
