"""The blank sign-in sheet, read back from the PDF as a facilitator would read the paper."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from involve_desktop.core.sheets.blank_sign_in import (
    WELCOME,
    BlankSignInSheet,
    render_blank_sign_in,
)
from involve_desktop.core.sheets.layout import CONFIDENTIAL_TEXT
from involve_desktop.core.sheets.options import Orientation, SheetInputError, SheetOptions
from tests.sheets.pdfread import (
    all_text,
    fonts,
    is_embedded,
    page_lines,
    reader,
    text_placements,
    text_sizes,
)

GROUP = "Siobhán & Łukasz's Nguyễn Group"
PRINTED = date(2026, 3, 3)


def render(rows: int = 20, options: SheetOptions | None = None, **fields: str) -> bytes:
    sheet = BlankSignInSheet(group_name=fields.pop("group_name", GROUP), rows=rows, **fields)
    return render_blank_sign_in(sheet, options, printed_on=PRINTED)


def row_numbers(lines: list[str]) -> list[int]:
    """The numbers printed in the No. column (lines that are only a number)."""
    return [int(line) for line in lines if line.isdigit()]


def test_default_sheet_is_one_page_with_everything_a_facilitator_expects() -> None:
    pdf = render()
    (lines,) = page_lines(pdf)
    assert lines[0] == GROUP
    assert "Sign-in sheet" in lines
    assert WELCOME in lines
    assert {"No.", "Name", "Signature", "Meeting:", "Date:", "Venue:"} <= set(lines)
    assert row_numbers(lines) == list(range(1, 21))
    assert "Page 1 of 1" in lines
    assert "Printed on Tue 3 Mar 2026" in lines
    assert CONFIDENTIAL_TEXT in lines


def test_fonts_are_embedded_dejavu_so_names_print_anywhere() -> None:
    used = fonts(render())
    assert used, "the sheet uses no fonts at all"
    assert all("DejaVuSans" in str(font["/BaseFont"]) for font in used)
    assert all(is_embedded(font) for font in used)


def test_decomposed_accents_print_as_the_composed_letters() -> None:
    pdf = render(group_name=unicodedata.normalize("NFD", GROUP))
    assert page_lines(pdf)[0][0] == GROUP


def test_many_rows_continue_over_pages_with_the_header_row_repeated() -> None:
    pdf = render(rows=60)
    pages = page_lines(pdf)
    assert len(pages) == 3
    for number, lines in enumerate(pages, start=1):
        assert f"Page {number} of 3" in lines
        assert {"No.", "Name", "Signature"} <= set(lines)
        assert lines[0] == GROUP and "Sign-in sheet" in lines
    assert [n for lines in pages for n in row_numbers(lines)] == list(range(1, 61))


def test_given_meeting_date_and_venue_are_printed_as_typed() -> None:
    pdf = render(meeting="Tea & Talk <weekly>", date_text="Tue 3 Mar 2026", venue="St Ann's Hall")
    text = all_text(pdf)
    assert "Tea & Talk <weekly>" in text
    assert "St Ann's Hall" in text
    assert "Tue 3 Mar 2026" in page_lines(pdf)[0]


def test_custom_title_replaces_the_default() -> None:
    lines = page_lines(render(title="Peer support drop-in"))[0]
    assert "Peer support drop-in" in lines and "Sign-in sheet" not in lines


def test_no_group_name_leaves_the_line_out() -> None:
    lines = page_lines(render(group_name=""))[0]
    assert lines[0] == "Sign-in sheet"


def test_very_long_group_name_is_shortened_rather_than_running_off_the_page() -> None:
    long_name = "Riverside Peer Support and Wellbeing Collective " * 3
    first_line = page_lines(render(group_name=long_name))[0][0]
    assert first_line.startswith("Riverside Peer Support")
    assert first_line.endswith("…")


def test_landscape_is_a4_landscape() -> None:
    page = reader(render(options=SheetOptions(orientation=Orientation.LANDSCAPE))).pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width), round(height)) == (842, 595)


def test_portrait_is_a4_portrait() -> None:
    page = reader(render()).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_large_print_has_bigger_text_and_taller_rows() -> None:
    standard = render()
    large = render(options=SheetOptions(large_print=True))
    small_sizes, large_sizes = text_sizes(standard), text_sizes(large)
    assert small_sizes["1"] == pytest.approx(11)
    assert large_sizes["1"] >= 16
    assert large_sizes["Sign-in sheet"] > small_sizes["Sign-in sheet"]
    assert all(size >= 16 for text, size in large_sizes.items() if text.startswith("Please write"))
    assert len(reader(large).pages) > len(reader(standard).pages)
    assert row_pitch_mm(large) > row_pitch_mm(standard) >= 9


def row_pitch_mm(pdf: bytes) -> float:
    """Distance between the baselines of rows 1 and 2, in millimetres."""
    placements = text_placements(pdf)
    return (placements["1"][1] - placements["2"][1]) * 25.4 / 72


@pytest.mark.parametrize("rows", [0, -3, 501, 10_000])
def test_rows_out_of_range_are_refused_with_the_field_named(rows: int) -> None:
    with pytest.raises(SheetInputError) as caught:
        render(rows=rows)
    assert caught.value.field == "rows"
    assert "Number of rows must be from 1 to 500" in caught.value.message
    assert isinstance(caught.value, ValueError)


def test_rows_that_are_not_a_number_are_refused() -> None:
    with pytest.raises(ValueError, match="Number of rows must be a whole number"):
        render(rows="20")  # type: ignore[arg-type]


def test_too_long_title_is_refused_with_the_field_named() -> None:
    with pytest.raises(SheetInputError) as caught:
        render(title="x" * 151)
    assert caught.value.field == "title"
    assert "Title is too long" in caught.value.message


def test_five_hundred_rows_render() -> None:
    pages = page_lines(render(rows=500))
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    assert row_numbers(pages[-1])[-1] == 500


LONG_MEETING = (
    "Monthly open meeting of the peer leadership graduates, carers and staff about planning "
    "next year's summer events programme and trips for everyone in the group"
)[:150]
LONG_VENUE = "The Old Library Community Rooms, Room 4 (second floor), 12 High Street, Bristol"


@pytest.mark.parametrize("large_print", [False, True])
@pytest.mark.parametrize("orientation", list(Orientation))
def test_a_long_meeting_and_venue_wrap_below_the_title_not_over_it(
    large_print: bool, orientation: Orientation
) -> None:
    """A 150-character meeting and an 80-character venue wrap onto several lines; the lines
    grow to hold them, so every word stays below the title (found by a review: three
    wrapped lines ran up through the title rule and "Sign-in sheet")."""
    options = SheetOptions(orientation=orientation, large_print=large_print)
    pdf = render(options=options, meeting=LONG_MEETING, venue=LONG_VENUE)
    placements = text_placements(pdf)
    sizes = text_sizes(pdf)
    title_bottom = placements["Sign-in sheet"][1] - sizes["Sign-in sheet"] * 0.3
    body = {
        text: y
        for text, (_x, y) in placements.items()
        if text.strip() and text not in {"Sign-in sheet", GROUP}
    }
    first_line = max(body.values())
    assert first_line + sizes["Meeting:"] < title_bottom, body
    words = " ".join(page_lines(pdf)[0])
    for word in ("Monthly", "everyone", "Old Library", "Bristol"):
        assert word in words
    # each label sits on the last line of its text, above the rule, before the first row
    assert placements["Meeting:"][1] > placements["Venue:"][1] > placements["1"][1]
