"""The meeting sign-in sheet finds its group by a name typed on any keyboard (found by a
review: "Peer Leadership Programme - Cohort 3", typed with a hyphen, was refused because
the group's name has an em dash), and names the nearest groups when it cannot tell."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.db.engine import session_factory
from involve_desktop.core.services.meetings_generate import generate_meetings
from involve_desktop.core.sheets.catalogue import SheetData, SheetParams, get_sheet
from involve_desktop.core.sheets.meeting_data import loose_name
from involve_desktop.core.sheets.options import SheetInputError, SheetOptions
from tests.core.meetings.helpers import TODAY, group
from tests.sheets.pdfread import page_lines

COHORT_3 = "Peer Leadership Programme — Cohort 3"
COHORT_1 = "Peer Leadership Programme — Cohort 1"
CAFE = "Siobhán's Café Group"


@pytest.fixture
def data(engine, session, coordinator) -> SheetData:
    for name in (COHORT_3, COHORT_1, CAFE, "Tuesday Peer Support"):
        group(session, coordinator, name=name)
    cohort_3 = next(g for g in _groups(session, coordinator) if g.name == COHORT_3)
    generate_meetings(
        session, coordinator, TODAY, date(2026, 3, 29), group_id=cohort_3.id, today=TODAY
    )
    return SheetData(session_factory(engine), coordinator)


def _groups(session, actor):
    from involve_desktop.core.services import meetings_groups

    return meetings_groups.list_groups(session, actor, include_cohorts=True)


def render(data: SheetData, meeting: str) -> bytes:
    params = SheetParams(meeting=meeting, week="2026-03-02", weeks=1)
    return get_sheet("meeting-sign-in").render(params, SheetOptions(), data, today=TODAY)


def refusal(data: SheetData, meeting: str) -> str:
    with pytest.raises(SheetInputError) as error:
        render(data, meeting)
    assert error.value.field == "meeting"
    return error.value.message


@pytest.mark.parametrize(
    "typed",
    [
        "Peer Leadership Programme - Cohort 3",  # a hyphen for the em dash
        "peer leadership programme – cohort 3",  # an en dash, lower case
        "  Peer  Leadership Programme-Cohort 3 ",  # no spaces round the dash, extra spaces
        "Peer Leadership Programme -- Cohort 3",
        "cohort 3",  # part of exactly one group's name
    ],
)
def test_a_name_typed_without_the_em_dash_finds_the_group(data: SheetData, typed: str) -> None:
    (page,) = page_lines(render(data, typed))
    assert COHORT_3 in page


def test_accents_and_apostrophes_need_not_be_typed(data: SheetData) -> None:
    assert loose_name("siobhans cafe group") == loose_name(CAFE)
    with pytest.raises(SheetInputError) as error:  # found: it just has no meetings that week
        render(data, "SIOBHANS CAFE GROUP")
    assert error.value.field == "week" and CAFE in error.value.message


def test_several_matches_are_named_and_none_is_guessed(data: SheetData) -> None:
    message = refusal(data, "Peer Leadership Programme")
    assert "More than one group" in message
    assert f"“{COHORT_1}”" in message and f"“{COHORT_3}”" in message
    assert "Tuesday" not in message


def test_a_near_miss_names_the_nearest_groups(data: SheetData) -> None:
    message = refusal(data, "Peer Leadership Programme Cohort 4")
    assert "There is no group called" in message and "Did you mean" in message
    assert COHORT_3 in message and COHORT_1 in message
    assert "Tuesday" not in message  # only the near ones, not the whole list


def test_a_name_like_none_lists_every_group(data: SheetData) -> None:
    message = refusal(data, "Gardening")
    assert "Groups:" in message and "Tuesday Peer Support" in message and CAFE in message


def test_two_groups_that_differ_only_by_an_apostrophe_are_each_printable(
    engine, session, coordinator
) -> None:
    """The list offers names as stored: choosing one is never called ambiguous."""
    for name in ("St Mary's", "St Marys"):
        group(session, coordinator, name=name)
    data = SheetData(session_factory(engine), coordinator)
    for name in ("St Mary's", "St Marys"):
        with pytest.raises(SheetInputError) as error:  # found: no meetings that week
            render(data, name)
        assert error.value.field == "week" and f"{name} " in error.value.message + " "
    assert "More than one group" in refusal(data, "st marys ")  # typed loosely: ask


@pytest.mark.parametrize(("typed", "found"), [("Tues", "Tuesday Peer Support"), ("Siobh", CAFE)])
def test_part_of_a_word_finds_the_one_group_it_is_in(data: SheetData, typed, found) -> None:
    with pytest.raises(SheetInputError) as error:  # found: it just has no meetings that week
        render(data, typed)
    assert error.value.field == "week" and found in error.value.message
