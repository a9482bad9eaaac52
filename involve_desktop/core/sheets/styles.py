"""Type sizes, paragraph styles and the ruled table every sheet shares.

Standard print: body 11 pt, rows 9.5 mm. Large print: body 16 pt, bigger headings, rows
14 mm. Everything is black on white with a light grey header row, so sheets survive a
black-and-white office printer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import LongTable, Paragraph, Table, TableStyle

from involve_desktop.core.sheets.fonts import FONT_BOLD, FONT_REGULAR, clean_text, register_fonts

HEADER_GREY = colors.Color(0.88, 0.88, 0.88)
RULE_GREY = colors.Color(0.35, 0.35, 0.35)
LONG_TABLE_ROWS = 200


@dataclass(frozen=True)
class SheetStyles:
    """All the sizes one sheet needs, in points (reportlab units)."""

    large_print: bool
    body_size: float
    small_size: float
    group_size: float
    title_size: float
    row_height: float
    header_row_height: float
    number_column_width: float

    @property
    def body(self) -> ParagraphStyle:
        """Body paragraphs."""
        return ParagraphStyle(
            "Body", fontName=FONT_REGULAR, fontSize=self.body_size, leading=self.body_size * 1.3
        )

    @property
    def body_bold(self) -> ParagraphStyle:
        """Bold body text, e.g. labels."""
        return ParagraphStyle("BodyBold", parent=self.body, fontName=FONT_BOLD)

    @property
    def cell(self) -> ParagraphStyle:
        """Text inside table cells (no extra space so rows keep their height)."""
        return ParagraphStyle("Cell", parent=self.body, leading=self.body_size * 1.2)

    @property
    def cell_bold(self) -> ParagraphStyle:
        """Bold text inside table cells, e.g. column headings that may wrap."""
        return ParagraphStyle("CellBold", parent=self.cell, fontName=FONT_BOLD)

    @property
    def heading(self) -> ParagraphStyle:
        """A section heading inside a sheet ("Expired", "By status")."""
        return ParagraphStyle(
            "Heading",
            parent=self.body,
            fontName=FONT_BOLD,
            fontSize=self.group_size + 1,
            leading=(self.group_size + 1) * 1.3,
            spaceBefore=self.body_size * 0.8,
            spaceAfter=self.body_size * 0.4,
            keepWithNext=True,
        )


def sheet_styles(large_print: bool) -> SheetStyles:
    """The styles for standard or large print (fonts are registered on the way)."""
    register_fonts()
    if large_print:
        return SheetStyles(
            large_print=True,
            body_size=16,
            small_size=13,
            group_size=17,
            title_size=26,
            row_height=14 * mm,
            header_row_height=12 * mm,
            number_column_width=18 * mm,
        )
    return SheetStyles(
        large_print=False,
        body_size=11,
        small_size=9,
        group_size=12,
        title_size=18,
        row_height=9.5 * mm,
        header_row_height=8 * mm,
        number_column_width=12 * mm,
    )


def paragraph(text: str | None, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of user text: tidied and escaped so "&" or "<" print as typed."""
    return Paragraph(escape(clean_text(text)), style)


def cell_text(text: str | None, style: ParagraphStyle, width: float) -> str | Paragraph:
    """User text for a table cell ``width`` wide: the plain string when it fits on one line
    (reportlab draws those far faster), a wrapping Paragraph when it does not."""
    tidy = clean_text(text)
    room = width - 4 * mm  # the table's left and right padding
    if "\n" not in tidy and stringWidth(tidy, style.fontName, style.fontSize) <= room:
        return tidy
    return paragraph(text, style)


def cell_within(
    text: str | None, style: ParagraphStyle, width: float, height: float
) -> str | Paragraph:
    """``cell_text`` for a row of fixed ``height`` (a sign-in row): a long name that would
    wrap past the row (three lines, over the rows above and below) is set a little smaller
    until it fits, down to 60% of the usual size."""
    cell = cell_text(text, style, width)
    if isinstance(cell, str):
        return cell
    room_width, room_height = width - 4 * mm, height - 6  # the table's padding
    size = style.fontSize
    while cell.wrap(room_width, 10_000)[1] > room_height and size > style.fontSize * 0.6:
        size -= 0.5
        leading = size * style.leading / style.fontSize
        smaller = ParagraphStyle(f"{style.name}-{size}", style, fontSize=size, leading=leading)
        cell = paragraph(text, smaller)
    return cell


def ruled_table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    col_widths: Sequence[float],
    styles: SheetStyles,
    *,
    row_height: float | None = None,
    fit_rows: bool = False,
) -> Table:
    """A table with a light grey header row repeated on every page and thin rules.

    ``rows`` may hold strings or flowables; every body row has the same height
    (``styles.row_height`` unless given), tall enough to write in by hand. With
    ``fit_rows`` each row (header included) is as tall as its wrapped text instead, for
    printed lists that nobody writes on.
    """
    height = styles.row_height if row_height is None else row_height
    data = [list(header), *[list(row) for row in rows]]
    heights = None if fit_rows else [styles.header_row_height] + [height] * len(rows)
    kind = LongTable if len(rows) > LONG_TABLE_ROWS else Table  # splits long lists faster
    table = kind(data, colWidths=list(col_widths), rowHeights=heights, repeatRows=1)
    if fit_rows:
        padding = styles.body_size * 0.35
        table.setStyle(
            TableStyle(
                [
                    ("TOPPADDING", (0, 0), (-1, -1), padding),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), padding + 1),
                ]
            )
        )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT_REGULAR, styles.body_size),
                ("FONT", (0, 0), (-1, 0), FONT_BOLD, styles.body_size),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
                ("BOX", (0, 0), (-1, -1), 0.75, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), 0.75, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE_GREY),
                ("LINEAFTER", (0, 0), (-2, -1), 0.4, RULE_GREY),
            ]
        )
    )
    return table
