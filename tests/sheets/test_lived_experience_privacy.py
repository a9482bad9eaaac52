"""The one rule for printing a lived-experience count beside named people: printed only
when no named person's status can be worked out from it."""

from __future__ import annotations

import pytest

from involve_desktop.core.privacy import printable_lived_experience


@pytest.mark.parametrize(
    ("named", "named_with", "unnamed_with", "printed"),
    [
        (0, 0, 0, 0),  # nobody named: the count says nothing about anyone
        (0, 0, 4, 4),
        (3, 3, 0, None),  # all of the named people
        (3, 0, 0, None),  # none of them
        (7, 6, 0, None),  # all but one
        (7, 1, 0, None),  # only one
        (1, 1, 0, None),  # a group of one
        (2, 1, 0, None),  # a small group: half of two
        (5, 3, 0, None),  # 3 with, but only 2 without
        (6, 3, 0, 3),  # 3 and 3: nobody's can be worked out
        (10, 5, 0, 5),
        (2, 2, 5, None),  # others with lived experience do not hide the two named
        (3, 0, 3, None),  # "3 with lived experience" could be the 3 others a reader knows
        (6, 3, 4, 7),  # others are added to a count that is safe anyway
    ],
)
def test_printed_only_when_no_named_person_can_be_worked_out(
    named, named_with, unnamed_with, printed
) -> None:
    assert printable_lived_experience(named, named_with, unnamed_with) == printed


@pytest.mark.parametrize(
    ("named", "named_with", "unnamed_with"), [(2, 3, 0), (-1, 0, 0), (2, 1, -1)]
)
def test_impossible_counts_are_a_mistake(named, named_with, unnamed_with) -> None:
    with pytest.raises(ValueError):
        printable_lived_experience(named, named_with, unnamed_with)
