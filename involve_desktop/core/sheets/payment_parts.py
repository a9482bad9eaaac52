"""Pieces the payment sheets share: a label–value block, a right-aligned totals block,
money columns, status words and signature lines.

Black on white with thin rules (photocopies well); money always as "£12.50".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from involve_desktop.core.formatting import format_date, format_pence
from involve_desktop.core.services.payments_dto import ExpenseInfo, PayLineInfo, PayStatus
from involve_desktop.core.sheets.continued_table import ContinuedTable
from involve_desktop.core.sheets.fonts import FONT_BOLD, FONT_REGULAR, text_width
from involve_desktop.core.sheets.options import Orientation, SheetOptions
from involve_desktop.core.sheets.styles import SheetStyles, paragraph, ruled_table

# Room a table heading needs below it (the heading, the column headings and a few rows);
# with less left on the page, the heading starts the next page.
TABLE_HEADING_ROOM = 40 * mm


def continued(
    header: list[Paragraph],
    rows: list[list[object]],
    widths: list[float],
    styles: SheetStyles,
    caption: str,
    *,
    right: Sequence[int] = (),
    centre: Sequence[int] = (),
) -> ContinuedTable:
    """A ruled table of ``rows`` that, run onto another page, starts it with ``caption``
    ("Alan Wright — paid for your time, continued"): a page of everyone's statements that
    comes apart from the others still says whose it is. ``right``: money columns;
    ``centre``: tick-box columns."""

    def build(body: list[list[object]]) -> Table:
        table = right_align(ruled_table(header, body, widths, styles, fit_rows=True), right)
        if centre:
            table.setStyle(TableStyle([("ALIGN", (c, 0), (c, -1), "CENTER") for c in centre]))
        return table

    return ContinuedTable(rows, build, Paragraph(escape(caption), styles.body_bold))


def table_heading(text: str, styles: SheetStyles) -> list[Flowable]:
    """A heading above a table that may run over pages.

    The shared heading style keeps with the next flowable, which moves a table longer than
    the rest of the page (heading and all) to a new page and leaves the first one nearly
    blank. Here the heading starts a new page only when fewer than a few rows would fit.
    """
    loose = ParagraphStyle(f"{styles.heading.name}-table", styles.heading, keepWithNext=0)
    return [CondPageBreak(TABLE_HEADING_ROOM), Paragraph(escape(text), loose)]


def period_words(start: date, end: date) -> str:
    """ "Thu 1 Oct 2026 to Sat 31 Oct 2026"."""
    return f"{format_date(start)} to {format_date(end)}"


def wide_enough(options: SheetOptions) -> SheetOptions:
    """Large print on A4 landscape: the money tables then keep their columns readable."""
    if options.large_print and options.orientation is Orientation.PORTRAIT:
        return replace(options, orientation=Orientation.LANDSCAPE)
    return options


def day_words(day: date, start: date, end: date) -> str:
    """ "Tue 3 Mar" when the period is within one year (it says the year), else in full."""
    text = format_date(day)
    return text.rsplit(" ", 1)[0] if start.year == end.year == day.year else text


def status_words(item: PayLineInfo | ExpenseInfo) -> str:
    """ "Paid Tue 10 Nov 2026", "Approved", "Waiting for approval"."""
    if item.status is PayStatus.PAID and item.paid_on:
        return f"Paid {format_date(item.paid_on)}"
    return item.status.label


def label_block(rows: Sequence[tuple[str, str]], styles: SheetStyles, width: float) -> Table:
    """ "Label: value" lines, labels bold in a column as wide as the longest."""
    size = styles.body_size
    shown = [(label, value) for label, value in rows if value]
    label_width = max(text_width(f"{label}:", FONT_BOLD, size) for label, _ in shown) + 3 * mm
    data = [[f"{label}:", paragraph(value, styles.cell)] for label, value in shown]
    table = Table(data, colWidths=[label_width, width - label_width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (0, -1), FONT_BOLD, size),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
            ]
        )
    )
    return table


def totals_block(
    rows: Sequence[tuple[str, int]], styles: SheetStyles, width: float, *, bold_last: bool = True
) -> Table:
    """Labels and amounts, right-aligned under a table, the last one bold with a rule."""
    size = styles.body_size
    amount_width = max(text_width(format_pence(p), FONT_BOLD, size) for _, p in rows) + 6 * mm
    label_width = max(text_width(label, FONT_BOLD, size) for label, _ in rows) + 6 * mm
    data = [[label, format_pence(pence)] for label, pence in rows]
    table = Table(data, colWidths=[label_width, amount_width], hAlign="RIGHT")
    commands = [
        ("FONT", (0, 0), (-1, -1), FONT_REGULAR, size),
        ("FONT", (0, -1), (-1, -1), FONT_BOLD if bold_last else FONT_REGULAR, size),
        ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if bold_last and len(rows) > 1:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.75, colors.black))
    table.setStyle(TableStyle(commands))
    return table


def right_align(table: Table, columns: Sequence[int]) -> Table:
    """Right-align money columns (body and header)."""
    table.setStyle(TableStyle([("ALIGN", (c, 0), (c, -1), "RIGHT") for c in columns]))
    return table


def header_cells(
    names: Sequence[str], styles: SheetStyles, right: Sequence[int] = ()
) -> list[Paragraph]:
    """Column headings that wrap rather than run into each other (large print too);
    ``right``: the money columns, headed flush right like their amounts."""
    flush = ParagraphStyle("HeadRight", styles.cell_bold, alignment=TA_RIGHT)
    return [
        Paragraph(escape(name), flush if index in right else styles.cell_bold)
        for index, name in enumerate(names)
    ]


def writing_space(styles: SheetStyles) -> Spacer:
    """An empty cell's content that keeps a row tall enough to write in by hand."""
    return Spacer(1, styles.row_height - styles.body_size * 0.7 - 1)


def sign_lines(
    labels: Sequence[str], styles: SheetStyles, width: float, *, dated: bool = True
) -> Flowable:
    """Rows of "Label ________  Date ________" to sign by hand, tall enough to write on
    (without ``dated``: "Label ________" only)."""
    label_width = max(text_width(label, FONT_BOLD, styles.body_size) for label in labels) + 4 * mm
    date_label = text_width("Date", FONT_BOLD, styles.body_size) + 4 * mm
    rest = width - label_width - date_label
    data = [[label, "", "Date" if dated else "", ""] for label in labels]
    table = Table(
        data,
        colWidths=[label_width, rest * 0.62, date_label, rest * 0.38],
        rowHeights=[styles.row_height * 1.2] * len(labels),
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT_BOLD, styles.body_size),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (1, 0), (1, -1), 0.75, colors.black),
                *([("LINEBELOW", (3, 0), (3, -1), 0.75, colors.black)] if dated else []),
                ("LEFTPADDING", (2, 0), (2, -1), 3 * mm),
            ]
        )
    )
    return table


def column_widths(
    styles: SheetStyles,
    width: float,
    columns: Sequence[tuple[str, Sequence[str] | float]],
    *,
    min_share: float = 0.25,
) -> list[float]:
    """Widths for a table: a column given its texts is as wide as its widest text or its
    heading (never split); a column given a number shares the rest by that weight. When
    the weighted columns would get less than ``min_share`` of the width, every column is
    scaled in proportion instead."""
    size = styles.body_size
    fixed: dict[int, float] = {}
    for index, (heading, spec) in enumerate(columns):
        if not isinstance(spec, (int, float)):
            texts = [text_width(t, FONT_REGULAR, size) for t in spec]
            fixed[index] = max([text_width(heading, FONT_BOLD, size), *texts]) + 4 * mm + 2
    weights = {
        i: float(spec) for i, (_, spec) in enumerate(columns) if isinstance(spec, (int, float))
    }
    rest = width - sum(fixed.values())
    if rest < width * min_share * bool(weights):  # too tight: everything in proportion instead
        scale = (width * 0.75 if weights else width) / sum(fixed.values())
        fixed = {i: w * scale for i, w in fixed.items()}
        rest = width - sum(fixed.values())
    total = sum(weights.values()) or 1.0
    return [fixed[i] if i in fixed else rest * weights[i] / total for i in range(len(columns))]
