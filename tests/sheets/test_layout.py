"""The shared page: header, footer, dates, page numbers and the Confidential line."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Paragraph

from involve_desktop.core.formatting import format_date
from involve_desktop.core.sheets.fonts import FONT_REGULAR, fit_text, text_width
from involve_desktop.core.sheets.layout import (
    CONFIDENTIAL_TEXT,
    SheetHeader,
    build_pdf,
)
from involve_desktop.core.sheets.options import SheetOptions
from involve_desktop.core.sheets.styles import paragraph, sheet_styles
from tests.sheets.pdfread import page_lines


def story(paragraphs: int) -> list[Paragraph]:
    body = sheet_styles(False).body
    return [paragraph(f"Line {n}", body) for n in range(paragraphs)]


def test_dates_are_written_the_way_people_read_them() -> None:
    assert format_date(date(2026, 3, 3)) == "Tue 3 Mar 2026"
    assert format_date(date(2025, 12, 28)) == "Sun 28 Dec 2025"


def test_sheet_without_names_has_no_confidential_footer() -> None:
    pdf = build_pdf(story(3), header=SheetHeader("Rota"), options=SheetOptions(), has_names=False)
    assert not any(CONFIDENTIAL_TEXT in lines for lines in page_lines(pdf))


def test_sheet_with_names_is_confidential_on_every_page() -> None:
    pdf = build_pdf(
        story(150),
        header=SheetHeader("Attendance", group_name="Riverside", subtitle="Mon 2 – Sun 8 Mar"),
        options=SheetOptions(),
        has_names=True,
        printed_on=date(2026, 3, 3),
    )
    pages = page_lines(pdf)
    assert len(pages) >= 2
    for number, lines in enumerate(pages, start=1):
        assert CONFIDENTIAL_TEXT in lines
        assert f"Page {number} of {len(pages)}" in lines
        assert lines[:3] == ["Riverside", "Attendance", "Mon 2 – Sun 8 Mar"]
        assert "Printed on Tue 3 Mar 2026" in lines


def test_user_text_with_markup_characters_prints_as_typed() -> None:
    body = sheet_styles(False).body
    pdf = build_pdf(
        [paragraph("Fish & chips <b>not bold</b>", body)],
        header=SheetHeader("Menu"),
        options=SheetOptions(),
        has_names=False,
    )
    assert "Fish & chips <b>not bold</b>" in page_lines(pdf)[0]


def test_fit_text_shrinks_then_shortens_to_the_width() -> None:
    text, size = fit_text("A fairly long group name", FONT_REGULAR, 18, 12, 150)
    assert 12 <= size < 18
    assert text_width(text, FONT_REGULAR, size) <= 150
    short, short_size = fit_text("Short", FONT_REGULAR, 18, 12, 150)
    assert (short, short_size) == ("Short", 18)
