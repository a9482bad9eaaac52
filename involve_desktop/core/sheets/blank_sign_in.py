"""The blank sign-in sheet: numbered rows for people to write their name and sign.

Useful on its own at a community venue with no internet: the facilitator fills in (or
pre-prints) the meeting, date and venue, and people sign in by hand. No names are printed,
but the sheet collects them, so it carries the Confidential footer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from involve_desktop.core.sheets.fonts import FONT_BOLD, text_width
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.options import SheetOptions, check_count, check_text
from involve_desktop.core.sheets.styles import SheetStyles, paragraph, ruled_table, sheet_styles

DEFAULT_TITLE = "Sign-in sheet"
DEFAULT_ROWS = 20
MIN_ROWS = 1
MAX_ROWS = 500
WELCOME = "Please write your name and sign. You do not have to give any other details."
COLUMNS = ("No.", "Name", "Signature")
MIN_MEETING_WIDTH = 80 * mm
TOP_PADDING = 2 * mm  # above a meeting or venue that wraps onto several lines
RIGHT_PADDING = 2 * mm
BOTTOM_PADDING = 1.5 * mm  # between the text and the line under it


@dataclass(frozen=True)
class BlankSignInSheet:
    """What to print. Empty meeting/date/venue are left as lines to fill in by hand."""

    group_name: str | None = None
    title: str | None = None
    rows: int = DEFAULT_ROWS
    meeting: str | None = None
    date_text: str | None = None
    venue: str | None = None


def _details_table(sheet: BlankSignInSheet, styles: SheetStyles, width: float) -> Table:
    """Meeting / Date / Venue: a label and a line to write on (or the value given).

    Meeting and Date share a line when there is room; otherwise (large print on a portrait
    page) each gets a line of its own so there is still space to write. A line whose text
    wraps grows to hold it (a 150-character meeting takes three or four lines), so nothing
    runs up over the title.
    """
    cell = styles.cell
    meeting, when, venue = (
        paragraph(text, cell) for text in (sheet.meeting, sheet.date_text, sheet.venue)
    )
    label_width = (
        max(text_width(label, FONT_BOLD, styles.body_size) for label in ("Meeting:", "Venue:"))
        + 3 * mm
    )
    date_label_width = text_width("Date:", FONT_BOLD, styles.body_size) + 6 * mm
    date_width = width * 0.3
    meeting_width = width - label_width - date_label_width - date_width
    if meeting_width >= MIN_MEETING_WIDTH:
        data = [["Meeting:", meeting, "Date:", when], ["Venue:", venue, "", ""]]
        widths = [label_width, meeting_width, date_label_width, date_width]
        # (the paragraphs on each line, each with the width it wraps in)
        texts = [[(meeting, meeting_width), (when, date_width)], [(venue, width - label_width)]]
        lines = [((1, 0), (1, 0)), ((3, 0), (3, 0)), ((1, 1), (3, 1))]
        extra = [("SPAN", (1, 1), (3, 1)), ("LEFTPADDING", (2, 0), (2, 0), 4 * mm)]
    else:
        data = [["Meeting:", meeting], ["Date:", when], ["Venue:", venue]]
        widths = [label_width, width - label_width]
        texts = [[(value, width - label_width)] for value in (meeting, when, venue)]
        lines = [((1, row), (1, row)) for row in range(3)]
        extra = []
    heights = [
        max(
            styles.row_height,
            *(
                text.wrap(room - RIGHT_PADDING, 10_000)[1] + TOP_PADDING + BOTTOM_PADDING
                for text, room in line
            ),
        )
        for line in texts
    ]
    table = Table(data, colWidths=widths, rowHeights=heights)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT_BOLD, styles.body_size),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), RIGHT_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), TOP_PADDING),
                ("BOTTOMPADDING", (0, 0), (-1, -1), BOTTOM_PADDING),
                *extra,
                *[("LINEBELOW", first, last, 0.5, "black") for first, last in lines],
            ]
        )
    )
    return table


def blank_sign_in_story(sheet: BlankSignInSheet, options: SheetOptions) -> list[Flowable]:
    """The flowables of the sheet (details, welcome line, numbered rows)."""
    styles = sheet_styles(options.large_print)
    geometry = page_geometry(options, _header(sheet))
    width = geometry.content_width
    number_width = styles.number_column_width
    name_width = (width - number_width) * 0.55
    rows = [[str(n), "", ""] for n in range(1, sheet.rows + 1)]
    return [
        _details_table(sheet, styles, width),
        Spacer(1, 5 * mm),
        paragraph(WELCOME, styles.body),
        Spacer(1, 3 * mm),
        ruled_table(
            COLUMNS, rows, [number_width, name_width, width - number_width - name_width], styles
        ),
    ]


def _header(sheet: BlankSignInSheet) -> SheetHeader:
    """The page header: the group name and the sheet's title."""
    return SheetHeader(title=sheet.title or DEFAULT_TITLE, group_name=sheet.group_name)


def validated(sheet: BlankSignInSheet) -> BlankSignInSheet:
    """The sheet with its text tidied, or a ``SheetInputError`` naming the bad field."""
    return BlankSignInSheet(
        group_name=check_text("group_name", "Group name", sheet.group_name),
        title=check_text("title", "Title", sheet.title) or DEFAULT_TITLE,
        rows=check_count("rows", "Number of rows", sheet.rows, MIN_ROWS, MAX_ROWS),
        meeting=check_text("meeting", "Meeting", sheet.meeting),
        date_text=check_text("date", "Date", sheet.date_text),
        venue=check_text("venue", "Venue", sheet.venue),
    )


def render_blank_sign_in(
    sheet: BlankSignInSheet,
    options: SheetOptions | None = None,
    *,
    printed_on: date | None = None,
) -> bytes:
    """Render the blank sign-in sheet to PDF bytes (raises ``SheetInputError`` on bad input)."""
    sheet = validated(sheet)
    options = options or SheetOptions()
    story = blank_sign_in_story(sheet, options)
    return build_pdf(
        story, header=_header(sheet), options=options, has_names=True, printed_on=printed_on
    )
