"""A typical group's meeting fits one A4 page (found by a review: 18 listed people and the
default 8 empty rows spilled onto a second page with the "New here?" box, so four weeks of
sheets took eight pages). Rows tighten to 9 mm, then a few empty rows give way, then the
box; large print keeps its taller rows and may take more pages; rows are never split."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.lib.units import mm

from involve_desktop.core.sheets.meeting_sign_in import (
    NEW_HERE_TITLE,
    SHORT_CONTACT_HEADING,
    MeetingSignInSheet,
    SignInMeeting,
    render_meeting_sign_in,
)
from involve_desktop.core.sheets.options import SheetOptions
from tests.sheets.pdfread import all_text, page_lines, text_placements

GROUP = "Tuesday Peer Support"
LISTED = "9 group members, 1 facilitator and 8 people who came in the last 3 months"
VENUE = "Oak Street Community Centre, 12 Oak Street, RV2 7CD"


def meeting(count: int, day: date = date(2026, 12, 1)) -> SignInMeeting:
    names = tuple(f"Person{i:02d} Walker" for i in range(1, count + 1))
    return SignInMeeting(GROUP, day, "14:00–16:00", VENUE, None, names, LISTED)


def render(count: int, blank_rows: int = 8, *, weeks: int = 1, large: bool = False) -> bytes:
    meetings = tuple(meeting(count, date(2026, 12, 1 + 7 * week)) for week in range(weeks))
    sheet = MeetingSignInSheet(meetings, blank_rows, True, "Riverside Voices")
    options = SheetOptions(large_print=large)
    return render_meeting_sign_in(sheet, options, printed_on=date(2026, 11, 28))


def numbers(lines: list[str]) -> list[int]:
    return [int(line) for line in lines if line.isdigit()]


def pitch_mm(pdf: bytes, page: int = 0) -> float:
    placed = text_placements(pdf, page)
    return (placed["1"][1] - placed["2"][1]) / mm


@pytest.mark.parametrize("count", [18, 20])
def test_a_group_of_about_twenty_fits_one_page(count: int) -> None:
    pdf = render(count)
    (page,) = page_lines(pdf)
    rows = numbers(page)
    assert rows[:count] == list(range(1, count + 1))  # every name, in order
    assert len(rows) >= count + 2  # and at least two empty rows for newcomers
    assert pitch_mm(pdf) >= 9 - 0.01  # still tall enough to sign in


def test_four_weeks_of_a_group_of_eighteen_take_four_pages() -> None:
    pages = page_lines(render(18, weeks=4))
    assert len(pages) == 4
    assert all("Person18 W." in page for page in pages)


def test_a_smaller_group_keeps_the_new_here_box_on_its_page() -> None:
    (page,) = page_lines(render(12))
    assert NEW_HERE_TITLE in " ".join(page)
    rows = numbers(page)
    assert rows == list(range(1, len(rows) + 1)) and len(rows) >= 12 + 2


def test_a_short_list_keeps_the_usual_row_height() -> None:
    pdf = render(5)
    assert pitch_mm(pdf) == pytest.approx(9.5, abs=0.05)
    assert NEW_HERE_TITLE in all_text(pdf)


def test_empty_rows_asked_for_on_purpose_mostly_stay() -> None:
    """Thirty empty rows (a drop-in expecting newcomers): at most six give way, so the list
    runs on rather than losing the rows someone asked for."""
    pages = page_lines(render(18, blank_rows=30))
    rows = [row for page in pages for row in numbers(page)]
    assert len(rows) >= 18 + 24
    assert rows == list(range(1, len(rows) + 1))  # no row twice: none split across pages


def test_large_print_keeps_tall_rows_and_runs_on_whole_rows() -> None:
    pdf = render(18, large=True)
    pages = page_lines(pdf)
    assert len(pages) >= 2
    assert pitch_mm(pdf) >= 14 - 0.01
    rows = [row for page in pages for row in numbers(page)]
    assert rows == list(range(1, len(rows) + 1)) and len(rows) >= 18 + 4
    text = " ".join(" ".join(page) for page in pages)
    assert NEW_HERE_TITLE in text
    # the contact heading is short enough not to run into "OK to keep"
    assert SHORT_CONTACT_HEADING in text and "OK to keep" in text
