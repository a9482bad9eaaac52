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
