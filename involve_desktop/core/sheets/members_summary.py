"""Members summary: how many people, by status and by current role; who joined and left.

Counts only — no names — so the sheet carries no Confidential footer. The monthly table
covers the last 12 months (this month included) and has a bar chart beside it drawn for a
black-and-white printer: joined as solid dark bars, left as white bars with a black outline,
with a legend in words.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from involve_desktop.core.sheets.columns import measure_columns
from involve_desktop.core.sheets.fonts import FONT_BOLD, FONT_REGULAR
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.options import SheetOptions, check_text
from involve_desktop.core.sheets.styles import SheetStyles, paragraph, ruled_table, sheet_styles

DEFAULT_TITLE = "Members summary"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
JOINED_FILL = colors.Color(0.25, 0.25, 0.25)
ROLE_NOTE = "Someone with two roles is counted in both, so roles add up to more than people."


@dataclass(frozen=True)
class RoleCount:
    """How many people hold a role now, by their status."""

    role: str
    active: int
    stepping_back: int


@dataclass(frozen=True)
class MonthCount:
    """Joiners and leavers in one calendar month (``month`` is its first day)."""

    month: date
    joined: int
    left: int


@dataclass(frozen=True)
class MembersSummarySheet:
    """The counts to print and the words at the top of the page."""

    active: int
    stepping_back: int
    left: int
    roles: tuple[RoleCount, ...]
    no_role: RoleCount
    months: tuple[MonthCount, ...]
    group_name: str | None = None
    title: str | None = None
    subtitle: str | None = None


def month_label(month: date) -> str:
    """ "Mar 2026"."""
    return f"{_MONTHS[month.month - 1]} {month.year}"


def _right(table: Table, first_col: int) -> Table:
    table.setStyle(TableStyle([("ALIGN", (first_col, 0), (-1, -1), "RIGHT")]))
    return table


def _status_table(sheet: MembersSummarySheet, styles: SheetStyles, width: float) -> Table:
    total = sheet.active + sheet.stepping_back + sheet.left
    rows = [
        ["Active", str(sheet.active)],
        ["Stepping back", str(sheet.stepping_back)],
        ["Left", str(sheet.left)],
        [paragraph("Everyone on record", styles.cell_bold), str(total)],
    ]
    widths = [width * 0.68, width * 0.32]
    table = ruled_table(["Status", "People"], rows, widths, styles, fit_rows=True)
    table.setStyle(TableStyle([("FONT", (1, -1), (1, -1), FONT_BOLD, styles.body_size)]))
    return _right(table, 1)


def _role_table(sheet: MembersSummarySheet, styles: SheetStyles, width: float) -> Table:
    cell, bold = styles.cell, styles.cell_bold
    counts = [
        (r.role, str(r.active), str(r.stepping_back), str(r.active + r.stepping_back))
        for r in (*sheet.roles, sheet.no_role)
    ]
    header = ("Current role", "Active", "Stepping back", "Total")
    fit = measure_columns(header, list(zip(*counts, strict=True)), styles, nowrap={1, 3})
    rows = [[paragraph(role, cell), *numbers] for role, *numbers in counts]
    heading = [paragraph(text, bold) for text in header]
    return _right(ruled_table(heading, rows, fit.widths(width), styles, fit_rows=True), 1)


def _month_table(sheet: MembersSummarySheet, styles: SheetStyles, width: float) -> Table:
    rows = [[month_label(m.month), str(m.joined), str(m.left)] for m in sheet.months]
    joined = sum(m.joined for m in sheet.months)
    left = sum(m.left for m in sheet.months)
    rows.append(["Total", str(joined), str(left)])
    widths = [width * 0.46, width * 0.27, width * 0.27]
    table = ruled_table(["Month", "Joined", "Left"], rows, widths, styles, fit_rows=True)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, -1), (-1, -1), FONT_BOLD, styles.body_size),
                ("LINEABOVE", (0, -1), (-1, -1), 0.75, colors.black),
            ]
        )
    )
    return _right(table, 1)


def _chart(sheet: MembersSummarySheet, styles: SheetStyles, width: float, height: float) -> Drawing:
    """Grouped bars per month: joined (dark) and left (white, outlined), legend in words."""
    size = styles.small_size
    drawing = Drawing(width, height)
    legend_y = height - size * 1.2
    for index, (label, fill) in enumerate((("Joined", JOINED_FILL), ("Left", colors.white))):
        x = index * width * 0.3
        drawing.add(Rect(x, legend_y, size, size, fillColor=fill, strokeColor=colors.black))
        drawing.add(
            String(
                x + size * 1.5, legend_y + size * 0.1, label, fontName=FONT_REGULAR, fontSize=size
            )
        )
    chart = VerticalBarChart()
    chart.x, chart.y = size * 2.5, size * 3.2
    chart.width = width - chart.x - 2
    chart.height = legend_y - chart.y - size * 1.2
    chart.data = [[m.joined for m in sheet.months], [m.left for m in sheet.months]]
    chart.bars[0].fillColor = JOINED_FILL
    chart.bars[1].fillColor = colors.white
    chart.bars.strokeColor = colors.black
    chart.bars.strokeWidth = 0.6
    chart.barSpacing = 0.5
    chart.groupSpacing = 4
    # Month names only: the heading above and the table beside give the years.
    chart.categoryAxis.categoryNames = [_MONTHS[m.month.month - 1] for m in sheet.months]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FONT_REGULAR
        axis.labels.fontSize = size
        axis.strokeColor = colors.black
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -2
    most = max([m.joined for m in sheet.months] + [m.left for m in sheet.months] + [1])
    step = max(1, -(-most // 5))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = step * (-(-most // step))
    chart.valueAxis.valueStep = step
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.75, 0.75, 0.75)
    chart.valueAxis.gridStrokeWidth = 0.3
    drawing.add(chart)
    return drawing


def members_summary_story(sheet: MembersSummarySheet, options: SheetOptions) -> list[Flowable]:
    """Status and roles side by side, then the monthly table beside its chart.

    Large print stacks everything in one column so each table keeps a readable width.
    """
    styles = sheet_styles(options.large_print)
    width = page_geometry(options, _header(sheet)).content_width
    gap = 8 * mm
    stacked = options.large_print
    left_width = width if stacked else width * 0.36
    right_width = width if stacked else width - left_width - gap
    status = _status_table(sheet, styles, left_width)
    roles = _role_table(sheet, styles, right_width)
    months = _month_table(sheet, styles, left_width)
    chart_height = (len(sheet.months) + 2) * styles.body_size * 1.75
    chart = _chart(sheet, styles, right_width, max(chart_height, 60 * mm))
    title = Paragraph(f"Joined and left, {_period(sheet)}", styles.heading)
    note = paragraph(ROLE_NOTE, styles.body)
    if stacked:
        return [
            Paragraph("People by status", styles.heading),
            status,
            Paragraph("People by current role", styles.heading),
            roles,
            Spacer(1, 2 * mm),
            note,
            title,
            months,
            Spacer(1, 4 * mm),
            chart,
        ]
    return [
        _side_by_side(
            [Paragraph("People by status", styles.heading), status],
            [Paragraph("People by current role", styles.heading), roles],
            left_width,
            right_width,
            gap,
        ),
        Spacer(1, 2 * mm),
        note,
        title,
        _side_by_side([months], [chart], left_width, right_width, gap),
    ]


def _side_by_side(
    left: list, right: list, left_width: float, right_width: float, gap: float
) -> Table:
    table = Table([[left, "", right]], colWidths=[left_width, gap, right_width])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _period(sheet: MembersSummarySheet) -> str:
    if not sheet.months:
        return "no months"
    return f"{month_label(sheet.months[0].month)} to {month_label(sheet.months[-1].month)}"


def _header(sheet: MembersSummarySheet) -> SheetHeader:
    return SheetHeader(
        title=sheet.title or DEFAULT_TITLE, group_name=sheet.group_name, subtitle=sheet.subtitle
    )


def render_members_summary(
    sheet: MembersSummarySheet,
    options: SheetOptions | None = None,
    *,
    printed_on: date | None = None,
) -> bytes:
    """Render the summary to PDF bytes; it prints no names, so no Confidential footer."""
    options = options or SheetOptions()
    checked = replace(
        sheet,
        group_name=check_text("group_name", "Group name", sheet.group_name),
        title=check_text("title", "Title", sheet.title) or DEFAULT_TITLE,
    )
    return build_pdf(
        members_summary_story(checked, options),
        header=_header(checked),
        options=options,
        has_names=False,
        printed_on=printed_on,
    )
